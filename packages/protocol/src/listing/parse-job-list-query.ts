import { ProtocolError } from '../errors/protocol-error.js'
import type { ServiceJobStatus } from '../jobs/service-job-status.js'
import { PROTOCOL_LIMITS } from '../protocol-limits.js'
import { JobListQuerySchema, type JobListQuery } from '../schemas/job-list.js'
import type { FieldError } from '../schemas/problem-document.js'
import { fieldErrors } from '../validation/validate-value.js'
import { assertCursorMatches, decodeJobListCursor, type JobListCursor } from './job-list-cursor.js'
import type { JobListFilter } from './job-list-filter.js'

/** Parameters that may be given several times. */
const REPEATABLE = new Set(['status', 'backend', 'program', 'ids', 'tag'])
const BOOLEANS = new Set(['pending', 'include_total'])
const KNOWN = new Set(Object.keys(JobListQuerySchema.properties))
const TIME_PAIRS = [
  ['created_after', 'created_before'],
  ['ended_after', 'ended_before'],
] as const

/** `GET /v1/jobs` query, parsed: the normalised filter and the decoded cursor, if any. */
export interface ParsedJobListQuery {
  readonly filter: JobListFilter
  readonly cursor: JobListCursor | null
}

/** A raw query: what `URLSearchParams` or a server framework delivers. */
export type RawQuery = Readonly<Record<string, unknown>>

/**
 * Parses and validates the query of `GET /v1/jobs` (§8.6) from raw strings (or values a
 * framework already coerced): rejects unknown and wrongly repeated parameters, checks every value
 * against {@link JobListQuerySchema}, checks that time bounds are ordered, applies defaults,
 * normalises (de-duplicated, sorted values; timestamps in `toISOString()` form), then decodes the
 * cursor and checks that it belongs to these filters.
 *
 * @param query - the query parameters; a repeated parameter is an array
 * @returns the filter and cursor
 * @throws {@link ProtocolError} `protocol.validation-failed` (422) with a field error per bad
 *   parameter; `protocol.invalid-cursor` (400) for a corrupt cursor; `protocol.cursor-mismatch`
 *   (400) for a cursor issued for other filters
 * @example
 * ```ts
 * const { filter, cursor } = parseJobListQuery({ status: ['QUEUED', 'RUNNING'], limit: '50' })
 * filter.status // ['QUEUED', 'RUNNING']; filter.order // 'desc'; cursor // null
 * ```
 */
export function parseJobListQuery(query: RawQuery): ParsedJobListQuery {
  const errors: FieldError[] = []
  const coerced = coerceQuery(query, errors)
  if (errors.length === 0) errors.push(...fieldErrors(JobListQuerySchema, coerced, { in: 'query' }))
  if (errors.length === 0) checkTimeBounds(coerced, errors)
  if (errors.length > 0) {
    const first = errors[0]!
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
    throw new ProtocolError(
      'protocol.validation-failed',
      `Invalid query: ${first.field}: ${first.message}${more}.`,
      { errors },
    )
  }
  const valid = coerced as JobListQuery // checked against the schema above
  const filter = normalise(valid)
  if (valid.cursor === undefined) return { filter, cursor: null }
  const cursor = decodeJobListCursor(valid.cursor)
  assertCursorMatches(cursor, filter)
  return { filter, cursor }
}

function coerceQuery(query: RawQuery, errors: FieldError[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue
    if (!KNOWN.has(name)) {
      errors.push(queryError(name, 'unknown_parameter', 'unknown parameter'))
      continue
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map((v: unknown) =>
      typeof v === 'number' || typeof v === 'boolean' ? String(v) : v,
    )
    if (REPEATABLE.has(name)) {
      out[name] = values
    } else if (values.length !== 1) {
      errors.push(queryError(name, 'repeated_parameter', 'must be given once'))
    } else {
      out[name] = coerceScalar(name, values[0])
    }
  }
  return out
}

function coerceScalar(name: string, value: unknown): unknown {
  if (typeof value !== 'string') return value
  if (name === 'limit' && /^\d{1,9}$/.test(value)) return Number(value)
  if (BOOLEANS.has(name) && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function queryError(field: string, code: string, message: string): FieldError {
  const pointer = `/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`
  return { in: 'query', pointer, field, code, message }
}

function checkTimeBounds(query: Record<string, unknown>, errors: FieldError[]): void {
  for (const [after, before] of TIME_PAIRS) {
    for (const name of [after, before]) {
      const value = query[name]
      if (typeof value === 'string' && Number.isNaN(Date.parse(value))) {
        errors.push(queryError(name, 'invalid_format', 'not a representable time'))
      }
    }
    const a = query[after]
    const b = query[before]
    if (typeof a === 'string' && typeof b === 'string' && Date.parse(a) > Date.parse(b)) {
      errors.push(queryError(after, 'conflict', `must not be later than ${before}`))
    }
  }
}

function sortedUnique<TValue extends string>(values: readonly TValue[] | undefined): TValue[] {
  return [...new Set(values ?? [])].sort()
}

function isoOrNull(value: string | undefined): string | null {
  return value === undefined ? null : new Date(Date.parse(value)).toISOString()
}

function normalise(q: JobListQuery): JobListFilter {
  return {
    instance: q.instance ?? null,
    owner: q.owner ?? 'me',
    status: sortedUnique<ServiceJobStatus>(q.status),
    pending: q.pending ?? null,
    backend: sortedUnique(q.backend),
    program: sortedUnique(q.program),
    ids: sortedUnique(q.ids),
    tag: sortedUnique(q.tag),
    tags_match: q.tags_match ?? 'all',
    name_prefix: q.name_prefix ?? null,
    created_after: isoOrNull(q.created_after),
    created_before: isoOrNull(q.created_before),
    ended_after: isoOrNull(q.ended_after),
    ended_before: isoOrNull(q.ended_before),
    sort: q.sort ?? 'created_at',
    order: q.order ?? 'desc',
    limit: q.limit ?? PROTOCOL_LIMITS.defaultPageLimit,
    include_total: q.include_total ?? false,
  }
}
