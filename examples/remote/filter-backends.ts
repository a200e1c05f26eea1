/**
 * Finds backends by what they are and how they are doing: configuration fields, status
 * fields, qubit count, any predicate, and the least busy one.
 *
 * Run it with `node examples/dist/remote/filter-backends.js` (a saved account or `QFABRIC_*`).
 */
import { RemoteBackend, type QfabricService } from '@qfabric/client'
import { runStandAlone } from './run-stand-alone.js'

/** Backend names per filter, as {@link main} found them. */
export interface FilterBackendsOutcome {
  readonly all: readonly string[]
  /** `configuration: { simulator: true }`. */
  readonly simulators: readonly string[]
  /** `status: { operational: true }`. */
  readonly operational: readonly string[]
  /** `minNumQubits: 5`. */
  readonly atLeastFiveQubits: readonly string[]
  /** A predicate: real-device stand-ins (kind `qpu`) with a `cx` gate. */
  readonly devicesWithCx: readonly string[]
  /** The least busy operational backend with at least 2 qubits. */
  readonly leastBusy: string
}

const names = (backends: readonly RemoteBackend[]): string[] => backends.map((b) => b.name)

/**
 * Lists the backends of the default instance through several filters.
 *
 * @param service - a service with an account
 * @param log - where to print
 * @returns the names each filter kept
 */
export async function main(
  service: QfabricService,
  log: (...values: unknown[]) => void = console.log,
): Promise<FilterBackendsOutcome> {
  const outcome: FilterBackendsOutcome = {
    all: names(await service.backends()),
    // Configuration filters match the backend's configuration document (snake_case keys).
    simulators: names(await service.backends({ configuration: { simulator: true } })),
    // Status filters ask each backend for its status (`operational`, `pending_jobs`, …).
    operational: names(await service.backends({ status: { operational: true } })),
    atLeastFiveQubits: names(await service.backends({ minNumQubits: 5 })),
    // A predicate sees the whole backend: its target, options, kind, …
    devicesWithCx: names(
      await service.backends({
        predicate: (b) =>
          b instanceof RemoteBackend && b.kind === 'qpu' && b.operationNames.includes('cx'),
      }),
    ),
    // The operational backend with the fewest pending jobs, among those passing the filter.
    leastBusy: (await service.leastBusy({ minNumQubits: 2 })).name,
  }
  for (const [filter, found] of Object.entries(outcome))
    log(`${filter.padEnd(18)} ${String(found)}`)
  return outcome
}

await runStandAlone(import.meta.url, main)
