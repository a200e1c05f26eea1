import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from 'kysely'
import { NodeSqliteDriver, type NodeSqliteDialectConfig } from './node-sqlite-driver.js'

/**
 * Kysely's SQLite adapter, but telling the migrator that DDL is transactional (it is, in
 * SQLite). The migrator then runs each batch of migrations in one transaction — ours are
 * `BEGIN IMMEDIATE` — so a failed migration leaves nothing half-made, and two processes starting
 * on one file at once migrate it once (the second waits for the write lock, then finds the work
 * done). Kysely's adapter assumes a single connection and takes no lock.
 */
export class NodeSqliteAdapter extends SqliteAdapter {
  /** @returns true */
  override get supportsTransactionalDdl(): boolean {
    return true
  }

  /**
   * Our driver hands out sessions that need no turn-taking from Kysely: reads run on their own
   * connection, and writers take the driver's lock (see `NodeSqliteDriver`).
   *
   * @returns true
   */
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

/**
 * A Kysely dialect for Node's built-in `node:sqlite` (Kysely ships one only for
 * better-sqlite3, a native addon we avoid). SQL, adapter and introspection are Kysely's SQLite
 * ones; only the driver is ours.
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({ dialect: new NodeSqliteDialect({ filename: 'jobs.db' }) })
 * ```
 */
export class NodeSqliteDialect implements Dialect {
  readonly #config: NodeSqliteDialectConfig
  #driver: NodeSqliteDriver | undefined

  /** @param config - the database file and busy timeout */
  constructor(config: NodeSqliteDialectConfig) {
    this.#config = config
  }

  /** @returns the `node:sqlite` driver */
  createDriver(): Driver {
    this.#driver = new NodeSqliteDriver(this.#config)
    return this.#driver
  }

  /**
   * The driver's `PRAGMA data_version` (see {@link NodeSqliteDriver.dataVersion}), so that the
   * store can notice other processes' commits; Kysely creates the driver, the store holds only
   * the dialect.
   *
   * @returns the version, or `undefined` while the driver is not open or the file is `:memory:`
   */
  dataVersion(): number | undefined {
    return this.#driver?.dataVersion()
  }

  /** @returns Kysely's SQLite compiler */
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }

  /** @returns Kysely's SQLite adapter, with transactional DDL */
  createAdapter(): DialectAdapter {
    return new NodeSqliteAdapter()
  }

  /**
   * @param db - a Kysely instance without plugins
   * @returns Kysely's SQLite introspector
   */
  // Kysely's Dialect interface types this parameter as Kysely<any>.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}
