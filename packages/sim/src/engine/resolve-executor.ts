/**
 * Picks where a run's plans execute: the calling thread for small states, worker threads over
 * shared memory for large ones.
 */
import { availableParallelism } from 'node:os'
import { createThreadExecutor } from './parallel/thread-executor.js'
import { createLocalExecutor, type PlanExecutor } from './plan/plan-executor.js'

/** From this many qubits `threads: 'auto'` uses worker threads. */
export const THREADS_MIN_QUBITS = 20

/** How many threads to use: a count, or `'auto'` (all cores from {@link THREADS_MIN_QUBITS}). */
export type ThreadsOption = number | 'auto'

/**
 * The executor for a run.
 *
 * @param threads - the requested thread count or `'auto'`
 * @param numQubits - the state's width
 * @returns the local executor for one thread, else a worker-thread executor
 * @throws RangeError when `threads` is not a positive integer or `'auto'`
 */
export function resolveExecutor(
  threads: ThreadsOption | undefined,
  numQubits: number,
): PlanExecutor {
  const count =
    threads === undefined || threads === 'auto'
      ? numQubits >= THREADS_MIN_QUBITS
        ? availableParallelism()
        : 1
      : threads
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`threads must be a positive integer or 'auto', got ${String(threads)}`)
  return count === 1 ? createLocalExecutor() : createThreadExecutor(count)
}
