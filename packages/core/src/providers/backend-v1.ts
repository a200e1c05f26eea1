import type { BackendConfiguration } from '../target/backend-configuration.js'
import type { BackendProperties } from '../target/backend-properties.js'
import { BackendStatus } from '../target/backend-status.js'
import type { RunInput, RunOptions } from './backend.js'
import type { Job } from './job.js'
import type { Options, OptionsView } from './options.js'
import type { Provider } from './provider.js'

/**
 * The shape of a Qiskit `BackendV1` (removed in Qiskit 2.0, still the shape of IBMQ/AQT-era
 * code): accessors are **methods** (`name()`, `configuration()`, `properties()`, `status()`).
 * A compatibility shape for providers written that way; wrap one in {@link BackendV2Converter}
 * to use it wherever a `Backend` is expected.
 */
export interface BackendV1 {
  /** Always 1: generic code tells the shapes apart by it, as Qiskit does. */
  readonly version: 1
  /** The run options. */
  readonly options: OptionsView
  /** The backend's name (`configuration().backendName`). */
  name(): string
  /** The static description. */
  configuration(): BackendConfiguration
  /** The calibration, or `null`. */
  properties(): BackendProperties | null
  /** The current availability. */
  status(): BackendStatus
  /** Pulse defaults, where the backend has them. */
  defaults?(): unknown
  /** The provider the backend came from. */
  provider?(): Provider | undefined
  /** Submits circuits; options override the stored ones for this run only. */
  run(circuits: RunInput, options?: RunOptions): Promise<Job>
}

/**
 * Whether a value has the `BackendV1` shape (`version === 1` and a `name()` method).
 *
 * @param value - anything
 * @returns true for a V1-shaped backend
 */
export function isBackendV1(value: unknown): value is BackendV1 {
  const v = value as Partial<Record<string, unknown>> | null
  return (
    typeof v === 'object' &&
    v?.['version'] === 1 &&
    typeof v['name'] === 'function' &&
    typeof v['configuration'] === 'function'
  )
}

/**
 * A base for V1-shaped backends (Qiskit's `BackendV1` class): implement `run`; `name()` comes
 * from the configuration, `properties()` is `null` and `status()` is Qiskit's default
 * (operational, no pending jobs, version `'1'`, empty message) until overridden.
 */
export abstract class BaseBackendV1<
  TOptions extends object = Record<string, unknown>,
> implements BackendV1 {
  readonly version = 1
  readonly options: Options<TOptions>
  readonly #configuration: BackendConfiguration
  readonly #provider: Provider | undefined

  /**
   * @param configuration - the backend's configuration
   * @param init - its run options, and the provider it belongs to
   */
  constructor(
    configuration: BackendConfiguration,
    init: { readonly options: Options<TOptions>; readonly provider?: Provider | undefined },
  ) {
    this.#configuration = configuration
    this.options = init.options
    this.#provider = init.provider
  }

  /** {@inheritDoc BackendV1.run} */
  abstract run(circuits: RunInput, options?: RunOptions): Promise<Job>

  /** {@inheritDoc BackendV1.name} */
  name(): string {
    return this.#configuration.backendName
  }

  /** {@inheritDoc BackendV1.configuration} */
  configuration(): BackendConfiguration {
    return this.#configuration
  }

  /** {@inheritDoc BackendV1.properties} */
  properties(): BackendProperties | null {
    return null
  }

  /** {@inheritDoc BackendV1.status} */
  status(): BackendStatus {
    return new BackendStatus({
      backendName: this.name(),
      backendVersion: '1',
      operational: true,
      pendingJobs: 0,
      statusMsg: '',
    })
  }

  /** {@inheritDoc BackendV1.provider} */
  provider(): Provider | undefined {
    return this.#provider
  }

  /**
   * Qiskit's `set_options`: unknown fields are refused, the rest validated all or nothing.
   *
   * @param fields - the new values
   * @throws OptionValidationError `option.unknown` or the validator's code
   */
  setOptions(fields: Partial<TOptions>): void {
    this.options.update(fields)
  }

  /** The backend's name. */
  toString(): string {
    return this.name()
  }
}
