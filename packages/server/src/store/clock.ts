/**
 * The store's source of time: milliseconds since the Unix epoch (UTC), like `Date.now()`.
 * Injected so that tests can move time by hand (leases, TTLs, retention) instead of sleeping.
 */
export interface Clock {
  /**
   * The current time.
   *
   * @returns milliseconds since 1970-01-01T00:00:00Z
   */
  now(): number
}

/** The real clock, `Date.now()`. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() })

/**
 * A clock that moves only when told to, for tests.
 *
 * @param startMs - the initial time (default 2026-09-01T10:00:00Z)
 * @returns the clock, with `set` and `advance`
 * @example
 * ```ts
 * const clock = createManualClock()
 * clock.advance(30_000) // 30 s later: leases of 30 s have expired
 * ```
 */
export function createManualClock(startMs = Date.UTC(2026, 8, 1, 10)): ManualClock {
  let t = startMs
  return {
    now: () => t,
    set: (ms) => {
      t = ms
    },
    advance: (ms) => {
      t += ms
      return t
    },
  }
}

/** A {@link Clock} moved by hand. */
export interface ManualClock extends Clock {
  /** Jumps to an absolute time (ms since the epoch). */
  set(ms: number): void
  /** Moves forward by `ms` and returns the new time. */
  advance(ms: number): number
}
