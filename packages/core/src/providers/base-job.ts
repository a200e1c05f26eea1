import { abortReason, createAbortController, type AbortSignalLike } from './abort-signal.js'
import { raceAbort, withDeadline, ChangeNotifier } from './abortable-wait.js'
import type { Backend } from './backend.js'
import type {
  AbortableOptions,
  CancelOutcome,
  Job,
  JobEventsOptions,
  JobHandle,
  JobQueueInfo,
  JobResultOptions,
  JobSubscribeOptions,
  WaitForFinalStateOptions,
} from './job.js'
import { isTerminalJobEvent, type JobEvent, type JobLogLevel } from './job-event.js'
import { isFinalJobStatus, type FinalJobStatus, type JobStatus } from './job-status.js'
import { JobCancelledError, JobError, JobFailedError, JobTimeoutError } from './provider-errors.js'
import type { Result } from './result.js'
import { defaultTimeoutProvider, type TimeoutProvider } from './timeout-provider.js'
import { transitionJob } from './transition-job.js'

/** What every {@link BaseJob} is built from. */
export interface BaseJobInit {
  readonly id: string
  /** The backend the job runs on; give `backendName` instead for a handle without one. */
  readonly backend?: Backend | undefined
  /** Defaults to `backend.name`. */
  readonly backendName?: string | undefined
  /** The status the job starts in (default `INITIALIZING`). */
  readonly status?: JobStatus | undefined
  /** Default: now. */
  readonly creationDate?: Date | undefined
  readonly name?: string | undefined
  readonly tags?: readonly string[] | undefined
  /** The options snapshot the job runs with. */
  readonly options?: Readonly<Record<string, unknown>> | undefined
  /** The timer seam for every wait (default: `globalThis` timers). */
  readonly timers?: TimeoutProvider | undefined
  /** The clock for timestamps (default `() => new Date()`). */
  readonly now?: (() => Date) | undefined
  /**
   * For jobs whose state must be fetched (remote backends): the default interval between
   * `refresh()` calls while waiting. Leave unset for jobs that push their state changes.
   */
  readonly pollIntervalMs?: number | undefined
}

/**
 * The base every job extends: it keeps the status (through the one state machine,
 * `transitionJob`), the event log with increasing `seq`, the result or error, and implements the
 * whole {@link Job} surface on top — waiting with timeouts and signals, `events()`,
 * `subscribe()`, the status predicates and `toJSON()`.
 *
 * How to implement a job:
 * - **push-based** (the job learns of its own progress, e.g. a local simulation): call
 *   `setStatus`, `reportProgress`, `log`, then `complete(result)`, `fail(message)` or
 *   `markCancelled()`; override `requestCancel()` if the work can be stopped.
 * - **poll-based** (a remote service): pass `pollIntervalMs`, override `refresh()` to fetch the
 *   remote state and report it with the same methods, `fetchResult()` to download the result,
 *   `requestCancel()` to ask for cancellation, and `nextPollDelayMs()` for backoff.
 *
 * A timeout or an abort only stops waiting; it never cancels the job.
 */
export abstract class BaseJob implements Job {
  readonly id: string
  readonly backendName: string
  readonly backend: Backend | undefined
  readonly creationDate: Date | undefined
  readonly options: Readonly<Record<string, unknown>>
  /** The timer seam all waits use. */
  protected readonly timers: TimeoutProvider
  readonly #now: () => Date
  readonly #pollIntervalMs: number | undefined
  #name: string | undefined
  #tags: readonly string[]
  #status: JobStatus
  #queuePosition: number | undefined
  #errorMessage: string | undefined
  #remoteCode: string | undefined
  #result: Result | undefined
  readonly #events: JobEvent[] = []
  readonly #changed = new ChangeNotifier()
  readonly #timePerStep: Partial<Record<JobStatus, string>> = {}

  /**
   * @param init - id, backend, initial status, metadata and seams
   * @throws TypeError when neither `backend` nor `backendName` is given
   */
  constructor(init: BaseJobInit) {
    const backendName = init.backendName ?? init.backend?.name
    if (backendName === undefined) throw new TypeError('a job needs a backend or a backendName')
    this.id = init.id
    this.backend = init.backend
    this.backendName = backendName
    this.#now = init.now ?? (() => new Date())
    this.creationDate = init.creationDate ?? this.#now()
    this.#name = init.name
    this.#tags = Object.freeze([...(init.tags ?? [])])
    this.options = Object.freeze({ ...init.options })
    this.timers = init.timers ?? defaultTimeoutProvider
    this.#pollIntervalMs = init.pollIntervalMs
    this.#status = init.status ?? 'INITIALIZING'
    this.#timePerStep[this.#status] = this.#now().toISOString()
    this.#emit({ type: 'status', status: this.#status })
  }

  /** The last known status, without asking the backend. */
  /** The job's name, if it has one (a backend that lets jobs be renamed keeps it current). */
  get name(): string | undefined {
    return this.#name
  }

  /** The job's tags (a copy-safe frozen array). */
  get tags(): readonly string[] {
    return this.#tags
  }

  /**
   * Records a new name and tags the backend now holds (for subclasses of backends that can
   * rename or retag a job).
   *
   * @param name - the name
   * @param tags - the tags
   */
  protected setLabels(name: string | undefined, tags: readonly string[]): void {
    this.#name = name
    this.#tags = Object.freeze([...tags])
  }

  get currentStatus(): JobStatus {
    return this.#status
  }

  // ---- hooks for subclasses -------------------------------------------------------------

  /**
   * Fetches the job's state from wherever it lives and reports it (`setStatus`, `complete`,
   * `fail`, …). Poll-based jobs implement it; push-based jobs leave it out.
   *
   * @param signal - stops the fetch
   */
  protected refresh?(signal?: AbortSignalLike): Promise<void>

  /**
   * Supplies the result of a `DONE` job that did not pass one to `complete()` (download it).
   * Called once; the result is then kept. Without it, such a job's `result()` rejects with
   * JobError `job.invalid-state`.
   *
   * @param signal - stops the download
   * @returns the result
   */
  protected fetchResult?(signal?: AbortSignalLike): Promise<Result>

  /**
   * Asks the backend to cancel. Return `cancelled` only once it is confirmed (and report it
   * with `markCancelled()`), `requested` when the backend will try, `not-cancellable` when it
   * cannot. Without it, `cancel()` answers `not-cancellable`.
   *
   * @param signal - stops the request
   * @returns the outcome
   */
  protected requestCancel?(signal?: AbortSignalLike): Promise<CancelOutcome>

  /**
   * The delay before the `attempt`-th poll (0-based); without it, a constant `intervalMs`.
   * Implement it for backoff, e.g. `Math.min(intervalMs * 2 ** attempt, 30_000)`.
   *
   * @param attempt - how many polls this wait has made
   * @param intervalMs - the wait's poll interval
   * @returns milliseconds to wait
   */
  protected nextPollDelayMs?(attempt: number, intervalMs: number): number

  // ---- reporting, for subclasses --------------------------------------------------------

  /**
   * Moves the job to a new status through the state machine and emits a `status` event (also
   * when only the queue position changed). `DONE` is also followed by a `result` event.
   *
   * @param status - the new status
   * @param details - queue position while queued, a message (why it failed or was cancelled)
   * @throws JobError `job.invalid-transition` for a move the state machine forbids
   */
  protected setStatus(
    status: JobStatus,
    details: { queuePosition?: number | undefined; message?: string | undefined } = {},
  ): void {
    const previous = this.#status
    const queuePosition = status === 'QUEUED' ? details.queuePosition : undefined
    if (previous === status && queuePosition === this.#queuePosition) return
    this.#status = transitionJob(previous, status)
    this.#queuePosition = queuePosition
    this.#timePerStep[status] ??= this.#now().toISOString()
    this.#emit({
      type: 'status',
      status,
      ...(previous === status ? {} : { previous }),
      ...(queuePosition === undefined ? {} : { queuePosition }),
      ...(details.message === undefined ? {} : { message: details.message }),
    })
    if (status === 'DONE') this.#emit({ type: 'result', success: this.#result?.success ?? true })
    this.#changed.notify()
  }

  /**
   * Finishes the job successfully with its result: `DONE`, then a `result` event.
   *
   * @param result - the result (kept and returned by every `result()` call)
   * @throws JobError `job.invalid-transition` when the job is already final
   */
  protected complete(result: Result): void {
    if (isFinalJobStatus(this.#status)) transitionJob(this.#status, 'DONE')
    this.#result = result
    this.setStatus('DONE')
  }

  /**
   * Finishes the job with an error: `ERROR` with the message.
   *
   * @param message - the backend's error message (`errorMessage()` returns it)
   * @param options - the backend's own error code
   * @throws JobError `job.invalid-transition` when the job is already final
   */
  protected fail(message: string, options: { remoteCode?: string | undefined } = {}): void {
    if (isFinalJobStatus(this.#status)) transitionJob(this.#status, 'ERROR')
    this.#errorMessage = message
    this.#remoteCode = options.remoteCode
    this.setStatus('ERROR', { message })
  }

  /**
   * Records that the job was cancelled: `CANCELLED`.
   *
   * @param message - why, if known
   * @throws JobError `job.invalid-transition` when the job is already final
   */
  protected markCancelled(message?: string): void {
    this.setStatus('CANCELLED', { message })
  }

  /**
   * Emits a `progress` event (ignored once the job is final).
   *
   * @param done - work finished so far
   * @param total - all the work
   * @param unit - what is counted (`'shots'`, `'circuits'`)
   */
  protected reportProgress(done: number, total: number, unit?: string): void {
    if (isFinalJobStatus(this.#status)) return
    this.#emit({ type: 'progress', done, total, ...(unit === undefined ? {} : { unit }) })
    this.#changed.notify()
  }

  /**
   * Emits a `log` event (ignored once the job is final).
   *
   * @param level - severity
   * @param message - the text
   */
  protected log(level: JobLogLevel, message: string): void {
    if (isFinalJobStatus(this.#status)) return
    this.#emit({ type: 'log', level, message })
    this.#changed.notify()
  }

  // ---- the Job surface ------------------------------------------------------------------

  /** {@inheritDoc Job.status} */
  async status(options: AbortableOptions = {}): Promise<JobStatus> {
    options.signal?.throwIfAborted()
    if (this.refresh !== undefined) await raceAbort(this.refresh(options.signal), options.signal)
    return this.#status
  }

  /** {@inheritDoc Job.done} */
  async done(options?: AbortableOptions): Promise<boolean> {
    return (await this.status(options)) === 'DONE'
  }

  /** {@inheritDoc Job.running} */
  async running(options?: AbortableOptions): Promise<boolean> {
    return (await this.status(options)) === 'RUNNING'
  }

  /** {@inheritDoc Job.cancelled} */
  async cancelled(options?: AbortableOptions): Promise<boolean> {
    return (await this.status(options)) === 'CANCELLED'
  }

  /** {@inheritDoc Job.inFinalState} */
  async inFinalState(options?: AbortableOptions): Promise<boolean> {
    return isFinalJobStatus(await this.status(options))
  }

  /** {@inheritDoc Job.waitForFinalState} */
  waitForFinalState(options: WaitForFinalStateOptions = {}): Promise<FinalJobStatus> {
    return withDeadline((signal) => this.#waitFinal(signal, options), this.#deadline(options))
  }

  /** {@inheritDoc Job.result} */
  async result(options: JobResultOptions = {}): Promise<Result> {
    try {
      return await withDeadline(async (signal) => {
        const status = await this.#waitFinal(signal, options)
        if (status === 'CANCELLED') throw new JobCancelledError(this.id)
        if (status === 'ERROR') {
          throw new JobFailedError(this.id, this.#errorMessage ?? 'Unknown error.', {
            remoteCode: this.#remoteCode,
          })
        }
        this.#result ??= await raceAbort(this.#fetchResult(signal), signal)
        return this.#result
      }, this.#deadline(options))
    } catch (error) {
      const { signal } = options
      if (options.onAbort === 'cancel' && signal?.aborted === true && error === signal.reason) {
        await this.cancel().catch(() => undefined)
      }
      throw error
    }
  }

  /** {@inheritDoc Job.cancel} */
  async cancel(options: AbortableOptions = {}): Promise<CancelOutcome> {
    options.signal?.throwIfAborted()
    if (isFinalJobStatus(this.#status)) return 'not-cancellable'
    if (this.requestCancel === undefined) return 'not-cancellable'
    const outcome = await raceAbort(this.requestCancel(options.signal), options.signal)
    if (outcome !== 'cancelled') return outcome
    if (!isFinalJobStatus(this.currentStatus)) this.markCancelled()
    // The job may have finished before the cancellation took: then it was not cancelled.
    return this.currentStatus === 'CANCELLED' ? 'cancelled' : 'not-cancellable'
  }

  /** {@inheritDoc Job.events} */
  async *events(options: JobEventsOptions = {}): AsyncGenerator<JobEvent, void, undefined> {
    const signal = options.signal ?? createAbortController().signal
    const interval = options.pollIntervalMs ?? this.#pollIntervalMs
    let index = Math.max(0, options.since ?? 0)
    let attempt = 0
    for (;;) {
      signal.throwIfAborted()
      while (index < this.#events.length) {
        const event = this.#events[index++]!
        yield event
        if (isTerminalJobEvent(event)) return
      }
      if (this.#isStreamOver(index)) return
      const delay = interval === undefined ? undefined : this.#pollDelay(attempt++, interval)
      if ((await this.#nextChange(delay, signal)) === 'poll') await this.refresh?.(signal)
    }
  }

  /** {@inheritDoc Job.subscribe} */
  subscribe(listener: (event: JobEvent) => void, options: JobSubscribeOptions = {}): () => void {
    const controller = createAbortController()
    void (async () => {
      try {
        for await (const event of this.events({
          signal: controller.signal,
          since: options.since,
        })) {
          listener(event)
        }
      } catch (error) {
        if (!controller.signal.aborted) options.onError?.(error)
      }
    })()
    return () => {
      controller.abort()
    }
  }

  /** {@inheritDoc Job.queuePosition} */
  async queuePosition(options?: AbortableOptions): Promise<number | undefined> {
    await this.status(options)
    return this.#queuePosition
  }

  /** {@inheritDoc Job.queueInfo} */
  async queueInfo(options?: AbortableOptions): Promise<JobQueueInfo | undefined> {
    const position = await this.queuePosition(options)
    return position === undefined ? undefined : Object.freeze({ position })
  }

  /** {@inheritDoc Job.errorMessage} */
  async errorMessage(options?: AbortableOptions): Promise<string | undefined> {
    return (await this.status(options)) === 'ERROR'
      ? (this.#errorMessage ?? 'Unknown error.')
      : undefined
  }

  /** {@inheritDoc Job.timePerStep} */
  timePerStep(): Readonly<Partial<Record<JobStatus, string>>> {
    return Object.freeze({ ...this.#timePerStep })
  }

  /** {@inheritDoc Job.toJSON} */
  toJSON(): JobHandle {
    return {
      format: 'qfabric.job',
      version: 1,
      id: this.id,
      backendName: this.backendName,
      ...(this.creationDate === undefined ? {} : { creationDate: this.creationDate.toISOString() }),
      ...(this.name === undefined ? {} : { name: this.name }),
      tags: [...this.tags],
    }
  }

  // ---- internals ------------------------------------------------------------------------

  #deadline(options: WaitForFinalStateOptions): Parameters<typeof withDeadline>[1] {
    const { timeoutMs } = options
    return {
      timeoutMs,
      signal: options.signal,
      timers: this.timers,
      onTimeout: () => new JobTimeoutError(this.id, timeoutMs ?? 0),
    }
  }

  async #waitFinal(
    signal: AbortSignalLike,
    options: WaitForFinalStateOptions,
  ): Promise<FinalJobStatus> {
    const interval = options.pollIntervalMs ?? this.#pollIntervalMs
    if (interval !== undefined) await this.refresh?.(signal)
    let reported: JobStatus | undefined
    let attempt = 0
    for (;;) {
      const status = this.#status
      if (isFinalJobStatus(status)) return status
      if (status !== reported) {
        reported = status
        options.onStatus?.(status, this)
      }
      const delay = interval === undefined ? undefined : this.#pollDelay(attempt++, interval)
      if ((await this.#nextChange(delay, signal)) === 'poll') await this.refresh?.(signal)
    }
  }

  #pollDelay(attempt: number, intervalMs: number): number {
    return this.nextPollDelayMs?.(attempt, intervalMs) ?? intervalMs
  }

  #fetchResult(signal: AbortSignalLike): Promise<Result> {
    if (this.fetchResult !== undefined) return this.fetchResult(signal)
    return Promise.reject(
      new JobError('job.invalid-state', `Job ${this.id} has no result to fetch.`),
    )
  }

  /** Resolves on the next state change (`changed`) or after `delayMs` (`poll`). */
  #nextChange(delayMs: number | undefined, signal: AbortSignalLike): Promise<'changed' | 'poll'> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(abortReason(signal))
        return
      }
      let handle: { readonly timer: unknown } | undefined
      const cleanup = (): void => {
        if (handle !== undefined) this.timers.clearTimeout(handle.timer)
        signal.removeEventListener('abort', onAbort)
        stopListening()
      }
      const onAbort = (): void => {
        cleanup()
        reject(abortReason(signal))
      }
      const stopListening = this.#changed.listen(() => {
        cleanup()
        resolve('changed')
      })
      signal.addEventListener('abort', onAbort, { once: true })
      if (delayMs !== undefined) {
        const timer = this.timers.setTimeout(() => {
          cleanup()
          resolve('poll')
        }, delayMs)
        handle = { timer }
      }
    })
  }

  #isStreamOver(index: number): boolean {
    const last = this.#events.at(-1)
    return index >= this.#events.length && last !== undefined && isTerminalJobEvent(last)
  }

  #emit(event: DistributiveOmit<JobEvent, 'seq' | 'jobId' | 'timestamp'>): void {
    this.#events.push(
      Object.freeze({
        ...event,
        seq: this.#events.length + 1,
        jobId: this.id,
        timestamp: this.#now().toISOString(),
      }),
    )
  }
}

type DistributiveOmit<T, TKey extends PropertyKey> = T extends unknown ? Omit<T, TKey> : never
