/**
 * clientGoneSignal on a real Node HTTP server on 127.0.0.1, with a raw socket as the client:
 * the signal reflects a client that left before it was asked for, not only one that leaves after.
 */
import { once } from 'node:events'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { clientGoneSignal } from '../../src/http/client-gone-signal.js'

interface Held {
  readonly server: Server
  /** The response of the one request, once the handler has it. */
  readonly response: Promise<ServerResponse>
  readonly client: Socket
}

let current: Server | undefined

afterEach(() => {
  current?.closeAllConnections()
  current?.close()
  current = undefined
})

/** A server whose handler holds the response, and a client that sent it a request. */
async function holdOneRequest(): Promise<Held> {
  let received!: (response: ServerResponse) => void
  const response = new Promise<ServerResponse>((resolve) => (received = resolve))
  const server = createServer((_request, res) => {
    received(res)
  })
  current = server
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1')
  client.on('error', () => undefined)
  client.write('GET /wait HTTP/1.1\r\nHost: x\r\n\r\n')
  return { server, response, client }
}

function connectionCount(server: Server): Promise<number> {
  return new Promise((resolve, reject) =>
    server.getConnections((error, count) => {
      if (error) reject(error)
      else resolve(count)
    }),
  )
}

describe('clientGoneSignal', () => {
  it('is aborted already when the client left before it was asked for', async () => {
    const { server, response, client } = await holdOneRequest()
    const res = await response
    client.destroy()
    await expect.poll(() => connectionCount(server)).toBe(0)
    expect(clientGoneSignal(res).aborted).toBe(true)
  })

  it('aborts when the client leaves later, and not before', async () => {
    const { response, client } = await holdOneRequest()
    const signal = clientGoneSignal(await response)
    expect(signal.aborted).toBe(false)
    const aborted = once(signal, 'abort')
    client.destroy()
    await aborted
    expect(signal.aborted).toBe(true)
  })
})
