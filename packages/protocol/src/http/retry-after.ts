/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 *
 * @param header - the header value
 * @param nowMs - the current time for HTTP dates (default `Date.now()`)
 * @returns seconds to wait (≥ 0), or `undefined` when absent or unreadable
 * @example
 * ```ts
 * parseRetryAfter('30') // 30
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')) // 60
 * ```
 */
export function parseRetryAfter(
  header: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (header === undefined || header === null) return undefined
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text)
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - nowMs) / 1000))
}

/**
 * Formats a `Retry-After` value in whole seconds (rounded up, so clients never retry early).
 *
 * @param seconds - the delay
 * @returns the header value
 * @throws RangeError for negative or non-finite seconds
 */
export function formatRetryAfter(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`invalid delay: ${seconds}`)
  return String(Math.ceil(seconds))
}
