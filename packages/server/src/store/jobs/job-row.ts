import { sql, type SelectQueryBuilder } from 'kysely'
import {
  JOB_REASON_CODES,
  isJobReasonCode,
  type JobStatusReason,
  type JobVisibility,
  type ServiceJobStatus,
  type StoredJobEvent,
} from '@qfabric/protocol'
import type { Database, JobEventsTable, JobsTable } from '../database-schema.js'
import type { StoredJob } from '../job-store-types.js'
import { toIso } from '../store-context.js'

/** Every `jobs` column but the heavy bodies (input and result), which are read on demand. */
export const JOB_COLUMNS = [
  'id',
  'instance',
  'instance_group',
  'instance_hub',
  'owner_id',
  'backend',
  'program',
  'name',
  'tags_json',
  'metadata_json',
  'visibility',
  'session_id',
  'status',
  'phase',
  'reason_code',
  'reason_message',
  'reason_details_json',
  'shots',
  'num_circuits',
  'options_json',
  'input_bytes',
  'input_sha256',
  'max_execution_seconds',
  'queue_ttl_seconds',
  'priority',
  'idempotency_key',
  'request_hash',
  'client_json',
  'created_at',
  'queued_at',
  'started_at',
  'ended_at',
  'updated_at',
  'status_times_json',
  'cancel_requested_at',
  'lease_owner',
  'lease_expires_at',
  'attempt',
  'max_attempts',
  'result_bytes',
  'result_sha256',
  'result_content_type',
  'result_format_version',
  'result_partial',
  'result_expires_at',
  'progress_done',
  'progress_total',
  'usage_device_seconds',
  'usage_wall_seconds',
  'backend_version',
  'backend_calibration_id',
  'rev',
  'event_seq',
  'expires_at',
  'deleted_at',
] as const satisfies readonly (keyof JobsTable)[]

/** Whether the result body is still stored (1) or not (0), without reading it. */
export const resultStored = sql<number>`case when result_body is null then 0 else 1 end`.as(
  'result_stored',
)

/** A `jobs` row as the store reads it. */
export type JobRowLight = Pick<JobsTable, (typeof JOB_COLUMNS)[number]> & {
  readonly result_stored: number
}

/**
 * Selects a job's light columns.
 *
 * @param query - a select from `jobs`
 * @returns the query selecting {@link JOB_COLUMNS} and `result_stored`
 */
export function selectJobColumns<TOut>(
  query: SelectQueryBuilder<Database, 'jobs', TOut>,
): SelectQueryBuilder<Database, 'jobs', TOut & JobRowLight> {
  return query.select(JOB_COLUMNS).select(resultStored)
}

/**
 * The reason record of the wire (§8.10 shape) for a stored code and message: `solution` and
 * `retryable` come from the published registry, unknown codes are not retryable.
 *
 * @param code - the reason code, or null
 * @param message - the stored message
 * @param detailsJson - stored details (JSON text)
 * @returns the reason, or null
 */
export function statusReasonOf(
  code: string | null,
  message: string | null,
  detailsJson: string | null,
): JobStatusReason | null {
  if (code === null) return null
  const known = isJobReasonCode(code) ? JOB_REASON_CODES[code] : undefined
  return {
    code,
    message: message ?? known?.message ?? code,
    solution: known?.solution ?? null,
    retryable: known?.retryable ?? false,
    details: detailsJson === null ? null : (JSON.parse(detailsJson) as Record<string, unknown>),
  }
}

/**
 * Turns a row into the store's job record.
 *
 * @param row - a row selected with {@link selectJobColumns}
 * @returns the job
 */
export function rowToJob(row: JobRowLight): StoredJob {
  const times = JSON.parse(row.status_times_json) as Record<string, number>
  const timestamps: Partial<Record<ServiceJobStatus, string>> = {}
  for (const [status, ms] of Object.entries(times)) {
    timestamps[status as ServiceJobStatus] = toIso(ms)
  }
  return {
    id: row.id,
    instance: row.instance,
    owner: row.owner_id,
    backend: row.backend,
    program: row.program,
    name: row.name,
    tags: JSON.parse(row.tags_json) as string[],
    metadata: JSON.parse(row.metadata_json) as Record<string, unknown>,
    session_id: row.session_id,
    status: row.status as ServiceJobStatus,
    phase: row.phase,
    status_reason: statusReasonOf(row.reason_code, row.reason_message, row.reason_details_json),
    created_at: toIso(row.created_at),
    queued_at: toIso(row.queued_at),
    started_at: toIso(row.started_at),
    ended_at: toIso(row.ended_at),
    updated_at: toIso(row.updated_at),
    timestamps,
    request: requestOf(row),
    result: resultOf(row),
    progress: { done: row.progress_done, total: row.progress_total },
    usage: { device_seconds: row.usage_device_seconds, wall_seconds: row.usage_wall_seconds },
    backend_snapshot: { version: row.backend_version, calibration_id: row.backend_calibration_id },
    idempotency_key: row.idempotency_key,
    client: row.client_json === null ? null : (JSON.parse(row.client_json) as StoredJob['client']),
    visibility: row.visibility as JobVisibility,
    attempt: row.attempt,
    rev: row.rev,
    ...(row.deleted_at === null ? {} : { deleted_at: toIso(row.deleted_at) }),
    priority: row.priority,
    options: JSON.parse(row.options_json) as Record<string, unknown>,
    lease_owner: row.lease_owner,
    lease_expires_at: toIso(row.lease_expires_at),
    max_attempts: row.max_attempts,
    cancel_requested_at: toIso(row.cancel_requested_at),
    event_seq: row.event_seq,
    expires_at: toIso(row.expires_at),
    request_hash: row.request_hash,
  }
}

function requestOf(row: JobRowLight): StoredJob['request'] {
  return {
    shots: row.shots,
    num_circuits: row.num_circuits,
    executions: row.shots * row.num_circuits,
    input_bytes: row.input_bytes,
    input_sha256: row.input_sha256,
    max_execution_seconds: row.max_execution_seconds,
    queue_ttl_seconds: row.queue_ttl_seconds,
  }
}

function resultOf(row: JobRowLight): StoredJob['result'] {
  return {
    // Completed jobs, and cancelled ones that kept a partial result, until retention drops it.
    available: row.result_stored === 1,
    bytes: row.result_bytes,
    sha256: row.result_sha256,
    content_type: row.result_content_type,
    format_version: row.result_format_version,
    expires_at: toIso(row.result_expires_at),
    partial: row.result_partial === 1,
  }
}

/**
 * Turns a `job_events` row into the protocol's event shape.
 *
 * @param row - the row
 * @returns `{ type, seq, job_id, time, …data }`
 */
export function rowToEvent(row: JobEventsTable): StoredJobEvent {
  const data = JSON.parse(row.data_json) as Record<string, unknown>
  return {
    ...data,
    type: row.type,
    seq: row.seq,
    job_id: row.job_id,
    time: toIso(row.created_at),
  } as StoredJobEvent
}
