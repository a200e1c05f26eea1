/**
 * The statuses a job can be in, with Qiskit's names (`JobStatus`), in lifecycle order. A closed
 * set: providers map their own finer statuses onto these (the job service's `CANCELLING` is
 * `RUNNING` here, `COMPLETED` is `DONE`, `FAILED` is `ERROR`).
 */
export const JOB_STATUSES = [
  'INITIALIZING',
  'QUEUED',
  'VALIDATING',
  'RUNNING',
  'CANCELLED',
  'DONE',
  'ERROR',
] as const

/** A job's status (Qiskit's `JobStatus` names, as plain strings). */
export type JobStatus = (typeof JOB_STATUSES)[number]

/** The statuses a job never leaves (Qiskit's `JOB_FINAL_STATES`). */
export const FINAL_JOB_STATUSES = ['DONE', 'CANCELLED', 'ERROR'] as const

/** A final job status. */
export type FinalJobStatus = (typeof FINAL_JOB_STATUSES)[number]

/** Qiskit's descriptive value of each status, for display. */
export const JOB_STATUS_DESCRIPTIONS: Readonly<Record<JobStatus, string>> = Object.freeze({
  INITIALIZING: 'job is being initialized',
  QUEUED: 'job is queued',
  VALIDATING: 'job is being validated',
  RUNNING: 'job is actively running',
  CANCELLED: 'job has been cancelled',
  DONE: 'job has successfully run',
  ERROR: 'job incurred error',
})

const STATUS_SET: ReadonlySet<string> = new Set(JOB_STATUSES)
const FINAL_SET: ReadonlySet<string> = new Set(FINAL_JOB_STATUSES)

/**
 * Whether `value` is one of the seven job status names (case-sensitive).
 *
 * @param value - anything
 * @returns true for `'INITIALIZING' | … | 'ERROR'`
 */
export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && STATUS_SET.has(value)
}

/**
 * Whether a status is final (`DONE`, `CANCELLED` or `ERROR`): nothing changes after it.
 *
 * @param status - a job status
 * @returns true for a final status
 */
export function isFinalJobStatus(status: JobStatus): status is FinalJobStatus {
  return FINAL_SET.has(status)
}
