/** Starts a job worker thread (`job-worker-main` beside this file). */
import type { Worker } from 'node:worker_threads'
import { startModuleWorker } from '../engine/parallel/start-module-worker.js'

/**
 * A new job worker (referenced: the pool unreferences it while idle).
 *
 * @returns the worker
 */
export function spawnJobWorker(): Worker {
  return startModuleWorker(import.meta.url, 'job-worker-main')
}
