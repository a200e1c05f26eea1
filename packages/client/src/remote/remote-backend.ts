import {
  BaseBackend,
  JobError,
  Options,
  inRange,
  ofType,
  type AbortableOptions,
  type BackendJobLimit,
  type BackendWithActiveJobs,
  type BackendWithConfiguration,
  type BackendWithJobLimit,
  type BackendWithJobListing,
  type BackendWithJobRetrieval,
  type BackendWithProperties,
  type BackendWithStatus,
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
  HEADERS,
  PATHS,
  buildPath,
  createIdempotencyKey,
  instanceResourcePath,
  type Backend as BackendInfo,
  type InstanceLimits,
  type JobRecord,
  type JobSubmission,
} from '@qfabric/protocol'
import { isServiceRequestError } from '../errors/client-errors.js'
import type { ServiceTransport } from '../http/service-transport.js'
import type { FollowOptions } from './job-follower.js'
import type { JobListing } from './job-listing.js'
import type { RemoteJobFilter } from './remote-job-filter.js'
import { RemoteJob } from './remote-job.js'
import {
  CLIENT_INFO,
  filingFields,
  optionOverrides,
  passThroughOptions,
  type RemoteRunOptions,
} from './remote-run-options.js'
import { toWireCircuits, type RemoteRunInput } from './run-input.js'

/** The run options every remote backend has (others pass through to the service). */
export interface RemoteBackendOptions {
  /** Shots per circuit (default 1024, at most the backend's `max_shots`). */
  shots: number
  /** Return per-shot outcomes. */
  memory: boolean
  /** A simulator seed (`undefined`: random). */
  seed: number | undefined
}

/** What a remote backend needs from its provider. */
export interface RemoteBackendContext {
  readonly transport: ServiceTransport
  /** The instance jobs are submitted to (`X-Instance`). */
  readonly instance: string
  /** How its jobs are followed. */
  readonly follow?: FollowOptions | undefined
  /** Lists jobs (the provider's listing, restricted to this backend). */
  jobs(filter: RemoteJobFilter): JobListing
  /** Finds a job by id. */
  retrieveJob(id: string, options?: AbortableOptions): Promise<RemoteJob>
}

/** What {@link RemoteBackend} is built from. */
export interface RemoteBackendInit {
  readonly context: RemoteBackendContext
  /** The backend as the service lists it (status, queue, limits). */
  readonly info: BackendInfo
  readonly configuration: BackendConfiguration
  readonly properties: BackendProperties | null
  /** The provider, for `backend.provider`. */
  readonly provider?: RemoteBackendProvider | undefined
}

/** The provider of a remote backend, as the `Backend` interface sees it. */
type RemoteBackendProvider = NonNullable<BaseBackend['provider']>

const DEFAULT_SHOTS = 1024

/**
 * A backend of a qfabric job service, seen from one instance: the core `Backend` (V2) with its
 * `target` built from the service's configuration and calibration (core `convertToTarget`), and
 * every capability — `status()`, `properties()`, `configuration()`, `jobLimit()`,
 * `remainingJobsCount()`, `activeJobs()`, `jobs()`, `retrieveJob()`. `run()` takes circuits
 * (sent as OpenQASM 3) or OpenQASM text, validates the options locally (the shot limit is the
 * service's) and resolves once the service has accepted the job.
 *
 * @example
 * ```ts
 * const backend = await provider.getBackend('fake_manila')
 * const job = await backend.run(transpile(circuit, { backend }), { shots: 4000, tags: ['exp-1'] })
 * ```
 */
export class RemoteBackend
  extends BaseBackend<RemoteBackendOptions>
  implements
    BackendWithStatus,
    BackendWithProperties,
    BackendWithConfiguration,
    BackendWithJobLimit,
    BackendWithActiveJobs,
    BackendWithJobListing,
    BackendWithJobRetrieval
{
  /** The backend as the service listed it when this object was made. */
  readonly info: BackendInfo
  readonly #context: RemoteBackendContext
  readonly #configuration: BackendConfiguration
  #properties: BackendProperties | null
  #target: Target | undefined

  /** @param init - provider context, listing entry, configuration and calibration */
  constructor(init: RemoteBackendInit) {
    const { info, configuration } = init
    const maxShots = info.limits.max_shots ?? configuration.maxShots
    super({
      name: info.name,
      description: info.description,
      backendVersion: info.version,
      onlineDate: info.online_date === null ? null : new Date(info.online_date),
      provider: init.provider,
      options: new Options<RemoteBackendOptions>(
        { shots: Math.min(DEFAULT_SHOTS, maxShots), memory: false, seed: undefined },
        {
          validators: {
            shots: inRange(1, maxShots, { isInteger: true }),
            memory: ofType('boolean'),
            seed: inRange(0, Number.MAX_SAFE_INTEGER, { isInteger: true, isOptional: true }),
          },
          // Options the client does not know go to the service, whose backend validates them.
          unknownOptions: 'pass',
        },
      ),
    })
    this.info = info
    this.#context = init.context
    this.#configuration = configuration
    this.#properties = init.properties
  }

  /**
   * Loads a backend: its configuration and, when it has a calibration, its properties.
   *
   * @param context - the provider context
   * @param info - the listing entry
   * @param options - the provider object and a signal
   * @returns the backend
   */
  static async load(
    context: RemoteBackendContext,
    info: BackendInfo,
    options: AbortableOptions & { readonly provider?: RemoteBackendProvider | undefined } = {},
  ): Promise<RemoteBackend> {
    const http = context.transport
    const [configuration, properties] = await Promise.all([
      http.get(buildPath(PATHS.backendConfiguration, { name: info.name }), options),
      info.calibration_id === null ? null : fetchProperties(http, info.name, options),
    ])
    return new RemoteBackend({
      context,
      info,
      configuration: BackendConfiguration.fromJSON(configuration),
      properties,
      provider: options.provider,
    })
  }

  /** `simulator` or `qpu`. */
  get kind(): BackendInfo['kind'] {
    return this.info.kind
  }

  /** The instance this backend object submits to. */
  get instance(): string {
    return this.#context.instance
  }

  /** {@inheritDoc Backend.target} (from the configuration and calibration; built once) */
  get target(): Target {
    this.#target ??= convertToTarget(this.#configuration, this.#properties)
    return this.#target
  }

  /** {@inheritDoc Backend.maxCircuits} (the service's `max_circuits`) */
  override get maxCircuits(): number | null {
    return this.info.limits.max_circuits ?? this.#configuration.maxExperiments ?? null
  }

  /**
   * Submits circuits or OpenQASM programs; resolves once the service has accepted the job (so
   * invalid input or options reject here). One idempotency key per call, reused across the
   * call's retries, so a retried submission never makes two jobs.
   *
   * @param circuits - circuits (sent as OpenQASM 3), OpenQASM text, or a mix
   * @param options - shots, seed, memory, other backend options, and how to file the job
   * @returns the job
   * @throws RangeError for no circuits, too many, or a circuit wider than the backend
   * @throws OptionValidationError for an invalid option (e.g. shots above the service's limit)
   * @throws ServiceRequestError when the service refuses the job (`validation_failed`,
   *   `qasm_parse_failed`, `rate_limited`, …)
   */
  override async run(circuits: RemoteRunInput, options: RemoteRunOptions = {}): Promise<RemoteJob> {
    options.signal?.throwIfAborted()
    const wire = toWireCircuits(circuits)
    this.#checkSizes(wire.map((c) => c.numQubits))
    const snapshot = this.options.withOverrides(optionOverrides(options))
    const values = snapshot.values
    const passed = passThroughOptions(values, snapshot.unknown)
    const body: JobSubmission = {
      backend: this.name,
      input: { circuits: wire.map((c) => c.input) },
      shots: values.shots,
      memory: values.memory,
      ...(values.seed === undefined ? {} : { seed: values.seed }),
      ...(passed === undefined ? {} : { options: passed }),
      ...filingFields(options),
      client: { ...CLIENT_INFO },
    }
    const record = await this.#context.transport.post<JobRecord>(PATHS.jobs, body, {
      idempotencyKey: options.idempotencyKey ?? createIdempotencyKey(),
      headers: { [HEADERS.instance]: this.#context.instance },
      signal: options.signal,
    })
    return new RemoteJob({
      transport: this.#context.transport,
      record,
      backend: this,
      circuitNames: wire.map((c) => c.input.name),
      isNew: true,
      follow: this.#context.follow,
      options: values,
    })
  }

  /** Submits a checked run of circuits (what `BaseBackend.run` would call). */
  protected submit(run: PreparedRun<RemoteBackendOptions>): Promise<RemoteJob> {
    return this.run(run.circuits, {
      ...run.options.values,
      signal: run.signal,
      name: run.jobName,
      tags: run.jobTags,
    })
  }

  /**
   * The backend's status now (one request): Qiskit's `BackendStatus` (operational, pending jobs,
   * status message).
   *
   * @param options - a signal
   * @returns the status snapshot
   */
  async status(options: AbortableOptions = {}): Promise<BackendStatus> {
    const json = await this.#context.transport.get(
      buildPath(PATHS.backendStatus, { name: this.name }),
      options,
    )
    return BackendStatus.fromJSON(json)
  }

  /**
   * The latest calibration (fetched again with `refresh`).
   *
   * @param options - `refresh` and a signal
   * @returns the properties, or `null` for a backend without calibration (simulators)
   */
  async properties(
    options: AbortableOptions & { readonly refresh?: boolean } = {},
  ): Promise<BackendProperties | null> {
    if (options.refresh === true) {
      this.#properties = await fetchProperties(this.#context.transport, this.name, options)
    }
    return this.#properties
  }

  /** {@inheritDoc BackendWithConfiguration.configuration} */
  configuration(options: AbortableOptions = {}): Promise<BackendConfiguration> {
    options.signal?.throwIfAborted()
    return Promise.resolve(this.#configuration)
  }

  /**
   * How many unfinished jobs the instance may have (`max_pending_jobs`; beyond it submissions
   * answer 429) and how many it has.
   *
   * @param options - a signal
   * @returns the limit (`maximumJobs: null` = unlimited) and the count
   */
  async jobLimit(options: AbortableOptions = {}): Promise<BackendJobLimit> {
    const limits = await this.#limits(options)
    return Object.freeze({
      maximumJobs: limits.max_pending_jobs.limit,
      activeJobs: limits.max_pending_jobs.used,
    })
  }

  /**
   * How many more jobs may be submitted now.
   *
   * @param options - a signal
   * @returns the count, or `null` when unlimited
   */
  async remainingJobsCount(options: AbortableOptions = {}): Promise<number | null> {
    return (await this.#limits(options)).max_pending_jobs.remaining
  }

  /**
   * The caller's unfinished jobs on this backend, newest first.
   *
   * @param options - at most `limit` (default 10) jobs, and a signal
   * @returns the jobs
   */
  async activeJobs(
    options: AbortableOptions & { readonly limit?: number } = {},
  ): Promise<readonly RemoteJob[]> {
    return this.jobs({
      pending: true,
      limit: options.limit ?? 10,
      signal: options.signal,
    }).toArray()
  }

  /**
   * The caller's jobs on this backend (see `RemoteProvider.jobs`).
   *
   * @param filter - statuses, name, tags, dates, order, limit
   * @returns the jobs, page by page
   */
  jobs(filter: RemoteJobFilter = {}): JobListing {
    return this.#context.jobs({ ...filter, backendName: this.name })
  }

  /**
   * A job of this backend by id.
   *
   * @param id - the job's id
   * @param options - a signal
   * @returns the job
   * @throws JobError `job.error` when there is no such job, or it ran on another backend
   */
  async retrieveJob(id: string, options: AbortableOptions = {}): Promise<RemoteJob> {
    const job = await this.#context.retrieveJob(id, options)
    if (job.backendName !== this.name) {
      throw new JobError(
        'job.error',
        `Job ${id} belongs to backend ${job.backendName}, not ${this.name}.`,
      )
    }
    return job
  }

  #checkSizes(widths: readonly (number | undefined)[]): void {
    const max = this.maxCircuits
    if (max !== null && widths.length > max) {
      throw new RangeError(
        `backend ${this.name} runs at most ${max} circuits per job, got ${widths.length}`,
      )
    }
    const n = this.numQubits
    widths.forEach((width, i) => {
      if (n !== null && width !== undefined && width > n) {
        throw new RangeError(`circuit ${i} has ${width} qubits; backend ${this.name} has ${n}`)
      }
    })
  }

  #limits(options: AbortableOptions): Promise<InstanceLimits> {
    const path = instanceResourcePath(PATHS.instanceLimits, this.#context.instance)
    return this.#context.transport.get<InstanceLimits>(path, options)
  }
}

async function fetchProperties(
  http: ServiceTransport,
  name: string,
  options: AbortableOptions,
): Promise<BackendProperties | null> {
  try {
    const json = await http.get(buildPath(PATHS.backendProperties, { name }), options)
    return BackendProperties.fromJSON(json)
  } catch (error) {
    if (isServiceRequestError(error, 'not_found')) return null
    throw error
  }
}
