import {
  supportsJobLimit,
  type AbortSignalLike,
  type Backend,
  type Job,
  type TimeoutProvider,
} from '@qfabric/core/providers'

/** What a {@link SlotWaiter} needs. */
export interface SlotWaiterOptions {
  /** The backend whose job limit is respected. */
  readonly backend: Backend
  /** The longest wait between two looks at the backend's job count, in milliseconds. */
  readonly pollIntervalMs: number
  readonly timers: TimeoutProvider
  /** Stops waiting (rejects with its reason); never cancels a job. */
  readonly signal: AbortSignalLike | undefined
}

/**
 * Waits until a backend will take another job: while `remainingJobsCount()` says 0, or after a
 * submission was refused for a limit, it waits for the oldest of the caller's own unfinished
 * jobs to end (Qiskit's job manager waited for it too) or for the poll interval to pass,
 * whichever comes first, then looks again. Never gives up on its own; the signal stops it.
 *
 * @internal
 */
export class SlotWaiter {
  readonly #options: SlotWaiterOptions
  // Jobs seen final need no further status queries.
  readonly #finished = new WeakSet<Job>()

  /** @param options - the backend, the poll interval, timers and a signal */
  constructor(options: SlotWaiterOptions) {
    this.#options = options
  }

  /**
   * Returns once the backend has room for a job: at once when it reports no job limit.
   *
   * @param ownJobs - the jobs submitted so far, oldest first
   * @param onWaiting - called once, before the first wait, if there is one
   * @throws the signal's reason on abort
   */
  async untilSlotFree(ownJobs: readonly Job[], onWaiting?: () => void): Promise<void> {
    const { backend, signal } = this.#options
    if (!supportsJobLimit(backend)) return
    for (let waits = 0; ; waits++) {
      signal?.throwIfAborted()
      const remaining = await backend.remainingJobsCount({ signal })
      if (remaining === null || remaining > 0) return
      if (waits === 0) onWaiting?.()
      await this.#waitStep(ownJobs, 0)
    }
  }

  /**
   * Waits once after a submission was refused for a limit: at least `retryAfterMs` (then only
   * time helps, as for a rate limit), otherwise until an own job ends or the poll interval passes.
   *
   * @param ownJobs - the jobs submitted so far, oldest first
   * @param retryAfterMs - the delay the refusal asked for, or 0
   * @throws the signal's reason on abort
   */
  async afterLimitError(ownJobs: readonly Job[], retryAfterMs: number): Promise<void> {
    await this.#waitStep(ownJobs, retryAfterMs)
  }

  async #waitStep(ownJobs: readonly Job[], retryAfterMs: number): Promise<void> {
    const { signal, timers } = this.#options
    signal?.throwIfAborted()
    const oldest = retryAfterMs > 0 ? undefined : await this.#oldestUnfinished(ownJobs)
    const inner = new AbortController()
    const forward = (): void => {
      inner.abort(signal?.reason)
    }
    signal?.addEventListener('abort', forward, { once: true })
    try {
      const timer = sleep(
        Math.max(retryAfterMs, this.#options.pollIntervalMs),
        inner.signal,
        timers,
      )
      const racers = [timer]
      if (oldest !== undefined) {
        // A failed wait (a network error) falls back to the timer rather than spinning.
        const ended = oldest.waitForFinalState({ signal: inner.signal }).then(
          () => {
            this.#finished.add(oldest)
          },
          () => timer,
        )
        racers.push(ended)
      }
      await Promise.race(racers)
    } finally {
      // Stops the losing wait (and its event stream, for a remote job).
      inner.abort(new Error('slot wait finished'))
      signal?.removeEventListener('abort', forward)
    }
  }

  async #oldestUnfinished(ownJobs: readonly Job[]): Promise<Job | undefined> {
    for (const job of ownJobs) {
      if (this.#finished.has(job)) continue
      let isFinal: boolean
      try {
        isFinal = await job.inFinalState({ signal: this.#options.signal })
      } catch {
        // A failed status query (say, a network error) counts as unfinished: wait on that job.
        this.#options.signal?.throwIfAborted()
        return job
      }
      if (!isFinal) return job
      this.#finished.add(job)
    }
    return undefined
  }
}

/**
 * Resolves after `delayMs`, or rejects with the signal's reason when it aborts first.
 *
 * @param delayMs - milliseconds
 * @param signal - stops the sleep
 * @param timers - the timer seam
 * @returns when the time has passed
 */
function sleep(delayMs: number, signal: AbortSignalLike, timers: TimeoutProvider): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal))
      return
    }
    const onAbort = (): void => {
      timers.clearTimeout(handle)
      reject(abortReason(signal))
    }
    const handle = timers.setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, delayMs)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** The signal's reason, unchanged (aborts are never wrapped); typed `Error` for `reject`. */
function abortReason(signal: AbortSignalLike): Error {
  return signal.reason as Error
}
