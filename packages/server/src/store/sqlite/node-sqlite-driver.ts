import { DatabaseSync } from 'node:sqlite'
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely'
import { shareFileMutex, type AsyncMutex } from './async-mutex.js'
import { retryWhileBusy } from './busy-retry.js'
import { SharedWriteLock } from './shared-write-lock.js'
import { SqliteHandle } from './sqlite-handle.js'
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
  /**
   * The write lock's state shared with another thread's connection to the same file (see
   * {@link SharedWriteLock}); default: a lock of this connection's own.
   */
  readonly writeLock?: SharedArrayBuffer | undefined
}

const DEFAULT_CHECKPOINT_INTERVAL_MS = 100
/** SQLite's own default, restored if the checkpointer thread dies. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000

/** Statements that only read: Kysely writes every SELECT with a leading `select`. */
const READ_STATEMENT = /^\s*select\b/i
/**
 * Pragmas read or set the connection's own settings (`busy_timeout` among them, which
 * {@link SqliteHandle.executeWithoutWaiting} turns off for its run): they run as written, with
 * the busy timeout. No store operation issues one; tools and tests do.
 */
const PRAGMA_STATEMENT = /^\s*pragma\b/i
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate')

/** The connections of a driver, and how to own the writing one. */
interface SqliteAccess {
  readonly writer: SqliteHandle
  /** A read-only connection to the same file (none for `:memory:`, which cannot be shared). */
  readonly reader: SqliteHandle | undefined
  /** Whether a session of this thread owns the writer or waits for it. */
  writerBusy(): boolean
  /** Waits until this session may write; resolves with the release. */
  takeWriter(): Promise<() => void>
  /** How long a write waits for another process's lock, ms. */
  readonly busyTimeoutMs: number
}

/**
 * A Kysely driver over Node's built-in `node:sqlite` (`DatabaseSync`), for a file in WAL mode:
 *
 * - Two connections. Statements outside transactions that only read (`select …`) run at once,
 *   on the latest committed state: on the writing connection when no session of this thread owns
 *   it, else on a read-only connection — so a status read never waits in line behind a write
 *   transaction that spans `await`s (WAL readers and the writer do not block each other).
 *   Transactions and other statements run on the writing connection, one owner at a time.
 * - Every transaction is `BEGIN IMMEDIATE`: a transaction that reads and later writes must own
 *   the write lock from the start, or a concurrent writer makes it fail with `SQLITE_BUSY` that
 *   no timeout retries.
 * - Owning the writer means taking this process's lock for the file, first among this thread's
 *   connections (`shareFileMutex`), then among threads ({@link SharedWriteLock}), so that no
 *   thread ever sleeps in SQLite's busy handler waiting for another of this process.
 * - Another process's write lock is waited for asynchronously too: `BEGIN IMMEDIATE` and
 *   statements outside transactions run with the busy timeout off and are retried on
 *   `SQLITE_BUSY` with a short backoff, up to the busy timeout (see `retryWhileBusy`), while
 *   this process's locks stay held (nobody here could write meanwhile anyway). Reads keep the
 *   busy timeout: WAL readers take no lock that a writer holds, and meet `SQLITE_BUSY` only in
 *   rare moments (another connection recovering the WAL index, or the last one closing).
 * - The WAL is checkpointed by a worker thread (not by commits on the event loop).
 */
export class NodeSqliteDriver implements Driver {
  readonly #config: NodeSqliteDialectConfig
  #access: SqliteAccess | undefined
  #unshare: (() => void) | undefined
  #checkpointer: WalCheckpointer | undefined
  readonly #writeLock: SharedWriteLock
  readonly #busyTimeoutMs: number

  /** @param config - the file, busy timeout, checkpoints and shared write lock */
  constructor(config: NodeSqliteDialectConfig) {
    this.#config = Object.freeze({ ...config })
    this.#writeLock = new SharedWriteLock(config.writeLock)
    this.#busyTimeoutMs = Math.max(0, Math.trunc(config.busyTimeoutMs ?? 5000))
  }

  /** Opens the connections, sets their pragmas and starts the WAL checkpointer. */
  async init(): Promise<void> {
    const { filename } = this.#config
    const db = new DatabaseSync(filename)
    db.exec(`PRAGMA busy_timeout = ${this.#busyTimeoutMs}`)
    db.exec('PRAGMA foreign_keys = ON')
    // Statement journals and sort/materialisation b-trees in memory: with the default (files),
    // updates inside transactions create and unlink a temporary file each.
    db.exec('PRAGMA temp_store = MEMORY')
    const writer = new SqliteHandle(db, this.#busyTimeoutMs)
    let reader: SqliteHandle | undefined
    const file = filename !== ':memory:' && filename !== ''
    if (file) {
      db.exec('PRAGMA journal_mode = WAL')
      db.exec('PRAGMA synchronous = NORMAL')
      const readOnly = new DatabaseSync(filename, { readOnly: true, timeout: this.#busyTimeoutMs })
      readOnly.exec('PRAGMA temp_store = MEMORY')
      reader = new SqliteHandle(readOnly)
    }
    const shared = shareFileMutex(filename)
    this.#unshare = shared.unshare
    this.#access = {
      writer,
      reader,
      takeWriter: () => this.#takeWriter(shared.mutex),
      writerBusy: () => shared.mutex.busy,
      busyTimeoutMs: this.#busyTimeoutMs,
    }
    if (file) await this.#startCheckpointer(db, filename)
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

  async #takeWriter(mutex: AsyncMutex): Promise<() => void> {
    const releaseMutex = await mutex.acquire()
    // Past the busy timeout the lock is not taken, and SQLite's own wait decides.
    const releaseLock = await this.#writeLock.acquire(this.#busyTimeoutMs)
    return () => {
      releaseLock?.()
      releaseMutex()
    }
  }

  /**
   * The writing connection's `PRAGMA data_version`, which changes when another connection to the
   * file commits (another process, or another thread's store) — not on this driver's own
   * commits. Synchronous and cheap (~2 µs), for polling.
   *
   * @returns the version, or `undefined` before `init`, after `destroy` and for `:memory:`
   */
  dataVersion(): number | undefined {
    const access = this.#access
    if (access?.reader === undefined) return undefined
    return access.writer.dataVersion()
  }

  /**
   * A session on the connections: it waits for nothing until it writes (see the class).
   *
   * @returns the session
   */
  acquireConnection(): Promise<DatabaseConnection> {
    const access = this.#access
    if (access === undefined) {
      return Promise.reject(new Error('the SQLite driver is not initialised or already destroyed'))
    }
    return Promise.resolve(new SqliteSession(access))
  }

  /**
   * Owns the writer (waiting at most the busy timeout for another thread), then `BEGIN
   * IMMEDIATE` (retried without blocking while another process holds the file's write lock, up
   * to the busy timeout).
   *
   * @param connection - a session of this driver
   */
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await sessionOf(connection).begin()
  }

  /** @param connection - a session of this driver */
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await sessionOf(connection).commit()
  }

  /** @param connection - a session of this driver */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await sessionOf(connection).rollback()
  }

  /**
   * Gives the writer back if the session still owns it.
   *
   * @param connection - a session of this driver
   */
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    sessionOf(connection).end()
    return Promise.resolve()
  }

  /** Stops the checkpointer, then closes the connections (the last close checkpoints fully). */
  async destroy(): Promise<void> {
    await this.#checkpointer?.stop()
    this.#checkpointer = undefined
    this.#access?.reader?.close()
    this.#access?.writer.close()
    this.#access = undefined
    this.#unshare?.()
    this.#unshare = undefined
  }
}

/** The session a connection handed out by this driver is. */
function sessionOf(connection: DatabaseConnection): SqliteSession {
  if (connection instanceof SqliteSession) return connection
  throw new TypeError('not a connection of this SQLite driver')
}

/**
 * What Kysely holds as a "connection": reads outside a transaction go to the reader; a
 * transaction owns the writer from `begin` to `commit`/`rollback`; any other statement owns it
 * for its own run.
 */
class SqliteSession implements DatabaseConnection {
  readonly #access: SqliteAccess
  /** Set while this session owns the writer for a transaction. */
  #release: (() => void) | undefined

  constructor(access: SqliteAccess) {
    this.#access = access
  }

  async executeQuery<TRow>(compiledQuery: CompiledQuery): Promise<QueryResult<TRow>> {
    const { writer, reader } = this.#access
    if (this.#release !== undefined) return writer.execute<TRow>(compiledQuery)
    if (READ_STATEMENT.test(compiledQuery.sql)) {
      // An idle writer answers from its warm page cache; the reader's is dropped whenever
      // another connection commits.
      if (!this.#access.writerBusy()) return writer.execute<TRow>(compiledQuery)
      if (reader !== undefined) return reader.execute<TRow>(compiledQuery)
    }
    const release = await this.#access.takeWriter()
    try {
      if (PRAGMA_STATEMENT.test(compiledQuery.sql)) return writer.execute<TRow>(compiledQuery)
      return await retryWhileBusy(
        () => writer.executeWithoutWaiting<TRow>(compiledQuery),
        this.#access.busyTimeoutMs,
      )
    } finally {
      release()
    }
  }

  async *streamQuery<TRow>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<TRow>> {
    const { writer, reader } = this.#access
    if (this.#release !== undefined) {
      yield* writer.iterate<TRow>(compiledQuery)
      return
    }
    // A stream spans awaits, in which the writer may be taken: it always reads on the reader.
    if (reader !== undefined && READ_STATEMENT.test(compiledQuery.sql)) {
      yield* reader.iterate<TRow>(compiledQuery)
      return
    }
    const release = await this.#access.takeWriter()
    try {
      yield* writer.iterate<TRow>(compiledQuery)
    } finally {
      release()
    }
  }

  async begin(): Promise<void> {
    if (this.#release !== undefined) throw new Error('the session is already in a transaction')
    this.#release = await this.#access.takeWriter()
    const { writer, busyTimeoutMs } = this.#access
    try {
      await retryWhileBusy(() => writer.executeWithoutWaiting(BEGIN_IMMEDIATE), busyTimeoutMs)
    } catch (error) {
      this.end()
      throw error
    }
  }

  commit(): Promise<void> {
    this.#access.writer.execute(CompiledQuery.raw('commit'))
    // A failed COMMIT leaves the transaction open: Kysely rolls it back, which releases.
    this.end()
    return Promise.resolve()
  }

  rollback(): Promise<void> {
    try {
      this.#access.writer.execute(CompiledQuery.raw('rollback'))
    } finally {
      this.end()
    }
    return Promise.resolve()
  }

  /** Gives the writer back, if owned. */
  end(): void {
    const release = this.#release
    this.#release = undefined
    release?.()
  }
}
