/**
 * A small pool of worker threads that run local simulation jobs off the main thread, one job
 * per worker at a time, in submission order. Cancelling a running job terminates its worker —
 * the computation stops at once, whatever it is doing — and a fresh worker is started for the
 * next job. Idle workers are unreferenced, so they never keep the process alive.
 *
 * Tiny jobs (a Bell pair with a hundred shots) skip the thread: posting, cloning and waking a
 * worker costs about 0.3 ms of CPU per job, far more than their simulation. A job whose
 * estimated cost ({@link estimateRequestWork}) is below `inlineBelow` runs on the calling thread
 * as the `inline` executor runs it, keeping its place in the queue and its slot in `size`.
 */
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import type {
  ExecutionRequest,
  ExperimentOutcome,
} from '../backends/execution/execution-request.js'
import { runExecution } from '../backends/execution/run-execution.js'
import { LocalSimulatorError } from '../backends/local-simulator-error.js'
import { estimateRequestWork } from './estimate-request-work.js'
import type { JobWorkerMessage, SerializedError } from './job-worker-protocol.js'
import { spawnJobWorker } from './spawn-job-worker.js'

/** Where a pool runs its tasks: worker threads (default), or the calling thread. */
export const JOB_EXECUTORS = ['worker', 'inline'] as const

/**
 * `worker`: each job in a worker thread; `inline`: on the calling thread (for environments
 * without worker threads; cancellation then waits for the engine's next chunk boundary).
 */
export type JobExecutor = (typeof JOB_EXECUTORS)[number]

/**
 * The default of {@link JobWorkerPoolOptions.inlineBelow}: about 0.2 ms of estimated work. Below
 * it, the worker thread's round trip (about 0.3 ms of CPU per job, measured in the job service)
 * costs more than the job; requests estimated this low took at most ~170 µs (median; ~260 µs
 * with the machine loaded) inline on the reference machine (see `estimate-request-work.ts`).
 */
export const DEFAULT_INLINE_BELOW = 200_000

/** Options of a {@link JobWorkerPool}. */
export interface JobWorkerPoolOptions {
  /** How many jobs run at once (default: `min(2, cores)`). */
  readonly size?: number | undefined
  /** Where tasks run (default `worker`). */
  readonly executor?: JobExecutor | undefined
  /**
   * With the `worker` executor, tasks whose estimated cost is below this run on the calling
   * thread instead (default {@link DEFAULT_INLINE_BELOW}; `0` sends every task to a worker). The
   * unit is about a nanosecond of simulation (see {@link estimateRequestWork}); noisy requests
   * and circuits with while loops are never inlined. An inlined task is cancelled at the
   * engine's next chunk boundary instead of by terminating a worker — for work this small, at
   * once in practice.
   */
  readonly inlineBelow?: number | undefined
}

/** What a task reports while it waits and runs. */
export interface PoolTaskHooks {
  /** The task left the queue and started. */
  readonly onStart?: (() => void) | undefined
  /** Shots done over all experiments. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined
  readonly onWarning?: ((message: string) => void) | undefined
  /** The task's place in the queue changed (0 = next). */
  readonly onQueuePosition?: ((position: number) => void) | undefined
}

/** A submitted task. */
export interface PoolTask {
  /** Resolves with the outcomes; rejects with the task's error, or a {@link TaskCancelledError}. */
  readonly promise: Promise<ExperimentOutcome[]>
  /**
   * Cancels the task if it has not finished: a queued task leaves the queue, a running one's
   * worker is terminated. The promise then rejects with a {@link TaskCancelledError}.
   *
   * @returns whether the task was cancelled (false when it had already finished)
   */
  cancel(): boolean
}

/** The rejection of a cancelled task. */
export class TaskCancelledError extends Error {
  /** @param wasRunning - whether the task had started */
  constructor(readonly wasRunning: boolean) {
    super(
      wasRunning
        ? 'The job was cancelled while running.'
        : 'The job was cancelled before it started.',
    )
    this.name = 'TaskCancelledError'
  }
}

interface Entry {
  readonly id: number
  readonly request: ExecutionRequest
  readonly hooks: PoolTaskHooks
  readonly resolve: (outcomes: ExperimentOutcome[]) => void
  readonly reject: (error: unknown) => void
  state: 'queued' | 'running' | 'finished'
  /** The worker running it, or the controller of an inline run. */
  runner?: Worker | AbortController | undefined
  /** Detaches the listeners from its worker. */
  release?: (() => void) | undefined
}

let nextTaskId = 1

/**
 * The pool.
 *
 * @example
 * ```ts
 * await using pool = new JobWorkerPool({ size: 2 })
 * const task = pool.submit(request, { onProgress: (done, total) => … })
 * const outcomes = await task.promise
 * ```
 */
export class JobWorkerPool {
  /** How many tasks run at once. */
  readonly size: number
  readonly executor: JobExecutor
  /** The estimated cost below which a task runs on the calling thread (`0`: never). */
  readonly inlineBelow: number
  readonly #queue: Entry[] = []
  readonly #running = new Set<Entry>()
  readonly #idle: Worker[] = []
  #pumpScheduled = false
  #disposed = false

  /**
   * @param options - size, executor and inlining threshold
   * @throws RangeError for a size that is not a positive integer, or an `inlineBelow` that is
   *   negative or not a number
   */
  constructor(options: JobWorkerPoolOptions = {}) {
    const size = options.size ?? Math.max(1, Math.min(2, availableParallelism()))
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`a job pool needs a positive integer size, got ${size}`)
    }
    this.size = size
    this.executor = options.executor ?? 'worker'
    const inlineBelow = options.inlineBelow ?? DEFAULT_INLINE_BELOW
    if (Number.isNaN(inlineBelow) || inlineBelow < 0) {
      throw new RangeError(`inlineBelow must be a non-negative number, got ${inlineBelow}`)
    }
    this.inlineBelow = inlineBelow
  }

  /** Tasks waiting for a free slot. */
  get queued(): number {
    return this.#queue.length
  }

  /** Tasks running now. */
  get running(): number {
    return this.#running.size
  }

  /**
   * Queues a request. It starts on a later tick, never synchronously, so a job returned to the
   * caller is still queued and can be cancelled before it runs.
   *
   * @param request - the work
   * @param hooks - status callbacks
   * @returns the task
   * @throws Error when the pool was disposed
   */
  submit(request: ExecutionRequest, hooks: PoolTaskHooks = {}): PoolTask {
    if (this.#disposed) throw new Error('the job pool was disposed')
    let resolve!: (outcomes: ExperimentOutcome[]) => void
    let reject!: (error: unknown) => void
    const promise = new Promise<ExperimentOutcome[]>((res, rej) => {
      resolve = res
      reject = rej
    })
    const entry: Entry = { id: nextTaskId++, request, hooks, resolve, reject, state: 'queued' }
    this.#queue.push(entry)
    hooks.onQueuePosition?.(this.#queue.length - 1)
    this.#schedulePump()
    return { promise, cancel: () => this.#cancel(entry) }
  }

  /**
   * Terminates every worker and cancels every task.
   *
   * @returns when the workers have exited
   */
  async dispose(): Promise<void> {
    this.#disposed = true
    for (const entry of [...this.#queue, ...this.#running]) this.#cancel(entry)
    await Promise.all(this.#idle.splice(0).map((w) => w.terminate()))
  }

  /** `await using pool = new JobWorkerPool()` disposes it. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose()
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return
    this.#pumpScheduled = true
    // Not in this turn (submissions of one turn start together, and a job's submitter sees it
    // queued first), but without a timer's 1 ms floor before every job.
    setImmediate(() => {
      this.#pumpScheduled = false
      this.#pump()
    })
  }

  #pump(): void {
    while (this.#running.size < this.size && this.#queue.length > 0) {
      const entry = this.#queue.shift()!
      entry.state = 'running'
      this.#running.add(entry)
      entry.hooks.onStart?.()
      if (this.executor === 'inline' || this.#isTiny(entry.request)) this.#runInline(entry)
      else this.#runOnWorker(entry)
    }
    this.#queue.forEach((entry, i) => entry.hooks.onQueuePosition?.(i))
  }

  /** Whether a request is cheaper to run here than to send to a worker. */
  #isTiny(request: ExecutionRequest): boolean {
    if (this.inlineBelow === 0) return false
    try {
      return estimateRequestWork(request) < this.inlineBelow
    } catch {
      // A malformed request: the worker reports its error as it always has.
      return false
    }
  }

  #finish(entry: Entry): boolean {
    if (entry.state === 'finished') return false
    entry.state = 'finished'
    this.#running.delete(entry)
    this.#schedulePump()
    return true
  }

  #runInline(entry: Entry): void {
    const controller = new AbortController()
    entry.runner = controller
    runExecution(entry.request, {
      signal: controller.signal,
      onProgress: entry.hooks.onProgress,
      onWarning: entry.hooks.onWarning,
    }).then(
      (outcomes) => {
        if (this.#finish(entry)) entry.resolve(outcomes)
      },
      (error: unknown) => {
        if (this.#finish(entry)) entry.reject(error)
      },
    )
  }

  #runOnWorker(entry: Entry): void {
    const worker = this.#idle.pop() ?? this.#spawn()
    entry.runner = worker
    worker.ref()
    const onMessage = (msg: JobWorkerMessage): void => {
      if (msg.taskId !== entry.id) return
      switch (msg.type) {
        case 'progress':
          entry.hooks.onProgress?.(msg.done, msg.total)
          return
        case 'warning':
          entry.hooks.onWarning?.(msg.message)
          return
        case 'done':
        case 'error':
          release()
          this.#idle.push(worker)
          worker.unref()
          if (!this.#finish(entry)) return
          if (msg.type === 'done') entry.resolve([...msg.outcomes])
          else entry.reject(deserializeError(msg.error))
      }
    }
    const onFailure = (error: unknown): void => {
      release()
      void worker.terminate()
      if (this.#finish(entry)) {
        const message = error instanceof Error ? error.message : `exit code ${String(error)}`
        entry.reject(
          new LocalSimulatorError(
            'sim.backend.worker-failed',
            `the job worker stopped: ${message}`,
            {
              cause: error,
            },
          ),
        )
      }
    }
    const release = (): void => {
      worker.off('message', onMessage)
      worker.off('error', onFailure)
      worker.off('exit', onFailure)
    }
    worker.on('message', onMessage)
    worker.on('error', onFailure)
    worker.on('exit', onFailure)
    entry.release = release
    worker.postMessage({ type: 'run', taskId: entry.id, request: entry.request })
  }

  /** A new worker that leaves the idle list if it ever exits (a crash while idle). */
  #spawn(): Worker {
    const worker = spawnJobWorker()
    worker.once('exit', () => {
      const i = this.#idle.indexOf(worker)
      if (i >= 0) this.#idle.splice(i, 1)
    })
    return worker
  }

  #cancel(entry: Entry): boolean {
    if (entry.state === 'finished') return false
    const wasRunning = entry.state === 'running'
    if (!wasRunning) {
      this.#queue.splice(this.#queue.indexOf(entry), 1)
      this.#queue.forEach((e, i) => e.hooks.onQueuePosition?.(i))
    }
    const runner = entry.runner
    if (runner instanceof AbortController) runner.abort(new TaskCancelledError(true))
    else if (runner !== undefined) {
      entry.release?.()
      void runner.terminate()
    }
    entry.state = 'finished'
    this.#running.delete(entry)
    this.#schedulePump()
    entry.reject(new TaskCancelledError(wasRunning))
    return true
  }
}

/** An error from a worker, rebuilt with its name, message and code. */
function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message) as Error & { code?: string }
  error.name = serialized.name
  if (serialized.code !== undefined) error.code = serialized.code
  return error
}

let defaultPool: JobWorkerPool | undefined

/**
 * The pool shared by the local backends that are not given one (created on first use; its idle
 * workers never keep the process alive).
 *
 * @returns the process-wide pool
 */
export function getDefaultJobWorkerPool(): JobWorkerPool {
  defaultPool ??= new JobWorkerPool()
  return defaultPool
}
