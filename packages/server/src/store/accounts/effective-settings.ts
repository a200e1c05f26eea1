import { instanceAncestors } from '@qfabric/protocol'
import type { Kysely } from 'kysely'
import type { EffectiveInstanceSettings } from '../account-types.js'
import type { Database, InstancesTable } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'

/** Days a result is kept when no level of the tree says otherwise (§8.9). */
export const DEFAULT_RESULT_TTL_DAYS = 30

type InheritedSetting = keyof Pick<
  InstancesTable,
  | 'max_running_jobs'
  | 'max_pending_jobs'
  | 'submit_rate_per_minute'
  | 'max_execution_seconds'
  | 'result_ttl_days'
  | 'record_ttl_days'
>

/**
 * Resolves an instance's settings: the nearest level that sets a value wins (project over group
 * over hub), then the defaults.
 *
 * @param db - the database or a transaction
 * @param instance - an instance path or prefix
 * @returns the effective settings
 * @throws {@link JobStoreError} `store.not-found` when the instance does not exist
 */
export async function readEffectiveSettings(
  db: Kysely<Database>,
  instance: string,
): Promise<EffectiveInstanceSettings> {
  const paths = instanceAncestors(instance)
  const rows = await db.selectFrom('instances').selectAll().where('path', 'in', paths).execute()
  if (!rows.some((r) => r.path === instance)) {
    throw new JobStoreError('store.not-found', `No instance ${instance}.`)
  }
  // Deepest level first, so the first non-null value is the nearest one.
  rows.sort((a, b) => b.path.length - a.path.length)
  const pick = (key: InheritedSetting): number | null => {
    for (const row of rows) {
      const value = row[key]
      if (value !== null) return value
    }
    return null
  }
  return {
    instance,
    max_running_jobs: pick('max_running_jobs'),
    max_pending_jobs: pick('max_pending_jobs'),
    submit_rate_per_minute: pick('submit_rate_per_minute'),
    max_execution_seconds: pick('max_execution_seconds'),
    result_ttl_days: pick('result_ttl_days') ?? DEFAULT_RESULT_TTL_DAYS,
    record_ttl_days: pick('record_ttl_days'),
  }
}
