/**
 * The base of the local simulator backends: a simulator target, Aer-like run options, jobs run
 * in worker threads of a shared pool, and the optional backend capabilities (status, job
 * retrieval and listing) that a process-local simulator can offer.
 */
import {
  BaseBackend,
  type BackendWithActiveJobs,
  type BackendWithJobListing,
  type BackendWithJobRetrieval,
  type BackendWithStatus,
  type Job,
  type JobFilter,
  type PreparedRun,
  type Provider,
  type TimeoutProvider,
} from '@qfabric/core/providers'
import { BackendStatus, type Target } from '@qfabric/core/target'
import { JobRegistry } from '../jobs/job-registry.js'
import { getDefaultJobWorkerPool, type JobWorkerPool } from '../jobs/job-worker-pool.js'
import type { SimulatorJob } from '../jobs/simulator-job.js'
import type { SimulationMethod, SimulatorKind } from './execution/execution-request.js'
import { createSimulatorOptions, type SimulatorRunOptions } from './simulator-options.js'
import { createSimulatorTarget } from './simulator-target.js'
import { submitSimulation } from './submit-simulation.js'

/** The version the local simulators report. */
export const LOCAL_SIMULATOR_VERSION = '0.1.0'

/** What every local simulator backend can be given. */
export interface LocalBackendOptions {
  /** The provider listing it. */
  readonly provider?: Provider | undefined
  /** The pool running its jobs (default: the process-wide pool). */
  readonly pool?: JobWorkerPool | undefined
  /** Timers for its jobs' waits (tests pass fake ones). */
  readonly timers?: TimeoutProvider | undefined
}

/** What a {@link LocalSimulatorBackend} subclass declares. */
export interface LocalSimulatorInit extends LocalBackendOptions {
  readonly name: string
  readonly description: string
  /** What its experiments return. */
  readonly kind: SimulatorKind
  /** The widest circuit it takes. */
  readonly numQubits: number
  /** The methods it offers; the first is the default. */
  readonly methods: readonly SimulationMethod[]
}

/**
 * A local simulator backend. Subclasses only declare what they return and their limits.
 *
 * @example
 * ```ts
 * const backend = new QasmSimulator()
 * const job = await backend.run(bell, { shots: 2000, seed: 7 })
 * (await job.result()).getCounts() // Counts { '00': 1013, '11': 987 }
 * ```
 */
export class LocalSimulatorBackend
  extends BaseBackend<SimulatorRunOptions>
  implements
    BackendWithStatus,
    BackendWithJobRetrieval,
    BackendWithJobListing,
    BackendWithActiveJobs
{
  readonly target: Target
  /** What the experiments return. */
  readonly kind: SimulatorKind
  /** The pool its jobs run on. */
  readonly pool: JobWorkerPool
  readonly #registry = new JobRegistry()
  readonly #timers: TimeoutProvider | undefined

  /** @param init - name, description, kind, width, methods, provider, pool */
  constructor(init: LocalSimulatorInit) {
    super({
      name: init.name,
      description: init.description,
      backendVersion: LOCAL_SIMULATOR_VERSION,
      provider: init.provider,
      options: createSimulatorOptions({ methods: init.methods }),
    })
    this.kind = init.kind
    this.target = createSimulatorTarget(init.numQubits, init.description)
    this.pool = init.pool ?? getDefaultJobWorkerPool()
    this.#timers = init.timers
  }

  /** Always operational; `pendingJobs` counts this backend's unfinished jobs. */
  status(): Promise<BackendStatus> {
    return Promise.resolve(
      new BackendStatus({
        backendName: this.name,
        backendVersion: this.backendVersion ?? '',
        operational: true,
        pendingJobs: this.#registry.active().length,
        statusMsg: 'active',
      }),
    )
  }

  /**
   * A job this backend ran in this process (the last 1000 are kept).
   *
   * @param id - the job's id
   * @returns the job
   * @throws JobError `job.error` when there is no such job
   */
  retrieveJob(id: string): Promise<Job> {
    // A throw in the executor becomes the rejection.
    return new Promise((resolve) => {
      resolve(this.#registry.get(id))
    })
  }

  /**
   * This backend's unfinished jobs, newest first.
   *
   * @param options - a limit
   * @returns the jobs
   */
  activeJobs(options: { readonly limit?: number } = {}): Promise<readonly Job[]> {
    return Promise.resolve(this.#registry.active(options.limit))
  }

  /**
   * This backend's jobs in this process, newest first unless `descending: false`.
   *
   * @param filter - statuses, name, tags, creation window, limit
   * @returns the jobs
   */
  // eslint-disable-next-line @typescript-eslint/require-await
  async *jobs(filter: JobFilter = {}): AsyncIterable<Job> {
    yield* this.#registry.list(filter)
  }

  protected submit(run: PreparedRun<SimulatorRunOptions>): SimulatorJob {
    const o = run.options.values
    return submitSimulation({
      backend: this,
      run,
      pool: this.pool,
      registry: this.#registry,
      timers: this.#timers,
      settings: {
        kind: this.kind,
        method: o.method,
        shots: o.shots,
        seed: o.seed,
        memory: o.memory,
        fusionEnable: o.fusionEnable,
        fusionMaxQubits: o.fusionMaxQubits,
        maxParallelThreads: o.maxParallelThreads,
        maxMemoryMb: o.maxMemoryMb,
        noiseModel: o.noiseModel,
      },
    })
  }
}
