import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { ChangeHub } from '../change-hub.js'
import { systemClock, type Clock } from '../clock.js'
import type { Database } from '../database-schema.js'
import { KyselyJobStore } from '../kysely-job-store.js'
import { migrateStore } from '../migrations/migrate-store.js'
import { createNamedStatementPool } from './named-statement-pool.js'
import { postgresDialect } from './postgres-dialect.js'
import { PostgresListener } from './postgres-listener.js'

/** Options of {@link PostgresJobStore.open}. */
export interface PostgresJobStoreOptions {
  /** `postgres://user@host:port/database`, or the fields of `config`. */
  readonly connectionString?: string | undefined
  /** Further `pg` pool settings (host, user, password, ssl, max, …). */
  readonly config?: pg.PoolConfig | undefined
  /**
   * The schema holding the tables (created if missing; default `public`). Several stores can
   * share a database in separate schemas (tests do).
   */
  readonly schema?: string | undefined
  /** Time source (default: the system clock). */
  readonly clock?: Clock | undefined
  /** Run the migrations on open (default true). */
  readonly migrate?: boolean | undefined
  /**
   * How long the cached instance tree is used when no change is announced, ms (default 5000);
   * `0` reads the `instances` table on every call.
   */
  readonly instanceCacheTtlMs?: number | undefined
  /**
   * Run the hot statements as named prepared statements (default true), which halves the
   * server's CPU per job. Turn off behind a connection pooler that hands one session's
   * statements to other server connections (PgBouncer in transaction mode before 1.21).
   */
  readonly preparedStatements?: boolean | undefined
}

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/
const INT8_OID = 20

// Millisecond timestamps and counts are int8: read them as numbers (exact below 2^53). The
// overrides are per pool, so other users of `pg` in the process keep their parsers.
const types = new pg.TypeOverrides()
types.setTypeParser(INT8_OID, 'text', (value: string) => Number(value))

/**
 * The shared job store on PostgreSQL, for several API nodes and workers on several machines
 * (§8.13): the queue is the `jobs` table, claimed with `SELECT … FOR UPDATE SKIP LOCKED`;
 * enqueues and job events are announced with `NOTIFY qfabric_jobs` and heard by each store's
 * dedicated `LISTEN` connection.
 *
 * @example
 * ```ts
 * await using store = await PostgresJobStore.open({ connectionString: process.env.DATABASE_URL })
 * const job = await store.claimNext({ workerId: 'w1', backends: ['sim'], leaseMs: 30_000 })
 * ```
 */
export class PostgresJobStore extends KyselyJobStore {
  /**
   * Connects, creates the schema if needed, migrates (by default) and starts listening.
   *
   * @param options - connection, schema, clock
   * @returns the store
   * @throws RangeError for an invalid schema name
   * @throws {@link JobStoreError} `store.migration-failed`
   */
  static async open(options: PostgresJobStoreOptions = {}): Promise<PostgresJobStore> {
    const schema = options.schema ?? 'public'
    if (!SCHEMA_RE.test(schema)) throw new RangeError(`invalid schema name: ${schema}`)
    const config: pg.PoolConfig = {
      ...options.config,
      ...(options.connectionString === undefined
        ? {}
        : { connectionString: options.connectionString }),
      // Unqualified table names resolve in the store's schema.
      options: `-c search_path=${schema}`,
      types,
    }
    const pool = new pg.Pool(config)
    // An idle connection that dies (server restart) is replaced; without a handler it would
    // crash the process.
    pool.on('error', () => undefined)
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: options.preparedStatements === false ? pool : createNamedStatementPool(pool),
      }),
    })
    const hub = new ChangeHub()
    const listener = new PostgresListener(config, { schema, hub })
    try {
      if (schema !== 'public') await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
      if (options.migrate !== false) await migrateStore(db, { schema })
      await listener.start()
    } catch (error) {
      await listener.stop()
      await db.destroy()
      throw error
    }
    return new PostgresJobStore({
      db,
      clock: options.clock ?? systemClock,
      dialect: postgresDialect(schema),
      hub,
      instanceCacheTtlMs: options.instanceCacheTtlMs,
      onClose: () => listener.stop(),
    })
  }
}
