import type { JobStatus } from '@qfabric/core/providers'

/**
 * The job service's coarse statuses (reference/service-api.md §8.2), what clients branch on.
 * `CANCELLING` exists only here: core's {@link JobStatus} sees it as `RUNNING`.
 */
export const SERVICE_JOB_STATUSES = [
  'QUEUED',
  'RUNNING',
  'CANCELLING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
] as const

/** A job's status on the wire. */
export type ServiceJobStatus = (typeof SERVICE_JOB_STATUSES)[number]

/** Statuses a job never leaves (only `name` and `tags` may still change). */
export const FINAL_SERVICE_JOB_STATUSES = ['COMPLETED', 'FAILED', 'CANCELLED'] as const

/** A final service status. */
export type FinalServiceJobStatus = (typeof FINAL_SERVICE_JOB_STATUSES)[number]

/** Statuses of unfinished jobs (the listing filter `pending=true`). */
export const PENDING_SERVICE_JOB_STATUSES = ['QUEUED', 'RUNNING', 'CANCELLING'] as const

/** An unfinished service status. */
export type PendingServiceJobStatus = (typeof PENDING_SERVICE_JOB_STATUSES)[number]

/** The fields of a final job that may still change (`PATCH /v1/jobs/{id}`). */
export const MUTABLE_FIELDS_OF_FINAL_JOBS = ['name', 'tags'] as const

/**
 * The fine phases of each status (§8.2), what users watch. The first entry is the default.
 * Final statuses have no phase. The vocabulary is open: clients must tolerate phases not listed
 * here (a newer server may add some), so the wire schema types `phase` as any string.
 */
export const JOB_PHASES_BY_STATUS = Object.freeze({
  QUEUED: [
    'queued',
    'waiting_for_slot',
    'waiting_for_window',
    'waiting_for_allocation',
    'waiting_in_session',
  ],
  RUNNING: [
    'preparing',
    'compiling',
    'waiting_device',
    'executing',
    'post_processing',
    'storing_result',
  ],
  CANCELLING: ['cancel_requested'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
} as const satisfies Record<ServiceJobStatus, readonly string[]>)

/** A phase this version of the protocol knows. */
export type KnownJobPhase = (typeof JOB_PHASES_BY_STATUS)[PendingServiceJobStatus][number]

/** Every known phase, in the order of {@link JOB_PHASES_BY_STATUS}. */
export const KNOWN_JOB_PHASES: readonly KnownJobPhase[] = Object.freeze(
  PENDING_SERVICE_JOB_STATUSES.flatMap((s) => JOB_PHASES_BY_STATUS[s]),
)

/**
 * How each service status appears to Qiskit-style code (core's {@link JobStatus}): `CANCELLING`
 * is still `RUNNING` (the job may yet complete), `COMPLETED` is `DONE`, `FAILED` is `ERROR`. The
 * client reports `INITIALIZING` itself until the server acknowledged the submission.
 */
export const SERVICE_TO_JOB_STATUS = Object.freeze({
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  CANCELLING: 'RUNNING',
  COMPLETED: 'DONE',
  FAILED: 'ERROR',
  CANCELLED: 'CANCELLED',
} as const satisfies Record<ServiceJobStatus, JobStatus>)

const STATUS_SET: ReadonlySet<string> = new Set(SERVICE_JOB_STATUSES)
const FINAL_SET: ReadonlySet<string> = new Set(FINAL_SERVICE_JOB_STATUSES)

/**
 * Whether a value is one of the six service statuses.
 *
 * @param value - anything
 * @returns true for `QUEUED`, …, `CANCELLED`
 */
export function isServiceJobStatus(value: unknown): value is ServiceJobStatus {
  return typeof value === 'string' && STATUS_SET.has(value)
}

/**
 * Whether a service status is final.
 *
 * @param status - a service status
 * @returns true for `COMPLETED`, `FAILED`, `CANCELLED`
 */
export function isFinalServiceJobStatus(status: ServiceJobStatus): status is FinalServiceJobStatus {
  return FINAL_SET.has(status)
}

/**
 * The Qiskit-style status of a service status.
 *
 * @param status - a service status
 * @returns core's status (`CANCELLING` → `RUNNING`, `COMPLETED` → `DONE`, `FAILED` → `ERROR`)
 */
export function toJobStatus(status: ServiceJobStatus): JobStatus {
  return SERVICE_TO_JOB_STATUS[status]
}

/**
 * The phase a job has when it enters a status without a more specific one.
 *
 * @param status - a service status
 * @returns `queued`, `preparing`, `cancel_requested`, or `null` for final statuses
 */
export function defaultPhase(status: ServiceJobStatus): KnownJobPhase | null {
  const phases: readonly KnownJobPhase[] = JOB_PHASES_BY_STATUS[status]
  return phases[0] ?? null
}

/**
 * Whether a phase belongs to a status according to this version's vocabulary.
 *
 * @param status - a service status
 * @param phase - a phase, or `null`
 * @returns true when `phase` is listed for `status` (or is `null` and `status` is final)
 */
export function isPhaseOf(status: ServiceJobStatus, phase: string | null): boolean {
  const phases: readonly string[] = JOB_PHASES_BY_STATUS[status]
  return phase === null ? phases.length === 0 : phases.includes(phase)
}
