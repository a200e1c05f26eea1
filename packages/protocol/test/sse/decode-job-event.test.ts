import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../src/errors/protocol-error.js'
import { decodeJobEvent, parseJobEventStream } from '../../src/sse/decode-job-event.js'
import {
  formatSseComment,
  formatSseEvent,
  formatSseMessage,
  formatSseRetry,
} from '../../src/sse/format-sse.js'
import type { ServiceJobEvent } from '../../src/schemas/job-events.js'
import { EVENTS } from '../__fixtures__/events.js'

const encoder = new TextEncoder()

async function collect(chunks: Iterable<Uint8Array | string>): Promise<ServiceJobEvent[]> {
  const out: ServiceJobEvent[] = []
  for await (const e of parseJobEventStream(chunks)) out.push(e)
  return out
}

describe('job event streams', () => {
  it('round-trip every event type, with heartbeats and unknown types, split at any byte', async () => {
    const text =
      formatSseRetry() +
      EVENTS.map((e) => formatSseEvent(e)).join(formatSseComment()) +
      formatSseMessage({ id: '99', event: 'job.future_thing', data: '{"whatever":1}' })
    const bytes = encoder.encode(text)
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 20 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b)
        const chunks = [0, ...points].map((p, i) => bytes.slice(p, [...points, bytes.length][i]))
        expect(await collect(chunks)).toEqual(EVENTS)
      }),
      { seed: 8505, numRuns: 100 },
    )
  })

  it('rejects known event types whose data breaks the contract', () => {
    const message = (event: string, data: string) => ({
      event,
      data,
      lastEventId: '1',
      retryMs: undefined,
    })
    expect(() => decodeJobEvent(message('job.status', 'not json'))).toThrow(ProtocolError)
    expect(() => decodeJobEvent(message('job.status', '{"type":"job.status"}'))).toThrow(
      /does not match/,
    )
    expect(() => decodeJobEvent(message('job.log', JSON.stringify(EVENTS[3])))).toThrow(
      /does not match/,
    )
    expect(decodeJobEvent(message('message', 'anything'))).toBeUndefined()
    try {
      decodeJobEvent(message('job.progress', JSON.stringify({ ...EVENTS[3], done: -1 })))
    } catch (error) {
      expect((error as ProtocolError).code).toBe('protocol.invalid-event')
      expect((error as ProtocolError).errors.length).toBeGreaterThan(0)
    }
  })
})
