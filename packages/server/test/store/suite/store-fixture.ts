import type { BackendSnapshot } from '../../../src/store/account-types.js'
import type { ManualClock } from '../../../src/store/clock.js'
import type { JobStore } from '../../../src/store/job-store.js'
import type { NewJob } from '../../../src/store/job-store-types.js'

/** One store under test, its clock, and a way to open more connections to the same database. */
export interface JobStoreFixture {
  readonly store: JobStore
  readonly clock: ManualClock
  /** Another store on the same database (another pool / connection), sharing the clock. */
  readonly openPeer: () => Promise<JobStore>
}

/** How the conformance suite makes and disposes of stores. */
export interface JobStoreFactory {
  /** Shown in test names: `sqlite`, `postgres`. */
  readonly name: string
  /** A fresh, empty, migrated database. */
  create(): Promise<JobStoreFixture>
  /** Closes the store and its peers and drops the database. */
  destroy(fixture: JobStoreFixture): Promise<void>
}

/** The instances and users every test starts with. */
export const SEED = {
  alice: 'user_alice',
  bob: 'user_bob',
  carol: 'user_carol',
  vqe: 'acme/research/vqe',
  qaoa: 'acme/research/qaoa',
  ops: 'acme/ops/main',
  other: 'other/lab/x',
} as const

/**
 * Creates the seed users and instances.
 *
 * @param store - an empty store
 */
export async function seed(store: JobStore): Promise<void> {
  await store.createUser({ id: SEED.alice, login: 'alice' })
  await store.createUser({ id: SEED.bob, login: 'bob' })
  await store.createUser({ id: SEED.carol, login: 'carol', role: 'admin' })
  for (const path of [SEED.vqe, SEED.qaoa, SEED.ops, SEED.other]) await store.upsertInstance(path)
}

const QASM =
  'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n'

/**
 * A valid new job with overridable fields (alice, vqe, backend `sim`).
 *
 * @param overrides - fields to change
 * @returns the job
 */
export function newJob(overrides: Partial<NewJob> = {}): NewJob {
  return {
    instance: SEED.vqe,
    owner: SEED.alice,
    backend: 'sim',
    input: JSON.stringify({ circuits: [{ qasm: QASM }] }),
    shots: 1024,
    num_circuits: 1,
    max_execution_seconds: 600,
    ...overrides,
  }
}

/**
 * Polls until `check` returns true (for notifications delivered over the network).
 *
 * @param check - the condition
 * @param timeoutMs - give up after (default 5 s)
 */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

/**
 * A shared simulator backend `sim` (30 qubits, no limits but its width) with overridable fields.
 *
 * @param overrides - fields to change
 * @returns the snapshot to upsert
 */
export function simBackend(overrides: Partial<BackendSnapshot> = {}): BackendSnapshot {
  return {
    name: 'sim',
    instance: null,
    kind: 'simulator',
    status: 'online',
    status_message: null,
    accepting_jobs: true,
    num_qubits: 30,
    limits: {
      max_shots: null,
      max_circuits: null,
      max_executions: null,
      max_qubits: 30,
      max_request_bytes: null,
      max_result_bytes: null,
      max_execution_seconds: null,
    },
    availability_windows: [],
    config: null,
    version: '1.0',
    calibration_id: 'cal-1',
    ...overrides,
  }
}
