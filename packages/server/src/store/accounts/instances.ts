import {
  INSTANCE_LEVELS,
  instanceAncestors,
  instanceHasPrefix,
  isInstancePrefix,
  type InstanceLevel,
} from '@qfabric/protocol'
import type { Kysely, Selectable } from 'kysely'
import type { InstanceSettingsValues, StoredInstance } from '../account-types.js'
import type { Database, InstancesTable } from '../database-schema.js'
import { toIso, type StoreContext } from '../store-context.js'

const SETTINGS = [
  'description',
  'max_running_jobs',
  'max_pending_jobs',
  'submit_rate_per_minute',
  'max_execution_seconds',
  'result_ttl_days',
  'record_ttl_days',
] as const satisfies readonly (keyof InstanceSettingsValues)[]

function rowToInstance(row: Selectable<InstancesTable>): StoredInstance {
  return {
    path: row.path,
    level: row.level as InstanceLevel,
    parent: row.parent,
    description: row.description,
    max_running_jobs: row.max_running_jobs,
    max_pending_jobs: row.max_pending_jobs,
    submit_rate_per_minute: row.submit_rate_per_minute,
    max_execution_seconds: row.max_execution_seconds,
    result_ttl_days: row.result_ttl_days,
    record_ttl_days: row.record_ttl_days,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

/**
 * Creates the nodes of an instance path that do not exist yet (`a`, `a/b`, `a/b/c`).
 *
 * @param db - the database or a transaction
 * @param path - an instance prefix
 * @param now - the creation time
 * @throws RangeError for a malformed path
 */
export async function ensureInstanceNodes(
  db: Kysely<Database>,
  path: string,
  now: number,
): Promise<void> {
  const text: string = path
  if (!isInstancePrefix(path)) throw new RangeError(`not an instance path: ${text}`)
  const nodes = instanceAncestors(path)
  for (let i = 0; i < nodes.length; i++) {
    await db
      .insertInto('instances')
      .values({
        path: nodes[i]!,
        level: INSTANCE_LEVELS[i]!,
        parent: i === 0 ? null : nodes[i - 1]!,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('path').doNothing())
      .execute()
  }
}

/**
 * Creates or updates a node of the instance tree (and its missing ancestors). Settings left
 * out keep their value; `null` means "inherit from above".
 *
 * @param ctx - the store
 * @param path - `hub`, `hub/group` or `hub/group/project`
 * @param settings - the settings to set
 * @returns the node
 * @throws RangeError for a malformed path
 */
export async function upsertInstance(
  ctx: StoreContext,
  path: string,
  settings: Partial<InstanceSettingsValues> = {},
): Promise<StoredInstance> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now()
    await ensureInstanceNodes(trx, path, now)
    const set: Partial<InstanceSettingsValues> = {}
    for (const key of SETTINGS) {
      if (settings[key] !== undefined) Object.assign(set, { [key]: settings[key] })
    }
    if (Object.keys(set).length > 0) {
      await trx
        .updateTable('instances')
        .set({ ...set, updated_at: now })
        .where('path', '=', path)
        .execute()
    }
    const row = await trx
      .selectFrom('instances')
      .selectAll()
      .where('path', '=', path)
      .executeTakeFirstOrThrow()
    return rowToInstance(row)
  })
}

/**
 * A node of the instance tree.
 *
 * @param db - the database or a transaction
 * @param path - the path
 * @returns the node, or `undefined`
 */
export async function getInstance(
  db: Kysely<Database>,
  path: string,
): Promise<StoredInstance | undefined> {
  const row = await db
    .selectFrom('instances')
    .selectAll()
    .where('path', '=', path)
    .executeTakeFirst()
  return row === undefined ? undefined : rowToInstance(row)
}

/**
 * Every node of the instance tree, sorted by path (the tree is small: the store caches it whole).
 *
 * @param db - the database or a transaction
 * @returns the nodes
 */
export async function readInstanceTree(db: Kysely<Database>): Promise<StoredInstance[]> {
  const rows = await db.selectFrom('instances').selectAll().execute()
  // Sorted here rather than by SQL: the order stays bytewise on every collation.
  return rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(rowToInstance)
}

/**
 * The nodes at and under a prefix, sorted by path.
 *
 * @param nodes - nodes sorted by path (from {@link readInstanceTree})
 * @param prefix - a prefix (default: every node)
 * @returns the nodes under it, in a new array
 */
export function instancesUnder(
  nodes: readonly StoredInstance[],
  prefix?: string,
): StoredInstance[] {
  return nodes.filter((node) => prefix === undefined || instanceHasPrefix(node.path, prefix))
}
