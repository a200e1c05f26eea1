import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Clock } from './clock.js'
import type { JobStore } from './job-store.js'
import { PostgresJobStore } from './postgres/postgres-job-store.js'
import { SqliteJobStore } from './sqlite/sqlite-job-store.js'

/**
 * Where a store's database is, as plain data: enough for another thread (or process) to open
 * its own connection to the same database.
 */
export type StoreLocation =
  | {
      readonly kind: 'sqlite'
      /** The database file (`:memory:` cannot be shared). */
      readonly filename: string
    }
  | {
      readonly kind: 'postgres'
      /** The connection URL (default: the `PG*` environment variables). */
      readonly connectionString?: string | undefined
      /** The schema of the tables (default `public`). */
      readonly schema?: string | undefined
    }

/** Options of {@link openStoreAt}. */
export interface OpenStoreAtOptions {
  readonly clock?: Clock | undefined
  /** Run the migrations (default true); a second connection of a process opens without. */
  readonly migrate?: boolean | undefined
  /**
   * SQLite: how often a worker thread checkpoints the WAL, ms (default 100; `0` for none — a
   * second connection of a process whose first one checkpoints).
   */
  readonly checkpointIntervalMs?: number | undefined
  /** SQLite: another thread's `SqliteJobStore.writeLock` on the same file. */
  readonly writeLock?: SharedArrayBuffer | undefined
}

/**
 * Opens a store at a location (a SQLite file's directory is created if missing).
 *
 * @param location - SQLite file or PostgreSQL connection and schema
 * @param options - clock, migrations, checkpoints, shared write lock
 * @returns the store (the caller closes it)
 * @throws {@link JobStoreError} `store.migration-failed`
 * @example
 * ```ts
 * await using store = await openStoreAt({ kind: 'sqlite', filename: './data/qfabric.db' })
 * ```
 */
export async function openStoreAt(
  location: StoreLocation,
  options: OpenStoreAtOptions = {},
): Promise<JobStore> {
  const { clock, migrate } = options
  if (location.kind === 'postgres') {
    return PostgresJobStore.open({
      connectionString: location.connectionString,
      schema: location.schema,
      clock,
      migrate,
    })
  }
  const { filename } = location
  if (filename !== ':memory:' && filename !== '') {
    await mkdir(dirname(filename), { recursive: true })
  }
  return SqliteJobStore.open({
    filename,
    clock,
    migrate,
    checkpointIntervalMs: options.checkpointIntervalMs,
    writeLock: options.writeLock,
  })
}
