import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite'
import type { CompiledQuery, QueryResult } from 'kysely'
import { JobStoreError } from '../job-store-error.js'

const STATEMENT_CACHE_SIZE = 256

/**
 * One `node:sqlite` connection with a small prepared-statement cache: runs Kysely's compiled
 * queries synchronously. The driver decides which handle runs what, and when.
 */
export class SqliteHandle {
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()
  /** Whether each statement has result columns: `columns()` builds its metadata on every call. */
  readonly #returnsRows = new WeakMap<StatementSync, boolean>()
  readonly #busyTimeoutMs: number
  #noWait: { readonly off: StatementSync; readonly on: StatementSync } | undefined
  #dataVersion: StatementSync | undefined

  /**
   * @param db - the open connection (the handle closes it)
   * @param busyTimeoutMs - the connection's `busy_timeout`, restored after
   *   {@link SqliteHandle.executeWithoutWaiting}
   */
  constructor(db: DatabaseSync, busyTimeoutMs = 0) {
    this.#db = db
    this.#busyTimeoutMs = busyTimeoutMs
  }

  /**
   * Runs a query with the busy timeout off: where another process holds the write lock it
   * fails at once with `store.busy`, instead of sleeping this thread in SQLite's busy handler
   * (the caller retries asynchronously, see `retryWhileBusy`).
   *
   * @param compiledQuery - SQL and parameters (outside a transaction, or `begin immediate`)
   * @returns as {@link SqliteHandle.execute}
   * @throws {@link JobStoreError} `store.busy` when the lock is taken; SQLite's error otherwise
   */
  executeWithoutWaiting<TRow>(compiledQuery: CompiledQuery): QueryResult<TRow> {
    // Prepared once: two runs cost ~1.5 µs, against ~100 µs for a write transaction.
    this.#noWait ??= {
      off: this.#db.prepare('PRAGMA busy_timeout = 0'),
      on: this.#db.prepare(`PRAGMA busy_timeout = ${String(this.#busyTimeoutMs)}`),
    }
    this.#noWait.off.run()
    try {
      return this.execute<TRow>(compiledQuery)
    } finally {
      this.#noWait.on.run()
    }
  }

  /**
   * `PRAGMA data_version`: a number that changes when *another* connection (thread or process)
   * commits to the file, never on this connection's own commits. One prepared run, ~2 µs.
   *
   * @returns the connection's current data version
   */
  dataVersion(): number {
    if (this.#dataVersion === undefined) {
      this.#dataVersion = this.#db.prepare('PRAGMA data_version')
      this.#dataVersion.setReturnArrays(true)
    }
    const row = this.#dataVersion.get() as unknown as readonly [number]
    return row[0]
  }

  /**
   * Runs a query to the end.
   *
   * @param compiledQuery - SQL and parameters
   * @returns the rows (SELECT, or anything with RETURNING), else the changes
   * @throws {@link JobStoreError} `store.busy` when another process held the lock past the
   *   busy timeout; SQLite's error otherwise
   */
  execute<TRow>(compiledQuery: CompiledQuery): QueryResult<TRow> {
    try {
      const statement = this.#prepare(compiledQuery.sql)
      const parameters = compiledQuery.parameters.map(toSqliteValue)
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
    } catch (error) {
      throw asBusyError(error)
    }
  }

  /**
   * Iterates a query's rows one at a time.
   *
   * @param compiledQuery - SQL and parameters
   * @yields each row, as a one-row result
   */
  *iterate<TRow>(compiledQuery: CompiledQuery): Generator<QueryResult<TRow>> {
    const statement = this.#prepare(compiledQuery.sql)
    const parameters = compiledQuery.parameters.map(toSqliteValue)
    for (const row of statement.iterate(...parameters)) {
      yield { rows: [row as TRow] }
    }
  }

  /** Drops the statements and closes the connection. */
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
