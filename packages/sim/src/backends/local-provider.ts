/**
 * `LocalProvider`: the local simulators, as one provider.
 */
import { BaseProvider, type Backend, type TimeoutProvider } from '@qfabric/core/providers'
import {
  getDefaultJobWorkerPool,
  JobWorkerPool,
  type JobExecutor,
} from '../jobs/job-worker-pool.js'
import { DensityMatrixSimulator } from './density-matrix-simulator.js'
import type { LocalBackendOptions } from './local-simulator-backend.js'
import { QasmSimulator } from './qasm-simulator.js'
import { StabilizerSimulator } from './stabilizer-simulator.js'
import { StatevectorSimulator } from './statevector-simulator.js'
import { UnitarySimulator } from './unitary-simulator.js'

/** The names of the {@link LocalProvider}'s backends. */
export const LOCAL_BACKEND_NAMES = [
  'qasm_simulator',
  'statevector_simulator',
  'unitary_simulator',
  'density_matrix_simulator',
  'stabilizer_simulator',
] as const

/** A local backend's name. */
export type LocalBackendName = (typeof LOCAL_BACKEND_NAMES)[number]

/** Options of a {@link LocalProvider}. */
export interface LocalProviderOptions {
  /**
   * How many jobs run at once. Given (or with `executor` or `inlineBelow`), the provider gets its
   * own pool; otherwise its backends share the process-wide pool (`min(2, cores)` workers).
   */
  readonly maxConcurrentJobs?: number | undefined
  /** `worker` (default): jobs run in worker threads; `inline`: on the calling thread. */
  readonly executor?: JobExecutor | undefined
  /**
   * With the `worker` executor, jobs estimated cheaper than this run on the calling thread
   * (default `DEFAULT_INLINE_BELOW`, about 0.2 ms; `0`: every job in a worker). See
   * `JobWorkerPoolOptions.inlineBelow`.
   */
  readonly inlineBelow?: number | undefined
  /** A pool to use (overrides the options above). */
  readonly pool?: JobWorkerPool | undefined
  /** Timers for the jobs' waits. */
  readonly timers?: TimeoutProvider | undefined
}

/**
 * The local simulators (our "Aer"): `qasm_simulator`, `statevector_simulator`,
 * `unitary_simulator`, `density_matrix_simulator` and `stabilizer_simulator`. Jobs run in worker
 * threads, so `job.cancel()` really stops them.
 *
 * @example
 * ```ts
 * const provider = new LocalProvider()
 * const backend = await provider.getBackend('qasm_simulator')
 * const job = await backend.run(circuit, { shots: 1000, seed: 42 })
 * const counts = (await job.result()).getCounts()
 * ```
 */
export class LocalProvider extends BaseProvider {
  override readonly name = 'local'
  /** The pool running this provider's jobs. */
  readonly pool: JobWorkerPool
  readonly #ownsPool: boolean
  readonly #backends: readonly Backend[]

  /**
   * @param options - the pool (or its size and executor) and timers
   * @throws RangeError for a `maxConcurrentJobs` that is not a positive integer
   */
  constructor(options: LocalProviderOptions = {}) {
    super()
    const own =
      options.pool === undefined &&
      (options.maxConcurrentJobs !== undefined ||
        options.executor !== undefined ||
        options.inlineBelow !== undefined)
    this.pool =
      options.pool ??
      (own
        ? new JobWorkerPool({
            size: options.maxConcurrentJobs,
            executor: options.executor,
            inlineBelow: options.inlineBelow,
          })
        : getDefaultJobWorkerPool())
    this.#ownsPool = own
    const shared: LocalBackendOptions = { provider: this, pool: this.pool, timers: options.timers }
    this.#backends = Object.freeze([
      new QasmSimulator(shared),
      new StatevectorSimulator(shared),
      new UnitarySimulator(shared),
      new DensityMatrixSimulator(shared),
      new StabilizerSimulator(shared),
    ])
  }

  protected listBackends(): readonly Backend[] {
    return this.#backends
  }

  /**
   * Stops the provider's own pool (cancelling its jobs). A provider on the shared or a given
   * pool leaves it alone.
   *
   * @returns when the workers have exited
   */
  async dispose(): Promise<void> {
    if (this.#ownsPool) await this.pool.dispose()
  }

  /** `await using provider = new LocalProvider({ maxConcurrentJobs: 1 })` disposes it. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose()
  }
}
