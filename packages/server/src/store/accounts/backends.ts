import type {
  AvailabilityWindow,
  BackendKind,
  BackendLimits,
  BackendServiceStatus,
} from '@qfabric/protocol'
import type { Selectable } from 'kysely'
import type { BackendSnapshot, StoredBackend } from '../account-types.js'
import type { BackendsTable } from '../database-schema.js'
import { toIso, type StoreContext } from '../store-context.js'

function rowToBackend(row: Selectable<BackendsTable>): StoredBackend {
  return {
    name: row.name,
    instance: row.instance,
    kind: row.kind as BackendKind,
    status: row.status as BackendServiceStatus,
    status_message: row.status_message,
    accepting_jobs: row.accepting_jobs === 1,
    num_qubits: row.num_qubits,
    limits: JSON.parse(row.limits_json) as BackendLimits,
    availability_windows: JSON.parse(row.windows_json) as AvailabilityWindow[],
    config: row.config_json === null ? null : (JSON.parse(row.config_json) as unknown),
    version: row.version,
    calibration_id: row.calibration_id,
    updated_at: toIso(row.updated_at),
  }
}

/**
 * Writes a backend's snapshot (configuration, status, limits, windows, version and
 * calibration id), replacing the previous one. Claims copy `version` and `calibration_id` onto
 * the job (calibration traceability, §6).
 *
 * @param ctx - the store
 * @param backend - the snapshot
 * @returns the stored backend
 */
export async function upsertBackend(
  ctx: StoreContext,
  backend: BackendSnapshot,
): Promise<StoredBackend> {
  const values = {
    instance: backend.instance,
    kind: backend.kind,
    status: backend.status,
    status_message: backend.status_message,
    accepting_jobs: backend.accepting_jobs ? 1 : 0,
    num_qubits: backend.num_qubits,
    limits_json: JSON.stringify(backend.limits),
    windows_json: JSON.stringify(backend.availability_windows),
    config_json:
      backend.config === null || backend.config === undefined
        ? null
        : JSON.stringify(backend.config),
    version: backend.version,
    calibration_id: backend.calibration_id,
    updated_at: ctx.clock.now(),
  }
  const row = await ctx.db
    .insertInto('backends')
    .values({ name: backend.name, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow()
  return rowToBackend(row)
}

/**
 * A backend's snapshot.
 *
 * @param ctx - the store
 * @param name - the backend name
 * @returns the snapshot, or `undefined`
 */
export async function getBackend(
  ctx: StoreContext,
  name: string,
): Promise<StoredBackend | undefined> {
  const row = await ctx.db
    .selectFrom('backends')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst()
  return row === undefined ? undefined : rowToBackend(row)
}

/**
 * Every backend snapshot, by name.
 *
 * @param ctx - the store
 * @returns the snapshots
 */
export async function listBackends(ctx: StoreContext): Promise<StoredBackend[]> {
  const rows = await ctx.db.selectFrom('backends').selectAll().orderBy('name').execute()
  return rows.map(rowToBackend)
}
