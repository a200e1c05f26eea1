/**
 * Runs a request on a pool without a job of its own (for the simulator capabilities and for
 * other backends' jobs), stopping it when a signal aborts.
 */
import type { AbortSignalLike } from '@qfabric/core/providers'
import type { JobWorkerPool, PoolTaskHooks } from '../jobs/job-worker-pool.js'
import type { ExecutionRequest, ExperimentOutcome } from './execution/execution-request.js'

/**
 * The outcomes of a request.
 *
 * @param pool - the pool
 * @param request - the work
 * @param options - a signal that cancels the work when aborted, and progress hooks
 * @returns the outcomes
 * @throws `signal.reason` when aborted; the run's error otherwise
 */
export async function runOnPool(
  pool: JobWorkerPool,
  request: ExecutionRequest,
  options: { readonly signal?: AbortSignalLike | undefined; readonly hooks?: PoolTaskHooks } = {},
): Promise<ExperimentOutcome[]> {
  const { signal } = options
  signal?.throwIfAborted()
  const task = pool.submit(request, options.hooks)
  if (signal === undefined) return task.promise
  const onAbort = (): void => {
    task.cancel()
  }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    return await task.promise
  } catch (error) {
    signal.throwIfAborted()
    throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
