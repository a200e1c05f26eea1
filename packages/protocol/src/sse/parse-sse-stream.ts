import { createUtf8StreamDecoder } from '../encoding/utf8.js'
import { SseDecoder, type SseMessage } from './sse-decoder.js'

/** The part of a `ReadableStreamDefaultReader` used here (declared structurally: no DOM types). */
export interface StreamReaderLike<TChunk> {
  read(): Promise<{ readonly done: boolean; readonly value?: TChunk | undefined }>
  releaseLock(): void
  cancel(reason?: unknown): Promise<void>
}

/** The part of a `ReadableStream` used here: `fetch`'s `response.body` fits. */
export interface ReadableStreamLike<TChunk> {
  getReader(): StreamReaderLike<TChunk>
}

/** Where an event stream comes from: a response body, or any (async) iterable of chunks. */
export type SseSource =
  | ReadableStreamLike<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>

/** Options of {@link parseSseStream}. */
export interface ParseSseStreamOptions {
  /** Called with the text of every comment line (heartbeats), e.g. to reset a liveness timer. */
  readonly onComment?: (comment: string) => void
}

function isReadableStreamLike(source: SseSource): source is ReadableStreamLike<Uint8Array> {
  return typeof (source as Partial<ReadableStreamLike<Uint8Array>>).getReader === 'function'
}

async function* chunksOf(source: SseSource): AsyncGenerator<Uint8Array | string> {
  if (!isReadableStreamLike(source)) {
    yield* source
    return
  }
  // Reader-based, because async iteration of ReadableStream is missing in some browsers.
  const reader = source.getReader()
  let finished = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (value !== undefined) yield value
    }
    finished = true
  } finally {
    // Stopping early (break in for-await) cancels the body so the connection is released.
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}

/**
 * Parses a `text/event-stream` body into events, as a browser's `EventSource` would (WHATWG HTML
 * §9.2.6): UTF-8 decoding across chunk boundaries, CRLF/LF/CR line endings, multi-line data,
 * comments, `id:` and `retry:`. Pure: no timers, no reconnection (the client does those with
 * `lastEventId` and `retryMs`).
 *
 * @param source - `response.body` of a `fetch`, or an (async) iterable of byte or text chunks
 * @param options - `onComment` for heartbeats
 * @returns the events, in order; ends when the source ends (an unterminated last event is
 *   dropped, as the standard says)
 * @example
 * ```ts
 * const response = await fetch(url, { headers: { Accept: 'text/event-stream' } })
 * for await (const message of parseSseStream(response.body!)) {
 *   console.log(message.event, message.lastEventId, JSON.parse(message.data))
 * }
 * ```
 */
export async function* parseSseStream(
  source: SseSource,
  options: ParseSseStreamOptions = {},
): AsyncGenerator<SseMessage, void, undefined> {
  const decoder = new SseDecoder()
  const utf8 = createUtf8StreamDecoder()
  for await (const chunk of chunksOf(source)) {
    const text = typeof chunk === 'string' ? chunk : utf8.decode(chunk)
    yield* decoder.push(text, options.onComment)
  }
  yield* decoder.push(utf8.flush(), options.onComment)
}
