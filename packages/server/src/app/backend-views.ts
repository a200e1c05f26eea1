import type { Backend as BackendView, BackendStatusResponse } from '@qfabric/protocol'
import type { BackendSnapshot } from '../store/account-types.js'
import type { AppContext } from './app-context.js'
import { nextWindowStart } from './availability-windows.js'
import type { ResolvedBackend } from './backend-catalog.js'
import { backendConfigurationJson, backendPropertiesJson } from './backend-descriptions.js'

/**
 * The configuration document of a resolved backend, under its service name.
 *
 * @param resolved - the backend with its limits
 * @returns the configuration JSON
 */
export function configurationOf(
  resolved: ResolvedBackend,
): ReturnType<typeof backendConfigurationJson> {
  return backendConfigurationJson(resolved.backend, {
    name: resolved.entry.name,
    maxShots: resolved.limits.max_shots ?? 1_000_000,
    maxCircuits: resolved.limits.max_circuits ?? 300,
  })
}

/**
 * A backend as `GET /v1/backends` lists it: status, queue, limits, width and basis.
 *
 * @param context - the app context
 * @param resolved - the backend with its limits
 * @returns the backend view
 */
export async function backendView(
  context: AppContext,
  resolved: ResolvedBackend,
): Promise<BackendView> {
  const { entry, backend, limits } = resolved
  const configuration = await configurationOf(resolved)
  const properties = await backendPropertiesJson(backend, entry.name)
  return {
    name: entry.name,
    kind: entry.kind,
    description: entry.description ?? backend.description,
    status: entry.status,
    status_message: entry.statusMessage,
    accepting_jobs: entry.status === 'online',
    availability_windows: [...entry.availabilityWindows],
    num_qubits: backend.numQubits ?? limits.max_qubits ?? 0,
    basis_gates: [...configuration.basis_gates],
    programs: [...entry.programs],
    limits,
    queue: await context.estimator.backendQueue(entry.name),
    version: backend.backendVersion,
    calibration_id: properties?.last_update_date ?? null,
    online_date: backend.onlineDate?.toISOString() ?? null,
  }
}

/**
 * `GET /v1/backends/{name}/status`: Qiskit's `BackendStatus` plus queue and next window.
 *
 * @param context - the app context
 * @param resolved - the backend with its limits
 * @returns the status document
 */
export async function backendStatusView(
  context: AppContext,
  resolved: ResolvedBackend,
): Promise<BackendStatusResponse> {
  const { entry, backend } = resolved
  const queue = await context.estimator.backendQueue(entry.name)
  const now = context.clock.now()
  const next = nextWindowStart(entry.availabilityWindows, now)
  const online = entry.status === 'online'
  return {
    backend_name: entry.name,
    backend_version: backend.backendVersion ?? '0.0.0',
    operational: online,
    pending_jobs: queue.length,
    status_msg: entry.statusMessage ?? (online ? 'active' : entry.status),
    status: entry.status,
    accepting_jobs: online,
    queue,
    next_window_start: next === null || next === now ? null : new Date(next).toISOString(),
  }
}

/**
 * The store's snapshot of a backend (limits, status, windows, configuration), so schedulers and
 * workers in other processes read the same numbers the API enforces.
 *
 * @param resolved - the backend with its limits
 * @returns the snapshot to upsert
 */
export async function backendSnapshot(resolved: ResolvedBackend): Promise<BackendSnapshot> {
  const { entry, backend, limits } = resolved
  const properties = await backendPropertiesJson(backend, entry.name)
  return {
    name: entry.name,
    instance: entry.instances?.length === 1 ? (entry.instances[0] ?? null) : null,
    kind: entry.kind,
    status: entry.status,
    status_message: entry.statusMessage,
    accepting_jobs: entry.status === 'online',
    num_qubits: backend.numQubits ?? limits.max_qubits ?? 0,
    limits,
    availability_windows: [...entry.availabilityWindows],
    config: await configurationOf(resolved),
    version: backend.backendVersion,
    calibration_id: properties?.last_update_date ?? null,
  }
}
