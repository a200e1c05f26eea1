import type { Transaction } from 'kysely'
import type { Database } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'
import type { StoreContext } from '../store-context.js'
import { selectJobColumns, type JobRowLight } from './job-row.js'

/**
 * Reads a job row and locks it until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's
 * `BEGIN IMMEDIATE` already excludes other writers).
 *
 * @param ctx - the store
 * @param trx - the open transaction
 * @param id - the job id
 * @returns the row
 * @throws {@link JobStoreError} `store.not-found`
 */
export async function lockJob(
  ctx: StoreContext,
  trx: Transaction<Database>,
  id: string,
): Promise<JobRowLight> {
  const query = selectJobColumns(trx.selectFrom('jobs')).where('id', '=', id)
  const row = await ctx.dialect.lockRows(query).executeTakeFirst()
  if (row === undefined) throw new JobStoreError('store.not-found', `No job ${id}.`)
  return row
}
