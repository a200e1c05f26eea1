import type { ServerResponse } from 'node:http'

/**
 * An `AbortSignal` that fires when the client of a request goes away — or has already gone.
 *
 * A handler usually gets here after awaiting (authentication, a store read), and a client that
 * disconnected meanwhile has already emitted `close`: listening only for the event would miss
 * it, and a stream or long-poll would wait for a client that will never read. So the response's
 * state is checked first (`destroyed` is set when its connection closed), then `close` is
 * listened to. The response's `close` also fires after a normal end, when nobody waits any more.
 *
 * @param response - the raw response of the request (`reply.raw`)
 * @returns a signal, already aborted when the connection is gone
 */
export function clientGoneSignal(response: ServerResponse): AbortSignal {
  if (response.destroyed) return AbortSignal.abort()
  const controller = new AbortController()
  response.once('close', () => {
    controller.abort()
  })
  return controller.signal
}
