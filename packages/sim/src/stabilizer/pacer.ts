/**
 * Cooperative cancellation for long synchronous work: between chunks, throw the signal's reason
 * if it was aborted, and now and then yield to the event loop so that an abort (or anything
 * else waiting) can run at all.
 */

/** How often a run yields to the event loop when it has a signal. */
export const YIELD_INTERVAL_MS = 20

/** Checks an `AbortSignal` between chunks of work. */
export class Pacer {
  readonly #signal: AbortSignal | undefined
  #last = performance.now()

  /**
   * @param signal - the run's signal; without one, `tick` never yields
   */
  constructor(signal: AbortSignal | undefined) {
    this.#signal = signal
  }

  /**
   * Call between chunks of work.
   *
   * @returns after yielding to the event loop when {@link YIELD_INTERVAL_MS} passed since the
   *   last yield
   * @throws the signal's reason, unchanged, once it is aborted
   */
  async tick(): Promise<void> {
    const signal = this.#signal
    if (signal === undefined) return
    signal.throwIfAborted()
    if (performance.now() - this.#last < YIELD_INTERVAL_MS) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    this.#last = performance.now()
    signal.throwIfAborted()
  }
}
