import { isJobStatus, type AbortSignalLike, type JobStatus } from '@qfabric/core/providers'
import { isServiceJobStatus, type ServiceJobStatus, type TagMatchMode } from '@qfabric/protocol'
import type { QueryParams } from '../http/service-transport.js'

/**
 * Which jobs to list (Qiskit's `backend.jobs()` filters, on the service's cursor API,
 * `service-api.md` §8.6). Every criterion given must hold.
 */
export interface RemoteJobFilter {
  /** At most this many jobs in all (default: every match; pages are fetched lazily). */
  readonly limit?: number | undefined
  /** Jobs per request (1–100, default 20, or `limit` when smaller). */
  readonly pageSize?: number | undefined
  /**
   * Only jobs in these statuses: core statuses (`DONE` = the service's `COMPLETED`, `RUNNING`
   * includes `CANCELLING`, `ERROR` = `FAILED`) or the service's own.
   */
  readonly status?:
    JobStatus | ServiceJobStatus | readonly (JobStatus | ServiceJobStatus)[] | undefined
  /** `true`: only unfinished jobs; `false`: only final ones. */
  readonly pending?: boolean | undefined
  /** Only jobs of this backend. */
  readonly backendName?: string | undefined
  /** Only jobs whose name starts with this (a prefix: the service indexes names). */
  readonly name?: string | undefined
  /** Only jobs with these tags (`tagsMatch`: all of them, the default, or any). */
  readonly tags?: readonly string[] | undefined
  readonly tagsMatch?: TagMatchMode | undefined
  /** Only jobs created at or after / at or before this instant. */
  readonly createdAfter?: Date | string | undefined
  readonly createdBefore?: Date | string | undefined
  /** Newest first (default true). */
  readonly descending?: boolean | undefined
  /** Only jobs of this instance (or hub / hub/group prefix). */
  readonly instance?: string | undefined
  /** Stops the listing's requests. */
  readonly signal?: AbortSignalLike | undefined
}

/** The service statuses behind each core status (INITIALIZING and VALIDATING have none). */
const SERVICE_STATUSES_OF: Readonly<Record<JobStatus, readonly ServiceJobStatus[]>> = {
  INITIALIZING: [],
  VALIDATING: [],
  QUEUED: ['QUEUED'],
  RUNNING: ['RUNNING', 'CANCELLING'],
  DONE: ['COMPLETED'],
  ERROR: ['FAILED'],
  CANCELLED: ['CANCELLED'],
}

/**
 * The service statuses a status filter stands for.
 *
 * @param status - core or service statuses
 * @returns the service statuses (empty when only INITIALIZING/VALIDATING were asked, which no
 *   listed job has), or `undefined` for no status filter
 * @throws TypeError for a string that is no status
 */
export function serviceStatusesOf(
  status: RemoteJobFilter['status'],
): ServiceJobStatus[] | undefined {
  if (status === undefined) return undefined
  const wanted: readonly string[] = typeof status === 'string' ? [status] : status
  const out = new Set<ServiceJobStatus>()
  for (const s of wanted) {
    // Core first: its RUNNING includes CANCELLING (QUEUED and CANCELLED mean the same in both).
    if (isJobStatus(s)) for (const t of SERVICE_STATUSES_OF[s]) out.add(t)
    else if (isServiceJobStatus(s)) out.add(s)
    else throw new TypeError(`'${s}' is not a job status`)
  }
  return [...out]
}

/**
 * The `GET /v1/jobs` query of a filter (without `limit` and `cursor`, which the listing sets).
 *
 * @param filter - the filter
 * @param statuses - its service statuses ({@link serviceStatusesOf})
 * @returns the query
 */
export function jobListQueryOf(
  filter: RemoteJobFilter,
  statuses: readonly ServiceJobStatus[] | undefined,
): QueryParams {
  const iso = (d: Date | string | undefined) =>
    d === undefined ? undefined : typeof d === 'string' ? d : d.toISOString()
  return {
    instance: filter.instance,
    status: statuses,
    pending: filter.pending,
    backend: filter.backendName === undefined ? undefined : [filter.backendName],
    name_prefix: filter.name,
    tag: filter.tags,
    tags_match: filter.tags === undefined ? undefined : filter.tagsMatch,
    created_after: iso(filter.createdAfter),
    created_before: iso(filter.createdBefore),
    order: filter.descending === false ? 'asc' : 'desc',
  }
}
