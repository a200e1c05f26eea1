import { JobError } from './provider-errors.js'
import { isFinalJobStatus, type JobStatus } from './job-status.js'

/**
 * Where each status may go next: the single job state machine used by local jobs, the job
 * service and its client. Observed statuses may skip steps (a polled remote job can go from
 * `QUEUED` straight to `DONE`), so every non-final status may move to any final one; the only
 * backward move is `RUNNING → QUEUED` (the service re-queues a job whose worker lease expired).
 * Final statuses are absorbing.
 */
export const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = Object.freeze({
  INITIALIZING: ['VALIDATING', 'QUEUED', 'RUNNING', 'CANCELLED', 'DONE', 'ERROR'],
  VALIDATING: ['QUEUED', 'RUNNING', 'CANCELLED', 'DONE', 'ERROR'],
  QUEUED: ['VALIDATING', 'RUNNING', 'CANCELLED', 'DONE', 'ERROR'],
  RUNNING: ['QUEUED', 'CANCELLED', 'DONE', 'ERROR'],
  CANCELLED: [],
  DONE: [],
  ERROR: [],
})

/**
 * Whether a job may move from one status to another. Staying put is always allowed (it is not
 * a transition, and emits no event).
 *
 * @param from - the current status
 * @param to - the proposed status
 * @returns true when `to === from` or `JOB_TRANSITIONS[from]` lists `to`
 */
export function canTransitionJob(from: JobStatus, to: JobStatus): boolean {
  return from === to || JOB_TRANSITIONS[from].includes(to)
}

/**
 * The job state machine: checks a move and returns the new status. Pure; the caller stores it.
 *
 * @param from - the current status
 * @param to - the proposed status
 * @returns `to`
 * @throws {@link JobError} `job.invalid-transition` when the move is not allowed (leaving a final
 *   status, or going back to `INITIALIZING`, or `RUNNING → VALIDATING`)
 * @example
 * ```ts
 * let status: JobStatus = 'QUEUED'
 * status = transitionJob(status, 'RUNNING') // 'RUNNING'
 * transitionJob('DONE', 'RUNNING') // throws JobError job.invalid-transition
 * ```
 */
export function transitionJob(from: JobStatus, to: JobStatus): JobStatus {
  if (!canTransitionJob(from, to)) {
    const why = isFinalJobStatus(from) ? ` (${from} is final)` : ''
    throw new JobError('job.invalid-transition', `A job cannot go from ${from} to ${to}${why}.`)
  }
  return to
}
