/** Options of {@link WorkNotifier.wait}. */
export interface WaitForWorkOptions {
  /** Stops waiting: the promise rejects with `signal.reason`. */
  readonly signal?: AbortSignal | undefined
  /**
   * Resolves after this many milliseconds even without a notification, so that a worker polls
   * now and then whatever happens to notifications (a dropped `NOTIFY`, a job made claimable by
   * time passing). Default: wait until notified.
   */
  readonly timeoutMs?: number | undefined
}

/**
 * Wakes workers waiting for new jobs: an in-process bus (the SQLite store's only channel, and
 * where the PostgreSQL store's `LISTEN` connection delivers). A notification that arrives while
 * nobody waits is kept, so a worker that found the queue empty and then starts waiting does not
 * sleep through the job enqueued in between: it wakes at once and polls again.
 */
export class WorkNotifier {
  #waiters = new Set<() => void>()
  #pending = false
  readonly #onWait: (() => void) | undefined

  /**
   * @param options - `onWait`: called each time a worker starts waiting (after it is counted in
   *   {@link WorkNotifier.waiting}), so that a source of notifications that only runs while
   *   someone waits (the SQLite store's poll for other processes' commits) can start
   */
  constructor(options: { readonly onWait?: (() => void) | undefined } = {}) {
    this.#onWait = options.onWait
  }

  /** Wakes every waiting worker (or the next one to wait). */
  notify(): void {
    if (this.#waiters.size === 0) {
      this.#pending = true
      return
    }
    const waiters = [...this.#waiters]
    this.#waiters.clear()
    for (const wake of waiters) wake()
  }

  /**
   * Waits for the next notification (or consumes a pending one at once).
   *
   * @param options - abort signal and timeout
   * @returns resolves when notified or when `timeoutMs` passed
   * @throws `signal.reason` when aborted
   */
  wait(options: WaitForWorkOptions = {}): Promise<void> {
    const { signal, timeoutMs } = options
    // The reason goes out unchanged (STYLE §5.8), whatever its type.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    if (signal?.aborted === true) return Promise.reject(signal.reason)
    if (this.#pending) {
      this.#pending = false
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const cleanup = (): void => {
        this.#waiters.delete(wake)
        if (timer !== undefined) clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      }
      const wake = (): void => {
        cleanup()
        resolve()
      }
      const onAbort = (): void => {
        cleanup()
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(signal?.reason)
      }
      this.#waiters.add(wake)
      signal?.addEventListener('abort', onAbort, { once: true })
      if (timeoutMs !== undefined) timer = setTimeout(wake, timeoutMs)
      // Last: the hook may notify at once, and the waiter must be fully set up by then.
      this.#onWait?.()
    })
  }

  /** How many workers wait right now (for tests and metrics). */
  get waiting(): number {
    return this.#waiters.size
  }
}
