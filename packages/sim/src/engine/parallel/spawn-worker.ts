/** Starts a statevector worker thread (`worker-main` beside this file). */
import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from './start-module-worker.js'

/**
 * A new, unreferenced statevector worker.
 *
 * @returns the worker (it does not keep the process alive until referenced)
 */
export function spawnWorker(): Worker {
  const worker = startModuleWorker(import.meta.url, 'worker-main')
  worker.unref()
  return worker
}
