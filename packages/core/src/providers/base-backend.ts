import { QuantumCircuit } from '../circuit/quantum-circuit.js'
import type { CouplingMap } from '../target/coupling-map.js'
import type { InstructionDurations } from '../target/instruction-durations.js'
import type { QubitProperties } from '../target/qubit-properties.js'
import type { Target } from '../target/target.js'
import type { AbortSignalLike } from './abort-signal.js'
import { RUN_CONTROL_KEYS, type Backend, type RunInput, type RunOptions } from './backend.js'
import type { Job } from './job.js'
import type { Options, RunOptionsSnapshot } from './options.js'
import type { Provider } from './provider.js'

/** What every {@link BaseBackend} is built from. */
export interface BaseBackendInit<TOptions extends object> {
  readonly name: string
  readonly description?: string | null | undefined
  readonly backendVersion?: string | null | undefined
  readonly onlineDate?: Date | null | undefined
  readonly provider?: Provider | undefined
  /** The run options with their defaults and validators. */
  readonly options: Options<TOptions>
}

/** A run's input after {@link BaseBackend.prepareRun}'s checks. */
export interface PreparedRun<TOptions extends object> {
  /** The circuits, as an array. */
  readonly circuits: readonly QuantumCircuit[]
  /** The backend's options merged with the run's overrides, with warnings about unknown keys. */
  readonly options: RunOptionsSnapshot<TOptions>
  readonly signal: AbortSignalLike | undefined
  readonly jobName: string | undefined
  readonly jobTags: readonly string[]
}

/**
 * The base of a backend (Qiskit's `BackendV2`): implement `target` and `submit`, pass the
 * options; `numQubits`, `couplingMap`, `operationNames`, `dt`, `instructionDurations` and
 * `qubitProperties` derive from the target, and `run()` does the submission checks every backend
 * needs (`prepareRun`) before calling `submit`.
 *
 * @example
 * ```ts
 * class MyBackend extends BaseBackend<{ shots: number }> {
 *   readonly target = buildMyTarget()
 *   constructor() { super({ name: 'my_device', options: new Options({ shots: 1024 }) }) }
 *   protected submit(run: PreparedRun<{ shots: number }>): Job {
 *     return new LocalJob({ id: createJobId(), backend: this, options: run.options.values, task: … })
 *   }
 * }
 * ```
 */
export abstract class BaseBackend<
  TOptions extends object = Record<string, unknown>,
> implements Backend {
  readonly name: string
  readonly description: string | null
  readonly backendVersion: string | null
  readonly onlineDate: Date | null
  readonly provider: Provider | undefined
  readonly options: Options<TOptions>
  #couplingMapOf: Target | undefined
  #couplingMap: CouplingMap | null = null

  /** @param init - name, metadata, provider and options */
  constructor(init: BaseBackendInit<TOptions>) {
    this.name = init.name
    this.description = init.description ?? null
    this.backendVersion = init.backendVersion ?? null
    this.onlineDate = init.onlineDate ?? null
    this.provider = init.provider
    this.options = init.options
  }

  /** {@inheritDoc Backend.target} */
  abstract get target(): Target

  /**
   * Starts the work of a checked run and returns its job: the one method a backend must write
   * besides `target`. Throwing here rejects `run()`.
   *
   * @param run - the circuits and the merged, validated options
   * @returns the accepted job
   */
  protected abstract submit(run: PreparedRun<TOptions>): Job | Promise<Job>

  /**
   * {@inheritDoc Backend.run}
   *
   * Runs {@link BaseBackend.prepareRun}'s checks, then {@link BaseBackend.submit}; any error
   * rejects the returned promise.
   */
  async run(circuits: RunInput, options?: RunOptions): Promise<Job> {
    return this.submit(this.prepareRun(circuits, options))
  }

  /** {@inheritDoc Backend.maxCircuits} (default: no limit) */
  // A getter, not a field, so that subclasses can override it with a getter of their own.
  // eslint-disable-next-line @typescript-eslint/class-literal-property-style
  get maxCircuits(): number | null {
    return null
  }

  /** {@inheritDoc Backend.numQubits} */
  get numQubits(): number | null {
    return this.target.numQubits
  }

  /** {@inheritDoc Backend.couplingMap} (built once per target object) */
  get couplingMap(): CouplingMap | null {
    const target = this.target
    if (this.#couplingMapOf !== target) {
      this.#couplingMap = target.buildCouplingMap()
      this.#couplingMapOf = target
    }
    return this.#couplingMap
  }

  /** {@inheritDoc Backend.operationNames} */
  get operationNames(): readonly string[] {
    return this.target.operationNames
  }

  /** {@inheritDoc Backend.dt} */
  get dt(): number | null {
    return this.target.dt
  }

  /** {@inheritDoc Backend.instructionDurations} */
  get instructionDurations(): InstructionDurations {
    return this.target.durations()
  }

  /**
   * {@inheritDoc Backend.qubitProperties}
   *
   * @throws RangeError for a qubit index outside the backend
   */
  qubitProperties(qubit: number): QubitProperties | null {
    const n = this.numQubits
    if (!Number.isInteger(qubit) || qubit < 0 || (n !== null && qubit >= n)) {
      throw new RangeError(`qubit ${qubit} is not on backend ${this.name}`)
    }
    return this.target.qubitProperties?.[qubit] ?? null
  }

  /**
   * The checks every submission needs: at least one circuit, at most `maxCircuits`, none wider
   * than the backend, the signal not aborted; then the options merged and validated (never
   * stored: per-run overrides leave `this.options` unchanged).
   *
   * @param circuits - one circuit or a batch
   * @param options - per-run overrides and job-level fields
   * @returns the circuits as an array and the run's option snapshot
   * @throws RangeError for an empty batch, too many circuits, or a circuit too wide
   * @throws TypeError when an element is not a `QuantumCircuit`
   * @throws OptionValidationError for an invalid option, or an unknown one under `reject`
   */
  protected prepareRun(circuits: RunInput, options: RunOptions = {}): PreparedRun<TOptions> {
    options.signal?.throwIfAborted()
    const list: readonly QuantumCircuit[] =
      circuits instanceof QuantumCircuit ? [circuits] : circuits
    if (list.length === 0) throw new RangeError(`backend ${this.name} needs at least one circuit`)
    const max = this.maxCircuits
    if (max !== null && list.length > max) {
      throw new RangeError(
        `backend ${this.name} runs at most ${max} circuits per job, got ${list.length}`,
      )
    }
    const n = this.numQubits
    list.forEach((circuit, i) => {
      if (!(circuit instanceof QuantumCircuit))
        throw new TypeError(`run input ${i} is not a QuantumCircuit`)
      if (n !== null && circuit.numQubits > n) {
        throw new RangeError(
          `circuit '${circuit.name}' has ${circuit.numQubits} qubits; backend ${this.name} has ${n}`,
        )
      }
    })
    const overrides = Object.fromEntries(
      Object.entries(options).filter(([k]) => !RUN_CONTROL_KEYS.has(k)),
    )
    return {
      circuits: Object.freeze([...list]),
      options: this.options.withOverrides(overrides),
      signal: options.signal,
      jobName: options.jobName,
      jobTags: Object.freeze([...(options.jobTags ?? [])]),
    }
  }

  /** The backend's name (Qiskit's `str(backend)`). */
  toString(): string {
    return this.name
  }
}
