import type { BackendStatus } from '../target/backend-status.js'
import type { Backend } from './backend.js'
import { supportsStatus, type BackendWithStatus } from './backend-capabilities.js'
import type { AbortableOptions } from './job.js'
import { BackendNotFoundError } from './provider-errors.js'

/** The choice of {@link leastBusy}, with the evidence. */
export interface LeastBusyResult {
  /** The operational, active backend with the fewest pending jobs. */
  readonly backend: BackendWithStatus
  /** The status snapshot the choice was made on. */
  readonly status: BackendStatus
  /** Every snapshot taken, by backend name. */
  readonly statuses: ReadonlyMap<string, BackendStatus>
}

/**
 * Picks the least busy backend (Qiskit's `least_busy`), deterministically: one status snapshot
 * per backend (Qiskit re-queries for the comparison), skipping backends that are not
 * operational, paused (`statusMsg !== 'active'`, Qiskit/qiskit-ibmq-provider#886) or without a
 * `status()` capability; the fewest `pendingJobs` wins, ties going to the earlier backend.
 *
 * @param backends - the candidates
 * @param options - a signal for the status queries
 * @returns the backend with the snapshot used
 * @throws BackendNotFoundError for an empty list, or when no backend qualifies
 * @example
 * ```ts
 * const { backend, status } = await leastBusy(await provider.backends({ minNumQubits: 5 }))
 * ```
 */
export async function leastBusy(
  backends: readonly Backend[],
  options: AbortableOptions = {},
): Promise<LeastBusyResult> {
  if (backends.length === 0) {
    throw new BackendNotFoundError('Can only find the least busy backend from a non-empty list.')
  }
  const withStatus = backends.filter(supportsStatus)
  const snapshots = await Promise.all(withStatus.map((b) => b.status({ signal: options.signal })))
  const statuses = new Map<string, BackendStatus>()
  let best: { backend: BackendWithStatus; status: BackendStatus } | undefined
  withStatus.forEach((backend, i) => {
    const status = snapshots[i]!
    statuses.set(backend.name, status)
    if (!status.operational || status.statusMsg !== 'active') return
    if (best === undefined || status.pendingJobs < best.status.pendingJobs)
      best = { backend, status }
  })
  if (best === undefined) throw new BackendNotFoundError('No backend matches the criteria.')
  return Object.freeze({ ...best, statuses })
}
