import type { AbortSignalLike } from './abort-signal.js'
import type { Backend } from './backend.js'
import type { JobEvent } from './job-event.js'
import type { FinalJobStatus, JobStatus } from './job-status.js'
import type { Result } from './result.js'

/** How a `cancel()` call ended. */
export const CANCEL_OUTCOMES = ['cancelled', 'not-cancellable', 'requested'] as const

/**
 * `cancelled`: the backend confirmed the job is cancelled; `not-cancellable`: the job is already
 * final, or this backend cannot cancel it; `requested`: the backend accepted the request but the
 * job may still finish (watch its status).
 */
export type CancelOutcome = (typeof CANCEL_OUTCOMES)[number]

/** Every async job method accepts a signal (Kysely's `AbortableOperationOptions`). */
export interface AbortableOptions {
  /** Stops *waiting*; rejects with `signal.reason` unchanged. Never cancels the job. */
  readonly signal?: AbortSignalLike | undefined
}

/** Options of {@link Job.waitForFinalState}. */
export interface WaitForFinalStateOptions extends AbortableOptions {
  /** Give up after this many milliseconds with `JobTimeoutError`; the job keeps running. */
  readonly timeoutMs?: number | undefined
  /** How often to poll a backend that must be polled, in milliseconds. */
  readonly pollIntervalMs?: number | undefined
  /** Called with each new non-final status seen while waiting (once per change). */
  readonly onStatus?: ((status: JobStatus, job: Job) => void) | undefined
}

/** Options of {@link Job.result}. */
export interface JobResultOptions extends WaitForFinalStateOptions {
  /**
   * What an abort does besides stopping the wait: `detach` (default) leaves the job running,
   * `cancel` also calls `job.cancel()`. A timeout never cancels.
   */
  readonly onAbort?: 'detach' | 'cancel' | undefined
}

/** Options of {@link Job.events}. */
export interface JobEventsOptions extends AbortableOptions {
  /** Replay only events with a larger `seq` (resume after a reconnect). */
  readonly since?: number | undefined
  /** How often to poll a backend that must be polled, in milliseconds. */
  readonly pollIntervalMs?: number | undefined
}

/** Where a queued job stands, when the backend says. Times are ISO 8601 UTC. */
export interface JobQueueInfo {
  /** 0 = next to run. */
  readonly position?: number
  readonly estimatedStartTime?: string
  readonly estimatedCompleteTime?: string
}

/**
 * A job handle as JSON: enough for a provider to find the job again in another process
 * (Qiskit/qiskit-ibm-runtime-c#28). Restore it with `restoreJob(provider, handle)`.
 */
export interface JobHandle {
  readonly format: 'qfabric.job'
  readonly version: 1
  readonly id: string
  readonly backendName: string
  /** ISO 8601 UTC. */
  readonly creationDate?: string
  readonly name?: string
  readonly tags: readonly string[]
}

/**
 * One submitted unit of work on a backend: one result per circuit. Returned by
 * `backend.run()` once the backend has accepted the work. Every method is async and takes a
 * signal; timeouts and aborts stop waiting and never cancel the job (only `cancel()` does).
 * Implement it by extending `BaseJob`.
 */
export interface Job {
  /** The job's id: opaque, unique per backend (ULIDs for qfabric's own backends). */
  readonly id: string
  /** The name of the backend the job runs on. */
  readonly backendName: string
  /** The backend object, when the job was created or restored through one. */
  readonly backend: Backend | undefined
  /** When the job was created (UTC), when known. */
  readonly creationDate: Date | undefined
  /** A user-given name, if any. */
  readonly name: string | undefined
  /** User tags. */
  readonly tags: readonly string[]
  /** The options this job runs with: the backend's options merged with the run's overrides. */
  readonly options: Readonly<Record<string, unknown>>

  /** The current status (one query of the backend for a remote job). */
  status(options?: AbortableOptions): Promise<JobStatus>
  /**
   * Waits for the job to finish, then returns its result.
   *
   * @throws JobTimeoutError when `timeoutMs` runs out; JobFailedError when the job ended in
   *   `ERROR`; JobCancelledError when it was cancelled; `signal.reason` on abort
   */
  result(options?: JobResultOptions): Promise<Result>
  /** Asks the backend to cancel the job; says whether it did. */
  cancel(options?: AbortableOptions): Promise<CancelOutcome>
  /**
   * Waits until the job is `DONE`, `CANCELLED` or `ERROR` and returns that status (a failed or
   * cancelled job is a normal return).
   *
   * @throws JobTimeoutError when `timeoutMs` runs out; `signal.reason` on abort
   */
  waitForFinalState(options?: WaitForFinalStateOptions): Promise<FinalJobStatus>
  /** Whether the status is `DONE`. */
  done(options?: AbortableOptions): Promise<boolean>
  /** Whether the status is `RUNNING`. */
  running(options?: AbortableOptions): Promise<boolean>
  /** Whether the status is `CANCELLED`. */
  cancelled(options?: AbortableOptions): Promise<boolean>
  /** Whether the status is final. */
  inFinalState(options?: AbortableOptions): Promise<boolean>
  /**
   * The job's events, from the first (or after `since`) until the last; ends when the job is
   * final. Each iteration replays the history first.
   */
  events(options?: JobEventsOptions): AsyncIterable<JobEvent>
  /**
   * Calls `listener` with every event (as `events()`); returns a function that stops it. For
   * UIs that want callbacks (TanStack's `Subscribable`).
   */
  subscribe(listener: (event: JobEvent) => void, options?: JobSubscribeOptions): () => void
  /** The position in the backend's queue (0 = next), or `undefined` when not queued or unknown. */
  queuePosition(options?: AbortableOptions): Promise<number | undefined>
  /** Queue details, or `undefined` when the backend has none (yet). */
  queueInfo(options?: AbortableOptions): Promise<JobQueueInfo | undefined>
  /** The backend's error message when the job ended in `ERROR`, else `undefined`. */
  errorMessage(options?: AbortableOptions): Promise<string | undefined>
  /** When the job first reached each status it has been in (ISO 8601 UTC). */
  timePerStep(): Readonly<Partial<Record<JobStatus, string>>>
  /** A handle a provider can restore the job from. */
  toJSON(): JobHandle
}

/** Options of {@link Job.subscribe}. */
export interface JobSubscribeOptions {
  /** Receives an error of the event stream, or one thrown by the listener (which ends it). */
  readonly onError?: ((error: unknown) => void) | undefined
  /** Resume after this `seq`. */
  readonly since?: number | undefined
}
