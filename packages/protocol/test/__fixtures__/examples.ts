/**
 * Realistic examples of every body of the contract, for schema tests. The job record is the
 * §8.3 example of reference/service-api.md with its elided values (`…`) filled in.
 */
import { readFileSync } from 'node:fs'

const SPEC = readFileSync(new URL('service-api-8.md', import.meta.url), 'utf8')

/** Excerpts of the service contract (§8.2, §8.3, §8.10): the reference the tests check against. */
export function serviceSpec(): string {
  return SPEC
}

/** The §8.3 JSON example, parsed, with `…` placeholders replaced by plausible values. */
export function specJobRecord(): Record<string, unknown> {
  const start = SPEC.indexOf('### 8.3 Job record')
  const open = SPEC.indexOf('```json', start) + '```json'.length
  const close = SPEC.indexOf('```', open)
  const text = SPEC.slice(open, close)
    .replace('"user_01H…"', '"user_01H8ZX3Q5W7Y9A1C3E5G7J9K1M"')
    .replace('"input_sha256": "…"', `"input_sha256": "${'ab'.repeat(32)}"`)
    .replace('"6f1c…"', '"6f1c2e0a-5d7b-4c1e-9a3f-2b8d4e6f8a0c"')
  return JSON.parse(text) as Record<string, unknown>
}

/** The §8.10 problem example, parsed (host placeholder filled). */
export function specProblem(): Record<string, unknown> {
  const start = SPEC.indexOf('### 8.10 Error model')
  const open = SPEC.indexOf('```json', start) + '```json'.length
  const close = SPEC.indexOf('```', open)
  const text = SPEC.slice(open, close)
    .replace('https://<host>/errors/', 'https://q.example.com/errors/')
    .replace('"01J9…"', '"01J9Z3K7Q8V2M4N6P0R2S4T6V8"')
  return JSON.parse(text) as Record<string, unknown>
}

/** A device snapshot from shared/data (real IBM data). */
export function deviceJson(device: string, kind: 'conf' | 'props'): unknown {
  const path = `${process.env['QFABRIC_SHARED']}/data/qiskit-fake-backends/${device}/${kind}_${device}.json`
  return JSON.parse(readFileSync(path, 'utf8'))
}

export const BELL_QASM3 = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;
`

export const BELL_QASM2 = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0],q[1];
measure q -> c;
`

export const T0 = '2026-09-01T10:00:00.000Z'

export const submission = {
  backend: 'sim-statevector',
  program: 'circuit-runner',
  input: {
    circuits: [
      { qasm: BELL_QASM3, name: 'bell', metadata: { experiment: 42 } },
      { qasm: BELL_QASM2 },
    ],
  },
  shots: 1024,
  seed: 7,
  memory: true,
  options: { method: 'statevector', noise: false },
  name: 'bell-test',
  tags: ['exp-42'],
  metadata: { notebook: 'bell.ipynb' },
  visibility: 'project',
  max_execution_seconds: 600,
  queue_ttl_seconds: 3600,
  client: { name: '@qfabric/client', version: '0.1.0' },
}

export const user = {
  id: 'user_01H8ZX3Q5W7Y9A1C3E5G7J9K1M',
  login: 'ada',
  display_name: 'Ada Lovelace',
  status: 'active',
  role: 'member',
  created_at: T0,
}

export const tokenInfo = {
  id: '7k2m9q4r8t1v5x3z',
  user_id: user.id,
  name: 'laptop',
  prefix: 'qjs_7k2m',
  scopes: ['jobs:read', 'jobs:write', 'backends:read'],
  instances: ['acme/research'],
  created_at: T0,
  last_used_at: null,
  expires_at: '2027-09-01T00:00:00Z',
}

const usage = (limit: number | null, used: number) => ({
  limit,
  used,
  remaining: limit === null ? null : Math.max(0, limit - used),
})

export const instanceLimits = {
  instance: 'acme/research/vqe',
  max_running_jobs: usage(5, 2),
  max_pending_jobs: usage(50, 50),
  submit_rate: { ...usage(5, 1), window_seconds: 60, reset_at: '2026-09-01T10:01:00Z' },
  max_execution_seconds: 10800,
  as_of: T0,
}

export const instance = {
  instance: 'acme/research/vqe',
  hub: 'acme',
  group: 'research',
  project: 'vqe',
  description: 'VQE experiments',
  role: 'member',
  limits: instanceLimits,
  retention: { result_ttl_days: 30, record_ttl_days: null },
  created_at: T0,
}

export const backend = {
  name: 'fake_lima',
  kind: 'qpu',
  description: '5 qubit device Lima (simulated)',
  status: 'online',
  status_message: null,
  accepting_jobs: true,
  availability_windows: [{ day: 'weekdays', start_hour: 8, end_hour: 20 }],
  num_qubits: 5,
  basis_gates: ['id', 'rz', 'sx', 'x', 'cx', 'reset'],
  programs: ['circuit-runner'],
  limits: {
    max_shots: 8192,
    max_circuits: 900,
    max_executions: null,
    max_qubits: 5,
    max_request_bytes: 33554432,
    max_result_bytes: null,
    max_execution_seconds: 10800,
  },
  queue: { length: 3, running: 1, estimated_wait_seconds: 42.5 },
  version: '1.0.5',
  calibration_id: 'lima-2021-03-15',
  online_date: '2021-01-08T05:00:00+00:00',
}

export const result = {
  backend_name: 'sim-statevector',
  backend_version: '0.1.0',
  qobj_id: null,
  job_id: 'job_01J9Z3K7Q8V2M4N6P0R2S4T6V8',
  success: true,
  date: '2026-09-01T10:03:40Z',
  status: 'COMPLETED',
  header: { backend_name: 'sim-statevector' },
  time_taken: 0.12,
  results: [
    {
      shots: 1024,
      success: true,
      meas_level: 2,
      seed_simulator: 7,
      data: { counts: { '0x0': 517, '0x3': 507 }, memory: ['0x0', '0x3'] },
      header: {
        name: 'bell',
        creg_sizes: [['c', 2]],
        memory_slots: 2,
        qreg_sizes: [['q', 2]],
        n_qubits: 2,
        clbit_labels: [
          ['c', 0],
          ['c', 1],
        ],
        qubit_labels: [
          ['q', 0],
          ['q', 1],
        ],
        global_phase: 0,
        metadata: {},
      },
      status: 'DONE',
      time_taken: 0.05,
    },
    {
      shots: [0, 1023],
      success: true,
      data: {
        statevector: [
          [0.7071067811865476, 0],
          [0, 0],
          [0, 0],
          [0.7071067811865476, 0],
        ],
      },
      header: { name: 'bell-sv', n_qubits: 2, memory_slots: 0 },
    },
  ],
}
