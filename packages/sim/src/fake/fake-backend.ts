/**
 * A fake device: a real device's configuration and calibration, its `Target`, and a noisy local
 * simulation of it (Qiskit's `FakeBackendV2`).
 */
import {
  BaseBackend,
  inRange,
  ofType,
  oneOf,
  Options,
  type BackendWithConfiguration,
  type BackendWithJobRetrieval,
  type BackendWithProperties,
  type BackendWithStatus,
  type Job,
  type PreparedRun,
} from '@qfabric/core/providers'
import {
  BackendConfiguration,
  BackendProperties,
  BackendStatus,
  convertToTarget,
  type Target,
} from '@qfabric/core/target'
import {
  SIMULATION_METHODS,
  type SimulationMethod,
} from '../backends/execution/execution-request.js'
import { activeQubits } from '../backends/active-qubits.js'
import { deviceNoiseForQubits } from '../backends/device-noise-for-qubits.js'
import type { LocalBackendOptions } from '../backends/local-simulator-backend.js'
import { noiseModelValidator } from '../backends/simulator-options.js'
import { submitSimulation } from '../backends/submit-simulation.js'
import { JobRegistry } from '../jobs/job-registry.js'
import { getDefaultJobWorkerPool, type JobWorkerPool } from '../jobs/job-worker-pool.js'
import type { SimulatorJob } from '../jobs/simulator-job.js'
import { NoiseModel } from '../noise/noise-model.js'
import { assertCircuitInTarget } from './assert-circuit-in-target.js'

/** How many restricted noise models a fake device keeps. */
const NOISE_CACHE_SIZE = 32

/** The run options of a fake device. */
export interface FakeBackendRunOptions {
  /** Shots per circuit: 1 … the device's `max_shots`, default 1024. */
  shots: number
  /** Makes runs reproducible (circuit `i` uses `seed + i`). */
  seed: number | undefined
  /** Keep every shot's outcome. */
  memory: boolean
  /** The simulation method (default `automatic`). */
  method: SimulationMethod
  /**
   * The noise: `undefined` (default) for the device's own model from its calibration, a
   * `NoiseModel` to replace it, `null` for an ideal run.
   */
  noiseModel: NoiseModel | null | undefined
}

/** A device snapshot: configuration and, when known, calibration. */
export interface FakeSnapshotSource {
  readonly configuration: BackendConfiguration
  /** The calibration, or a function reading it on first use. */
  readonly properties: BackendProperties | null | (() => BackendProperties | null)
}

/** What a {@link FakeBackend} is built from. */
export interface FakeBackendInit extends LocalBackendOptions {
  /** The backend's name (Qiskit's are `fake_<device>`). */
  readonly name: string
  readonly snapshot: FakeSnapshotSource
}

/**
 * A fake device. Its target comes from the snapshot (`convertToTarget`), and `run()` simulates
 * circuits with the device's noise — gate errors combined with thermal relaxation over gate
 * durations, readout errors, relaxation during delays (`NoiseModel.fromBackend`). Circuits must
 * already be in the device's instruction set and connectivity (transpile them first); anything
 * else is refused by `run()`. Only the qubits a circuit uses are simulated.
 *
 * @example
 * ```ts
 * const backend = new FakeManila()
 * backend.numQubits // 5
 * const job = await backend.run(transpiledCircuit, { shots: 4000, seed: 1 })
 * const ideal = await backend.run(transpiledCircuit, { noiseModel: null })
 * ```
 */
export class FakeBackend
  extends BaseBackend<FakeBackendRunOptions>
  implements
    BackendWithStatus,
    BackendWithProperties,
    BackendWithConfiguration,
    BackendWithJobRetrieval
{
  readonly #configuration: BackendConfiguration
  readonly #snapshot: FakeSnapshotSource
  readonly #pool: JobWorkerPool
  readonly #registry = new JobRegistry()
  readonly #init: FakeBackendInit
  /** Device noise restricted to the qubits of recent jobs, by sorted qubit list. */
  readonly #noiseByQubits = new Map<string, NoiseModel>()
  #properties: BackendProperties | null | undefined
  #target: Target | undefined
  #noiseModel: NoiseModel | undefined

  /** @param init - name, snapshot, provider, pool */
  constructor(init: FakeBackendInit) {
    const configuration = init.snapshot.configuration
    super({
      name: init.name,
      description: configuration.description,
      backendVersion: configuration.backendVersion,
      onlineDate: configuration.onlineDate,
      provider: init.provider,
      options: new Options<FakeBackendRunOptions>(
        { shots: 1024, seed: undefined, memory: false, method: 'automatic', noiseModel: undefined },
        {
          validators: {
            shots: inRange(1, configuration.maxShots, { isInteger: true }),
            seed: ofType('integer', { isOptional: true }),
            memory: ofType('boolean'),
            method: oneOf(SIMULATION_METHODS),
            noiseModel: noiseModelValidator(true),
          },
          unknownOptions: 'warn',
        },
      ),
    })
    this.#init = init
    this.#configuration = configuration
    this.#snapshot = init.snapshot
    this.#pool = init.pool ?? getDefaultJobWorkerPool()
  }

  /**
   * A fake device from snapshot documents (IBM's `conf_*.json` and `props_*.json` shapes), e.g.
   * for a device whose snapshot is not shipped.
   *
   * @param json - the parsed configuration and, optionally, calibration
   * @param options - a name (default: the configuration's `backend_name`), provider, pool
   * @returns the backend
   * @throws BackendConfigurationError / BackendPropertyError for malformed documents
   */
  static fromJSON(
    json: { readonly configuration: unknown; readonly properties?: unknown },
    options: LocalBackendOptions & { readonly name?: string | undefined } = {},
  ): FakeBackend {
    const configuration = BackendConfiguration.fromJSON(json.configuration)
    const properties =
      json.properties === undefined || json.properties === null
        ? null
        : BackendProperties.fromJSON(json.properties)
    return new FakeBackend({
      ...options,
      name: options.name ?? configuration.backendName,
      snapshot: { configuration, properties },
    })
  }

  /** The device's target, built from its snapshot on first use (frozen). */
  get target(): Target {
    this.#target ??= convertToTarget(this.#configuration, this.#calibration()).freeze()
    return this.#target
  }

  /** The device's noise model, from its calibration (built on first use). */
  get noiseModel(): NoiseModel {
    this.#noiseModel ??= NoiseModel.fromBackend(this.target, { properties: this.#calibration() })
    return this.#noiseModel
  }

  /** {@inheritDoc Backend.maxCircuits} (the configuration's `max_experiments`) */
  override get maxCircuits(): number | null {
    return this.#configuration.maxExperiments ?? null
  }

  /** Always operational and idle (`pendingJobs` counts this backend's unfinished local jobs). */
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

  /** @returns the device's calibration snapshot (`null` when it has none) */
  properties(): Promise<BackendProperties | null> {
    return Promise.resolve(this.#calibration())
  }

  /** @returns the device's configuration */
  configuration(): Promise<BackendConfiguration> {
    return Promise.resolve(this.#configuration)
  }

  /**
   * A job this backend ran in this process.
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

  protected submit(run: PreparedRun<FakeBackendRunOptions>): SimulatorJob {
    const target = this.target
    const used = new Set<number>()
    for (const circuit of run.circuits) {
      assertCircuitInTarget(circuit, target, this.name)
      activeQubits(circuit, used)
    }
    const o = run.options.values
    return submitSimulation({
      backend: this,
      run,
      pool: this.#pool,
      registry: this.#registry,
      timers: this.#init.timers,
      settings: {
        kind: 'qasm',
        method: o.method,
        shots: o.shots,
        seed: o.seed,
        memory: o.memory,
        noiseModel: o.noiseModel === undefined ? this.#noiseOn(used) : o.noiseModel,
        dt: target.dt,
      },
    })
  }

  /** The device noise on some qubits only (cheap to build and to send to a worker). */
  #noiseOn(qubits: ReadonlySet<number>): NoiseModel {
    const key = [...qubits].sort((a, b) => a - b).join(',')
    let model = this.#noiseByQubits.get(key)
    if (model === undefined) {
      model = deviceNoiseForQubits(this.target, qubits, this.#calibration())
      if (this.#noiseByQubits.size >= NOISE_CACHE_SIZE) this.#noiseByQubits.clear()
      this.#noiseByQubits.set(key, model)
    }
    return model
  }

  #calibration(): BackendProperties | null {
    if (this.#properties === undefined) {
      const source = this.#snapshot.properties
      this.#properties = typeof source === 'function' ? source() : source
    }
    return this.#properties
  }
}
