import type { AbortSignalLike, TimeoutHandle, TimeoutProvider } from '@qfabric/core/providers'
import { parseSseStream, type SseMessage } from '@qfabric/protocol'
import { ClientError } from '../errors/client-errors.js'
import { linkSignal, sleep, type LinkedSignal } from './abort.js'
import { retryDelayMs, type RetryPolicy } from './retry-policy.js'

/** Options of an event stream. */
export interface EventStreamOptions {
  /** Resume after this event id (sent as `Last-Event-ID` on the first connection too). */
  readonly lastEventId?: string | undefined
  /** Stops the stream; the iterator rejects with `signal.reason` unchanged. */
  readonly signal?: AbortSignalLike | undefined
  /** Called with each comment line (the server's heartbeats). */
  readonly onComment?: ((comment: string) => void) | undefined
  /**
   * A connection silent for this long — no event, no heartbeat — is taken for dead (a half-open
   * TCP connection never errors) and reopened. Default 45 000 ms (three of the server's 15 s
   * heartbeats); 0 disables.
   */
  readonly idleTimeoutMs?: number | undefined
}

/** How a stream (re)connects. */
export interface EventStreamSource {
  /** Opens one connection; resolves with a response whose body is the event stream. */
  open(lastEventId: string | undefined, signal: AbortSignalLike): Promise<Response>
  readonly policy: RetryPolicy
  readonly timers: TimeoutProvider
}

const DEFAULT_IDLE_TIMEOUT_MS = 45_000

/**
 * The messages of an event stream across reconnections: a connection that breaks (a network
 * error while reading, or silence past `idleTimeoutMs`; a clean end is the server closing the
 * stream on purpose) is reopened after a backoff, no shorter than the server's `retry:` hint,
 * with the last event id seen, so the server replays what was missed (WHATWG `EventSource`
 * semantics, over `fetch`). Gives up with ClientError `client.stream-failed` after
 * `policy.maxAttempts` failed connections in a row.
 *
 * @param source - how to open a connection, the retry policy and timers
 * @param options - resume point, signal, heartbeat callback, idle timeout
 * @returns the messages in order
 */
export async function* openEventStream(
  source: EventStreamSource,
  options: EventStreamOptions = {},
): AsyncGenerator<SseMessage, void> {
  const linked = linkSignal(options.signal)
  let lastEventId = options.lastEventId
  let retryMs: number | undefined
  let failures = 0
  try {
    for (;;) {
      const connection = linkSignal(linked.signal)
      const watchdog = new Watchdog(source.timers, options.idleTimeoutMs, connection)
      let isReading = false
      try {
        watchdog.arm()
        const response = await source.open(lastEventId, connection.signal)
        isReading = true
        const messages = parseSseStream(response.body!, {
          onComment: (comment) => {
            watchdog.arm()
            options.onComment?.(comment)
          },
        })
        for await (const message of messages) {
          failures = 0
          retryMs = message.retryMs ?? retryMs
          // A resumed stream's snapshot carries no id: keep the resume point.
          if (message.lastEventId !== '') lastEventId = message.lastEventId
          // A slow consumer is not a dead connection: no watchdog while the message is out.
          watchdog.disarm()
          yield message
          watchdog.arm()
        }
        return
      } catch (error) {
        if (linked.signal.aborted) throw options.signal?.reason ?? error
        // Errors of the request itself (a 404, a 401, not an event stream) are final; a broken
        // or silent connection is retried.
        if (!connection.signal.aborted && !isReading) throw error
        failures++
        if (failures >= source.policy.maxAttempts) {
          throw new ClientError(
            'client.stream-failed',
            `the event stream broke ${failures} times in a row`,
            { cause: error },
          )
        }
      } finally {
        watchdog.disarm()
        connection.abort()
        connection.dispose()
      }
      const backoff = retryDelayMs(failures - 1, source.policy) ?? 0
      await sleep(Math.max(backoff, retryMs ?? 0), {
        timers: source.timers,
        signal: options.signal,
      })
    }
  } finally {
    // Closes an open connection when the consumer stops early.
    linked.abort()
    linked.dispose()
  }
}

/** Aborts a connection that stays silent for too long. */
class Watchdog {
  readonly #timers: TimeoutProvider
  readonly #timeoutMs: number
  readonly #connection: LinkedSignal
  #armed: { readonly handle: TimeoutHandle } | undefined

  constructor(timers: TimeoutProvider, timeoutMs: number | undefined, connection: LinkedSignal) {
    this.#timers = timers
    this.#timeoutMs = timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
    this.#connection = connection
  }

  arm(): void {
    this.disarm()
    if (this.#timeoutMs <= 0) return
    const handle = this.#timers.setTimeout(() => {
      this.#connection.abort(
        new ClientError('client.stream-failed', `no data for ${this.#timeoutMs} ms`),
      )
    }, this.#timeoutMs)
    this.#armed = { handle }
  }

  disarm(): void {
    if (this.#armed !== undefined) this.#timers.clearTimeout(this.#armed.handle)
    this.#armed = undefined
  }
}
