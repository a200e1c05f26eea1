import { formatSseComment, SSE_RESPONSE_HEADERS } from '@qfabric/protocol'
import type { FastifyReply } from 'fastify'
import { clientGoneSignal } from './client-gone-signal.js'
import { ServiceError } from './service-error.js'

/** Where a stream writes its SSE frames. */
export interface SseSink {
  /** Writes formatted SSE text (frames or comments). */
  write(text: string): void
  /** Fires when the client disconnected or the server is closing. */
  readonly signal: AbortSignal
}

/**
 * Takes over a reply to stream server-sent events (§8.5): answers 200 with the SSE headers
 * (no caching, no proxy buffering) plus those already set on the reply (request id, rate
 * limits), sends a heartbeat comment whenever nothing was written for `heartbeatMs`, and ends
 * the response when `run` returns or throws. The sink's signal aborts when the client goes away
 * or `closing` fires, so `run` can stop waiting. Either may have happened already while the
 * handler awaited authentication and the job, when listening for it would be too late: a client
 * already gone gets nothing (`run` is not called), and a stream that would begin while the
 * server closes is refused — so no stream outlives the server's `close()`.
 *
 * @param reply - the reply to take over
 * @param options - heartbeat period and the server's closing signal
 * @param run - writes the stream; returns when it is complete
 * @returns when the response has ended
 * @throws ServiceError `unavailable` (503) when the server is already closing
 */
export async function streamServerSentEvents(
  reply: FastifyReply,
  options: { readonly heartbeatMs: number; readonly closing: AbortSignal },
  run: (sink: SseSink) => Promise<void>,
): Promise<void> {
  if (options.closing.aborted) {
    throw new ServiceError('unavailable', 'The server is shutting down; reconnect shortly.', {
      retryAfterSeconds: 1,
    })
  }
  const raw = reply.raw
  void reply.hijack()
  if (raw.destroyed) return
  const signal = AbortSignal.any([options.closing, clientGoneSignal(raw)])
  const headers: Record<string, string | number | readonly string[]> = {}
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = value
  }
  raw.writeHead(200, { ...headers, ...SSE_RESPONSE_HEADERS, Connection: 'keep-alive' })
  let lastWrite = performance.now()
  const write = (text: string): void => {
    if (signal.aborted || raw.writableEnded) return
    raw.write(text)
    lastWrite = performance.now()
  }
  const heartbeat = setInterval(
    () => {
      if (performance.now() - lastWrite >= options.heartbeatMs * 0.9) write(formatSseComment())
    },
    Math.max(10, Math.floor(options.heartbeatMs / 3)),
  )
  try {
    await run({ write, signal })
  } finally {
    clearInterval(heartbeat)
    if (!raw.writableEnded) raw.end()
  }
}
