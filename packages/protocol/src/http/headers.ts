/** The HTTP headers of the contract, spelled as the specification writes them. */
export const HEADERS = Object.freeze({
  /** `Authorization: Bearer <API token>`. */
  authorization: 'Authorization',
  /** Optional contract date; the server echoes the one it used. */
  apiVersion: 'Api-Version',
  /** Selects the instance (`hub/group/project`) for requests that need one. */
  instance: 'X-Instance',
  /** Present on every response; quote it in bug reports. */
  requestId: 'X-Request-Id',
  /** Makes `POST /v1/jobs` and `POST …/cancel` safe to retry. */
  idempotencyKey: 'Idempotency-Key',
  /** `true` on a 200 that replays an earlier submission. */
  idempotentReplayed: 'Idempotent-Replayed',
  /** SSE resume point (the last `id:` seen). */
  lastEventId: 'Last-Event-ID',
  /** Seconds (or an HTTP date) to wait, on every 429 and 503. */
  retryAfter: 'Retry-After',
  rateLimitLimit: 'RateLimit-Limit',
  rateLimitRemaining: 'RateLimit-Remaining',
  rateLimitReset: 'RateLimit-Reset',
  /** `wait=<s>` long-poll on `GET /v1/jobs/{id}`. */
  prefer: 'Prefer',
  preferenceApplied: 'Preference-Applied',
  etag: 'ETag',
  ifNoneMatch: 'If-None-Match',
  accept: 'Accept',
  contentType: 'Content-Type',
  location: 'Location',
  /** Lets SSE through nginx-style proxies unbuffered. */
  accelBuffering: 'X-Accel-Buffering',
})

/** Media types of the contract. */
export const CONTENT_TYPES = Object.freeze({
  json: 'application/json',
  problemJson: 'application/problem+json',
  eventStream: 'text/event-stream',
  octetStream: 'application/octet-stream',
})

/**
 * Formats `Authorization` for an API token.
 *
 * @param token - the API token
 * @returns `Bearer <token>`
 */
export function formatBearer(token: string): string {
  return `Bearer ${token}`
}

/**
 * Reads the token out of an `Authorization` header (scheme case-insensitive, RFC 9110).
 *
 * @param header - the header value
 * @returns the token, or `undefined` when the header is absent or not a bearer credential
 */
export function parseBearer(header: string | null | undefined): string | undefined {
  if (header === undefined || header === null) return undefined
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header)
  return match?.[1]
}
