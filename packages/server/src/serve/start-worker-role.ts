import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { BackendCatalog } from '../app/backend-catalog.js'
import { createDefaultBackendRegistry } from '../app/backend-registry.js'
import { loadBackendsConfig } from '../config/load-backends-config.js'
import { systemClock } from '../store/clock.js'
import type { JobStore } from '../store/job-store.js'
import { PostgresJobStore } from '../store/postgres/postgres-job-store.js'
import { SqliteJobStore } from '../store/sqlite/sqlite-job-store.js'
import { WorkerExecutor } from '../worker/worker-executor.js'
import type { ServeOptions } from './parse-serve-args.js'

/** A running worker-only process part: its executor on its own store connection. */
export interface WorkerRole {
  /** The lease owner prefix of the worker's loops. */
  readonly workerId: string
  /** Stops claiming, drains running jobs, closes the store. */
  stop(): Promise<void>
}

/**
 * Opens the store a worker shares with the API processes: PostgreSQL, or the SQLite file of
 * `--data-dir` (the caller has checked that one of them is given).
 *
 * @param options - `db` and `dataDir`
 * @returns the store (the caller closes it)
 */
async function openSharedStore(options: ServeOptions): Promise<JobStore> {
  if (options.db !== 'sqlite') {
    return PostgresJobStore.open({ connectionString: options.db, clock: systemClock })
  }
  const dataDir = options.dataDir ?? '.'
  await mkdir(dataDir, { recursive: true })
  return SqliteJobStore.open({ filename: join(dataDir, 'qfabric.db'), clock: systemClock })
}

/**
 * The executor options of the command line (shared by the `worker` and `all` roles).
 *
 * @param options - concurrency and lease timing
 * @returns a new executor
 */
export function workerExecutorFor(options: ServeOptions): WorkerExecutor {
  return new WorkerExecutor({
    concurrency: options.concurrency,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.reapIntervalMs === undefined ? {} : { reapIntervalMs: options.reapIntervalMs }),
  })
}

/**
 * Starts the `worker` role (§8.13): no HTTP, just a {@link WorkerExecutor} claiming jobs from
 * the shared store, with the same backends configuration as the API processes.
 *
 * @param options - the parsed command line
 * @param logger - where the worker logs
 * @returns the running worker
 * @throws ServerConfigError for an invalid backends configuration
 */
export async function startWorkerRole(options: ServeOptions, logger: Logger): Promise<WorkerRole> {
  const config = await loadBackendsConfig(options.backends)
  const catalog = new BackendCatalog(config, createDefaultBackendRegistry())
  const store = await openSharedStore(options)
  const stopping = new AbortController()
  const executor = workerExecutorFor(options)
  try {
    executor.start({ store, catalog, clock: systemClock, logger, signal: stopping.signal })
  } catch (error) {
    await store.close()
    throw error
  }
  let stopped: Promise<void> | undefined
  return {
    workerId: executor.workerId,
    stop: () =>
      (stopped ??= (async () => {
        stopping.abort()
        try {
          await executor.stop()
        } finally {
          await store.close()
        }
      })()),
  }
}
