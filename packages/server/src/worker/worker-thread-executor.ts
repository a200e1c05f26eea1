import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { MessageChannel, type Worker } from 'node:worker_threads'
import type { Executor, ExecutorContext } from '../app/executor.js'
import { DEFAULT_BACKENDS_CONFIG } from '../config/load-backends-config.js'
import type { BackendsConfig } from '../config/backends-config.js'
import type { JobStore } from '../store/job-store.js'
import { SharedWriteLock } from '../store/sqlite/shared-write-lock.js'
import { SqliteJobStore } from '../store/sqlite/sqlite-job-store.js'
import type { StoreLocation } from '../store/store-location.js'
import { spawnWorkerThread } from './spawn-worker-thread.js'
import type { WorkerExecutorOptions } from './worker-executor.js'
import { WorkerError } from './worker-error.js'
import type {
  FromWorkerThread,
  ToWorkerThread,
  WorkerThreadData,
} from './worker-thread-protocol.js'

/** Options of a {@link WorkerThreadExecutor}. */
export interface WorkerThreadExecutorOptions extends Omit<WorkerExecutorOptions, 'signal'> {
  /**
   * The database the thread opens its own connection to: a SQLite file (not `:memory:`) or
   * PostgreSQL. It must be the database of the server's store.
   */
  readonly location: StoreLocation
  /** The server's backends configuration (default: the built-in one); resolved with the default registry. */
  readonly backendsConfig?: BackendsConfig | undefined
}

/** How long `stop()` waits past `drainMs` for the thread to close its store before ending it. */
const EXIT_GRACE_MS = 5000

/**
 * The scheduler and workers of a one-process deployment on their own thread: a worker thread
 * with its own connection to the server's database runs a `WorkerExecutor` (worker loops and
 * reaper; the simulations run in further threads as always), while the main thread serves only
 * HTTP. Same guarantees as the in-process executor — leases, heartbeats, the reaper, exactly-once
 * completion are the store's — and the same notices: on SQLite the two connections' change
 * hubs are linked through a `MessageChannel` (submits wake the thread's workers, cancel requests
 * reach running simulations at once, finished jobs wake the API's streams and long-polls); on
 * PostgreSQL both connections `LISTEN`.
 *
 * @example
 * ```ts
 * await using server = await createServer({ dataDir: './data', workerThread: true })
 * ```
 */
export class WorkerThreadExecutor implements Executor {
  /** The lease owner prefix of the thread's loops. */
  readonly workerId: string
  readonly #options: WorkerThreadExecutorOptions
  #worker: Worker | undefined
  #exited: Promise<void> | undefined
  #stopped: Promise<void> | undefined
  #unlink = (): void => undefined

  /**
   * @param options - the database, backends, and the `WorkerExecutor` options
   * @throws RangeError for a concurrency that is not a positive integer
   * @throws WorkerError `worker.thread-store` for an in-memory SQLite database
   */
  constructor(options: WorkerThreadExecutorOptions) {
    const concurrency = options.concurrency ?? 2
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`)
    }
    const { location } = options
    if (
      location.kind === 'sqlite' &&
      (location.filename === ':memory:' || location.filename === '')
    ) {
      throw new WorkerError(
        'worker.thread-store',
        'a worker thread needs a database file or PostgreSQL, not an in-memory database',
      )
    }
    this.#options = options
    this.workerId = options.workerId ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`
  }

  /**
   * Starts the thread and waits until its store is open and its loops run.
   *
   * @param context - the server's store (linked to the thread's on SQLite), logger, shutdown signal
   * @returns when the thread runs
   * @throws TypeError when already started
   * @throws WorkerError `worker.thread-failed` when the thread could not start
   */
  async start(context: ExecutorContext): Promise<void> {
    if (this.#worker !== undefined) throw new TypeError('WorkerThreadExecutor already started')
    const o = this.#options
    let port: MessageChannel['port2'] | undefined
    const writeLock = sharedWriteLock(context.store, o.location)
    if (context.store instanceof SqliteJobStore) {
      const channel = new MessageChannel()
      this.#unlink = context.store.linkChanges(channel.port1)
      const unlink = this.#unlink
      this.#unlink = () => {
        unlink()
        channel.port1.close()
      }
      port = channel.port2
    }
    const data: WorkerThreadData = {
      role: 'qfabric-worker-thread',
      location: o.location,
      backendsConfig: o.backendsConfig ?? DEFAULT_BACKENDS_CONFIG,
      executor: {
        workerId: this.workerId,
        concurrency: o.concurrency ?? 2,
        leaseMs: o.leaseMs ?? 30_000,
        ...(o.backends === undefined ? {} : { backends: o.backends }),
        ...(o.heartbeatMs === undefined ? {} : { heartbeatMs: o.heartbeatMs }),
        ...(o.reapIntervalMs === undefined ? {} : { reapIntervalMs: o.reapIntervalMs }),
        ...(o.pollMs === undefined ? {} : { pollMs: o.pollMs }),
        ...(o.drainMs === undefined ? {} : { drainMs: o.drainMs }),
      },
      logLevel: context.logger.level as WorkerThreadData['logLevel'],
      ...(port === undefined ? {} : { changes: port }),
      ...(writeLock === undefined ? {} : { writeLock: writeLock.buffer }),
    }
    const worker = spawnWorkerThread(data, port === undefined ? [] : [port])
    this.#worker = worker
    const { threadId } = worker
    this.#exited = new Promise((resolve) => {
      worker.once('exit', () => {
        writeLock?.releaseIfHeldBy(threadId)
        resolve()
      })
    })
    const failure = await startedOrFailed(worker, context.logger, o.onJobEnd)
    if (failure !== undefined) {
      await this.#end()
      throw failure
    }
    context.signal.addEventListener(
      'abort',
      () => {
        this.#send({ type: 'stop-claiming' })
      },
      { once: true },
    )
  }

  /**
   * Kills the executor at once, as if its process died: simulations stop, nothing more is
   * written, leases lapse and the reaper hands the jobs to another worker.
   *
   * @returns when the thread has exited
   */
  kill(): Promise<void> {
    return this.#stop('kill')
  }

  /**
   * Stops claiming, lets running jobs finish for up to `drainMs`, then abandons the rest.
   *
   * @returns when the thread has closed its store and exited
   */
  stop(): Promise<void> {
    return this.#stop('stop')
  }

  #stop(how: 'stop' | 'kill'): Promise<void> {
    return (this.#stopped ??= (async () => {
      if (this.#worker === undefined) return
      this.#send({ type: how })
      const limitMs = (how === 'kill' ? 0 : (this.#options.drainMs ?? 10_000)) + EXIT_GRACE_MS
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, limitMs)
      })
      await Promise.race([this.#exited, late])
      clearTimeout(timer)
      await this.#end()
    })())
  }

  #send(message: ToWorkerThread): void {
    this.#worker?.postMessage(message)
  }

  /** Unlinks the change channel and ends the thread (at once if it is still running). */
  async #end(): Promise<void> {
    this.#unlink()
    this.#unlink = () => undefined
    await this.#worker?.terminate()
  }
}

/**
 * Follows the thread's messages (logs, job ends) for its whole life.
 *
 * @returns resolves when it runs (`undefined`) or with why it could not start
 */
function startedOrFailed(
  worker: Worker,
  logger: ExecutorContext['logger'],
  onJobEnd: WorkerThreadExecutorOptions['onJobEnd'],
): Promise<WorkerError | undefined> {
  return new Promise((ready) => {
    worker.on('message', (message: FromWorkerThread) => {
      switch (message.type) {
        case 'started':
          ready(undefined)
          break
        case 'start-failed':
          ready(
            new WorkerError(
              'worker.thread-failed',
              `the worker thread did not start: ${message.error.message}`,
            ),
          )
          break
        case 'log':
          relayLog(logger, message.line)
          break
        case 'job-end':
          onJobEnd?.(message.jobId, message.outcome)
          break
        case 'stopped':
          break
      }
    })
    worker.on('error', (error) => {
      logger.error({ err: error }, 'worker thread failed')
      ready(new WorkerError('worker.thread-failed', 'the worker thread failed', { cause: error }))
    })
    worker.once('exit', () => {
      ready(new WorkerError('worker.thread-failed', 'the worker thread exited'))
    })
  })
}

/** Writes one of the thread's pino lines with the server's logger, at its level. */
function relayLog(logger: ExecutorContext['logger'], line: string): void {
  let entry: Record<string, unknown>
  try {
    entry = JSON.parse(line) as Record<string, unknown>
  } catch {
    return
  }
  const { level, msg, ...fields } = entry
  const label = typeof level === 'number' ? logger.levels.labels[level] : undefined
  if (label === undefined || !(label in logger)) return
  const write = logger[label as 'info']
  write.call(logger, { ...fields, thread: 'worker' }, typeof msg === 'string' ? msg : '')
}

/** The server store's write lock, when the thread opens the same SQLite file. */
function sharedWriteLock(store: JobStore, location: StoreLocation): SharedWriteLock | undefined {
  if (!(store instanceof SqliteJobStore) || location.kind !== 'sqlite') return undefined
  const memory = (f: string): boolean => f === ':memory:' || f === ''
  if (memory(store.filename) || resolve(store.filename) !== resolve(location.filename)) {
    return undefined
  }
  return new SharedWriteLock(store.writeLock)
}
