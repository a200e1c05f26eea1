import type { Job } from '@qfabric/core/providers'

/** The types of {@link JobSetEvent}. */
export const JOB_SET_EVENT_TYPES = ['waiting-for-slot', 'submitted', 'submit-failed'] as const

/** A {@link JobSetEvent}'s type. */
export type JobSetEventType = (typeof JOB_SET_EVENT_TYPES)[number]

/** What every job-set event carries. */
export interface JobSetEventBase {
  readonly jobSetId: string
  /** The slice the event is about (its job's index in the set). */
  readonly index: number
  /** How many slices the set has. */
  readonly count: number
  /** The slice's first global experiment index. */
  readonly startIndex: number
  /** The slice's last global experiment index (inclusive). */
  readonly endIndex: number
}

/**
 * The backend is at its job limit (it reported no remaining jobs, or refused the submission
 * with a limit error); the manager waits for a slot before submitting this slice.
 */
export interface JobSetWaitingEvent extends JobSetEventBase {
  readonly type: 'waiting-for-slot'
  /** The limit error the backend refused the submission with, if that is why. */
  readonly error?: unknown
}

/** The backend accepted a slice. */
export interface JobSetSubmittedEvent extends JobSetEventBase {
  readonly type: 'submitted'
  readonly job: Job
}

/** The backend refused a slice for a reason waiting cannot fix; the set goes on without it. */
export interface JobSetSubmitFailedEvent extends JobSetEventBase {
  readonly type: 'submit-failed'
  /** The refusal's message. */
  readonly message: string
  readonly error: unknown
}

/** Progress of `JobManager.run()`, one event per step; discriminated by `type`. */
export type JobSetEvent = JobSetWaitingEvent | JobSetSubmittedEvent | JobSetSubmitFailedEvent
