/**
 * `@qfabric/server`: the self-hostable qfabric job service (reference/service-api.md §8).
 *
 * - {@link createServer} starts it: a Fastify HTTP API with the protocol's TypeBox schemas
 *   (validated, and published as an OpenAPI document at `/v1/openapi.json`), problem+json errors
 *   with stable codes, bearer-token auth (tokens hashed at rest, scopes, expiry, revocation),
 *   instances with memberships and roles, per-token and per-user rate limits, job submission with
 *   synchronous validation (OpenQASM parsing with line and column, backend limits, device
 *   instruction sets), idempotency keys, keyset listings, cancel, results, and server-sent events
 *   with replay.
 * - Storage is a {@link JobStore}: {@link SqliteJobStore} (embedded, one file) or
 *   {@link PostgresJobStore} (several API nodes and workers).
 * - Backends come from a {@link BackendRegistry} (`local:` simulators and `fake:` devices of
 *   `@qfabric/sim` by default, plus any plugin source) and a JSON configuration of which instances
 *   see which backend with which limits.
 * - Jobs are run by an {@link Executor} (the scheduler/worker seam); {@link ManualExecutor} is an
 *   in-process executor a test drives step by step.
 *
 * @example
 * ```ts
 * import { createServer } from '@qfabric/server'
 *
 * await using server = await createServer({ dataDir: './qfabric-data', port: 8080 })
 * const admin = await server.createAdminToken()
 * console.log(`listening on ${server.url}`)
 * ```
 *
 * @packageDocumentation
 */
export { VERSION } from './app/server-version.js'

export {
  createServer,
  type QfabricServer,
  type ServerOptions,
  type WorkerThreadOptions,
} from './create-server.js'
export {
  WorkerThreadExecutor,
  type WorkerThreadExecutorOptions,
} from './worker/worker-thread-executor.js'
export { openStoreAt, type StoreLocation } from './store/store-location.js'

// Command line (`qfabric serve`)
export { runServe, type RunServeOptions } from './serve/run-serve.js'
export {
  parseServeArgs,
  SERVE_USAGE,
  type ServeOptions,
  type ServeRole,
} from './serve/parse-serve-args.js'
export { SERVE_ERROR_CODES, ServeError, type ServeErrorCode } from './serve/serve-error.js'
export { processShutdownSignal } from './serve/shutdown-signal.js'

// Configuration
export {
  BackendEntryConfigSchema,
  BackendLimitsConfigSchema,
  BackendsConfigSchema,
  type BackendEntryConfig,
  type BackendLimitsConfig,
  type BackendsConfig,
} from './config/backends-config.js'
export { DEFAULT_BACKENDS_CONFIG, loadBackendsConfig } from './config/load-backends-config.js'
export {
  DEFAULT_SERVER_LIMITS,
  resolveServerLimits,
  type ServerLimits,
} from './config/server-limits.js'
export {
  SERVER_CONFIG_ERROR_CODES,
  ServerConfigError,
  type ServerConfigErrorCode,
} from './config/server-config-error.js'

// Seams
export {
  BackendRegistry,
  createDefaultBackendRegistry,
  providerSource,
  type BackendSource,
} from './app/backend-registry.js'
export {
  BackendCatalog,
  BUILTIN_BACKEND_LIMITS,
  type CatalogEntry,
  type ResolvedBackend,
} from './app/backend-catalog.js'
export type { Executor, ExecutorContext } from './app/executor.js'
export { ManualExecutor } from './app/manual-executor.js'
export { WorkerExecutor, type WorkerExecutorOptions } from './worker/worker-executor.js'
export type { RunOutcome } from './worker/run-claimed-job.js'
export { WORKER_ERROR_CODES, WorkerError, type WorkerErrorCode } from './worker/worker-error.js'
export { JobEventHub, type JobChangeListener } from './app/job-event-hub.js'
export type { CorsOptions } from './http/cors.js'
export type { ServerLoggerOptions } from './http/create-logger.js'
export type { OpenApiDocument } from './http/openapi-document.js'
export type { ServiceApp } from './http/service-app.js'
export { ServiceError, type ServiceErrorOptions } from './http/service-error.js'

// Store
export { createManualClock, systemClock, type Clock, type ManualClock } from './store/clock.js'
export type { JobStore } from './store/job-store.js'
export { SqliteJobStore } from './store/sqlite/sqlite-job-store.js'
export { PostgresJobStore } from './store/postgres/postgres-job-store.js'
export { JobStoreError, isJobStoreError } from './store/job-store-error.js'
export { hashToken } from './store/token-hash.js'
