import { setTimeout as sleep } from 'node:timers/promises'
import { runClaimedJob, type RunClaimedJobContext, type RunOutcome } from './run-claimed-job.js'

/** What one {@link runWorkerLoop} needs. */
export interface WorkerLoopOptions extends RunClaimedJobContext {
  /** The backends this worker claims for. */
  readonly backends: readonly string[]
  /** Stop claiming (a job already running is finished first). */
  readonly signal: AbortSignal
  /** Poll the queue at least this often, whatever notifications say. */
  readonly pollMs: number
  /** Called after each job, with how it ended (for metrics and tests). */
  readonly onJobEnd?: ((jobId: string, outcome: RunOutcome) => void) | undefined
}

/** Waits (quietly) until `ms` passed or `signal` aborted. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined)
}

/**
 * One worker: claims the next job for its backends, runs it to the end, and repeats; waits for
 * work (store notifications, with a poll as a safety net) while the queue is empty. Store
 * errors are logged and retried after a pause, so a database restart does not end the worker.
 *
 * @param options - store, backends, lease settings, signals
 * @returns when `signal` (or the kill signal) aborted and the current job, if any, ended
 * @example
 * ```ts
 * const loop = runWorkerLoop({ ...context, workerId: 'host/1', backends: ['qasm_simulator'], signal, pollMs: 1000 })
 * controller.abort()
 * await loop
 * ```
 */
export async function runWorkerLoop(options: WorkerLoopOptions): Promise<void> {
  const { store, signal, kill, logger, workerId } = options
  const halted = (): boolean => signal.aborted || kill.aborted
  const waitSignal = AbortSignal.any([signal, kill])
  while (!halted()) {
    try {
      const job = await store.claimNext({
        workerId,
        backends: options.backends,
        leaseMs: options.leaseMs,
      })
      if (job === undefined) {
        await store
          .waitForWork({ signal: waitSignal, timeoutMs: options.pollMs })
          .catch(() => undefined)
        continue
      }
      logger.debug({ jobId: job.id, workerId }, 'job claimed')
      const outcome = await runClaimedJob(job, options)
      logger.debug({ jobId: job.id, workerId, outcome }, 'job ended')
      options.onJobEnd?.(job.id, outcome)
    } catch (error) {
      if (halted()) break
      logger.error({ err: error, workerId }, 'worker error; retrying')
      await pause(options.pollMs, waitSignal)
    }
  }
}
