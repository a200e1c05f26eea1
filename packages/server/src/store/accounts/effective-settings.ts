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

/** The settings of one level of the tree as stored (`null` = inherit), with its path. */
export type InstanceSettingsRow = Pick<InstancesTable, 'path' | InheritedSetting>

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
  const settings = resolveEffectiveSettings(instance, rows)
  if (settings === undefined) throw new JobStoreError('store.not-found', `No instance ${instance}.`)
  return settings
}

/**
 * {@link readEffectiveSettings} over rows already read: the instance's row and its ancestors'
 * (other rows are ignored, missing ancestors inherit nothing).
 *
 * @param instance - an instance path or prefix
 * @param rows - rows of the tree, including at least the instance's and its ancestors'
 * @returns the effective settings, or `undefined` when `rows` lack the instance itself
 */
export function resolveEffectiveSettings(
  instance: string,
  rows: Iterable<InstanceSettingsRow>,
): EffectiveInstanceSettings | undefined {
  const wanted = new Set(instanceAncestors(instance))
  const levels = [...rows].filter((r) => wanted.has(r.path))
  if (!levels.some((r) => r.path === instance)) return undefined
  // Deepest level first, so the first non-null value is the nearest one.
  levels.sort((a, b) => b.path.length - a.path.length)
  const pick = (key: InheritedSetting): number | null => {
    for (const row of levels) {
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
