/**
 * HttpConnections on a real Node HTTP server on 127.0.0.1, with raw sockets as clients: what a
 * shutdown does with connections in each state a client can leave them in.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { HttpConnections } from '../../src/http/http-connections.js'
import { rawClient } from './raw-client.js'

/** Long enough that a test finishing at all shows the connection was not left to the grace period. */
const NO_GRACE = { graceMs: 120_000 }

interface Fixture {
  readonly server: Server
  readonly connections: HttpConnections
  /** Lets the held `GET /slow` requests answer. */
  release(): void
  /** Resolves when a `GET /slow` request is being handled. */
  readonly slowStarted: Promise<void>
  /** How many requests (headers complete) the server has received. */
  requests(): number
}

let current: Server | undefined

afterEach(() => {
  current?.closeAllConnections()
  current?.close()
  current = undefined
})

async function start(): Promise<Fixture> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let started!: () => void
  const slowStarted = new Promise<void>((resolve) => (started = resolve))
  const server = createServer((request, response) => {
    if (request.url === '/slow') {
      started()
      void released.then(() => response.end('slow done'))
    } else {
      request.resume()
      request.on('end', () => response.end('ok'))
    }
  })
  const connections = new HttpConnections(server)
  let requests = 0
  server.on('request', () => requests++)
  current = server
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { server, connections, release, slowStarted, requests: () => requests }
}

/** The `http://127.0.0.1:<port>` URL of a listening server. */
function urlOf(server: Server): string {
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
}

function closeServer(fixture: Fixture, graceMs: number): Promise<void> {
  return fixture.connections.closeServer(
    () =>
      new Promise<void>((resolve, reject) =>
        fixture.server.close((e) => {
          if (e) reject(e)
          else resolve()
        }),
      ),
    { graceMs },
  )
}

describe('HttpConnections.closeServer', () => {
  it('closes at once a connection that has not sent a request (Node would wait for the client)', async () => {
    const fixture = await start()
    const client = await rawClient(urlOf(fixture.server))
    await closeServer(fixture, NO_GRACE.graceMs)
    await client.closed
    expect(client.received()).toBe('')
  })

  it('closes at once a connection still sending its request headers', async () => {
    const fixture = await start()
    const client = await rawClient(urlOf(fixture.server))
    client.socket.write('GET /fast HTTP/1.1\r\nHost: x\r\n')
    await closeServer(fixture, NO_GRACE.graceMs)
    await client.closed
    expect(client.received()).toBe('')
  })

  it('closes an idle keep-alive connection', async () => {
    const fixture = await start()
    const client = await rawClient(urlOf(fixture.server))
    client.socket.write('GET /fast HTTP/1.1\r\nHost: x\r\n\r\n')
    await expect.poll(() => client.received()).toMatch(/\r\n\r\nok$/)
    await closeServer(fixture, NO_GRACE.graceMs)
    await client.closed
  })

  it('lets a request in flight finish, then closes its connection', async () => {
    const fixture = await start()
    const client = await rawClient(urlOf(fixture.server))
    client.socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n')
    await fixture.slowStarted
    const closed = closeServer(fixture, NO_GRACE.graceMs)
    expect(fixture.connections.size).toBe(1)
    fixture.release()
    await closed
    await client.closed
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nslow done$/)
  })

  it('destroys a connection still busy after the grace period (a half-sent body)', async () => {
    const fixture = await start()
    const client = await rawClient(urlOf(fixture.server))
    client.socket.write(
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nhalf',
    )
    await expect.poll(() => fixture.requests()).toBe(1)
    await closeServer(fixture, 50)
    await client.closed
    expect(client.received()).toBe('')
    await expect.poll(() => fixture.connections.size).toBe(0)
  })
})
