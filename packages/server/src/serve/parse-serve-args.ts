import { parseArgs } from 'node:util'
import type { LevelWithSilent } from 'pino'
import { ServeError } from './serve-error.js'

/** What a `qfabric serve` process runs (§8.13 roles). */
export type ServeRole = 'api' | 'worker' | 'all'

/** The parsed command line of `qfabric serve`. */
export interface ServeOptions {
  /** `api`: HTTP only; `worker`: job execution only; `all`: both in one process. */
  readonly role: ServeRole
  /** `'sqlite'` or a PostgreSQL URL. */
  readonly db: string
  /** Where the SQLite database lives (in memory without it). */
  readonly dataDir: string | undefined
  readonly port: number
  readonly host: string
  /** A backends JSON file (default: the built-in simulators and fake devices). */
  readonly backends: string | undefined
  /** Jobs a worker runs at once. */
  readonly concurrency: number
  /** Job lease length, ms (a dead worker's jobs return to the queue after about this long). */
  readonly leaseMs: number | undefined
  /** How often a worker's reaper looks for lapsed leases, ms (`0`: no reaper here). */
  readonly reapIntervalMs: number | undefined
  readonly logLevel: LevelWithSilent
  /**
   * Role `all`: run the worker loops on a worker thread with its own database connection, so
   * that they never delay HTTP requests on the event loop. On by default with a SQLite data
   * directory, whose statements run synchronously on the calling thread; off by default on
   * PostgreSQL, whose queries leave the event loop free while they run (measured: the thread
   * only adds contention there); `--worker-thread` / `--no-worker-thread` decide.
   */
  readonly workerThread: boolean
  /** `--help` was given: print {@link SERVE_USAGE} and do nothing else. */
  readonly help: boolean
}

/** The help text of `qfabric serve`. */
export const SERVE_USAGE = `Usage: qfabric serve [options]

Runs the qfabric job service.

Options:
  --role <api|worker|all>   api: HTTP API only; worker: runs queued jobs, no HTTP;
                            all: both in one process (default all)
  --db <sqlite|postgres://…>  the database (default sqlite); several api and worker
                            processes share one PostgreSQL database
  --data-dir <dir>          where the SQLite database lives (default: in memory)
  --port <n>                TCP port of the API (default 8080; 0 = any free port)
  --host <addr>             interface to listen on (default 127.0.0.1)
  --backends <file.json>    backends configuration (default: local simulators and fake devices)
  --concurrency <n>         jobs a worker runs at once (default 2)
  --lease-ms <ms>           job lease length (default 30000)
  --reap-interval-ms <ms>   how often a worker requeues jobs of dead workers (default 5000)
  --log-level <level>       fatal, error, warn, info, debug, trace or silent (default info)
  --[no-]worker-thread      role all: run the workers on a thread of their own, with their
                            own database connection, so that they never hold up HTTP
                            requests (default: on with --data-dir, off on PostgreSQL; an
                            in-memory database cannot be shared with a thread)
  -h, --help                show this help

On a fresh database the first admin token is printed once to standard error (or set
QFABRIC_ADMIN_TOKEN; empty counts as unset); then create an instance and a member with
'qfabric admin' (see qfabric admin --help). SIGINT or SIGTERM shuts down cleanly.
`

const ROLES: readonly ServeRole[] = ['api', 'worker', 'all']
const LEVELS: readonly LevelWithSilent[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]

function invalid(message: string): ServeError {
  return new ServeError('serve.invalid-argument', message)
}

function integer(name: string, text: string | undefined, range: { min: number; max: number }) {
  if (text === undefined) return undefined
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw invalid(`--${name} must be an integer from ${range.min} to ${range.max}, got '${text}'`)
  }
  return value
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === text)
  if (found === undefined) {
    throw invalid(`--${name} must be one of ${allowed.join(', ')}, got '${text}'`)
  }
  return found
}

/**
 * Checks that a role that shares the database has one to share.
 *
 * @throws ServeError `serve.invalid-argument` for a worker on an in-memory SQLite database, or
 *   `--worker-thread` outside role `all` or on an in-memory SQLite database
 */
function checkDatabaseOfRole(o: {
  readonly role: ServeRole
  readonly db: string
  readonly dataDir: string | undefined
  readonly workerThread: boolean
}): void {
  const inMemory = o.db === 'sqlite' && o.dataDir === undefined
  if (o.role === 'worker' && inMemory) {
    throw invalid('a worker needs a shared database: give --data-dir (SQLite) or --db postgres://…')
  }
  if (o.workerThread && o.role !== 'all') {
    throw invalid(`--worker-thread needs role all, got '${o.role}'`)
  }
  if (o.workerThread && inMemory) {
    throw invalid('--worker-thread needs a database file: give --data-dir (or --db postgres://…)')
  }
}

/**
 * Parses the command line of `qfabric serve` (the arguments after `serve`).
 *
 * @param argv - the arguments, e.g. `['--role', 'worker', '--db', 'postgres://…']`
 * @param defaultRole - the role without `--role` (`qfabric worker` passes `worker`)
 * @returns the options
 * @throws ServeError `serve.invalid-argument` for an unknown option, a missing or bad value, or a
 *   worker on an in-memory SQLite database (no other process could submit to it), or
 *   `--worker-thread` outside role `all` or on an in-memory SQLite database
 */
export function parseServeArgs(
  argv: readonly string[],
  defaultRole: ServeRole = 'all',
): ServeOptions {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        backends: { type: 'string' },
        concurrency: { type: 'string' },
        'lease-ms': { type: 'string' },
        'reap-interval-ms': { type: 'string' },
        'log-level': { type: 'string' },
        'worker-thread': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowNegative: true,
    }))
  } catch (error) {
    throw new ServeError('serve.invalid-argument', (error as Error).message, { cause: error })
  }
  const role = values.role === undefined ? defaultRole : oneOf('role', values.role, ROLES)
  const db = values.db ?? 'sqlite'
  if (db !== 'sqlite' && !/^postgres(ql)?:\/\//.test(db)) {
    throw invalid(`--db must be 'sqlite' or a postgres:// URL, got '${db}'`)
  }
  const dataDir = values['data-dir']
  // Measured with `npm run bench -- service` (20 clients). SQLite: with the workers on a thread
  // the API thread's CPU per job halves and its status p99 stays lower. PostgreSQL: the thread
  // gave less throughput (120–170 against 135–195 jobs/s) and a higher status p99.
  const workerThread =
    values['worker-thread'] ?? (role === 'all' && db === 'sqlite' && dataDir !== undefined)
  if (values.help !== true) checkDatabaseOfRole({ role, db, dataDir, workerThread })
  return {
    role,
    db,
    dataDir,
    port: integer('port', values.port, { min: 0, max: 65_535 }) ?? 8080,
    host: values.host ?? '127.0.0.1',
    backends: values.backends,
    concurrency: integer('concurrency', values.concurrency, { min: 1, max: 1024 }) ?? 2,
    leaseMs: integer('lease-ms', values['lease-ms'], { min: 1, max: 86_400_000 }),
    reapIntervalMs: integer('reap-interval-ms', values['reap-interval-ms'], {
      min: 0,
      max: 86_400_000,
    }),
    logLevel:
      values['log-level'] === undefined ? 'info' : oneOf('log-level', values['log-level'], LEVELS),
    workerThread,
    help: values.help === true,
  }
}
