import type { ServiceJobStatus } from './service-job-status.js'

/**
 * The published registry of `status_reason.code` values (IBM's error-code page idea): why a job
 * ended `FAILED` or `CANCELLED`. Each entry says which final status it goes with, whether
 * resubmitting the same job may succeed, and what the user can do. Clients tolerate codes not
 * listed here (newer servers).
 */
export const JOB_REASON_CODES = {
  cancelled_by_user: {
    status: 'CANCELLED',
    retryable: false,
    message: 'The job was cancelled on request.',
    solution: null,
  },
  session_cancelled: {
    status: 'CANCELLED',
    retryable: false,
    message: 'The session the job belonged to was cancelled.',
    solution: null,
  },
  expired: {
    status: 'CANCELLED',
    retryable: true,
    message: 'The job waited in the queue longer than its queue_ttl_seconds.',
    solution: 'Resubmit, with a longer queue_ttl_seconds or to a less busy backend.',
  },
  backend_retired: {
    status: 'CANCELLED',
    retryable: false,
    message: 'The backend was retired while the job was queued.',
    solution: 'Resubmit to another backend.',
  },
  execution_error: {
    status: 'FAILED',
    retryable: false,
    message: 'The backend reported an error while executing the job.',
    solution: 'Read the message and details; fix the circuits or options and resubmit.',
  },
  max_execution_time: {
    status: 'FAILED',
    retryable: false,
    message: 'The job ran longer than max_execution_seconds.',
    solution: 'Raise max_execution_seconds (within the backend limit) or split the job.',
  },
  interrupted: {
    status: 'FAILED',
    retryable: true,
    message: 'The worker running the job was lost and the job could not be retried.',
    solution: 'Resubmit the job.',
  },
  result_too_large: {
    status: 'FAILED',
    retryable: false,
    message: 'The result exceeded max_result_bytes.',
    solution: 'Use fewer shots or circuits, or turn off memory.',
  },
  internal: {
    status: 'FAILED',
    retryable: true,
    message: 'An unexpected server error ended the job.',
    solution: 'Resubmit; report the job id if it happens again.',
  },
} as const satisfies Record<string, JobReasonCodeInfo>

/** What the registry says about one reason code. */
export interface JobReasonCodeInfo {
  /** The final status this reason goes with. */
  readonly status: Extract<ServiceJobStatus, 'FAILED' | 'CANCELLED'>
  /** Whether submitting the same job again may succeed. */
  readonly retryable: boolean
  /** The default message. */
  readonly message: string
  /** What the user can do, if anything. */
  readonly solution: string | null
}

/** A known `status_reason.code`. */
export type JobReasonCode = keyof typeof JOB_REASON_CODES

/**
 * Whether a string is a reason code of {@link JOB_REASON_CODES}.
 *
 * @param value - anything
 * @returns true for a known reason code
 */
export function isJobReasonCode(value: unknown): value is JobReasonCode {
  return typeof value === 'string' && Object.hasOwn(JOB_REASON_CODES, value)
}
