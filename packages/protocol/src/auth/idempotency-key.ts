import { createJobId } from '@qfabric/core/providers'
import { ProtocolError } from '../errors/protocol-error.js'
import { PROTOCOL_LIMITS } from '../protocol-limits.js'

/**
 * The syntax of an `Idempotency-Key` (§8.8): 1–64 characters of letters, digits and `. _ : -`,
 * which covers UUIDs and ULIDs and keeps keys safe in logs and database keys.
 */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9._:-]{1,64}$'

const KEY_RE = new RegExp(IDEMPOTENCY_KEY_PATTERN)

/**
 * Whether a value is a syntactically valid idempotency key.
 *
 * @param value - anything (a header value)
 * @returns true for 1–64 characters of `[A-Za-z0-9._:-]`
 */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_RE.test(value)
}

/**
 * Reads the `Idempotency-Key` header value: absent is fine (the request is simply not
 * idempotent), present must be valid. A repeated header (an array) is an error, since two keys
 * cannot both identify the request.
 *
 * @param value - the header as Node or `Headers.get` delivers it
 * @returns the key, or `undefined` when absent
 * @throws {@link ProtocolError} `protocol.validation-failed` (pointer `/idempotency-key` in the
 *   headers) for a malformed or repeated key
 */
export function parseIdempotencyKey(
  value: string | readonly string[] | null | undefined,
): string | undefined {
  if (value === undefined || value === null) return undefined
  if (isIdempotencyKey(value)) return value
  throw new ProtocolError('protocol.validation-failed', 'Invalid Idempotency-Key header.', {
    errors: [
      {
        in: 'header',
        pointer: '/idempotency-key',
        field: 'idempotency-key',
        code: typeof value === 'string' ? 'pattern_mismatch' : 'repeated_header',
        message: `must be 1–${PROTOCOL_LIMITS.maxIdempotencyKeyLength} characters of letters, digits and . _ : -, given once`,
      },
    ],
  })
}

/**
 * A fresh idempotency key for one logical submission: a ULID (time-ordered, 26 characters),
 * reused by the client across its retries of that submission.
 *
 * @param timeMs - the timestamp part (default now)
 * @returns the key
 */
export function createIdempotencyKey(timeMs?: number): string {
  return createJobId(timeMs)
}
