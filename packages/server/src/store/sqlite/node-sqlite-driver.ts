import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely'
import { JobStoreError } from '../job-store-error.js'
import { shareFileMutex, type AsyncMutex } from './async-mutex.js'
import { WalCheckpointer } from './wal-checkpointer.js'

/** Options of {@link NodeSqliteDriver} (and of the dialect). */
export interface NodeSqliteDialectConfig {
  /** The database file, or `:memory:`. */
  readonly filename: string
  /** How long a write waits for another process's lock before failing (default 5000 ms). */
  readonly busyTimeoutMs?: number | undefined
  /**
   * How often a worker thread checkpoints the WAL of a file database, ms (default 100); `0`
   * leaves checkpoints to SQLite, which runs them on the committing thread (see
   * {@link WalCheckpointer}).
   */
  readonly checkpointIntervalMs?: number | undefined
}

const STATEMENT_CACHE_SIZE = 256
const DEFAULT_CHECKPOINT_INTERVAL_MS = 100
/** SQLite's own default, restored if the checkpointer thread dies. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000

/**
 * A Kysely driver over Node's built-in `node:sqlite` (`DatabaseSync`): one connection, WAL
 * journal checkpointed by a worker thread (not by commits on the event loop), `busy_timeout`,
 * foreign keys on, and every transaction `BEGIN IMMEDIATE` — a transaction that reads and later
 * writes must own the write lock from the start, or a concurrent writer makes it fail with
 * `SQLITE_BUSY` that no timeout retries.
 */
export class NodeSqliteDriver implements Driver {
  readonly #config: NodeSqliteDialectConfig
  #connection: NodeSqliteConnection | undefined
  #mutex: AsyncMutex | undefined
  #unshare: (() => void) | undefined
  #release: (() => void) | undefined
  #checkpointer: WalCheckpointer | undefined

  /** @param config - the file and busy timeout */
  constructor(config: NodeSqliteDialectConfig) {
    this.#config = Object.freeze({ ...config })
  }

  /** Opens the database, sets the connection pragmas and starts the WAL checkpointer. */
  async init(): Promise<void> {
    const { filename } = this.#config
    const db = new DatabaseSync(filename)
    const busy = Math.max(0, Math.trunc(this.#config.busyTimeoutMs ?? 5000))
    db.exec(`PRAGMA busy_timeout = ${busy}`)
    db.exec('PRAGMA foreign_keys = ON')
    // Statement journals and sort/materialisation b-trees in memory: with the default (files),
    // updates inside transactions create and unlink a temporary file each.
    db.exec('PRAGMA temp_store = MEMORY')
    this.#connection = new NodeSqliteConnection(db)
    const shared = shareFileMutex(filename)
    this.#mutex = shared.mutex
    this.#unshare = shared.unshare
    if (filename !== ':memory:' && filename !== '') {
      db.exec('PRAGMA journal_mode = WAL')
      db.exec('PRAGMA synchronous = NORMAL')
      await this.#startCheckpointer(db, filename)
    }
  }

  async #startCheckpointer(db: DatabaseSync, filename: string): Promise<void> {
    const intervalMs = this.#config.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS
    if (!(intervalMs > 0)) return
    const automatic = (): void => {
      if (db.isOpen) db.exec(`PRAGMA wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`)
    }
    try {
      this.#checkpointer = await WalCheckpointer.start(filename, {
        intervalMs,
        onFailure: automatic,
      })
      db.exec('PRAGMA wal_autocheckpoint = 0')
    } catch {
      // No thread (resource limits): SQLite's own checkpoints still keep the WAL bounded.
      automatic()
    }
  }

  /**
   * Hands out the single connection once this process's other connections to the same file are
   * idle (see `shareFileMutex`).
   *
   * @returns the connection
   */
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = this.#connection
    const mutex = this.#mutex
    if (connection === undefined || mutex === undefined) {
      throw new Error('the SQLite driver is not initialised or already destroyed')
    }
    this.#release = await mutex.acquire()
    return connection
  }

  /** @param connection - the connection */
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  /** @param connection - the connection */
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  /** @param connection - the connection */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  /** Lets the next user of the file in. */
  releaseConnection(): Promise<void> {
    const release = this.#release
    this.#release = undefined
    release?.()
    return Promise.resolve()
  }

  /** Stops the checkpointer, then closes the database (the last close checkpoints fully). */
  async destroy(): Promise<void> {
    await this.#checkpointer?.stop()
    this.#checkpointer = undefined
    this.#connection?.close()
    this.#connection = undefined
    this.#unshare?.()
    this.#unshare = undefined
  }
}

/** The one connection of a {@link NodeSqliteDriver}, with a small prepared-statement cache. */
class NodeSqliteConnection implements DatabaseConnection {
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()
  /** Whether each statement has result columns: `columns()` builds its metadata on every call. */
  readonly #returnsRows = new WeakMap<StatementSync, boolean>()

  constructor(db: DatabaseSync) {
    this.#db = db
  }

  executeQuery<TRow>(compiledQuery: CompiledQuery): Promise<QueryResult<TRow>> {
    try {
      return Promise.resolve(this.#execute<TRow>(compiledQuery))
    } catch (error) {
      return Promise.reject(asBusyError(error))
    }
  }

  #execute<TRow>(compiledQuery: CompiledQuery): QueryResult<TRow> {
    const statement = this.#prepare(compiledQuery.sql)
    const parameters = compiledQuery.parameters.map(toSqliteValue)
    // A statement that has result columns returns rows (SELECT, or anything with RETURNING).
    let returnsRows = this.#returnsRows.get(statement)
    if (returnsRows === undefined) {
      returnsRows = statement.columns().length > 0
      this.#returnsRows.set(statement, returnsRows)
    }
    if (returnsRows) {
      return { rows: statement.all(...parameters) as TRow[] }
    }
    const { changes, lastInsertRowid } = statement.run(...parameters)
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] }
  }

  async *streamQuery<TRow>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<TRow>> {
    const statement = this.#prepare(compiledQuery.sql)
    const parameters = compiledQuery.parameters.map(toSqliteValue)
    for (const row of statement.iterate(...parameters)) {
      yield await Promise.resolve({ rows: [row as TRow] })
    }
  }

  close(): void {
    this.#statements.clear()
    this.#db.close()
  }

  #prepare(sql: string): StatementSync {
    const cached = this.#statements.get(sql)
    if (cached !== undefined) {
      // Re-insert to keep the map in least-recently-used order.
      this.#statements.delete(sql)
      this.#statements.set(sql, cached)
      return cached
    }
    const statement = this.#db.prepare(sql)
    this.#statements.set(sql, statement)
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value
      if (oldest !== undefined) this.#statements.delete(oldest)
    }
    return statement
  }
}

// SQLITE_BUSY (5) and its extended codes: another process kept the lock past busy_timeout.
function asBusyError(error: unknown): Error {
  const errcode = (error as { errcode?: unknown } | null)?.errcode
  if (typeof errcode === 'number' && (errcode & 0xff) === 5) {
    return new JobStoreError('store.busy', 'The database is locked by another process.', {
      cause: error,
    })
  }
  // node:sqlite throws Errors; anything else is wrapped only to satisfy the Error contract.
  return error instanceof Error ? error : new Error(String(error))
}

// node:sqlite binds only null, numbers, bigints, strings and byte arrays.
function toSqliteValue(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'string' ||
    ArrayBuffer.isView(value)
  ) {
    return value as SQLInputValue
  }
  if (value instanceof Date) return value.toISOString()
  throw new TypeError(`cannot bind a ${typeof value} to an SQLite parameter`)
}
