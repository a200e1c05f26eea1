import type { ResultJson } from '@qfabric/core/providers'
import type { StatusReasonInput, StoredJob } from '../store/job-store-types.js'
import type { FinishResult, HeartbeatResult } from '../store/queue-types.js'
import type { Executor, ExecutorContext } from './executor.js'

/** Lease length of jobs claimed by a {@link ManualExecutor} (long: tests move time by hand). */
const LEASE_MS = 10 * 60_000

/**
 * An in-process executor that runs nothing by itself: a test (or a demo) drives each step —
 * claim, phase changes, progress, completion, failure, cancel acknowledgement — exactly as a
 * worker would, through the store. It makes the service's state machine, queue positions and
 * event streams observable step by step.
 *
 * @example
 * ```ts
 * const executor = new ManualExecutor()
 * await using server = await createServer({ executor, listen: false })
 * const job = await executor.claim()                // QUEUED → RUNNING
 * await executor.complete(job!.id, resultJson)      // RUNNING → COMPLETED, result stored
 * ```
 */
export class ManualExecutor implements Executor {
  /** The lease owner of the jobs this executor claims. */
  readonly workerId: string
  #context: ExecutorContext | undefined

  /** @param workerId - lease owner name (default `manual-executor`) */
  constructor(workerId = 'manual-executor') {
    this.workerId = workerId
  }

  /**
   * Remembers the server's store and backends.
   *
   * @param context - what the server gives executors
   */
  start(context: ExecutorContext): void {
    this.#context = context
  }

  /** Forgets the server. */
  stop(): Promise<void> {
    this.#context = undefined
    return Promise.resolve()
  }

  get #store(): ExecutorContext['store'] {
    if (this.#context === undefined) throw new TypeError('ManualExecutor is not started')
    return this.#context.store
  }

  /**
   * Claims the next queued job, as a worker would (fair share, limits, lease).
   *
   * @param backends - backends to claim for (default: every backend of the server)
   * @returns the job, now `RUNNING`, or `undefined` when nothing is claimable
   */
  async claim(backends?: readonly string[]): Promise<StoredJob | undefined> {
    const names = backends ?? this.#context?.catalog.entries.map((e) => e.name) ?? []
    return this.#store.claimNext({ workerId: this.workerId, backends: names, leaseMs: LEASE_MS })
  }

  /**
   * Moves a running job to another `RUNNING` phase (`compiling`, `executing`, …).
   *
   * @param jobId - the job
   * @param phase - the phase
   * @returns the job
   */
  setPhase(jobId: string, phase: string): Promise<StoredJob> {
    return this.#store.transition(jobId, {
      to: 'RUNNING',
      phase,
      workerId: this.workerId,
      from: 'RUNNING',
    })
  }

  /**
   * Reports progress (a `job.progress` event).
   *
   * @param jobId - the job
   * @param done - circuits done
   * @param total - circuits in all
   */
  async progress(jobId: string, done: number, total: number): Promise<void> {
    await this.#store.appendEvent(jobId, { type: 'job.progress', done, total })
  }

  /**
   * Renews the lease; tells whether a cancel was requested.
   *
   * @param jobId - the job
   * @returns the lease and the cancel flag
   */
  heartbeat(jobId: string): Promise<HeartbeatResult> {
    return this.#store.heartbeat(jobId, this.workerId, LEASE_MS)
  }

  /**
   * Completes a job with its result.
   *
   * @param jobId - the job
   * @param result - the Qiskit-shaped result
   * @returns what finishing did
   */
  complete(jobId: string, result: ResultJson): Promise<FinishResult> {
    return this.#store.complete(jobId, this.workerId, { body: JSON.stringify(result) })
  }

  /**
   * Fails a job.
   *
   * @param jobId - the job
   * @param reason - why (`execution_error`, …)
   * @returns what finishing did
   */
  fail(jobId: string, reason: StatusReasonInput): Promise<FinishResult> {
    return this.#store.fail(jobId, this.workerId, reason)
  }

  /**
   * Acknowledges a cancel request (`CANCELLING` → `CANCELLED`).
   *
   * @param jobId - the job
   * @returns what finishing did
   */
  acknowledgeCancel(jobId: string): Promise<FinishResult> {
    return this.#store.finish(jobId, this.workerId, { outcome: 'cancelled' })
  }
}
