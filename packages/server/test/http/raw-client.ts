import { once } from 'node:events'
import { connect, type Socket } from 'node:net'

/** A raw TCP client of a test server: what it was sent so far, and when it closed. */
export interface RawClient {
  readonly socket: Socket
  /** Everything the server sent so far. */
  received(): string
  /** Resolves when the connection ended (a reset counts). */
  readonly closed: Promise<void>
}

/**
 * Opens a raw socket to a server (for tests of how the server treats idle, silent or
 * half-finished clients, which an HTTP client library would not leave as they are).
 *
 * @param url - the server's URL (`http://host:port`)
 * @returns the connected client
 */
export async function rawClient(url: string): Promise<RawClient> {
  const { hostname, port } = new URL(url)
  const socket = connect(Number(port), hostname)
  let text = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => (text += chunk))
  // A reset (the server destroying a socket the client writes to) is a close too.
  socket.on('error', () => undefined)
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      resolve()
    }),
  )
  await once(socket, 'connect')
  return { socket, received: () => text, closed }
}
