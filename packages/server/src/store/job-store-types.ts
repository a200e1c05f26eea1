import type {
  ClientInfo,
  MembershipRole,
  JobListFilter,
  JobListPosition,
  JobRecord,
  JobVisibility,
  ServiceJobStatus,
} from '@qfabric/protocol'

/*
 * Naming: records are shaped like the wire (snake_case, ISO 8601 UTC timestamps), so the HTTP
 * layer returns them with few changes; the options and outcomes of operations are camelCase.
 */

/**
 * A job as stored: the job record of §8.3 without the fields computed per request (`queue`,
 * `poll_after_seconds`), plus the store's own bookkeeping (lease, attempts, priority, event seq,
 * retention). Heavy fields (input, result body) are read separately.
 */
export type StoredJob = Omit<JobRecord, 'queue' | 'poll_after_seconds'> & StoredJobBookkeeping

/** The fields of a {@link StoredJob} that are not part of the wire record. */
export interface StoredJobBookkeeping {
  /** Higher runs first (default 0). */
  readonly priority: number
  /** Backend run options (`seed`, `memory`, …), as submitted. */
  readonly options: Readonly<Record<string, unknown>>
  /** The worker holding the lease while `RUNNING`/`CANCELLING`. */
  readonly lease_owner: string | null
  readonly lease_expires_at: string | null
  /** Runs allowed before a lost lease fails the job instead of requeueing it. */
  readonly max_attempts: number
  readonly cancel_requested_at: string | null
  /** The seq of the latest event (0 before the first). */
  readonly event_seq: number
  /** When retention deletes the whole record; null = kept. */
  readonly expires_at: string | null
  /** SHA-256 of the submission, for idempotent replays. */
  readonly request_hash: string | null
}

/** A job to create (`POST /v1/jobs` after validation). */
export interface NewJob {
  /** Default: `job_<ULID>` from the store's clock. */
  readonly id?: string | undefined
  /** The project path `hub/group/project` (must exist). */
  readonly instance: string
  /** The owner's user id (must exist). */
  readonly owner: string
  readonly backend: string
  /** Default `circuit-runner`. */
  readonly program?: string | undefined
  /** The program's input (the circuits as JSON text); its size and SHA-256 are recorded. */
  readonly input: string
  readonly shots: number
  readonly num_circuits: number
  readonly max_execution_seconds: number
  readonly queue_ttl_seconds?: number | null | undefined
  readonly options?: Readonly<Record<string, unknown>> | undefined
  readonly name?: string | null | undefined
  readonly tags?: readonly string[] | undefined
  readonly metadata?: Readonly<Record<string, unknown>> | undefined
  /** Default `private`. */
  readonly visibility?: JobVisibility | undefined
  readonly session_id?: string | null | undefined
  readonly client?: ClientInfo | null | undefined
  readonly priority?: number | undefined
  /** Default 3. */
  readonly max_attempts?: number | undefined
  /**
   * A `QUEUED` phase. Default: `waiting_for_slot` when the instance is at `max_running_jobs`,
   * else `queued`.
   */
  readonly phase?: string | undefined
}

/** Options of `createJob`: idempotency (§8.8). */
export interface CreateJobOptions {
  /** The `Idempotency-Key`, unique per owner while remembered. */
  readonly idempotencyKey?: string | undefined
  /** SHA-256 (or any stable digest) of the request; required with a key. */
  readonly requestHash?: string | undefined
  /** How long the key is remembered (default 7 days). */
  readonly idempotencyTtlMs?: number | undefined
}

/** What `createJob` did. */
export interface CreateJobResult {
  readonly job: StoredJob
  /** True when the key was known with the same request: `job` is the existing job. */
  readonly replayed: boolean
}

/**
 * Why a job failed or was cancelled, as given to the store. `message` defaults to the
 * registry's (`JOB_REASON_CODES`); `solution` and `retryable` are looked up there on read.
 */
export interface StatusReasonInput {
  readonly code: string
  readonly message?: string | undefined
  readonly details?: Readonly<Record<string, unknown>> | null | undefined
}

/** A move of the state machine (§8.2), or a phase change within a status. */
export interface TransitionRequest {
  readonly to: ServiceJobStatus
  /** Default: the status's default phase (`null` for final statuses). */
  readonly phase?: string | null | undefined
  /** Required for `FAILED`; for `CANCELLED` defaults to `cancelled_by_user`. */
  readonly reason?: StatusReasonInput | undefined
  /** Only apply if the job is in this status (optimistic check). */
  readonly from?: ServiceJobStatus | undefined
  /** Only apply if this worker holds the lease. */
  readonly workerId?: string | undefined
}

/** What `requestCancel` did (§8.2, §8.4 cancel semantics). */
export interface CancelJobResult {
  readonly job: StoredJob
  /** True when this request changed the job (`QUEUED` → `CANCELLED`, `RUNNING` → `CANCELLING`). */
  readonly changed: boolean
  /** True when the job had already ended (its final status is in `job.status`). */
  readonly alreadyFinal: boolean
}

/** `PATCH /v1/jobs/{id}`: allowed in every status. */
export interface JobPatch {
  readonly name?: string | null | undefined
  readonly tags?: readonly string[] | undefined
}

/** Filters and position of `listJobs` (§8.6). */
export interface ListJobsOptions {
  /**
   * The parsed `GET /v1/jobs` filters (`parseJobListQuery`). Omitted fields do not filter;
   * `owner: 'me'` needs a `viewer`. Defaults: sort `created_at`, order `desc`, limit 20.
   */
  readonly filter?:
    { readonly [K in keyof JobListFilter]?: JobListFilter[K] | undefined } | undefined
  /** Case-sensitive substring of the name (besides `filter.name_prefix`). */
  readonly nameContains?: string | undefined
  /** The keyset position to continue after (a decoded cursor's `value` and `id`). */
  readonly after?: { readonly value: string | null; readonly id: string } | undefined
  /** Who is listing: resolves `owner: 'me'` and limits results to what they may see. */
  readonly viewer?: JobViewer | undefined
}

/**
 * The caller of a listing, for visibility (§8.9): jobs they own, every job under a level where
 * they are `admin`, and jobs shared (`project`, `group`, `hub`) with a level where they are a
 * member. Service admins see everything. Shaped so that the HTTP layer's principal
 * (`user.id`, `memberships`, `token.instances`) maps onto it directly.
 */
export interface JobViewer {
  readonly userId: string
  /** A service admin: no visibility restriction. */
  readonly isAdmin?: boolean | undefined
  /** The viewer's memberships (instance prefix and role). */
  readonly memberships?:
    readonly { readonly instance: string; readonly role: MembershipRole }[] | undefined
  /** The token's instance restriction: only these prefixes (null/omitted = no restriction). */
  readonly instances?: readonly string[] | null | undefined
}

/** A page of `listJobs`. */
export interface ListJobsResult {
  readonly items: readonly StoredJob[]
  readonly hasMore: boolean
  /** The last item's position, for the next cursor (`createJobListCursor`); null when empty. */
  readonly last: JobListPosition | null
  /** The number of matching jobs (only with `filter.include_total`). */
  readonly total?: number | undefined
}

/** The input or result body of a job. */
export interface StoredJobInput {
  readonly input: string
  readonly bytes: number
  readonly sha256: string
}

/** A stored result body with its metadata. */
export interface StoredJobResult {
  readonly body: string
  readonly content_type: string
  readonly format_version: number | null
  readonly bytes: number
  readonly sha256: string
  readonly partial: boolean
}
