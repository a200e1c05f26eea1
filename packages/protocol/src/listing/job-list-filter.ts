import type { ServiceJobStatus } from '../jobs/service-job-status.js'
import type { JobSortKey, SortOrder, TagMatchMode } from '../schemas/job-list.js'
import { canonicalJson } from '../encoding/canonical-json.js'
import { fnv1a64Hex } from '../encoding/fnv1a64.js'

/**
 * The filters of `GET /v1/jobs` after parsing (§8.6), with every default applied and repeatable
 * values de-duplicated and sorted, so equal filters are equal objects. Several values of one
 * parameter match any of them; different parameters combine with AND.
 */
export interface JobListFilter {
  /** Instance prefix, or `null` for every instance the token can see. */
  readonly instance: string | null
  /** `me`, `any` (what the caller may see), or a user id. */
  readonly owner: string
  readonly status: readonly ServiceJobStatus[]
  /** `true` = QUEUED+RUNNING+CANCELLING, `false` = final, `null` = both. */
  readonly pending: boolean | null
  readonly backend: readonly string[]
  readonly program: readonly string[]
  readonly ids: readonly string[]
  readonly tag: readonly string[]
  /** Whether a job needs every `tag` (`all`) or one of them (`any`). */
  readonly tags_match: TagMatchMode
  readonly name_prefix: string | null
  /** Inclusive RFC 3339 bounds, normalised to `toISOString()` form. */
  readonly created_after: string | null
  readonly created_before: string | null
  readonly ended_after: string | null
  readonly ended_before: string | null
  readonly sort: JobSortKey
  readonly order: SortOrder
  /** Page size, 1–100. */
  readonly limit: number
  /** Whether the page reports `total` (costly). */
  readonly include_total: boolean
}

/** The filter fields a cursor is bound to: all but page size and `include_total`. */
export const CURSOR_BOUND_FIELDS = [
  'instance',
  'owner',
  'status',
  'pending',
  'backend',
  'program',
  'ids',
  'tag',
  'tags_match',
  'name_prefix',
  'created_after',
  'created_before',
  'ended_after',
  'ended_before',
  'sort',
  'order',
] as const satisfies readonly (keyof JobListFilter)[]

/**
 * The fingerprint a cursor carries of the filters it was issued for: 16 hex digits of FNV-1a
 * over the canonical JSON of {@link CURSOR_BOUND_FIELDS}. Changing `limit` between pages is fine;
 * changing anything else makes the cursor a `cursor_mismatch`.
 *
 * @param filter - a parsed filter
 * @returns the fingerprint
 */
export function jobListFilterHash(filter: JobListFilter): string {
  const bound: Record<string, unknown> = {}
  for (const key of CURSOR_BOUND_FIELDS) bound[key] = filter[key]
  return fnv1a64Hex(canonicalJson(bound))
}
