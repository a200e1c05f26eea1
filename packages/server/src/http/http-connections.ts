import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/** Options of {@link HttpConnections.closeServer}. */
export interface CloseServerOptions {
  /** How long requests in flight may take to finish before their connections are destroyed, ms. */
  readonly graceMs: number
}

/**
 * The open connections of a Node HTTP server, and how many responses each has in progress, so
 * that a shutdown finishes promptly whatever the clients do.
 *
 * Node's `server.close()` waits for every connection to end, and its `closeIdleConnections()`
 * counts as idle only a keep-alive connection whose last request completed: a client that
 * connected and has not sent (all of) a request yet, or whose response finished after the sweep,
 * keeps `close()` waiting until the client itself hangs up — and once the server is closing,
 * Node no longer applies its header and request timeouts. Fastify's keep-alive timeout is 72 s.
 * This tracker knows every socket from its `connection` event and counts responses from
 * `request` to the response's `close`, so it can close each connection as soon as it has no
 * response in progress, and destroy the rest after a grace period.
 *
 * @example
 * ```ts
 * const connections = new HttpConnections(app.server)
 * // … listen, serve …
 * await connections.closeServer(() => app.close(), { graceMs: 10_000 })
 * ```
 */
export class HttpConnections {
  /** Each open socket and its responses in progress. */
  readonly #inFlight = new Map<Socket, number>()
  #isClosing = false

  /** @param server - the server to track (before it listens) */
  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#inFlight.set(socket, 0)
      socket.once('close', () => this.#inFlight.delete(socket))
      // Accepted in the instant the server began closing: it cannot have a request yet.
      if (this.#isClosing) socket.destroy()
    })
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const socket = request.socket
      const count = this.#inFlight.get(socket)
      if (count === undefined) return
      this.#inFlight.set(socket, count + 1)
      response.once('close', () => {
        const current = this.#inFlight.get(socket)
        if (current === undefined) return
        const left = current - 1
        this.#inFlight.set(socket, left)
        // The response was handed to the OS: a closing server needs the connection no more.
        if (left === 0 && this.#isClosing) socket.destroy()
      })
    })
  }

  /** How many connections are open. */
  get size(): number {
    return this.#inFlight.size
  }

  /**
   * Closes the server promptly: `close` (which stops listening and resolves once every
   * connection has ended) runs while this closes every connection with no response in progress
   * at once — idle keep-alive connections, and connections still without a complete request —
   * and each other connection as soon as its last response has been sent. Connections still
   * busy after `graceMs` (a slow upload, a handler that does not end) are destroyed.
   *
   * @param close - closes the server (`() => app.close()`)
   * @param options - the grace period
   * @returns when `close` has resolved
   */
  async closeServer(close: () => Promise<void>, options: CloseServerOptions): Promise<void> {
    this.#isClosing = true
    for (const [socket, count] of this.#inFlight) if (count === 0) socket.destroy()
    const deadline = setTimeout(() => {
      for (const socket of this.#inFlight.keys()) socket.destroy()
    }, options.graceMs)
    try {
      await close()
    } finally {
      clearTimeout(deadline)
    }
  }
}
