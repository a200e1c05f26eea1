/**
 * streamServerSentEvents in a real Fastify app on 127.0.0.1, with raw sockets as clients: a
 * stream ends when its client leaves or the server closes — also when that happened while the
 * handler was still busy before the stream began (authentication, reading the job).
 */
import { once } from 'node:events'
import { connect, type AddressInfo, type Socket } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../../src/http/service-error.js'
import { streamServerSentEvents, type SseSink } from '../../src/http/sse-response.js'

/** How one request's handler went. */
interface Outcome {
  /** The sink `run` got, if it was called. */
  readonly sink: SseSink | undefined
  /** What the handler threw, if anything. */
  readonly error: unknown
}

interface Fixture {
  readonly app: FastifyInstance
  readonly closing: AbortController
  /** Resolves when the handler waits at its gate (before the stream begins). */
  readonly atGate: Promise<void>
  /** Lets the handler go on and start the stream. */
  open(): void
  /** Resolves when `run` has been called. */
  readonly running: Promise<SseSink>
  /** Ends `run`. */
  finish(): void
  /** Resolves when the handler has returned or thrown. */
  readonly outcome: Promise<Outcome>
}

let current: FastifyInstance | undefined

afterEach(async () => {
  current?.server.closeAllConnections()
  await current?.close()
  current = undefined
})

function deferred<TValue = void>(): { promise: Promise<TValue>; resolve: (v: TValue) => void } {
  let resolve!: (v: TValue) => void
  const promise = new Promise<TValue>((r) => (resolve = r))
  return { promise, resolve }
}

async function start(): Promise<Fixture> {
  const closing = new AbortController()
  const gate = deferred()
  const atGate = deferred()
  const running = deferred<SseSink>()
  const finished = deferred()
  const outcome = deferred<Outcome>()
  const app = Fastify()
  current = app
  app.get('/stream', async (_request, reply) => {
    atGate.resolve()
    await gate.promise
    let sink: SseSink | undefined
    try {
      await streamServerSentEvents(reply, { heartbeatMs: 60_000, closing: closing.signal }, (s) => {
        sink = s
        s.write('data: first\n\n')
        running.resolve(s)
        return finished.promise
      })
      outcome.resolve({ sink, error: undefined })
    } catch (error) {
      outcome.resolve({ sink, error })
      throw error
    }
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    app,
    closing,
    atGate: atGate.promise,
    open: () => {
      gate.resolve()
    },
    running: running.promise,
    finish: () => {
      finished.resolve()
    },
    outcome: outcome.promise,
  }
}

/** A raw client that asked for the stream; `received` is what came back, `ended` its end. */
function requestStream(app: FastifyInstance): {
  socket: Socket
  received: () => string
  ended: Promise<void>
} {
  const socket = connect((app.server.address() as AddressInfo).port, '127.0.0.1')
  let text = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => (text += chunk))
  socket.on('error', () => undefined)
  const ended = new Promise<void>((resolve) =>
    socket.once('close', () => {
      resolve()
    }),
  )
  socket.write('GET /stream HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n')
  return { socket, received: () => text, ended }
}

function connectionCount(app: FastifyInstance): Promise<number> {
  return new Promise((resolve, reject) =>
    app.server.getConnections((error, count) => {
      if (error) reject(error)
      else resolve(count)
    }),
  )
}

describe('streamServerSentEvents', () => {
  it('does not start a stream for a client that left while the handler was busy', async () => {
    const fixture = await start()
    const client = requestStream(fixture.app)
    await fixture.atGate
    client.socket.destroy()
    await expect.poll(() => connectionCount(fixture.app)).toBe(0)
    fixture.open()
    // Before, the stream ran for nobody: the close it listens for had already happened.
    expect(await fixture.outcome).toEqual({ sink: undefined, error: undefined })
  })

  it('refuses a stream that would begin while the server closes (503 unavailable)', async () => {
    const fixture = await start()
    const client = requestStream(fixture.app)
    await fixture.atGate
    fixture.closing.abort()
    fixture.open()
    const { sink, error } = await fixture.outcome
    expect(sink).toBeUndefined()
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).serviceCode).toBe('unavailable')
    client.socket.destroy()
  })

  it('aborts the sink when the server closes mid-stream, and ends the response', async () => {
    const fixture = await start()
    const client = requestStream(fixture.app)
    fixture.open()
    const sink = await fixture.running
    await expect.poll(() => client.received()).toMatch(/data: first\n\n/)
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*content-type: text\/event-stream/i)
    expect(sink.signal.aborted).toBe(false)
    const aborted = once(sink.signal, 'abort')
    fixture.closing.abort()
    await aborted
    // Writes after the abort are dropped; the response ends when `run` returns.
    sink.write('data: late\n\n')
    fixture.finish()
    await fixture.outcome
    // Chunked encoding: the last chunk is `0` and an empty line.
    await expect.poll(() => client.received()).toMatch(/\r\n0\r\n\r\n$/)
    expect(client.received()).not.toContain('late')
    client.socket.destroy()
  })

  it('aborts the sink when the client leaves mid-stream', async () => {
    const fixture = await start()
    const client = requestStream(fixture.app)
    fixture.open()
    const sink = await fixture.running
    const aborted = once(sink.signal, 'abort')
    client.socket.destroy()
    await aborted
    fixture.finish()
    expect((await fixture.outcome).error).toBeUndefined()
  })
})
