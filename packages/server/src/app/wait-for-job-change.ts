import type { StoredJob } from '../store/job-store-types.js'
import type { AppContext } from './app-context.js'

/** Options of {@link waitForJobChange}. */
export interface WaitForJobChangeOptions {
  /** The revision the caller has; the wait ends when the job's `rev` differs. */
  readonly rev: number
  /** Longest wait, ms. */
  readonly timeoutMs: number
  /** Ends the wait early (client gone, server closing). */
  readonly signal?: AbortSignal | undefined
}

/**
 * Holds a long-poll (`Prefer: wait=<s>`) until the job's revision changes: woken by the event
 * hub after each committed change, and re-reading the store every `eventPollMs` anyway (changes
 * committed by other processes).
 *
 * @param context - the app context
 * @param jobId - the job
 * @param options - the known revision, timeout and signal
 * @returns the job as last read (changed or not), or `undefined` if it disappeared
 */
export async function waitForJobChange(
  context: AppContext,
  jobId: string,
  options: WaitForJobChangeOptions,
): Promise<StoredJob | undefined> {
  // Waiting is real time (timers), not the domain clock, which tests may freeze.
  const deadline = performance.now() + options.timeoutMs
  const signal = AbortSignal.any(
    options.signal === undefined ? [context.closing] : [context.closing, options.signal],
  )
  let job = await context.store.getJob(jobId)
  while (job?.rev === options.rev && !signal.aborted) {
    const left = deadline - performance.now()
    if (left <= 0) break
    await context.hub.waitForChange(jobId, {
      timeoutMs: Math.min(left, context.limits.eventPollMs),
      signal,
    })
    job = await context.store.getJob(jobId)
  }
  return job
}
