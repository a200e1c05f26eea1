import { abortReason, createAbortController, type AbortSignalLike } from './abort-signal.js'
import type { TimeoutProvider } from './timeout-provider.js'

/**
 * Races a promise against a signal: rejects with `signal.reason` as soon as it aborts.
 *
 * @param promise - the work
 * @param signal - stops the wait (not the work)
 * @returns the work's value
 * @internal
 */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignalLike): Promise<T> {
  if (signal === undefined) return promise
  if (signal.aborted) return Promise.reject(abortReason(signal))
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(abortReason(signal))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    void promise
      .finally(() => {
        signal.removeEventListener('abort', onAbort)
      })
      .then(resolve, reject)
  })
}

/** What {@link withDeadline} needs. */
export interface DeadlineOptions {
  /** Give up after this many milliseconds. */
  readonly timeoutMs?: number | undefined
  /** Give up when this aborts; the promise rejects with its reason. */
  readonly signal?: AbortSignalLike | undefined
  readonly timers: TimeoutProvider
  /** The error to reject with when the time runs out. */
  readonly onTimeout: () => Error
}

/**
 * Runs `work` with one signal that aborts on the caller's abort or when `timeoutMs` runs out.
 * Rejects with the caller's `signal.reason` on abort, and with `onTimeout()` on timeout.
 *
 * @param work - receives the combined signal; must stop (reject) when it aborts
 * @param options - timeout, signal, timers and the timeout error
 * @returns the work's value
 * @internal
 */
export async function withDeadline<T>(
  work: (signal: AbortSignalLike) => Promise<T>,
  options: DeadlineOptions,
): Promise<T> {
  const { timeoutMs, signal, timers } = options
  signal?.throwIfAborted()
  const inner = createAbortController()
  let timeoutError: Error | undefined
  const onAbort = (): void => {
    inner.abort(signal?.reason)
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  const handle =
    timeoutMs === undefined || timeoutMs === Infinity
      ? undefined
      : timers.setTimeout(
          () => {
            timeoutError = options.onTimeout()
            inner.abort(timeoutError)
          },
          Math.max(0, timeoutMs),
        )
  try {
    return await raceAbort(work(inner.signal), inner.signal)
  } catch (error) {
    if (timeoutError !== undefined && error === timeoutError) throw timeoutError
    if (signal?.aborted === true && error === signal.reason) throw signal.reason
    throw error
  } finally {
    if (handle !== undefined) timers.clearTimeout(handle)
    signal?.removeEventListener('abort', onAbort)
  }
}

/**
 * Wakes waiters when a job's state changes. Listeners are removed when their wait ends, so a
 * long poll loop does not pile up callbacks.
 *
 * @internal
 */
export class ChangeNotifier {
  readonly #listeners = new Set<() => void>()

  /**
   * Calls `listener` at every `notify()` until the returned function is called.
   *
   * @param listener - the callback
   * @returns a function that removes it
   */
  listen(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /** Calls every current listener. */
  notify(): void {
    for (const listener of [...this.#listeners]) listener()
  }
}
