import { createServer, type ServerOptions } from '../create-server.js'
import { createServerLogger } from '../http/create-logger.js'
import { adminTokenFromEnv } from './admin-token-from-env.js'
import { firstRunMessage } from './first-run-message.js'
import {
  parseServeArgs,
  SERVE_USAGE,
  type ServeOptions,
  type ServeRole,
} from './parse-serve-args.js'
import { processShutdownSignal } from './shutdown-signal.js'
import { startWorkerRole, workerExecutorFor } from './start-worker-role.js'

/** Options of {@link runServe}. */
export interface RunServeOptions {
  /**
   * Shuts the service down when aborted (default: the first SIGINT or SIGTERM of the process).
   */
  readonly signal?: AbortSignal | undefined
  /** Where the URL and help go (default standard output). */
  readonly stdout?: { write(text: string): unknown } | undefined
  /** Where the first admin token and the next steps go (default standard error). */
  readonly stderr?: { write(text: string): unknown } | undefined
  /**
   * The environment (`QFABRIC_ADMIN_TOKEN`; an empty value counts as unset). Default
   * `process.env`, from which an empty `QFABRIC_ADMIN_TOKEN` is then removed.
   */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  /** The role without `--role` (default `all`; `qfabric worker` passes `worker`). */
  readonly defaultRole?: ServeRole | undefined
}

/** The resolved {@link RunServeOptions}. */
interface Run {
  readonly signal: AbortSignal
  readonly stdout: { write(text: string): unknown }
  readonly stderr: { write(text: string): unknown }
  readonly env: Readonly<Record<string, string | undefined>>
}

/** Resolves when the signal aborts (at once if it has). */
function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    signal.addEventListener(
      'abort',
      () => {
        resolve()
      },
      { once: true },
    )
  })
}

/** The executor of the `api` or `all` role: none, on the event loop, or on a worker thread. */
function serveExecutor(options: ServeOptions): Pick<ServerOptions, 'executor' | 'workerThread'> {
  if (options.role === 'api') return { executor: 'none' }
  if (!options.workerThread) return { executor: workerExecutorFor(options) }
  return {
    workerThread: {
      concurrency: options.concurrency,
      ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
      ...(options.reapIntervalMs === undefined ? {} : { reapIntervalMs: options.reapIntervalMs }),
    },
  }
}

/** Runs the `api` or `all` role until the signal aborts. */
async function serveHttp(options: ServeOptions, run: Run): Promise<void> {
  // Held until the URL is known, so the next step printed with the token names it.
  let firstAdminToken: string | undefined
  const server = await createServer({
    db: options.db,
    dataDir: options.dataDir,
    port: options.port,
    host: options.host,
    backends: options.backends,
    logger: { level: options.logLevel },
    ...serveExecutor(options),
    adminToken: adminTokenFromEnv(run.env),
    onFirstAdminToken: (token) => {
      firstAdminToken = token
    },
  })
  try {
    run.stdout.write(`qfabric: ${options.role} listening on ${server.url}\n`)
    if (firstAdminToken !== undefined) {
      run.stderr.write(firstRunMessage(firstAdminToken, server.url))
    }
    await aborted(run.signal)
  } finally {
    await server.close()
  }
}

/** Runs the `worker` role until the signal aborts. */
async function serveWorker(options: ServeOptions, run: Run): Promise<void> {
  const logger = createServerLogger({ level: options.logLevel })
  const worker = await startWorkerRole(options, logger)
  try {
    run.stdout.write(
      `qfabric: worker ${worker.workerId} running (concurrency ${options.concurrency})\n`,
    )
    await aborted(run.signal)
  } finally {
    await worker.stop()
  }
}

/**
 * `qfabric serve`: runs the job service in one of the §8.13 roles until shut down. Role `api`
 * serves HTTP and leaves jobs queued for workers; `worker` runs no HTTP, only a
 * {@link WorkerExecutor} claiming jobs from the shared store; `all` (the default) does both in
 * one process. Prints the URL, and on a fresh database the first admin token with the next step
 * (`qfabric admin user create …`) on standard error. `QFABRIC_ADMIN_TOKEN`, when set and not
 * empty, is accepted as an admin token instead.
 *
 * @param argv - the arguments after `serve` (see {@link SERVE_USAGE})
 * @param options - the shutdown signal, the output stream, the default role
 * @returns when the service has shut down cleanly (or after printing `--help`)
 * @throws ServeError `serve.invalid-argument` for a bad command line
 * @throws ServerConfigError for an invalid backends configuration or admin token
 * @example
 * ```ts
 * // A worker process of a PostgreSQL deployment, until SIGINT/SIGTERM:
 * await runServe(['--role', 'worker', '--db', 'postgres://qfabric@db/qfabric', '--concurrency', '4'])
 * ```
 */
export async function runServe(
  argv: readonly string[],
  options: RunServeOptions = {},
): Promise<void> {
  const parsed = parseServeArgs(argv, options.defaultRole)
  const run: Run = {
    signal: options.signal ?? processShutdownSignal(),
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    env: options.env ?? process.env,
  }
  if (parsed.help) {
    run.stdout.write(SERVE_USAGE)
    return
  }
  if (parsed.role === 'worker') await serveWorker(parsed, run)
  else await serveHttp(parsed, run)
}
