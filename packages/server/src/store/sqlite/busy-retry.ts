import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'
import { isJobStoreError } from '../job-store-error.js'

/**
 * Pauses between attempts, ms, after a first retry on the next turn of the event loop; the last
 * repeats. Node's timers do not go below 1 ms, so this is the shortest backoff there is; it
 * stays short because the other process's transactions are short (a claim or a commit of a few
 * rows), and each attempt costs a few µs.
 */
const BACKOFF_MS = [1, 1, 2, 4] as const
const MAX_BACKOFF_MS = 4

/**
 * Runs a statement that must take the file's write lock, retrying while another process holds
 * it — asynchronously, so this thread's event loop keeps turning (SQLite's busy handler would
 * sleep the thread: 1, 2, 5, 10… ms at a time, every HTTP request of the process waiting behind
 * it). `attempt` must fail with `store.busy` at once rather than wait (busy timeout off) and
 * leave nothing behind when it fails (a failed `BEGIN IMMEDIATE` opens no transaction; a failed
 * autocommit statement changes nothing).
 *
 * @param attempt - one try (synchronous)
 * @param timeoutMs - how long to keep trying, in total
 * @returns what `attempt` returned
 * @throws {@link JobStoreError} `store.busy` from the last try, when the lock stayed taken for
 *   `timeoutMs`; anything else `attempt` throws, at once
 */
export async function retryWhileBusy<TResult>(
  attempt: () => TResult,
  timeoutMs: number,
): Promise<TResult> {
  const deadline = performance.now() + timeoutMs
  for (let retry = 0; ; retry++) {
    try {
      return attempt()
    } catch (error) {
      if (!isJobStoreError(error, 'store.busy')) throw error
      const left = deadline - performance.now()
      if (left <= 0) throw error
      if (retry === 0) await nextTurn()
      else await sleep(Math.min(BACKOFF_MS[retry - 1] ?? MAX_BACKOFF_MS, left))
    }
  }
}
