/** Starts the worker thread of a {@link WorkerThreadExecutor} (`worker-thread-main` beside this file). */
import type { Transferable, Worker } from 'node:worker_threads'
import { startModuleWorker } from '@qfabric/sim'
import type { WorkerThreadData } from './worker-thread-protocol.js'

/**
 * Starts the worker thread.
 *
 * @param data - what the thread starts from
 * @param transferList - the change channel's port, if any
 * @returns the thread
 */
export function spawnWorkerThread(
  data: WorkerThreadData,
  transferList: readonly Transferable[],
): Worker {
  return startModuleWorker(import.meta.url, 'worker-thread-main', {
    workerData: { ...data },
    transferList,
  })
}
