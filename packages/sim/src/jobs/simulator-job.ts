/**
 * The job of a local simulator: `QUEUED` (with its queue position) until a worker of the pool
 * takes it, `RUNNING` with `progress` events (shots done), then `DONE` with its result, `ERROR`
 * with the simulator's message and code, or `CANCELLED`. Cancelling is immediate in every
 * state: a queued job leaves the queue, a running job's worker is terminated.
 */
import {
  BaseJob,
  type BaseJobInit,
  type CancelOutcome,
  isFinalJobStatus,
  type Result,
} from '@qfabric/core/providers'
import type {
  ExecutionRequest,
  ExperimentOutcome,
} from '../backends/execution/execution-request.js'
import { TaskCancelledError, type JobWorkerPool, type PoolTask } from './job-worker-pool.js'

/** What a {@link SimulatorJob} is built from. */
export interface SimulatorJobInit extends Omit<BaseJobInit, 'status' | 'pollIntervalMs'> {
  /** The pool that runs it. */
  readonly pool: JobWorkerPool
  /** The work. */
  readonly request: ExecutionRequest
  /** Builds the result from the outcomes (on the submitting thread). */
  readonly toResult: (outcomes: readonly ExperimentOutcome[]) => Result
  /** Messages to log at once (e.g. ignored options). */
  readonly warnings?: readonly string[] | undefined
}

/**
 * A local simulation job, running in a worker thread (or, when tiny, on the calling thread: see
 * `JobWorkerPoolOptions.inlineBelow`).
 *
 * @example
 * ```ts
 * const job = await backend.run(circuit, { shots: 1000 })
 * for await (const event of job.events()) if (event.type === 'progress') console.log(event.done)
 * await job.cancel() // 'cancelled': the worker is terminated
 * ```
 */
export class SimulatorJob extends BaseJob {
  readonly #task: PoolTask

  /** @param init - the pool, the request, how to build the result, and the job's metadata */
  constructor(init: SimulatorJobInit) {
    super({ ...init, status: 'INITIALIZING' })
    for (const warning of init.warnings ?? []) this.log('warning', warning)
    this.setStatus('QUEUED', { queuePosition: 0 })
    this.#task = init.pool.submit(init.request, {
      onQueuePosition: (queuePosition) => {
        if (this.currentStatus === 'QUEUED') this.setStatus('QUEUED', { queuePosition })
      },
      onStart: () => {
        if (!isFinalJobStatus(this.currentStatus)) this.setStatus('RUNNING')
      },
      onProgress: (done, total) => {
        this.reportProgress(done, total, 'shots')
      },
      onWarning: (message) => {
        this.log('warning', message)
      },
    })
    this.#task.promise.then(
      (outcomes) => {
        if (isFinalJobStatus(this.currentStatus)) return
        try {
          this.complete(init.toResult(outcomes))
        } catch (error) {
          this.fail(error instanceof Error ? error.message : String(error))
        }
      },
      (error: unknown) => {
        if (isFinalJobStatus(this.currentStatus)) return
        if (error instanceof TaskCancelledError) {
          this.markCancelled(error.message)
          return
        }
        const code = (error as { code?: unknown } | null)?.code
        this.fail(error instanceof Error ? error.message : String(error), {
          remoteCode: typeof code === 'string' ? code : undefined,
        })
      },
    )
  }

  protected override requestCancel(): Promise<CancelOutcome> {
    if (isFinalJobStatus(this.currentStatus)) return Promise.resolve('not-cancellable')
    const wasRunning = this.currentStatus === 'RUNNING'
    if (!this.#task.cancel()) return Promise.resolve('not-cancellable')
    this.markCancelled(
      wasRunning
        ? 'The job was cancelled while running.'
        : 'The job was cancelled before it started.',
    )
    return Promise.resolve('cancelled')
  }
}
