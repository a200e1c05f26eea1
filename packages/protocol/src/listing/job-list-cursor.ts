import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.js'
import { utf8Decode, utf8Encode } from '../encoding/utf8.js'
import { ProtocolError } from '../errors/protocol-error.js'
import { PROTOCOL_LIMITS } from '../protocol-limits.js'
import { RESOURCE_ID_PATTERN } from '../schemas/common.js'
import { JOB_SORT_KEYS, SORT_ORDERS, type JobSortKey, type SortOrder } from '../schemas/job-list.js'
import { isRfc3339DateTime } from '../validation/formats.js'
import { jobListFilterHash, type JobListFilter } from './job-list-filter.js'

/**
 * A keyset position in a job listing (§8.6): the sort value and id of the last item of a page,
 * and the fingerprint of the filters. The next page holds the items strictly after
 * `(value, id)` in `(sort, order)` — stable while new jobs arrive, unlike offsets.
 */
export interface JobListCursor {
  readonly sort: JobSortKey
  readonly order: SortOrder
  /** The last item's `created_at`/`ended_at`; `null` for a job without `ended_at`. */
  readonly value: string | null
  /** The last item's id (ULID-ordered, the tie-breaker). */
  readonly id: string
  /** {@link jobListFilterHash} of the filters the cursor was issued for. */
  readonly filterHash: string
}

const CURSOR_VERSION = 1
const ID_RE = new RegExp(RESOURCE_ID_PATTERN)
const HASH_RE = /^[0-9a-f]{16}$/

/**
 * Encodes a cursor as an opaque token: base64url of a small versioned JSON object. Opaque to
 * clients, not secret: the server re-checks every page's permissions anyway.
 *
 * @param cursor - the position
 * @returns the token for `next_cursor`
 */
export function encodeJobListCursor(cursor: JobListCursor): string {
  const body = {
    v: CURSOR_VERSION,
    s: cursor.sort,
    o: cursor.order,
    k: cursor.value,
    i: cursor.id,
    h: cursor.filterHash,
  }
  return encodeBase64Url(utf8Encode(JSON.stringify(body)))
}

/**
 * Decodes a cursor token strictly.
 *
 * @param token - a `cursor` query value
 * @returns the position
 * @throws {@link ProtocolError} `protocol.invalid-cursor` when the token is not one
 *   {@link encodeJobListCursor} could have produced
 */
export function decodeJobListCursor(token: string): JobListCursor {
  const body = readBody(token)
  const keys = Object.keys(body).sort().join(',')
  const { v, s, o, k, i, h } = body
  const ok =
    keys === 'h,i,k,o,s,v' &&
    v === CURSOR_VERSION &&
    (JOB_SORT_KEYS as readonly unknown[]).includes(s) &&
    (SORT_ORDERS as readonly unknown[]).includes(o) &&
    (k === null || (typeof k === 'string' && isRfc3339DateTime(k))) &&
    typeof i === 'string' &&
    ID_RE.test(i) &&
    typeof h === 'string' &&
    HASH_RE.test(h)
  if (!ok) throw invalidCursor()
  return { sort: s as JobSortKey, order: o as SortOrder, value: k, id: i, filterHash: h }
}

function readBody(token: string): Readonly<Record<string, unknown>> {
  if (token.length === 0 || token.length > PROTOCOL_LIMITS.maxCursorLength) throw invalidCursor()
  let parsed: unknown
  try {
    parsed = JSON.parse(utf8Decode(decodeBase64Url(token)))
  } catch (cause) {
    throw invalidCursor(cause)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidCursor()
  return parsed as Readonly<Record<string, unknown>>
}

function invalidCursor(cause?: unknown): ProtocolError {
  return new ProtocolError(
    'protocol.invalid-cursor',
    'The cursor is not valid; restart the listing without one.',
    cause === undefined ? {} : { cause },
  )
}

/** The fields of the last item of a page that the next cursor needs. */
export interface JobListPosition {
  readonly id: string
  readonly created_at: string
  readonly ended_at: string | null
}

/**
 * The `next_cursor` after a page: the position of its last item, bound to the filters.
 *
 * @param filter - the page's parsed filter
 * @param last - the last item of the page
 * @returns the opaque token
 * @example
 * ```ts
 * const next = hasMore ? createJobListCursor(filter, items.at(-1)!) : null
 * ```
 */
export function createJobListCursor(filter: JobListFilter, last: JobListPosition): string {
  return encodeJobListCursor({
    sort: filter.sort,
    order: filter.order,
    value: filter.sort === 'created_at' ? last.created_at : last.ended_at,
    id: last.id,
    filterHash: jobListFilterHash(filter),
  })
}

/**
 * Checks that a cursor was issued for these filters.
 *
 * @param cursor - a decoded cursor
 * @param filter - the request's parsed filter
 * @throws {@link ProtocolError} `protocol.cursor-mismatch` when the filters or sort differ
 */
export function assertCursorMatches(cursor: JobListCursor, filter: JobListFilter): void {
  if (
    cursor.sort !== filter.sort ||
    cursor.order !== filter.order ||
    cursor.filterHash !== jobListFilterHash(filter)
  ) {
    throw new ProtocolError(
      'protocol.cursor-mismatch',
      'The cursor belongs to a listing with other filters or sort; restart without a cursor.',
    )
  }
}
