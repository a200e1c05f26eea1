/**
 * The worker thread of a {@link WorkerThreadExecutor}: opens its own connection to the server's
 * database, resolves the server's backends, and runs a {@link WorkerExecutor} (worker loops
 * and reaper) there, so that the store work of running jobs — claims, heartbeats, results,
 * events — never waits in line with HTTP requests on the server's event loop.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { pino, type Logger } from 'pino'
import { BackendCatalog } from '../app/backend-catalog.js'
import { createDefaultBackendRegistry } from '../app/backend-registry.js'
import { REDACTED_LOG_PATHS } from '../http/create-logger.js'
import { systemClock } from '../store/clock.js'
import type { JobStore } from '../store/job-store.js'
import { SqliteJobStore } from '../store/sqlite/sqlite-job-store.js'
import { openStoreAt } from '../store/store-location.js'
import { WorkerExecutor } from './worker-executor.js'
import type {
  FromWorkerThread,
  ToWorkerThread,
  WorkerThreadData,
} from './worker-thread-protocol.js'

/** A logger whose lines go to the main thread, which writes them with the server's logger. */
function relayLogger(data: WorkerThreadData, port: MessagePort): Logger {
  return pino(
    {
      level: data.logLevel,
      redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
      base: null,
      timestamp: false,
    },
    {
      write: (line: string) => {
        port.postMessage({ type: 'log', line } satisfies FromWorkerThread)
      },
    },
  )
}

/** The running parts of the thread. */
interface Running {
  readonly store: JobStore
  readonly executor: WorkerExecutor
  readonly unlink: () => void
  readonly stopClaiming: AbortController
}

/** Opens the store and starts the executor (closing what it opened when that fails). */
async function startRunning(data: WorkerThreadData, port: MessagePort): Promise<Running> {
  let store: JobStore | undefined
  let unlink = (): void => undefined
  try {
    // The main thread's connection migrated the database and checkpoints its WAL.
    store = await openStoreAt(data.location, {
      migrate: false,
      checkpointIntervalMs: 0,
      writeLock: data.writeLock,
    })
    if (store instanceof SqliteJobStore && data.changes !== undefined) {
      unlink = store.linkChanges(data.changes)
    }
    const catalog = new BackendCatalog(data.backendsConfig, createDefaultBackendRegistry())
    const executor = new WorkerExecutor({
      ...data.executor,
      onJobEnd: (jobId, outcome) => {
        port.postMessage({ type: 'job-end', jobId, outcome } satisfies FromWorkerThread)
      },
    })
    const stopClaiming = new AbortController()
    executor.start({
      store,
      catalog,
      clock: systemClock,
      logger: relayLogger(data, port),
      signal: stopClaiming.signal,
    })
    return { store, executor, unlink, stopClaiming }
  } catch (error) {
    unlink()
    await store?.close()
    throw error
  }
}

/** Opens the store, starts the executor, and follows the main thread's orders until `stop`. */
async function runWorkerThread(data: WorkerThreadData, port: MessagePort): Promise<void> {
  const post = (message: FromWorkerThread): void => {
    port.postMessage(message)
  }
  let running: Running
  try {
    running = await startRunning(data, port)
  } catch (error) {
    data.changes?.close()
    const code = (error as { code?: unknown } | null)?.code
    post({
      type: 'start-failed',
      error: {
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
      },
    })
    port.close()
    return
  }
  const { store, executor, unlink, stopClaiming } = running
  post({ type: 'started' })
  let stopped: Promise<void> | undefined
  const stop = (how: 'stop' | 'kill'): Promise<void> =>
    (stopped ??= (async () => {
      try {
        await (how === 'kill' ? executor.kill() : executor.stop())
      } finally {
        unlink()
        data.changes?.close()
        await store.close()
        post({ type: 'stopped' })
        port.close()
      }
    })())
  port.on('message', (message: ToWorkerThread) => {
    if (message.type === 'stop-claiming') stopClaiming.abort()
    else void stop(message.type)
  })
}

if (
  !isMainThread &&
  parentPort !== null &&
  (workerData as Partial<WorkerThreadData> | null)?.role === 'qfabric-worker-thread'
) {
  await runWorkerThread(workerData as WorkerThreadData, parentPort)
}
