import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration'
import { JobStoreError } from '../job-store-error.js'
import { createAccountTables } from './0001-accounts.js'
import { createJobTables } from './0002-jobs.js'
import { leanJobIndexes } from './0003-lean-job-indexes.js'

/**
 * The store's migrations, in order, written once for both dialects. Names sort by their number;
 * a released migration is never edited, only followed by a new one.
 */
export const STORE_MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-accounts': { up: createAccountTables },
  '0002-jobs': { up: createJobTables },
  '0003-lean-job-indexes': { up: leanJobIndexes },
})

/** Options of {@link migrateStore}. */
export interface MigrateStoreOptions {
  /** The PostgreSQL schema holding the tables (default: the connection's search path). */
  readonly schema?: string | undefined
}

/**
 * Brings a database up to the latest schema with Kysely's `Migrator` (in a transaction, under
 * the dialect's migration lock, so concurrent starts are safe).
 *
 * @param db - the database
 * @param options - the schema of the migration bookkeeping tables
 * @returns the migrations that ran now
 * @throws {@link JobStoreError} `store.migration-failed` with the driver's error as `cause`
 * @example
 * ```ts
 * await migrateStore(db)
 * ```
 */
export async function migrateStore<TDatabase>(
  db: Kysely<TDatabase>,
  options: MigrateStoreOptions = {},
): Promise<readonly MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...STORE_MIGRATIONS }) },
    migrationTableName: 'qfabric_migrations',
    migrationLockTableName: 'qfabric_migrations_lock',
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'bookkeeping'
    throw new JobStoreError('store.migration-failed', `Migration ${failed} failed.`, {
      cause: error,
    })
  }
  return results
}
