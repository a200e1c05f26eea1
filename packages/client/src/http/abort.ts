import type { AbortSignalLike, TimeoutProvider } from '@qfabric/core/providers'

/** A real `AbortSignal` that follows a signal-like one, and a way to stop following it. */
export interface LinkedSignal {
  /** Aborted when the source is (with the same reason), or when `abort()` is called. */
  readonly signal: AbortSignal
  /** Aborts the linked signal (e.g. to stop a request whose answer is no longer wanted). */
  abort(reason?: unknown): void
  /** Stops listening to the source. */
  dispose(): void
}

/**
 * Links a signal-like object (the `Job` API takes `AbortSignalLike`) to a real `AbortSignal`,
 * which `fetch` requires. The linked signal aborts with the source's reason unchanged.
 *
 * @param source - the caller's signal, if any
 * @returns the linked signal; call `dispose()` when the operation ends
 */
export function linkSignal(source: AbortSignalLike | undefined): LinkedSignal {
  const controller = new AbortController()
  const onAbort = (): void => {
    controller.abort(source?.reason)
  }
  if (source?.aborted === true) onAbort()
  else source?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    abort: (reason?: unknown) => {
      controller.abort(reason)
    },
    dispose: () => {
      source?.removeEventListener('abort', onAbort)
    },
  }
}

/**
 * Waits `delayMs` on the injected timers; rejects with `signal.reason` (unchanged) on abort.
 *
 * @param delayMs - how long to wait
 * @param options - the timers and the signal
 * @returns a promise that settles after the delay or on abort
 */
export function sleep(
  delayMs: number,
  options: { readonly timers: TimeoutProvider; readonly signal?: AbortSignalLike | undefined },
): Promise<void> {
  const { timers, signal } = options
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortReason(signal))
      return
    }
    const onAbort = (): void => {
      timers.clearTimeout(handle)
      if (signal !== undefined) reject(abortReason(signal))
    }
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, delayMs)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * The reason of an aborted signal, typed as the `Error` rejections carry. Abort reasons are
 * passed on unchanged (STYLE.md: aborts are not wrapped), whatever they are.
 *
 * @param signal - an aborted signal
 * @returns its reason
 */
function abortReason(signal: AbortSignalLike): Error {
  return signal.reason as Error
}
