import {
  isFinalServiceJobStatus,
  type JobQueueInfo,
  type JobRecord,
  type JobSummary,
  JOB_SUMMARY_FIELDS,
} from '@qfabric/protocol'
import type { StoredJob } from '../store/job-store-types.js'

/** The store's bookkeeping fields, which never go on the wire. */
const BOOKKEEPING = [
  'priority',
  'options',
  'lease_owner',
  'lease_expires_at',
  'max_attempts',
  'cancel_requested_at',
  'event_seq',
  'expires_at',
  'request_hash',
] as const satisfies readonly (keyof StoredJob)[]

const HIDDEN: ReadonlySet<string> = new Set(BOOKKEEPING)

/**
 * The wire record of a stored job (§8.3): the stored fields without the store's bookkeeping,
 * plus the per-request `queue` object and `poll_after_seconds` (null once final).
 *
 * @param job - the stored job
 * @param queue - its queue info (computed on read)
 * @param pollAfterSeconds - the polling hint for unfinished jobs
 * @returns the job record
 */
export function toJobRecord(
  job: StoredJob,
  queue: JobQueueInfo,
  pollAfterSeconds: number,
): JobRecord {
  const record: Record<string, unknown> = Object.fromEntries(
    Object.entries(job).filter(([key]) => !HIDDEN.has(key)),
  )
  record['queue'] = queue
  record['poll_after_seconds'] = isFinalServiceJobStatus(job.status) ? null : pollAfterSeconds
  return record as JobRecord
}

/**
 * The listing form of a job: the fields of `JOB_SUMMARY_FIELDS` only.
 *
 * @param job - the stored job
 * @returns the summary
 */
export function toJobSummary(job: StoredJob): JobSummary {
  const summary: Record<string, unknown> = {}
  for (const key of JOB_SUMMARY_FIELDS) summary[key] = job[key]
  return summary as JobSummary
}
