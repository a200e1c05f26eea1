import { Kysely, type SelectQueryBuilder } from 'kysely'
import { ChangeHub, type ChangePort } from '../change-hub.js'
import { systemClock, type Clock } from '../clock.js'
import type { Database } from '../database-schema.js'
import { KyselyJobStore, type KyselyJobStoreInit } from '../kysely-job-store.js'
import { migrateStore } from '../migrations/migrate-store.js'
import type { ChangeSet, StoreDialect } from '../store-context.js'
import { DEFAULT_CHANGE_POLL_MS, ExternalChangePoller } from './external-change-poller.js'
import { NodeSqliteDialect } from './node-sqlite-dialect.js'
import { createSqliteChangeSource } from './sqlite-change-source.js'

/** Options of {@link SqliteJobStore.open}. */
export interface SqliteJobStoreOptions {
  /** The database file (created if missing), or `:memory:` for a throwaway store. */
  readonly filename: string
  /** Time source (default: the system clock). */
  readonly clock?: Clock | undefined
  /** How long a write waits for another process's lock (default 5000 ms). */
  readonly busyTimeoutMs?: number | undefined
  /** Run the migrations on open (default true). */
  readonly migrate?: boolean | undefined
  /**
   * How often a worker thread checkpoints the WAL, ms (default 100); `0` leaves checkpoints to
   * SQLite's automatic ones on this connection's commits (a second connection of a process
   * whose first one runs the checkpointer needs no thread of its own).
   */
  readonly checkpointIntervalMs?: number | undefined
  /**
   * Another thread's {@link SqliteJobStore.writeLock} on the same file, so that the two
   * connections take turns without either thread sleeping in SQLite's busy handler.
   */
  readonly writeLock?: SharedArrayBuffer | undefined
  /**
   * How long the cached instance tree is used when no change is announced, ms (default 5000);
   * `0` reads the `instances` table on every call.
   */
  readonly instanceCacheTtlMs?: number | undefined
  /**
   * How often to look for commits of other processes on the file while workers wait or job
   * watchers listen, ms (default 10; 200 while no other process has committed for a few
   * seconds): they wake this store's workers and watchers as this store's own commits do (see
   * {@link ExternalChangePoller}). `0` turns it off: other
   * processes' changes are then seen at the workers' and streams' own polls.
   */
  readonly changePollMs?: number | undefined
}

/** The poll for other processes' commits, unless turned off or pointless (`:memory:`). */
function externalChangePoller(
  options: SqliteJobStoreOptions,
  store: {
    readonly hub: ChangeHub
    readonly db: Kysely<Database>
    readonly dialect: NodeSqliteDialect
  },
): ExternalChangePoller | undefined {
  const intervalMs = options.changePollMs ?? DEFAULT_CHANGE_POLL_MS
  if (!(intervalMs >= 0)) throw new RangeError(`changePollMs must be ≥ 0: ${String(intervalMs)}`)
  if (intervalMs === 0 || options.filename === ':memory:' || options.filename === '') {
    return undefined
  }
  const source = createSqliteChangeSource(store.db, store.dialect)
  return new ExternalChangePoller({ hub: store.hub, source, intervalMs })
}

// SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).
const UNIQUE_ERRCODES = new Set([2067, 1555])

function sqliteDialect(hub: ChangeHub): StoreDialect {
  return {
    name: 'sqlite',
    // Every transaction is BEGIN IMMEDIATE: it owns the write lock, nothing to add per row.
    lockRows: <TQuery extends SelectQueryBuilder<Database, 'jobs', object>>(query: TQuery) => query,
    lockInstance: () => Promise.resolve(),
    stage: () => Promise.resolve(),
    // An in-process bus (linked across threads with `linkChanges`); other processes sharing the
    // file find these commits with their `ExternalChangePoller`.
    publish: (changes: ChangeSet) => {
      hub.deliver({ jobs: changes.jobs, hasWork: changes.workFor.size > 0 })
    },
    announceAccounts: () => Promise.resolve(),
    positionFunction: 'instr',
    isUniqueViolation: (error) => {
      const errcode = (error as { errcode?: unknown } | null)?.errcode
      return typeof errcode === 'number' && UNIQUE_ERRCODES.has(errcode)
    },
  }
}

/**
 * The embedded job store: one SQLite file through `node:sqlite` (WAL, `busy_timeout`, foreign
 * keys), for a server process running the API, scheduler and workers together, or a few
 * processes on one machine sharing the file. Claims are one `UPDATE … RETURNING` inside `BEGIN
 * IMMEDIATE`; waiting workers and watchers are woken in-process, and by a poll of the file for
 * other processes' commits.
 *
 * @example
 * ```ts
 * await using store = await SqliteJobStore.open({ filename: join(dataDir, 'qfabric.db') })
 * const { job } = await store.createJob({ instance: 'acme/research/vqe', owner, backend: 'sim', … })
 * ```
 */
export class SqliteJobStore extends KyselyJobStore {
  /** The database file (`:memory:` for a throwaway store). */
  readonly filename: string
  /**
   * The state of this connection's write lock (a `SharedArrayBuffer`): open another thread's
   * store of the same file with it (`writeLock` option) and their transactions take turns
   * without blocking either thread.
   */
  readonly writeLock: SharedArrayBuffer
  readonly #hub: ChangeHub

  private constructor(
    init: KyselyJobStoreInit & {
      readonly filename: string
      readonly hub: ChangeHub
      readonly writeLock: SharedArrayBuffer
    },
  ) {
    super(init)
    this.filename = init.filename
    this.writeLock = init.writeLock
    this.#hub = init.hub
  }

  /**
   * Shares committed changes with another thread's store of the same file, which links the other
   * end of a `MessageChannel`: workers of either wake for jobs submitted on the other, event
   * streams wake for jobs finished there, running jobs hear of cancel requests, principal caches
   * empty on account changes — as if both were one connection.
   *
   * @param port - this side of the channel
   * @returns unlink (the port stays open)
   * @example
   * ```ts
   * const { port1, port2 } = new MessageChannel()
   * store.linkChanges(port1) // and in the worker thread: itsStore.linkChanges(port2)
   * ```
   */
  linkChanges(port: ChangePort): () => void {
    return this.#hub.link(port)
  }

  /**
   * Opens (and by default migrates) a store.
   *
   * @param options - file, clock, busy timeout, checkpoints, shared write lock, change poll
   * @returns the store
   * @throws {@link JobStoreError} `store.migration-failed`
   * @throws RangeError for a negative `changePollMs`
   */
  static async open(options: SqliteJobStoreOptions): Promise<SqliteJobStore> {
    const writeLock = options.writeLock ?? new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
    const dialect = new NodeSqliteDialect({
      filename: options.filename,
      busyTimeoutMs: options.busyTimeoutMs,
      checkpointIntervalMs: options.checkpointIntervalMs,
      writeLock,
    })
    const db = new Kysely<Database>({ dialect })
    const hub = new ChangeHub()
    const poller = externalChangePoller(options, { hub, db, dialect })
    const store = new SqliteJobStore({
      db,
      clock: options.clock ?? systemClock,
      dialect: sqliteDialect(hub),
      hub,
      onClose: () => {
        poller?.stop()
        return Promise.resolve()
      },
      instanceCacheTtlMs: options.instanceCacheTtlMs,
      filename: options.filename,
      writeLock,
    })
    if (options.migrate !== false) {
      try {
        await migrateStore(db)
      } catch (error) {
        await db.destroy()
        throw error
      }
    }
    poller?.start()
    return store
  }
}
