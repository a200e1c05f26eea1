import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatSseComment,
  formatSseMessage,
  formatSseRetry,
  type SseMessageInit,
} from '../../src/sse/format-sse.js'
import { parseSseStream, type ReadableStreamLike } from '../../src/sse/parse-sse-stream.js'
import type { SseMessage } from '../../src/sse/sse-decoder.js'

async function collect(
  source: Parameters<typeof parseSseStream>[0],
  onComment?: (c: string) => void,
): Promise<SseMessage[]> {
  const out: SseMessage[] = []
  for await (const m of parseSseStream(source, onComment === undefined ? {} : { onComment }))
    out.push(m)
  return out
}

/** Splits bytes at the given cut points (any byte offset, including inside a UTF-8 character). */
function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let start = 0
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.slice(start, p))
    start = p
  }
  return chunks
}

/** A `ReadableStream`-shaped source over chunks, recording whether it was cancelled. */
function streamOf(
  chunks: readonly Uint8Array[],
): ReadableStreamLike<Uint8Array> & { cancelled: boolean } {
  const state = { cancelled: false, getReader: () => reader }
  let i = 0
  const reader = {
    read: () =>
      Promise.resolve(i < chunks.length ? { done: false, value: chunks[i++] } : { done: true }),
    releaseLock: () => undefined,
    cancel: () => {
      state.cancelled = true
      return Promise.resolve()
    },
  }
  return state
}

const encoder = new TextEncoder()

describe('parseSseStream', () => {
  it('parses the WHATWG examples: multi-line data, default event type, ids, comments', async () => {
    const text =
      ': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\ndata\ndata\n\ndata:\n'
    const events = await collect([text])
    expect(events.map((e) => [e.event, e.data, e.lastEventId])).toEqual([
      ['message', 'first event', '1'],
      ['message', 'second event', ''],
      ['message', ' third event', ''],
      ['message', '\n', ''],
    ])
  })

  it('treats CRLF, CR and LF alike, including a CRLF split across chunks', async () => {
    const events = await collect([
      'event: a\r',
      '\ndata: 1\r\r',
      'data: 2\n\nevent: b\rdata: 3\r\n',
      '\r\n',
    ])
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['a', '1'],
      ['message', '2'],
      ['b', '3'],
    ])
  })

  it('reports comments, keeps the last id and retry across events, ignores NUL ids and bad retries', async () => {
    const comments: string[] = []
    const text = `${formatSseRetry()}${formatSseComment()}id: 5\ndata: a\n\nretry: soon\nid: x\0y\ndata: b\n\n`
    const events = await collect([text], (c) => comments.push(c))
    expect(comments).toEqual(['heartbeat'])
    expect(events).toEqual([
      { event: 'message', data: 'a', lastEventId: '5', retryMs: 3000 },
      { event: 'message', data: 'b', lastEventId: '5', retryMs: 3000 },
    ])
  })

  it('drops an unterminated last event and a leading byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('data: x\n\ndata: y\n')])
    expect((await collect([bytes])).map((e) => e.data)).toEqual(['x'])
  })

  it('round-trips formatted messages split at any byte, with any line-ending style', async () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\r\n]/.test(s))
    const message: fc.Arbitrary<SseMessageInit> = fc.record(
      {
        id: fc.string({ unit: 'grapheme', maxLength: 8 }).filter((s) => !/[\r\n\0]/.test(s)),
        event: fc.stringMatching(/^[a-z][a-z._]{0,15}$/),
        data: fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')),
      },
      { requiredKeys: ['data'] },
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        async (messages, cuts, eol, useStream) => {
          const text = messages
            .map((m, i) => (i % 2 === 1 ? formatSseComment('hb') : '') + formatSseMessage(m))
            .join('')
          const chunks = split(encoder.encode(text.replace(/\n/g, eol)), cuts)
          const events = await collect(useStream ? streamOf(chunks) : chunks)
          let lastId = ''
          const expected = messages.map((m) => {
            lastId = m.id ?? lastId
            return {
              event: m.event ?? 'message',
              data: m.data,
              lastEventId: lastId,
              retryMs: undefined,
            }
          })
          expect(events).toEqual(expected)
        },
      ),
      { seed: 9206, numRuns: 300 },
    )
  })

  it('cancels the body when the consumer stops early', async () => {
    const source = streamOf([encoder.encode('data: 1\n\n'), encoder.encode('data: 2\n\n')])
    for await (const message of parseSseStream(source)) {
      expect(message.data).toBe('1')
      break
    }
    expect(source.cancelled).toBe(true)
  })
})
