import type { MessagePort } from 'node:worker_threads'
import type { LevelWithSilent } from 'pino'
import type { BackendsConfig } from '../config/backends-config.js'
import type { StoreLocation } from '../store/store-location.js'
import type { RunOutcome } from './run-claimed-job.js'

/**
 * The messages between a {@link WorkerThreadExecutor} (the server's main thread) and its
 * worker thread (`worker-thread-main`).
 */

/** What the worker thread starts from (`workerData`): plain data only. */
export interface WorkerThreadData {
  readonly role: 'qfabric-worker-thread'
  /** The server's database; the thread opens its own connection (no migrations). */
  readonly location: StoreLocation
  /** The server's backends configuration (the thread resolves them with the default registry). */
  readonly backendsConfig: BackendsConfig
  /** The options of the thread's `WorkerExecutor` (times in ms; `workerId` always set). */
  readonly executor: {
    readonly workerId: string
    readonly concurrency: number
    readonly backends?: readonly string[] | undefined
    readonly leaseMs: number
    readonly heartbeatMs?: number | undefined
    readonly reapIntervalMs?: number | undefined
    readonly pollMs?: number | undefined
    readonly drainMs?: number | undefined
  }
  /** The server logger's level; the thread's log lines come back as `log` messages. */
  readonly logLevel: LevelWithSilent
  /** SQLite: the thread's end of the change channel (see `SqliteJobStore.linkChanges`). */
  readonly changes?: MessagePort | undefined
  /** SQLite: the server store's write lock (see `SqliteJobStore.writeLock`). */
  readonly writeLock?: SharedArrayBuffer | undefined
}

/** Main thread → worker thread. */
export type ToWorkerThread =
  /** The server shuts down: claim no more jobs (running ones go on until `stop`). */
  | { readonly type: 'stop-claiming' }
  /** Drain running jobs (up to `drainMs`), close the store, exit. */
  | { readonly type: 'stop' }
  /** Stop at once, as if the process died: nothing more is written, leases lapse. */
  | { readonly type: 'kill' }

/** Worker thread → main thread. */
export type FromWorkerThread =
  /** The store is open and the worker loops run. */
  | { readonly type: 'started' }
  /** The thread could not start (the error's message, name and code). */
  | {
      readonly type: 'start-failed'
      readonly error: { readonly name: string; readonly message: string; readonly code?: string }
    }
  /** One pino JSON line to log on the server's logger. */
  | { readonly type: 'log'; readonly line: string }
  /** A job ended (for `onJobEnd`). */
  | { readonly type: 'job-end'; readonly jobId: string; readonly outcome: RunOutcome }
  /** The executor stopped and the store is closed; the thread exits next. */
  | { readonly type: 'stopped' }
