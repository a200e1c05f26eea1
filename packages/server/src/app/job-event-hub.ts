/** A listener of a job's changes. */
export type JobChangeListener = (jobId: string) => void

/**
 * Wakes the server's open SSE streams and long-polls when a job changed: whoever commits a change
 * (the HTTP layer, the scheduler, a worker) calls {@link JobEventHub.publish} *after* the commit,
 * and the listeners re-read the job's events from the store. The hub carries no data, only
 * "look again", so a wake-up that arrives early or twice is harmless, and a lost one only delays
 * a stream until its next periodic re-read (the cross-process case: another API node's change).
 */
export class JobEventHub {
  readonly #byJob = new Map<string, Set<JobChangeListener>>()
  readonly #any = new Set<JobChangeListener>()

  /**
   * Tells the listeners of a job (and the catch-all listeners) that it changed.
   *
   * @param jobId - the job whose change was committed
   */
  publish(jobId: string): void {
    for (const listener of [...(this.#byJob.get(jobId) ?? []), ...this.#any]) {
      try {
        listener(jobId)
      } catch {
        // A listener's failure is its own stream's business; the others still get woken.
      }
    }
  }

  /**
   * Listens to one job, or to every job with `'*'`.
   *
   * @param jobId - a job id, or `'*'`
   * @param listener - called with the job id on each change
   * @returns a function that stops listening
   */
  subscribe(jobId: string, listener: JobChangeListener): () => void {
    if (jobId === '*') {
      this.#any.add(listener)
      return () => this.#any.delete(listener)
    }
    let set = this.#byJob.get(jobId)
    if (set === undefined) {
      set = new Set()
      this.#byJob.set(jobId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#byJob.delete(jobId)
    }
  }

  /**
   * Waits until a job changes, a timeout passes or a signal aborts — whichever comes first.
   *
   * @param jobId - the job (or `'*'`)
   * @param options - `timeoutMs` and `signal`
   * @returns `true` when woken by a change, `false` on timeout or abort
   */
  waitForChange(
    jobId: string,
    options: { readonly timeoutMs: number; readonly signal?: AbortSignal | undefined },
  ): Promise<boolean> {
    const { timeoutMs, signal } = options
    if (signal?.aborted === true) return Promise.resolve(false)
    return new Promise((resolve) => {
      const finish = (changed: boolean): void => {
        unsubscribe()
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        resolve(changed)
      }
      const onAbort = (): void => {
        finish(false)
      }
      const unsubscribe = this.subscribe(jobId, () => {
        finish(true)
      })
      const timer = setTimeout(
        () => {
          finish(false)
        },
        Math.max(0, timeoutMs),
      )
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** How many listeners are registered (for tests and metrics). */
  get listenerCount(): number {
    let n = this.#any.size
    for (const set of this.#byJob.values()) n += set.size
    return n
  }
}
