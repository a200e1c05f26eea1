import type { JobStatus } from './job-status.js'

/** The event kinds a job emits. */
export const JOB_EVENT_TYPES = ['status', 'progress', 'log', 'result'] as const

/** A job event's `type`. */
export type JobEventType = (typeof JOB_EVENT_TYPES)[number]

/** The log levels of `log` events. */
export const JOB_LOG_LEVELS = ['debug', 'info', 'warning', 'error'] as const

/** A `log` event's level. */
export type JobLogLevel = (typeof JOB_LOG_LEVELS)[number]

/** Fields every job event carries. */
export interface JobEventBase {
  /**
   * Position in the job's event stream: 1, 2, 3, … strictly increasing. Over HTTP it is the SSE
   * `id:`, so `events({ since })` resumes after a reconnect without loss or duplicates.
   */
  readonly seq: number
  /** The job's id. */
  readonly jobId: string
  /** When it happened: ISO 8601, UTC. */
  readonly timestamp: string
}

/**
 * The job's status changed, or, with the same status, its queue position did. A final status
 * (`CANCELLED`, `ERROR`) is the last event of its stream; `DONE` is followed by `result`.
 */
export interface JobStatusEvent extends JobEventBase {
  readonly type: 'status'
  readonly status: JobStatus
  /** The status before, absent on the first event. */
  readonly previous?: JobStatus
  /** The position in the backend's queue (0 = next), while queued and when known. */
  readonly queuePosition?: number
  /** Why: an error message for `ERROR`, a reason for `CANCELLED`. */
  readonly message?: string
}

/** Work done so far, e.g. shots or circuits finished (AQT's `finished_count`). */
export interface JobProgressEvent extends JobEventBase {
  readonly type: 'progress'
  readonly done: number
  readonly total: number
  /** What `done`/`total` count, e.g. `'shots'` or `'circuits'`. */
  readonly unit?: string
}

/** A message from the backend about this job (warnings about ignored options, …). */
export interface JobLogEvent extends JobEventBase {
  readonly type: 'log'
  readonly level: JobLogLevel
  readonly message: string
}

/** The result is available (`job.result()` returns it without waiting). Always the last event. */
export interface JobResultEvent extends JobEventBase {
  readonly type: 'result'
  /** The result's `success` flag. */
  readonly success: boolean
}

/** An event of a job's stream, discriminated by `type`. */
export type JobEvent = JobStatusEvent | JobProgressEvent | JobLogEvent | JobResultEvent

/**
 * Whether an event ends its stream: `result`, or a `CANCELLED`/`ERROR` status.
 *
 * @param event - a job event
 * @returns true for the last event of a job
 */
export function isTerminalJobEvent(event: JobEvent): boolean {
  return (
    event.type === 'result' ||
    (event.type === 'status' && (event.status === 'CANCELLED' || event.status === 'ERROR'))
  )
}
