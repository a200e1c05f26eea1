import { QfabricError } from '@qfabric/core'
import type { ServiceErrorCode } from '@qfabric/protocol'

/**
 * The codes of {@link JobStoreError}, each with the service error code the HTTP layer answers
 * with (`@qfabric/protocol`'s `SERVICE_ERROR_CODES`).
 */
export const JOB_STORE_ERROR_CODES = {
  /** No such job, user, token, instance, membership or backend. */
  'store.not-found': 'not_found',
  /** The same idempotency key was used before with a different request (§8.8). */
  'store.idempotency-key-reused': 'idempotency_key_reused',
  /** The state machine of §8.2 forbids the move (e.g. cancelling a job twice is fine, failing a queued job is not). */
  'store.invalid-transition': 'invalid_state',
  /** The operation needs a state the job is not in (deleting an unfinished job). */
  'store.invalid-state': 'invalid_state',
  /** The worker no longer holds the job's lease (it expired and was reaped, or moved). */
  'store.lease-lost': 'invalid_state',
  /** The instance already has `max_pending_jobs` unfinished jobs. */
  'store.pending-limit': 'pending_job_limit_exceeded',
  /** A unique value (login, instance path, id) already exists. */
  'store.conflict': 'invalid_state',
  /** The database stayed locked by another process longer than the busy timeout (SQLite). */
  'store.busy': 'unavailable',
  /** The schema could not be brought up to date. */
  'store.migration-failed': 'internal',
} as const satisfies Record<string, ServiceErrorCode>

/** A stable code of a {@link JobStoreError}. */
export type JobStoreErrorCode = keyof typeof JOB_STORE_ERROR_CODES

/**
 * What the job store throws on purpose: a missing row, a forbidden state change, a lost lease, a
 * reused idempotency key. `serviceCode` says how the HTTP layer reports it.
 */
export class JobStoreError extends QfabricError {
  /** The service error code (`not_found`, `invalid_state`, …) for the HTTP layer. */
  readonly serviceCode: ServiceErrorCode

  /**
   * @param code - the stable code
   * @param message - what went wrong, naming the row
   * @param options - the ES2022 `cause`
   */
  constructor(code: JobStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'JobStoreError'
    this.serviceCode = JOB_STORE_ERROR_CODES[code]
  }
}

/**
 * Whether a value is a {@link JobStoreError}, optionally with a given code.
 *
 * @param value - anything
 * @param code - the code to match, if any
 * @returns true for a store error (with that code)
 */
export function isJobStoreError(value: unknown, code?: JobStoreErrorCode): value is JobStoreError {
  return value instanceof JobStoreError && (code === undefined || value.code === code)
}
