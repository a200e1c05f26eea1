/**
 * The part of an `AbortSignal` qfabric uses, declared structurally: `@qfabric/core` compiles
 * without the DOM and Node type libraries (it runs in both), and any real `AbortSignal` fits.
 */
export interface AbortSignalLike {
  readonly aborted: boolean
  readonly reason: unknown
  throwIfAborted(): void
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/** The part of an `AbortController` qfabric uses. */
export interface AbortControllerLike {
  readonly signal: AbortSignalLike
  abort(reason?: unknown): void
}

interface AbortGlobals {
  readonly AbortController: new () => AbortControllerLike
}

/**
 * A new platform `AbortController` (Node and browsers both have one).
 *
 * @returns the controller
 * @internal
 */
export function createAbortController(): AbortControllerLike {
  return new (globalThis as unknown as AbortGlobals).AbortController()
}

/**
 * An error named `AbortError`, the conventional abort reason (what `DOMException` gives,
 * without depending on it).
 *
 * @param message - why
 * @returns the error
 * @internal
 */
export function createAbortError(message: string): Error {
  const error = new Error(message)
  error.name = 'AbortError'
  return error
}

/**
 * The reason a signal aborted with, unchanged (aborts are never wrapped: callers get exactly
 * what they passed to `abort()`). Typed `Error` only so that it can be handed to `reject`.
 *
 * @param signal - an aborted signal
 * @returns `signal.reason`, as is
 * @internal
 */
export function abortReason(signal: AbortSignalLike): Error {
  return signal.reason as Error
}
