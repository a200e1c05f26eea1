import {
  PATHS,
  buildPath,
  decodeJobEvent,
  type JobRecord,
  type ServiceJobEvent,
} from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClientError } from '../../src/errors/client-errors.js'
import { ServiceTransport, type FetchLike } from '../../src/http/service-transport.js'
import { busyQasm } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

/**
 * A network that breaks the first event stream after its first event (the connection resets
 * mid-body), and records the `Last-Event-ID` of every stream request.
 */
function breakingNetwork(): {
  fetch: FetchLike
  lastEventIds: (string | null)[]
  deliveredBeforeBreak: () => string | undefined
} {
  const lastEventIds: (string | null)[] = []
  let delivered = ''
  return {
    lastEventIds,
    // The id of the last complete event the first connection delivered.
    deliveredBeforeBreak: () =>
      [...delivered.slice(0, delivered.lastIndexOf('\n\n')).matchAll(/^id: ?(\d+)$/gm)].at(-1)?.[1],
    fetch: async (input, init) => {
      const headers = new Headers(init.headers)
      const response = await fetch(input, init)
      if (headers.get('accept') !== 'text/event-stream') return response
      lastEventIds.push(headers.get('last-event-id'))
      if (lastEventIds.length > 1 || response.body === null) return response
      const reader = (response.body as ReadableStream<Uint8Array>).getReader()
      let seen = ''
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read()
          if (done) {
            controller.close()
            return
          }
          seen += new TextDecoder().decode(value)
          controller.enqueue(value)
          // Break right after the snapshot and one more complete event.
          if ((seen.match(/\n\n/g) ?? []).length >= 3) {
            delivered = seen
            await reader.cancel()
            controller.error(new TypeError('terminated'))
          }
        },
      })
      return new Response(body, { status: response.status, headers: response.headers })
    },
  }
}

describe('ServiceTransport.stream', () => {
  let service: ServiceFixture

  beforeAll(async () => {
    service = await startServiceFixture()
  })
  afterAll(async () => {
    await service.close()
  })

  it('resumes a broken stream with Last-Event-ID: every event once, in order, up to the terminal one', async () => {
    const network = breakingNetwork()
    const http = new ServiceTransport({
      url: service.url,
      token: service.token,
      fetch: network.fetch,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    })
    const job = await http.post<JobRecord>(
      PATHS.jobs,
      {
        backend: 'qasm_simulator',
        shots: 10,
        input: { circuits: Array.from({ length: 3 }, () => ({ qasm: busyQasm(16, 12) })) },
      },
      { headers: { 'x-instance': service.instance }, idempotencyKey: 'stream-test-0001' },
    )
    const events: ServiceJobEvent[] = []
    for await (const message of http.stream(buildPath(PATHS.jobEvents, { id: job.id }), {
      lastEventId: '0',
    })) {
      const event = decodeJobEvent(message)
      if (event !== undefined) events.push(event)
    }
    expect(network.lastEventIds.length).toBeGreaterThanOrEqual(2)
    expect(network.lastEventIds[0]).toBe('0')
    const stored = events.filter((e) => e.type !== 'snapshot')
    const seqs = stored.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(seqs.length)
    expect(seqs[0]).toBe(1)
    // The second connection resumed after the last event the first one delivered.
    expect(network.deliveredBeforeBreak()).toBeDefined()
    expect(network.lastEventIds[1]).toBe(network.deliveredBeforeBreak())
    const terminal = stored.filter((e) => e.type === 'job.status' && e.status === 'COMPLETED')
    expect(terminal).toHaveLength(1)
  })

  it('reopens a connection that goes silent (no event, no heartbeat) past idleTimeoutMs', async () => {
    let streams = 0
    // The first stream's connection goes half-open: headers arrive, then nothing, ever (until
    // the request is aborted, as a real fetch body would be).
    const stalling: FetchLike = async (input, init) => {
      if (new Headers(init.headers).get('accept') !== 'text/event-stream' || ++streams > 1) {
        return fetch(input, init)
      }
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init.signal?.addEventListener('abort', () => {
            controller.error(init.signal?.reason)
          })
        },
      })
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
    }
    const http = new ServiceTransport({
      url: service.url,
      token: service.token,
      fetch: stalling,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    })
    const job = await http.post<JobRecord>(
      PATHS.jobs,
      { backend: 'qasm_simulator', shots: 5, input: { circuits: [{ qasm: busyQasm(2, 1) }] } },
      { headers: { 'x-instance': service.instance } },
    )
    const types: string[] = []
    for await (const message of http.stream(buildPath(PATHS.jobEvents, { id: job.id }), {
      lastEventId: '0',
      idleTimeoutMs: 200,
    })) {
      types.push(message.event)
    }
    expect(streams).toBe(2)
    expect(types[0]).toBe('snapshot')
    expect(types).toContain('job.status')
  })

  it('reports an answer that is not an event stream as client.invalid-response', async () => {
    const http = new ServiceTransport({
      url: service.url,
      token: service.token,
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        return new Response(await response.text(), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      },
    })
    const stream = http.stream(buildPath(PATHS.jobEvents, { id: 'job_01J9Z3K7Q8V2M4N6P0R2S4T6V8' }))
    const error = await stream.next().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe('client.invalid-response')
  })
})
