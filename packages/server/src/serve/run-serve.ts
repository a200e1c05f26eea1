import { createServer } from '../create-server.js'
import { createServerLogger } from '../http/create-logger.js'
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
  /** The role without `--role` (default `all`; `qfabric worker` passes `worker`). */
  readonly defaultRole?: ServeRole | undefined
}

/** The resolved {@link RunServeOptions}. */
interface Run {
  readonly signal: AbortSignal
  readonly stdout: { write(text: string): unknown }
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

/** Runs the `api` or `all` role until the signal aborts. */
async function serveHttp(options: ServeOptions, run: Run): Promise<void> {
  const server = await createServer({
    db: options.db,
    dataDir: options.dataDir,
    port: options.port,
    host: options.host,
    backends: options.backends,
    logger: { level: options.logLevel },
    executor: options.role === 'api' ? 'none' : workerExecutorFor(options),
  })
  try {
    run.stdout.write(`qfabric: ${options.role} listening on ${server.url}\n`)
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
 * one process. Prints the URL (and, from the server, the first admin token of a fresh database
 * on standard error).
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
  }
  if (parsed.help) {
    run.stdout.write(SERVE_USAGE)
    return
  }
  if (parsed.role === 'worker') await serveWorker(parsed, run)
  else await serveHttp(parsed, run)
}
