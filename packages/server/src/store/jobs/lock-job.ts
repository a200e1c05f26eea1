import type { Transaction } from 'kysely'
import type { Database } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'
import type { StoreContext, StoreDialect } from '../store-context.js'
import { PreparedQuery } from '../prepared-query.js'
import { selectJobColumns, type JobRowLight } from './job-row.js'

// Every state change starts here: compiled once per dialect.
const LOCK_JOB = new PreparedQuery((db, dialect: StoreDialect, id: string) =>
  dialect.lockRows(selectJobColumns(db.selectFrom('jobs')).where('id', '=', id)),
)

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
  const [row] = await LOCK_JOB.execute(ctx, trx, [id])
  if (row === undefined) throw new JobStoreError('store.not-found', `No job ${id}.`)
  return row
}
