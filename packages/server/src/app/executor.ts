import type { Logger } from 'pino'
import type { Clock } from '../store/clock.js'
import type { JobStore } from '../store/job-store.js'
import type { BackendCatalog } from './backend-catalog.js'

/** What an {@link Executor} is given when the server starts it. */
export interface ExecutorContext {
  /** The job store: claim (`claimNext`), heartbeat, transition, `complete`/`fail`/`finish`. */
  readonly store: JobStore
  /** The server's backends: resolve a job's `backend` name to a `Backend` to run it on. */
  readonly catalog: BackendCatalog
  readonly clock: Clock
  readonly logger: Logger
  /** Aborts when the server shuts down: stop claiming, let leases lapse or finish quickly. */
  readonly signal: AbortSignal
}

/**
 * The seam between the HTTP layer and whatever runs jobs (STYLE §5.3): the scheduler and worker
 * pool (the `scheduler`/`worker` roles of §8.13), an in-process runner for a laptop, or a test
 * double. The HTTP layer never runs a job itself: it writes `QUEUED` jobs and cancel requests to
 * the store, and executors claim jobs from the store with leases, heartbeat (learning of
 * cancels: `cancelRequested`), and finish them there. Changes reach SSE streams through the
 * store's change notifications, so an executor needs no back channel to the API.
 *
 * How to implement: in `start`, loop `store.claimNext({ workerId, backends, leaseMs })` /
 * `store.waitForWork({ signal })` until `signal` aborts; run each job's circuits
 * (`JSON.parse(store.getJobInput(id).input).circuits[i].qasm`, options in `job.options`) on
 * `catalog.resolve(entry).backend`; heartbeat within the lease; `store.complete(...)` with the
 * Qiskit Result JSON, `store.fail(...)` with a reason, or `store.finish(..., { outcome:
 * 'cancelled' })` after a cancel request. `stop` waits for the loop to end.
 */
export interface Executor {
  /** Starts taking work (called once, after the store is open). */
  start(context: ExecutorContext): void | Promise<void>
  /** Stops taking work and waits for in-flight work to settle (called on close). */
  stop(): Promise<void>
}
