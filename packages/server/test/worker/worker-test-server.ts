/**
 * Real servers for the worker tests: listening on 127.0.0.1, the `@qfabric/sim` backends
 * (`qasm_simulator` and the `fake_manila` device), a project `acme/research/vqe` with a member
 * whose token submits jobs over HTTP.
 */
import type { JobRecord, ServiceJobStatus } from '@qfabric/protocol'
import type { BackendsConfig } from '../../src/config/backends-config.js'
import { createServer, type QfabricServer, type ServerOptions } from '../../src/create-server.js'

/** The backends of the worker tests (loaded from `@qfabric/sim`). */
export const WORKER_BACKENDS: BackendsConfig = {
  backends: [
    { name: 'qasm_simulator', source: 'local:qasm_simulator' },
    { name: 'fake_manila', source: 'fake:fake_manila', kind: 'qpu' },
  ],
}

/** Bell circuit, OpenQASM 2. */
export const BELL_QASM =
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'

/** Bell circuit in `fake_manila`'s basis (`rz`, `sx`, `cx` on the coupled pair 0–1). */
export const MANILA_BELL_QASM =
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nrz(pi/2) q[0];\nsx q[0];\nrz(pi/2) q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'

/**
 * A circuit that keeps a statevector simulator busy: `layers` of non-Clifford rotations on
 * every qubit and a CX chain (so no stabilizer shortcut applies), then measurements.
 *
 * @param qubits - width
 * @param layers - depth
 * @returns OpenQASM 2 text
 */
export function busyQasm(qubits: number, layers: number): string {
  const lines = [
    'OPENQASM 2.0;',
    'include "qelib1.inc";',
    `qreg q[${qubits}];`,
    `creg c[${qubits}];`,
  ]
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < qubits; q++) lines.push(`rx(${0.1 + 0.01 * l}) q[${q}];`)
    for (let q = 0; q + 1 < qubits; q++) lines.push(`cx q[${q}],q[${q + 1}];`)
  }
  lines.push('measure q -> c;')
  return lines.join('\n') + '\n'
}

/** A started worker-test server and an HTTP client for its member. */
export interface WorkerTestServer extends AsyncDisposable {
  readonly server: QfabricServer
  /** `fetch` against the server as the member, JSON in and out. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>
  /** Submits a job; returns its record. */
  submit(backend: string, qasm: string | readonly string[], shots: number): Promise<JobRecord>
  /** Polls until the job is in one of the statuses (or throws after `timeoutMs`). */
  waitFor(id: string, statuses: readonly ServiceJobStatus[], timeoutMs?: number): Promise<JobRecord>
  close(): Promise<void>
}

/** The member's token, shared by servers of one database. */
interface Member {
  readonly token: string
}

async function request(
  url: string,
  init: { method: string; token: string; body?: unknown },
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      authorization: `Bearer ${init.token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await response.text()
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) }
}

async function createMember(server: QfabricServer): Promise<Member> {
  const admin = await server.createAdminToken()
  const call = (method: string, path: string, body?: unknown) =>
    request(`${server.url}${path}`, { method, token: admin, body })
  await call('POST', '/v1/instances/acme/research/vqe', {})
  const user = await call('POST', '/v1/users', { login: 'alice' })
  const id = (user.json as { id: string }).id
  await call('POST', '/v1/memberships', {
    user_id: id,
    instance: 'acme/research/vqe',
    role: 'member',
  })
  const token = await call('POST', '/v1/tokens', {
    name: 'alice',
    scopes: ['jobs:read', 'jobs:write', 'backends:read'],
    user_id: id,
  })
  if (token.status !== 201) throw new Error(JSON.stringify(token.json))
  return { token: (token.json as { token: string }).token }
}

/**
 * Starts a listening server with the sim backends (and a member, unless one is given: servers
 * sharing a database share the member).
 *
 * @param options - server options (executor, db, store, …)
 * @param member - an existing member (second server on the same database)
 * @returns the server and its client
 */
export async function startWorkerTestServer(
  options: ServerOptions,
  member?: Member,
): Promise<WorkerTestServer & { readonly member: Member }> {
  const server = await createServer({
    logger: false,
    backends: WORKER_BACKENDS,
    onFirstAdminToken: null,
    ...options,
  })
  const who = member ?? (await createMember(server))
  const call = (method: string, path: string, body?: unknown) =>
    request(`${server.url}${path}`, { method, token: who.token, body })
  const submit = async (backend: string, qasm: string | readonly string[], shots: number) => {
    const texts = typeof qasm === 'string' ? [qasm] : qasm
    const r = await call('POST', '/v1/jobs', {
      backend,
      shots,
      input: { circuits: texts.map((q) => ({ qasm: q })) },
    })
    if (r.status !== 201) throw new Error(JSON.stringify(r.json))
    return r.json as JobRecord
  }
  const waitFor = async (
    id: string,
    statuses: readonly ServiceJobStatus[],
    timeoutMs = 20_000,
  ): Promise<JobRecord> => {
    const end = Date.now() + timeoutMs
    for (;;) {
      const job = (await call('GET', `/v1/jobs/${id}`)).json as JobRecord
      if (statuses.includes(job.status)) return job
      if (Date.now() > end) throw new Error(`job ${id} still ${job.status}/${job.phase}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  const close = () => server.close()
  return { server, member: who, call, submit, waitFor, close, [Symbol.asyncDispose]: close }
}
