import type { ServiceJobEvent } from '../schemas/job-events.js'

/** The reconnection delay the server advertises (`retry:`), in milliseconds (§8.5). */
export const SSE_RETRY_MS = 3000

/** How often the server sends a heartbeat comment on an idle stream, in seconds (§8.5). */
export const SSE_HEARTBEAT_SECONDS = 15

/** The text of heartbeat comments. */
export const SSE_HEARTBEAT_COMMENT = 'heartbeat'

/** Response headers of an SSE stream (no caching, no proxy buffering). */
export const SSE_RESPONSE_HEADERS = Object.freeze({
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
})

/** One server-sent event before framing. */
export interface SseMessageInit {
  /** `id:` — becomes the client's `Last-Event-ID`. No CR, LF or NUL. */
  readonly id?: string
  /** `event:` — the event type (default `message`). No CR or LF. */
  readonly event?: string
  /** `data:` — any text; line breaks become separate `data:` lines. */
  readonly data: string
  /** `retry:` — the reconnection delay in milliseconds. */
  readonly retry?: number
}

/**
 * Frames one server-sent event (WHATWG HTML §9.2): `id:`, `event:`, `retry:`, one `data:` line
 * per line of `data`, then a blank line. Every `data` (even empty) round-trips through a
 * conforming parser, line breaks normalised to `\n`.
 *
 * @param message - the fields
 * @returns the frame text
 * @throws TypeError when `id` or `event` contains a line break (or `id` a NUL), which cannot be
 *   framed
 * @throws RangeError when `retry` is not a non-negative integer
 */
export function formatSseMessage(message: SseMessageInit): string {
  let out = ''
  if (message.id !== undefined) {
    if (/[\r\n\0]/.test(message.id)) throw new TypeError('an SSE id cannot contain CR, LF or NUL')
    out += `id: ${message.id}\n`
  }
  if (message.event !== undefined) {
    if (/[\r\n]/.test(message.event))
      throw new TypeError('an SSE event type cannot contain CR or LF')
    out += `event: ${message.event}\n`
  }
  if (message.retry !== undefined) out += retryLine(message.retry)
  for (const line of message.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`
  return `${out}\n`
}

function retryLine(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`invalid SSE retry: ${ms}`)
  return `retry: ${ms}\n`
}

/**
 * Frames a job event: `id:` is its `seq` (so a reconnecting client resumes with
 * `Last-Event-ID`), `event:` its `type`, `data:` its JSON.
 *
 * @param event - a job event
 * @param options - `id`: override the SSE id (the multiplexed `/v1/events` stream uses its own)
 * @returns the frame text
 * @example
 * ```ts
 * formatSseEvent({ type: 'job.progress', seq: 7, job_id: 'job_01J9', time, done: 1, total: 2 })
 * // 'id: 7\nevent: job.progress\ndata: {"type":"job.progress","seq":7,…}\n\n'
 * ```
 */
export function formatSseEvent(event: ServiceJobEvent, options: { id?: string } = {}): string {
  return formatSseMessage({
    id: options.id ?? String(event.seq),
    event: event.type,
    data: JSON.stringify(event),
  })
}

/**
 * Frames a comment line (ignored by clients; keeps proxies from closing an idle stream).
 *
 * @param text - the comment (line breaks become separate comment lines)
 * @returns e.g. `: heartbeat\n\n`
 */
export function formatSseComment(text: string = SSE_HEARTBEAT_COMMENT): string {
  return `${text
    .split(/\r\n|\r|\n/)
    .map((line) => `: ${line}\n`)
    .join('')}\n`
}

/**
 * Frames a bare `retry:` field (sent once at the start of a stream).
 *
 * @param ms - the reconnection delay (default {@link SSE_RETRY_MS})
 * @returns e.g. `retry: 3000\n\n`
 * @throws RangeError when `ms` is not a non-negative integer
 */
export function formatSseRetry(ms: number = SSE_RETRY_MS): string {
  return `${retryLine(ms)}\n`
}
