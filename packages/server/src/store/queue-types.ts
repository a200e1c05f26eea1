import type { StatusReasonInput, StoredJob } from './job-store-types.js'

/** What a worker asks `claimNext` for. */
export interface ClaimRequest {
  /** A stable id of the worker (host/pid/n): the lease owner. */
  readonly workerId: string
  /** The backends this worker runs. */
  readonly backends: readonly string[]
  /** Lease length; the worker heartbeats well within it (e.g. every third). */
  readonly leaseMs: number
  /** A `RUNNING` phase to start in (default `preparing`). */
  readonly phase?: string | undefined
}

/** A heartbeat's answer. */
export interface HeartbeatResult {
  /** The new lease expiry (ISO 8601). */
  readonly leaseExpiresAt: string
  /** True when the user asked to cancel (status `CANCELLING`): stop at the next safe point. */
  readonly cancelRequested: boolean
}

/** The result a worker stores when a job completes (stored once, immutable). */
export interface JobResultInput {
  /** The result body (Qiskit `Result.to_dict()` JSON for `circuit-runner`). */
  readonly body: string
  /** Default `application/json`. */
  readonly content_type?: string | undefined
  /** Default 1. */
  readonly format_version?: number | null | undefined
  /** Seconds the device (simulator) ran. */
  readonly device_seconds?: number | null | undefined
  /** Circuits done, if the worker counted them (default: all). */
  readonly progress_done?: number | undefined
}

/** How a worker ends a job it holds. */
export type FinishRequest =
  | { readonly outcome: 'completed'; readonly result: JobResultInput }
  | { readonly outcome: 'failed'; readonly reason: StatusReasonInput }
  /** Acknowledge a cancel request; a partial result is kept and flagged `partial`. */
  | { readonly outcome: 'cancelled'; readonly partialResult?: JobResultInput | undefined }

/**
 * What finishing did. A second completion, or one from a worker whose lease moved, is not an
 * error: it is rejected and reported here as a no-op, and the job is left as it was.
 */
export interface FinishResult {
  readonly job: StoredJob
  /** True when this call ended the job. */
  readonly applied: boolean
  /** Why nothing happened: the job had already ended, or another worker holds it now. */
  readonly rejected?: 'already-final' | 'lease-lost' | undefined
}

/** What `reapExpiredLeases` did, by job id. */
export interface ReapResult {
  /** Back in the queue, `attempt` incremented. */
  readonly requeued: readonly string[]
  /** `FAILED` with reason `interrupted` (out of attempts). */
  readonly failed: readonly string[]
  /** Were `CANCELLING`: the cancel is completed (`CANCELLED`). */
  readonly cancelled: readonly string[]
}

/** A queued job's place (0-based: the number of jobs ahead), §8.3 `queue`. */
export interface QueuePosition {
  /** Jobs ahead in the backend's queue. */
  readonly position: number
  /** Jobs of the same instance ahead. */
  readonly positionInInstance: number
  /** Jobs ahead at the same priority. */
  readonly aheadNormal: number
  /** Jobs ahead at a higher priority. */
  readonly aheadPriority: number
}

/** Unfinished jobs of an instance. */
export interface InstanceJobCounts {
  readonly instance: string
  readonly queued: number
  /** `RUNNING` and `CANCELLING`. */
  readonly running: number
}

/** What `deleteExpired` removed. */
export interface DeleteExpiredResult {
  /** Result bodies dropped (`result.expires_at` passed: `GET …/result` answers 410). */
  readonly results: number
  /** Whole job records deleted (`record_ttl_days`). */
  readonly jobs: number
  /** Idempotency keys forgotten. */
  readonly idempotencyKeys: number
}
