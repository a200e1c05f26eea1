import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Executor, ExecutorContext } from '../app/executor.js'
import { JobChangeWatch } from './job-change-watch.js'
import { runReaperLoop } from './reaper-loop.js'
import type { RunOutcome } from './run-claimed-job.js'
import { runWorkerLoop } from './worker-loop.js'

/** Options of a {@link WorkerExecutor}. */
export interface WorkerExecutorOptions {
  /** How many jobs run at once (worker loops; default 2). */
  readonly concurrency?: number | undefined
  /** The backends to run (default: every backend of the server). */
  readonly backends?: readonly string[] | undefined
  /** Lease length (default 30 s, §8.13). */
  readonly leaseMs?: number | undefined
  /** Lease renewal interval (default a third of the lease). */
  readonly heartbeatMs?: number | undefined
  /** Reaper interval (default 5 s); `0` runs no reaper here (another process does). */
  readonly reapIntervalMs?: number | undefined
  /** Poll the queue at least this often (default 2 s). */
  readonly pollMs?: number | undefined
  /** How long `stop()` lets running jobs finish before abandoning them (default 10 s). */
  readonly drainMs?: number | undefined
  /** The lease owner prefix (default `<host>/<pid>/<random>`; loops append `/<n>`). */
  readonly workerId?: string | undefined
  /**
   * Kills the executor when aborted, as if its process died: simulations stop, nothing more is
   * written to the store, leases lapse and the reaper hands the jobs to another worker.
   */
  readonly signal?: AbortSignal | undefined
  /** Called after each job with how it ended. */
  readonly onJobEnd?: ((jobId: string, outcome: RunOutcome) => void) | undefined
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number, got ${value}`)
  }
  return value
}

/**
 * The scheduler and workers of the job service (§8.13 roles `scheduler` and `worker`, in the
 * server's process): worker loops that claim queued jobs with leases, run them on the server's
 * backends (the `@qfabric/sim` simulators run in worker threads, so the API stays responsive),
 * heartbeat, act on cancel requests at once, and store each outcome exactly once; plus a reaper
 * that recovers the jobs of workers that died. Several servers (or worker-only processes) may
 * share one PostgreSQL database.
 *
 * @example
 * ```ts
 * await using server = await createServer({ executor: new WorkerExecutor({ concurrency: 2 }) })
 * ```
 */
export class WorkerExecutor implements Executor {
  /** The lease owner prefix of this executor's loops. */
  readonly workerId: string
  readonly #options: WorkerExecutorOptions
  readonly #concurrency: number
  readonly #leaseMs: number
  readonly #kill = new AbortController()
  #stopClaiming: AbortController | undefined
  #loops: Promise<void>[] = []
  #changes: JobChangeWatch | undefined

  /**
   * @param options - concurrency, backends, lease and reaper timing, kill signal
   * @throws RangeError for a concurrency that is not a positive integer, or a non-positive time
   */
  constructor(options: WorkerExecutorOptions = {}) {
    this.#options = options
    this.#concurrency = options.concurrency ?? 2
    if (!Number.isInteger(this.#concurrency) || this.#concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${this.#concurrency}`)
    }
    this.#leaseMs = positive('leaseMs', options.leaseMs ?? 30_000)
    this.workerId = options.workerId ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`
    const external = options.signal
    if (external?.aborted === true) this.#kill.abort(external.reason)
    external?.addEventListener(
      'abort',
      () => {
        this.#kill.abort(external.reason)
      },
      { once: true },
    )
  }

  /**
   * Starts the worker loops and the reaper.
   *
   * @param context - the server's store, backends, logger and shutdown signal
   * @throws TypeError when already started
   */
  start(context: ExecutorContext): void {
    if (this.#stopClaiming !== undefined) throw new TypeError('WorkerExecutor already started')
    const options = this.#options
    const stopClaiming = new AbortController()
    this.#stopClaiming = stopClaiming
    const signal = AbortSignal.any([stopClaiming.signal, context.signal])
    const changes = new JobChangeWatch(context.store)
    this.#changes = changes
    const backends = options.backends ?? context.catalog.entries.map((e) => e.name)
    const shared = {
      store: context.store,
      catalog: context.catalog,
      logger: context.logger,
      leaseMs: this.#leaseMs,
      heartbeatMs: positive('heartbeatMs', options.heartbeatMs ?? this.#leaseMs / 3),
      pollMs: positive('pollMs', options.pollMs ?? 2000),
      changes,
      kill: this.#kill.signal,
      signal,
      backends,
      onJobEnd: options.onJobEnd,
    }
    for (let n = 0; n < this.#concurrency; n++) {
      this.#loops.push(runWorkerLoop({ ...shared, workerId: `${this.workerId}/${n}` }))
    }
    const reapIntervalMs = options.reapIntervalMs ?? 5000
    if (reapIntervalMs > 0) {
      const reaperSignal = AbortSignal.any([signal, this.#kill.signal])
      this.#loops.push(
        runReaperLoop({
          store: context.store,
          logger: context.logger,
          intervalMs: reapIntervalMs,
          signal: reaperSignal,
        }),
      )
    }
  }

  /**
   * Kills the executor at once, as if its process died (see `options.signal`).
   *
   * @returns when its loops have ended
   */
  async kill(): Promise<void> {
    this.#kill.abort(new Error('worker killed'))
    await this.stop()
  }

  /**
   * Stops claiming, lets running jobs finish for up to `drainMs`, then abandons the rest (their
   * simulations are stopped and their leases lapse).
   *
   * @returns when every loop has ended and the store is no longer used
   */
  async stop(): Promise<void> {
    this.#stopClaiming?.abort()
    const all = Promise.all(this.#loops)
    const drainMs = this.#options.drainMs ?? 10_000
    let timer: ReturnType<typeof setTimeout> | undefined
    const drained = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.#kill.abort(new Error('drain time over'))
        resolve()
      }, drainMs)
    })
    await Promise.race([all, drained])
    clearTimeout(timer)
    await all
    this.#loops = []
    this.#changes?.close()
    this.#changes = undefined
  }
}
