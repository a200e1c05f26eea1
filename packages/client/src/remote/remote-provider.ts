import {
  exactlyOne,
  filterBackends,
  leastBusy,
  type AbortableOptions,
  type BackendFilter,
  type Provider,
} from '@qfabric/core/providers'
import {
  PATHS,
  type BackendList,
  type Backend as BackendInfo,
  type JobRecord,
  type JobSummary,
} from '@qfabric/protocol'
import type { ServiceTransport } from '../http/service-transport.js'
import type { QfabricService } from '../service/qfabric-service.js'
import type { FollowOptions } from './job-follower.js'
import { JobListing } from './job-listing.js'
import { RemoteBackend, type RemoteBackendContext } from './remote-backend.js'
import type { RemoteJobFilter } from './remote-job-filter.js'
import { RemoteJob } from './remote-job.js'

/** What a {@link RemoteProvider} is made from. */
export interface RemoteProviderInit {
  readonly transport: ServiceTransport
  /** The instance, `hub/group/project`. */
  readonly instance: string
  /** The service the provider belongs to. */
  readonly service: QfabricService
  /** How jobs are followed while waiting. */
  readonly follow?: FollowOptions | undefined
}

/**
 * The backends and jobs of one instance (`hub/group/project`) of a qfabric job service: a core
 * `Provider` (Qiskit's `AccountProvider` per hub/group/project). Backends are the ones the
 * service offers to the instance; jobs are submitted to it. Filters follow core's
 * `filterBackends` (Qiskit's `filter_backends`).
 *
 * @example
 * ```ts
 * const provider = await service.getProvider('acme/research/vqe')
 * const backend = await provider.leastBusy({ minNumQubits: 5, predicate: (b) => b.kind === 'qpu' })
 * for await (const job of provider.jobs({ status: 'RUNNING' })) console.log(job.id)
 * ```
 */
export class RemoteProvider implements Provider {
  /** The instance, `hub/group/project`. */
  readonly instance: string
  /** The service this provider belongs to. */
  readonly service: QfabricService
  readonly #http: ServiceTransport
  readonly #context: RemoteBackendContext

  /** @param init - transport, instance, service, follow options */
  constructor(init: RemoteProviderInit) {
    this.instance = init.instance
    this.service = init.service
    this.#http = init.transport
    this.#context = {
      transport: init.transport,
      instance: init.instance,
      follow: init.follow,
      jobs: (filter) => this.jobs(filter),
      retrieveJob: (id, options) => this.retrieveJob(id, options),
    }
  }

  /** The provider's name for display: `qfabric:<instance>`. */
  get name(): string {
    return `qfabric:${this.instance}`
  }

  /**
   * The instance's backends that match `filter` (all without one), in the service's order.
   *
   * @param filter - name, qubits, configuration or status fields, predicate
   * @returns the backends
   */
  async backends(filter: BackendFilter = {}): Promise<RemoteBackend[]> {
    const infos = (await this.#list(filter)).filter(
      (info) => filter.name === undefined || info.name === filter.name,
    )
    const backends = await Promise.all(
      infos.map((info) =>
        RemoteBackend.load(this.#context, info, { provider: this, signal: filter.signal }),
      ),
    )
    const kept = new Set(await filterBackends(backends, filter))
    return backends.filter((b) => kept.has(b))
  }

  /**
   * The one backend with this name (and matching `filter`).
   *
   * @param name - the backend's name
   * @param filter - more criteria
   * @returns the backend
   * @throws BackendNotFoundError when none (or more than one) matches
   */
  async getBackend(name: string, filter: Omit<BackendFilter, 'name'> = {}): Promise<RemoteBackend> {
    const matches = await this.backends({ ...filter, name })
    exactlyOne(matches, name)
    return matches[0]!
  }

  /**
   * The least busy operational backend among those matching `filter` (core `leastBusy`).
   *
   * @param filter - criteria
   * @returns the backend
   * @throws BackendNotFoundError when no backend qualifies
   */
  async leastBusy(filter: BackendFilter = {}): Promise<RemoteBackend> {
    const backends = await this.backends(filter)
    const chosen = await leastBusy(backends, { signal: filter.signal })
    return backends.find((b) => b === chosen.backend)!
  }

  /**
   * The caller's jobs in this instance, newest first, as an async iterable with `page()`.
   *
   * @param filter - statuses, backend, name prefix, tags, dates, order, limit
   * @returns the listing (no request until it is iterated or paged)
   */
  jobs(filter: RemoteJobFilter = {}): JobListing {
    return new JobListing({
      transport: this.#http,
      filter: { ...filter, instance: filter.instance ?? this.instance },
      toJob: (summary: JobSummary) => this.#jobOf(summary),
    })
  }

  /**
   * A job by id (any the token can see; it need not belong to this instance).
   *
   * @param id - the job's id
   * @param options - a signal
   * @returns the job with its current record; its result is fetched only when asked
   * @throws JobError `job.error` when there is no such job (or it is not visible)
   */
  retrieveJob(id: string, options: AbortableOptions = {}): Promise<RemoteJob> {
    return RemoteJob.retrieve(this.#http, id, { ...options, follow: this.#context.follow })
  }

  #jobOf(record: JobSummary | JobRecord): RemoteJob {
    return new RemoteJob({
      transport: this.#http,
      record,
      follow: this.#context.follow,
    })
  }

  async #list(options: AbortableOptions): Promise<readonly BackendInfo[]> {
    const list = await this.#http.get<BackendList>(PATHS.backends, {
      query: { instance: this.instance },
      signal: options.signal,
    })
    return list.items
  }
}
