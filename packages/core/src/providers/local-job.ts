import { createAbortController, createAbortError, type AbortSignalLike } from './abort-signal.js'
import { BaseJob, type BaseJobInit } from './base-job.js'
import type { CancelOutcome } from './job.js'
import type { JobLogLevel } from './job-event.js'
import { isFinalJobStatus } from './job-status.js'
import type { Result } from './result.js'
import type { TimeoutHandle } from './timeout-provider.js'

/** What a {@link LocalJob}'s task receives. */
export interface LocalJobContext {
  /**
   * Aborts when the job is cancelled. Check it at layer or shot-chunk boundaries
   * (`signal.throwIfAborted()`); a task that rejects after the abort ends the job `CANCELLED`.
   */
  readonly signal: AbortSignalLike
  /** Reports work done so far (a `progress` event). */
  readonly reportProgress: (done: number, total: number, unit?: string) => void
  /** Reports a message (a `log` event). */
  readonly log: (level: JobLogLevel, message: string) => void
}

/** What a {@link LocalJob} is built from. */
export interface LocalJobInit extends Omit<BaseJobInit, 'status' | 'pollIntervalMs'> {
  /** The work: computes the result. Thrown errors end the job in `ERROR` with their message. */
  readonly task: (context: LocalJobContext) => Promise<Result> | Result
  /** Messages to log as soon as the job exists (e.g. warnings about ignored options). */
  readonly warnings?: readonly string[] | undefined
}

/**
 * A job that runs an async function in this process: `QUEUED` at once, `RUNNING` on the next
 * timer tick, then `DONE` with the task's result, `ERROR` with its error message, or
 * `CANCELLED`. Cancelling before it starts is immediate (`'cancelled'`); while it runs, the
 * task's signal aborts and the answer is `'requested'` — the job ends `CANCELLED` if the task
 * stops, `DONE` if it finished first.
 *
 * The task runs on the calling thread: heavy work should yield or run elsewhere.
 * `@qfabric/sim` runs simulations in worker threads behind the same `Job` surface.
 *
 * @example
 * ```ts
 * const job = new LocalJob({ id: createJobId(), backend, task: async ({ signal }) => simulate(circuits, signal) })
 * const result = await job.result({ timeoutMs: 10_000 })
 * ```
 */
export class LocalJob extends BaseJob {
  readonly #task: LocalJobInit['task']
  readonly #controller = createAbortController()
  /** The timer that starts the task, while it has not fired. */
  #pendingStart: { readonly handle: TimeoutHandle } | undefined

  /** @param init - the task, its backend and the job's metadata */
  constructor(init: LocalJobInit) {
    super({ ...init, status: 'INITIALIZING' })
    this.#task = init.task
    for (const warning of init.warnings ?? []) this.log('warning', warning)
    this.setStatus('QUEUED')
    // Start on a timer tick, not synchronously: `run()` resolves with the job first, and a
    // cancel issued right away still finds it queued.
    const handle = this.timers.setTimeout(() => {
      this.#pendingStart = undefined
      void this.#start()
    }, 0)
    this.#pendingStart = { handle }
  }

  protected override requestCancel(): Promise<CancelOutcome> {
    if (isFinalJobStatus(this.currentStatus)) return Promise.resolve('not-cancellable')
    this.#controller.abort(createAbortError('The job was cancelled.'))
    if (this.#pendingStart !== undefined) {
      this.timers.clearTimeout(this.#pendingStart.handle)
      this.#pendingStart = undefined
      this.markCancelled('Cancelled before it started.')
      return Promise.resolve('cancelled')
    }
    return Promise.resolve('requested')
  }

  async #start(): Promise<void> {
    if (isFinalJobStatus(this.currentStatus)) return
    this.setStatus('RUNNING')
    const signal = this.#controller.signal
    const context: LocalJobContext = {
      signal,
      reportProgress: (done, total, unit) => {
        this.reportProgress(done, total, unit)
      },
      log: (level, message) => {
        this.log(level, message)
      },
    }
    try {
      const result = await this.#task(context)
      if (!isFinalJobStatus(this.currentStatus)) this.complete(result)
    } catch (error) {
      if (isFinalJobStatus(this.currentStatus)) return
      if (signal.aborted) this.markCancelled('Cancelled while running.')
      else this.fail(error instanceof Error ? error.message : String(error))
    }
  }
}
