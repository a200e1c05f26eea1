import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import type { JobStore, WorkQueue } from '../store/job-store.js'

/** What {@link runReaperLoop} needs. */
export interface ReaperLoopOptions {
  readonly store: Pick<WorkQueue, 'reapExpiredLeases' | 'expireQueuedJobs'> &
    Partial<Pick<JobStore, 'deleteExpired'>>
  readonly logger: Logger
  /** Time between sweeps. */
  readonly intervalMs: number
  /** Time between retention sweeps (results and records past their expiry); default 60 s. */
  readonly retentionIntervalMs?: number
  /** Ends the loop. */
  readonly signal: AbortSignal
}

/**
 * The reaper (§8.13): on an interval, requeues (or fails, out of attempts) jobs whose worker
 * stopped renewing its lease, completes cancels their worker never acknowledged, and cancels
 * queued jobs past their queue TTL; less often, runs the retention sweep (§8.9). Safe to run in every process: each sweep is one store
 * transaction, so two reapers never hand one job out twice.
 *
 * @param options - store, interval, signal
 * @returns when `signal` aborted
 * @example
 * ```ts
 * const reaper = runReaperLoop({ store, logger, intervalMs: 5000, signal })
 * ```
 */
export async function runReaperLoop(options: ReaperLoopOptions): Promise<void> {
  const { store, logger, signal } = options
  const retentionIntervalMs = options.retentionIntervalMs ?? 60_000
  let lastRetention = Date.now()
  while (!signal.aborted) {
    try {
      await sleep(options.intervalMs, undefined, { signal })
    } catch {
      return
    }
    try {
      const reaped = await store.reapExpiredLeases()
      const expired = await store.expireQueuedJobs()
      if (reaped.requeued.length + reaped.failed.length + reaped.cancelled.length > 0) {
        logger.info({ ...reaped }, 'expired leases reaped')
      }
      if (expired.length > 0) logger.info({ expired }, 'queued jobs expired')
      if (store.deleteExpired !== undefined && Date.now() - lastRetention >= retentionIntervalMs) {
        lastRetention = Date.now()
        const swept = await store.deleteExpired()
        if (swept.results + swept.jobs + swept.idempotencyKeys > 0) {
          logger.info({ ...swept }, 'retention sweep')
        }
      }
    } catch (error) {
      logger.warn({ err: error }, 'reaper sweep failed')
    }
  }
}
