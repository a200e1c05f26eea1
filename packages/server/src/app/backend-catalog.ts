import type { Backend } from '@qfabric/core/providers'
import type {
  AvailabilityWindow,
  BackendKind,
  BackendLimits,
  BackendServiceStatus,
} from '@qfabric/protocol'
import { instanceHasPrefix, DEFAULT_JOB_PROGRAM } from '@qfabric/protocol'
import type {
  BackendEntryConfig,
  BackendLimitsConfig,
  BackendsConfig,
} from '../config/backends-config.js'
import { notFound } from '../http/service-error.js'
import type { BackendRegistry } from './backend-registry.js'

/** Built-in per-backend limits, where neither the entry nor the defaults say otherwise. */
export const BUILTIN_BACKEND_LIMITS: Readonly<Required<BackendLimitsConfig>> = Object.freeze({
  max_shots: 1_000_000,
  max_circuits: 300,
  max_executions: 10_000_000,
  max_qubits: null,
  max_request_bytes: 32 * 1024 * 1024,
  max_result_bytes: 64 * 1024 * 1024,
  max_execution_seconds: 3 * 3600,
})

/** A backend the server offers: its configuration and, once resolved, the backend itself. */
export interface CatalogEntry {
  /** The name clients use. */
  readonly name: string
  /** `<source>:<name>` in the backend registry. */
  readonly source: string
  readonly kind: BackendKind
  readonly description: string | null
  /** Instance prefixes that see it; `null` = every instance. */
  readonly instances: readonly string[] | null
  readonly programs: readonly string[]
  readonly availabilityWindows: readonly AvailabilityWindow[]
  /** Current status and message (admins may change them at run time). */
  status: BackendServiceStatus
  statusMessage: string | null
  /** Limits as configured (`max_qubits: null` = the backend's width, filled in on resolve). */
  readonly configuredLimits: Readonly<Required<BackendLimitsConfig>>
}

/** A catalog entry with its backend loaded and its effective limits. */
export interface ResolvedBackend {
  readonly entry: CatalogEntry
  readonly backend: Backend
  readonly limits: BackendLimits
}

function entryOf(config: BackendEntryConfig, defaults: BackendLimitsConfig): CatalogEntry {
  const kind = config.kind ?? (config.source.startsWith('fake:') ? 'qpu' : 'simulator')
  return {
    name: config.name,
    source: config.source,
    kind,
    description: config.description ?? null,
    instances: config.instances ?? null,
    programs: config.programs ?? [DEFAULT_JOB_PROGRAM],
    availabilityWindows: config.availability_windows ?? [],
    status: config.status ?? 'online',
    statusMessage: config.status_message ?? null,
    configuredLimits: Object.freeze({ ...BUILTIN_BACKEND_LIMITS, ...defaults, ...config.limits }),
  }
}

/**
 * The backends of the server: which exist, who sees which (by instance prefix), and their limits.
 * Backends are resolved from the registry on first use and kept. An entry the caller may not see
 * is reported exactly like one that does not exist.
 */
export class BackendCatalog {
  readonly #entries = new Map<string, CatalogEntry>()
  readonly #resolved = new Map<string, Promise<ResolvedBackend>>()
  readonly #registry: BackendRegistry

  /**
   * @param config - the backends configuration
   * @param registry - where backends come from
   */
  constructor(config: BackendsConfig, registry: BackendRegistry) {
    this.#registry = registry
    const defaults = config.defaults?.limits ?? {}
    for (const entry of config.backends) this.#entries.set(entry.name, entryOf(entry, defaults))
  }

  /** Every entry, in configuration order. */
  get entries(): readonly CatalogEntry[] {
    return [...this.#entries.values()]
  }

  /**
   * Whether an instance sees a backend.
   *
   * @param entry - the backend
   * @param instance - `hub/group/project`
   * @returns true when the backend is offered to that instance
   */
  static isOfferedTo(entry: CatalogEntry, instance: string): boolean {
    return entry.instances === null || entry.instances.some((p) => instanceHasPrefix(instance, p))
  }

  /**
   * The entry of a backend, if it exists and one of the instances sees it.
   *
   * @param name - the backend name
   * @param instances - the instances the caller may use (`null` = all, for service admins)
   * @returns the entry
   * @throws ServiceError `not_found` when there is none or none of the instances sees it
   */
  visibleEntry(name: string, instances: readonly string[] | null): CatalogEntry {
    const entry = this.#entries.get(name)
    if (
      entry === undefined ||
      (instances !== null && !instances.some((i) => BackendCatalog.isOfferedTo(entry, i)))
    ) {
      throw notFound('backend', name)
    }
    return entry
  }

  /**
   * The entries some instances see.
   *
   * @param instances - the instances (`null` = all)
   * @returns the visible entries
   */
  visibleEntries(instances: readonly string[] | null): CatalogEntry[] {
    return this.entries.filter(
      (e) => instances === null || instances.some((i) => BackendCatalog.isOfferedTo(e, i)),
    )
  }

  /**
   * Loads a backend (once) and works out its effective limits.
   *
   * @param entry - the catalog entry
   * @returns the backend and its limits
   * @throws the registry's error when the backend cannot be loaded
   */
  resolve(entry: CatalogEntry): Promise<ResolvedBackend> {
    let resolved = this.#resolved.get(entry.name)
    if (resolved === undefined) {
      resolved = this.#load(entry)
      this.#resolved.set(entry.name, resolved)
      // A failed load is retried on the next request instead of being cached forever.
      resolved.catch(() => this.#resolved.delete(entry.name))
    }
    return resolved
  }

  async #load(entry: CatalogEntry): Promise<ResolvedBackend> {
    const backend = await this.#registry.resolve(entry.source)
    const width = backend.numQubits ?? backend.target.numQubits
    const configured = entry.configuredLimits
    const maxQubits =
      configured.max_qubits === null
        ? width
        : width === null
          ? configured.max_qubits
          : Math.min(width, configured.max_qubits)
    const limits: BackendLimits = {
      ...configured,
      max_circuits:
        backend.maxCircuits === null || configured.max_circuits === null
          ? (configured.max_circuits ?? backend.maxCircuits)
          : Math.min(configured.max_circuits, backend.maxCircuits),
      max_qubits: maxQubits,
    }
    return { entry, backend, limits }
  }
}
