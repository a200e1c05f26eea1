/** An opaque handle returned by {@link TimeoutProvider.setTimeout}. */
export type TimeoutHandle = unknown

/**
 * The timer seam every waiting loop goes through (TanStack Query's `timeoutManager`), so tests
 * drive time by hand and hosts can swap in their own scheduler. Node and browsers differ in the
 * handle type, hence `unknown`.
 */
export interface TimeoutProvider {
  /** Calls `callback` once after `delayMs` milliseconds. */
  setTimeout(callback: () => void, delayMs: number): TimeoutHandle
  /** Cancels a pending call. */
  clearTimeout(handle: TimeoutHandle): void
}

interface TimerGlobals {
  setTimeout(callback: () => void, delayMs: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * The default timers: `globalThis.setTimeout`/`clearTimeout`, looked up at call time (not at
 * import) so that fake timers installed later, such as Vitest's `vi.useFakeTimers()`, apply.
 */
export const defaultTimeoutProvider: TimeoutProvider = Object.freeze({
  setTimeout: (callback: () => void, delayMs: number): TimeoutHandle =>
    (globalThis as unknown as TimerGlobals).setTimeout(callback, delayMs),
  clearTimeout: (handle: TimeoutHandle): void => {
    ;(globalThis as unknown as TimerGlobals).clearTimeout(handle)
  },
})
