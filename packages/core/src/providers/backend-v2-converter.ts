import type { BackendConfiguration } from '../target/backend-configuration.js'
import type { BackendProperties } from '../target/backend-properties.js'
import type { BackendStatus } from '../target/backend-status.js'
import { convertToTarget, type TargetConversionWarning } from '../target/convert-to-target.js'
import type { CouplingMap } from '../target/coupling-map.js'
import type { InstructionDurations } from '../target/instruction-durations.js'
import type { QubitProperties } from '../target/qubit-properties.js'
import type { Target } from '../target/target.js'
import type { NameMapping } from '../target/target-operation.js'
import type { Backend, RunInput, RunOptions } from './backend.js'
import type {
  BackendWithConfiguration,
  BackendWithProperties,
  BackendWithStatus,
} from './backend-capabilities.js'
import type { BackendV1 } from './backend-v1.js'
import type { Job } from './job.js'
import type { OptionsView } from './options.js'
import type { Provider } from './provider.js'

/** Options of {@link BackendV2Converter} (Qiskit's constructor arguments). */
export interface BackendV2ConverterOptions {
  /** Operations for instruction names that are not standard (`name_mapping`). */
  readonly nameMapping?: NameMapping | undefined
  /** Add `delay` on every qubit (default true). */
  readonly addDelay?: boolean | undefined
  /** Leave out non-operational qubits and gates (default true). */
  readonly filterFaulty?: boolean | undefined
  /** Receives the target conversion's warnings (instructions dropped). */
  readonly onWarning?: ((warning: TargetConversionWarning) => void) | undefined
}

/**
 * Wraps a {@link BackendV1} as a `Backend` (Qiskit's `BackendV2Converter`): the name from
 * `name()`, description and online date from the configuration, **the same options object** as
 * the wrapped backend, a target built lazily with `convertToTarget(configuration, properties)`,
 * `maxCircuits` from `max_experiments`, and `run`, `status()`, `properties()` and
 * `configuration()` delegated.
 *
 * @example
 * ```ts
 * const backend = new BackendV2Converter(legacyBackend)
 * backend.target.operationNames
 * await backend.run(circuit)
 * ```
 */
export class BackendV2Converter
  implements Backend, BackendWithStatus, BackendWithProperties, BackendWithConfiguration
{
  /** The wrapped backend. */
  readonly backendV1: BackendV1
  readonly name: string
  readonly description: string | null
  readonly backendVersion: string | null
  readonly onlineDate: Date | null
  readonly provider: Provider | undefined
  readonly options: OptionsView
  readonly #conversion: BackendV2ConverterOptions
  #target: Target | undefined
  #couplingMap: CouplingMap | null | undefined

  /**
   * @param backend - the V1-shaped backend
   * @param options - name mapping, delay and faulty-filter settings for the target
   */
  constructor(backend: BackendV1, options: BackendV2ConverterOptions = {}) {
    const configuration = backend.configuration()
    this.backendV1 = backend
    this.name = backend.name()
    this.description = configuration.description
    this.backendVersion = configuration.backendVersion
    this.onlineDate = configuration.onlineDate
    this.provider = backend.provider?.()
    this.options = backend.options
    this.#conversion = options
  }

  /** The target, converted from the configuration and properties on first use (frozen). */
  get target(): Target {
    this.#target ??= convertToTarget(this.backendV1.configuration(), this.backendV1.properties(), {
      customNameMapping: this.#conversion.nameMapping,
      addDelay: this.#conversion.addDelay,
      filterFaulty: this.#conversion.filterFaulty,
      onWarning: this.#conversion.onWarning,
    }).freeze()
    return this.#target
  }

  /** `max_experiments` of the configuration, or `null`. */
  get maxCircuits(): number | null {
    return this.backendV1.configuration().maxExperiments ?? null
  }

  /** {@inheritDoc Backend.numQubits} */
  get numQubits(): number | null {
    return this.target.numQubits
  }

  /** {@inheritDoc Backend.couplingMap} */
  get couplingMap(): CouplingMap | null {
    this.#couplingMap ??= this.target.buildCouplingMap()
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

  /** The measurement sample time in seconds, from the configuration. */
  get dtm(): number | null {
    return this.backendV1.configuration().dtm
  }

  /** Groups of qubits measured together, from the configuration. */
  get measMap(): readonly (readonly number[])[] | null {
    return this.backendV1.configuration().measMap
  }

  /** {@inheritDoc Backend.instructionDurations} */
  get instructionDurations(): InstructionDurations {
    return this.target.durations()
  }

  /**
   * {@inheritDoc Backend.qubitProperties}
   *
   * @throws RangeError for a qubit outside the backend
   */
  qubitProperties(qubit: number): QubitProperties | null {
    const n = this.numQubits
    if (!Number.isInteger(qubit) || qubit < 0 || (n !== null && qubit >= n)) {
      throw new RangeError(`qubit ${qubit} is not on backend ${this.name}`)
    }
    return this.target.qubitProperties?.[qubit] ?? null
  }

  /** Delegates to the wrapped backend's `run`. */
  run(circuits: RunInput, options?: RunOptions): Promise<Job> {
    return this.backendV1.run(circuits, options)
  }

  /** The wrapped backend's `status()`. */
  status(): Promise<BackendStatus> {
    return Promise.resolve(this.backendV1.status())
  }

  /** The wrapped backend's `properties()`. */
  properties(): Promise<BackendProperties | null> {
    return Promise.resolve(this.backendV1.properties())
  }

  /** The wrapped backend's `configuration()`. */
  configuration(): Promise<BackendConfiguration> {
    return Promise.resolve(this.backendV1.configuration())
  }

  /** The backend's name. */
  toString(): string {
    return this.name
  }
}
