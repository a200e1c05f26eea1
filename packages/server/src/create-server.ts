import { join } from 'node:path'
import type { Logger } from 'pino'
import { VERSION } from './app/server-version.js'
import type { AppContext } from './app/app-context.js'
import { BackendCatalog } from './app/backend-catalog.js'
import { createDefaultBackendRegistry, type BackendRegistry } from './app/backend-registry.js'
import { backendSnapshot } from './app/backend-views.js'
import type { Executor } from './app/executor.js'
import { JobEventHub } from './app/job-event-hub.js'
import { QueueEstimator } from './app/queue-estimator.js'
import { ADMIN_TOKEN_ENV, bootstrapAdmin, createAdminToken } from './auth/admin-bootstrap.js'
import { PrincipalCache } from './auth/principal-cache.js'
import { SubmitRateLimiter } from './auth/submit-rate-limiter.js'
import { TokenBucketLimiter } from './auth/token-bucket-limiter.js'
import type { BackendsConfig } from './config/backends-config.js'
import { loadBackendsConfig } from './config/load-backends-config.js'
import { ServerConfigError } from './config/server-config-error.js'
import { resolveServerLimits, type ServerLimits } from './config/server-limits.js'
import { buildHttpApp } from './http/build-http-app.js'
import type { CorsOptions } from './http/cors.js'
import { HttpConnections } from './http/http-connections.js'
import { createServerLogger, type ServerLoggerOptions } from './http/create-logger.js'
import type { OpenApiDocument } from './http/openapi-document.js'
import type { ServiceApp } from './http/service-app.js'
import { systemClock, type Clock } from './store/clock.js'
import type { JobStore } from './store/job-store.js'
import { SqliteJobStore } from './store/sqlite/sqlite-job-store.js'
import { openStoreAt, type StoreLocation } from './store/store-location.js'
import { WorkerExecutor } from './worker/worker-executor.js'
import {
  WorkerThreadExecutor,
  type WorkerThreadExecutorOptions,
} from './worker/worker-thread-executor.js'

/** Options of {@link createServer}. */
export interface ServerOptions {
  /**
   * Where the embedded SQLite database lives (`<dataDir>/qfabric.db`, created if missing).
   * Without it (and without `db`/`store`) the database is in memory and lost on close.
   */
  readonly dataDir?: string | undefined
  /** `'sqlite'` (the default) or a PostgreSQL connection URL (`postgres://…`). */
  readonly db?: string | undefined
  /** PostgreSQL schema for the tables (default `public`). */
  readonly postgresSchema?: string | undefined
  /** A store to use instead of opening one (the server then does not close it). */
  readonly store?: JobStore | undefined
  /** TCP port (default 0: any free port). */
  readonly port?: number | undefined
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string | undefined
  /** Whether to listen at all (default true); `false` for `app.inject()`-only tests. */
  readonly listen?: boolean | undefined
  /** The backends: a configuration object or a JSON file path (default: local simulators and two fake devices). */
  readonly backends?: BackendsConfig | string | undefined
  /** Where backend sources (`local:`, `fake:`, plugins) resolve (default: `@qfabric/sim`). */
  readonly backendRegistry?: BackendRegistry | undefined
  /** Logging: `false` for none, or level and destination stream (default info to stdout). */
  readonly logger?: boolean | ServerLoggerOptions | undefined
  /** Time source (default the system clock); tests pass a manual clock. */
  readonly clock?: Clock | undefined
  /**
   * What runs jobs (the scheduler/worker seam). Default: a {@link WorkerExecutor} (roles api,
   * scheduler and worker in one process); `'none'` runs the API only (jobs stay queued until
   * another process's workers claim them).
   */
  readonly executor?: Executor | 'none' | undefined
  /**
   * Runs the default executor (when `executor` is not given) on a worker thread with its own
   * connection to the database, so that the store work of running jobs never delays HTTP
   * requests on the main thread's event loop (a {@link WorkerThreadExecutor}; default false).
   * Needs a database file (`dataDir`) or PostgreSQL, and the default backend registry. `true`,
   * or the executor's options (concurrency, lease timing, …).
   */
  readonly workerThread?: boolean | WorkerThreadOptions | undefined
  /** Server-wide limits and defaults. */
  readonly limits?: Partial<ServerLimits> | undefined
  /** Browser access: allowed origins (CORS is off without this). */
  readonly cors?: CorsOptions | undefined
  /** An admin token to accept from the start (default: `QFABRIC_ADMIN_TOKEN` from the environment). */
  readonly adminToken?: string | undefined
  /**
   * Receives the first admin token generated when the database has no users (default: printed
   * once to standard error; pass `null` to generate none).
   */
  readonly onFirstAdminToken?: ((token: string) => void) | null | undefined
}

/** The options of {@link ServerOptions.workerThread}: a `WorkerExecutor`'s, but the database and backends are the server's. */
export type WorkerThreadOptions = Omit<WorkerThreadExecutorOptions, 'location' | 'backendsConfig'>

/** A running server. */
export interface QfabricServer extends AsyncDisposable {
  /** The base URL (`http://127.0.0.1:<port>`), or `''` when not listening. */
  readonly url: string
  /** The Fastify app (`app.inject()` for in-process requests). */
  readonly app: ServiceApp
  /** The job store. */
  readonly store: JobStore
  /** Wake-ups for event streams: call `publish(jobId)` after committing a change elsewhere. */
  readonly events: JobEventHub
  /** The OpenAPI document served at `/v1/openapi.json`. */
  readonly openapi: OpenApiDocument
  /**
   * Creates an admin token (all scopes) for the `admin` account, shown only here.
   *
   * @returns the token
   */
  createAdminToken(options?: { readonly name?: string }): Promise<string>
  /**
   * Stops listening, ends open event streams and long-polls, closes idle connections (at once)
   * and busy ones (once their response is sent, or after `limits.shutdownGraceSeconds`), stops
   * the executor, closes the store (if it opened it).
   */
  close(): Promise<void>
}

/** Where the store of the options is (`undefined` for a given store that is not SQLite). */
function storeLocation(options: ServerOptions): StoreLocation | undefined {
  if (options.store !== undefined) {
    return options.store instanceof SqliteJobStore
      ? { kind: 'sqlite', filename: options.store.filename }
      : undefined
  }
  const db = options.db ?? 'sqlite'
  if (db !== 'sqlite') {
    return { kind: 'postgres', connectionString: db, schema: options.postgresSchema }
  }
  const filename = options.dataDir === undefined ? ':memory:' : join(options.dataDir, 'qfabric.db')
  return { kind: 'sqlite', filename }
}

async function openStore(options: ServerOptions, clock: Clock): Promise<JobStore> {
  if (options.store !== undefined) return options.store
  const location = storeLocation(options)
  // Only a given store has no location.
  if (location === undefined) throw new TypeError('no store location')
  return openStoreAt(location, { clock })
}

/** Records each backend's limits, status and configuration in the store (best effort). */
async function syncBackends(context: AppContext): Promise<void> {
  await Promise.all(
    context.catalog.entries.map(async (entry) => {
      try {
        await context.store.upsertBackend(
          await backendSnapshot(await context.catalog.resolve(entry)),
        )
      } catch (error) {
        context.logger.warn({ err: error, backend: entry.name }, 'backend not available')
      }
    }),
  )
}

function printFirstAdminToken(token: string): void {
  process.stderr.write(`qfabric: first admin token (shown once, store it now): ${token}\n`)
}

function listeningUrl(app: ServiceApp): string {
  const address = app.server.address()
  if (address === null || typeof address === 'string') return address ?? ''
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}

/**
 * Starts the qfabric job service: opens the store (SQLite file, in-memory SQLite or PostgreSQL),
 * loads the backends, bootstraps an admin, starts the executor, builds the HTTP API and listens.
 *
 * @param options - storage, network, backends, limits, logging, executor
 * @returns the running server; dispose it (`await using`) or call `close()`
 * @throws ServerConfigError for an invalid backends configuration or admin token
 * @example
 * ```ts
 * await using server = await createServer({ dataDir: './data', port: 8080 })
 * const token = await server.createAdminToken()
 * const res = await fetch(`${server.url}/v1/backends`, { headers: { authorization: `Bearer ${token}` } })
 * ```
 */
export async function createServer(options: ServerOptions = {}): Promise<QfabricServer> {
  const clock = options.clock ?? systemClock
  const logger: Logger = createServerLogger(options.logger ?? {})
  const config = await loadBackendsConfig(options.backends)
  // Checked before anything opens: a worker thread's executor needs a shareable database.
  const executor = resolveExecutor(options, config)
  const store = await openStore(options, clock)
  const closing = new AbortController()
  const context = createAppContext({
    store,
    catalog: new BackendCatalog(config, options.backendRegistry ?? createDefaultBackendRegistry()),
    clock,
    limits: resolveServerLimits(options.limits),
    logger,
    closing: closing.signal,
  })
  const unwatchJobs = store.watchJobs((change) => {
    context.hub.publish(change.jobId)
  })
  const unwatchAccounts = store.watchAccounts(() => {
    context.principals.clear()
  })
  const { app, openapi } = buildHttpApp(context, { logger, cors: options.cors })
  const connections = new HttpConnections(app.server)
  let closed: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      // Streams and long-polls end on `closing`; their connections are closed once their
      // response is sent, idle ones at once, and any still busy after the grace period.
      closing.abort()
      await connections.closeServer(() => app.close(), {
        graceMs: context.limits.shutdownGraceSeconds * 1000,
      })
      await executor?.stop()
      unwatchJobs()
      unwatchAccounts()
      if (options.store === undefined) await store.close()
    })())
  try {
    await start(context, { options, app, executor, signal: closing.signal })
  } catch (error) {
    await close()
    throw error
  }
  return {
    url: options.listen === false ? '' : listeningUrl(app),
    app,
    store,
    events: context.hub,
    openapi,
    createAdminToken: (tokenOptions = {}) =>
      createAdminToken(store, {
        clock,
        ...(tokenOptions.name === undefined ? {} : { name: tokenOptions.name }),
      }),
    close,
    [Symbol.asyncDispose]: close,
  }
}

/**
 * The executor of the options: the given one, none, or by default a {@link WorkerExecutor} —
 * on a worker thread ({@link WorkerThreadExecutor}) with `workerThread`.
 *
 * @throws ServerConfigError `server.config-invalid` for `workerThread` with an in-memory or
 *   non-SQLite given store, or with a custom backend registry (the thread cannot share it)
 */
function resolveExecutor(options: ServerOptions, config: BackendsConfig): Executor | undefined {
  const { executor } = options
  if (executor === 'none') return undefined
  if (executor !== undefined) return executor
  const thread = options.workerThread
  if (thread === undefined || thread === false) return new WorkerExecutor()
  const location = storeLocation(options)
  if (location === undefined || (location.kind === 'sqlite' && location.filename === ':memory:')) {
    throw new ServerConfigError(
      'server.config-invalid',
      'workerThread needs a database the thread can open too: dataDir or a PostgreSQL db',
    )
  }
  if (options.backendRegistry !== undefined) {
    throw new ServerConfigError(
      'server.config-invalid',
      'workerThread runs the backends of the default registry; a custom backendRegistry cannot be used',
    )
  }
  return new WorkerThreadExecutor({
    ...(thread === true ? {} : thread),
    location,
    backendsConfig: config,
  })
}

/** Bootstraps the admin, records the backends, starts the executor, listens. */
async function start(
  context: AppContext,
  parts: {
    readonly options: ServerOptions
    readonly app: ServiceApp
    readonly executor: Executor | undefined
    readonly signal: AbortSignal
  },
): Promise<void> {
  const { options, app, executor, signal } = parts
  const { store, clock, catalog, logger } = context
  // Set but empty (`QFABRIC_ADMIN_TOKEN=` in a compose file) counts as unset: print a first token.
  const envToken = process.env[ADMIN_TOKEN_ENV]
  await bootstrapAdmin(store, {
    adminToken: options.adminToken ?? (envToken === '' ? undefined : envToken),
    onFirstAdminToken:
      options.onFirstAdminToken === null
        ? undefined
        : (options.onFirstAdminToken ?? printFirstAdminToken),
    clock,
  })
  await syncBackends(context)
  await executor?.start({ store, catalog, clock, logger, signal })
  if (options.listen === false) await app.ready()
  else await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' })
}

/**
 * The app context: the shared state of routes and hooks.
 *
 * @param parts - store, backends, clock, limits, logger, closing signal
 * @returns the context
 */
function createAppContext(
  parts: Pick<AppContext, 'store' | 'catalog' | 'clock' | 'limits' | 'logger' | 'closing'>,
): AppContext {
  const { store, catalog, clock, limits } = parts
  return {
    ...parts,
    hub: new JobEventHub(),
    estimator: new QueueEstimator(store, catalog, clock),
    principals: new PrincipalCache({ ttlMs: limits.principalCacheMs, clock }),
    requestLimiter: new TokenBucketLimiter({
      capacity: limits.requestBurst,
      refillPerSecond: limits.requestsPerSecond,
      clock,
    }),
    submitLimiter: new SubmitRateLimiter(clock),
    version: VERSION,
  }
}
