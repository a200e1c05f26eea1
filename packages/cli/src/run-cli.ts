import { isQfabricError } from '@qfabric/core/providers'
import { CliError } from './cli-error.js'
import { CLI_USAGE, PLANNED_COMMANDS } from './cli-usage.js'
import { VERSION } from './version.js'

/** A text sink (standard output or error, or a test's buffer). */
export interface TextSink {
  write(text: string): unknown
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Stops a long-running command (`serve`); default: the first SIGINT or SIGTERM. */
  readonly signal?: AbortSignal | undefined
  /** Default standard output. */
  readonly stdout?: TextSink | undefined
  /** Default standard error. */
  readonly stderr?: TextSink | undefined
}

/** Exit status of a bad command line (as for most Unix tools). */
const USAGE_EXIT = 2

function isPlanned(command: string): boolean {
  return PLANNED_COMMANDS.some((c) => c === command)
}

/** Runs `serve` or `worker` through the server package, imported only when needed. */
async function serve(
  argv: readonly string[],
  role: 'all' | 'worker',
  options: RunCliOptions & { readonly stdout: TextSink },
): Promise<void> {
  // The server (Fastify, pg, …) loads only for these commands, so other commands start fast.
  const { runServe } = await import('@qfabric/server')
  await runServe(argv, {
    defaultRole: role,
    stdout: options.stdout,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
}

/**
 * Dispatches one command line.
 *
 * @throws CliError for an unknown or planned command
 */
async function dispatch(
  argv: readonly string[],
  options: RunCliOptions & { readonly stdout: TextSink },
): Promise<void> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    options.stdout.write(CLI_USAGE)
    return
  }
  if (command === '-v' || command === '--version') {
    options.stdout.write(`qfabric ${VERSION}\n`)
    return
  }
  if (command === 'serve') return serve(rest, 'all', options)
  if (command === 'worker') return serve(rest, 'worker', options)
  if (isPlanned(command)) {
    throw new CliError('cli.not-implemented', `'qfabric ${command}' is not available yet`)
  }
  throw new CliError(
    'cli.unknown-command',
    `unknown command '${command}' (see 'qfabric --help' for the commands)`,
  )
}

/**
 * The `qfabric` command: `serve` and `worker` run the job service (delegating to
 * `runServe` of `@qfabric/server`, loaded lazily); `--help` lists the commands, including those
 * not available yet. Errors are printed as `qfabric: <message>` on standard error, never thrown.
 *
 * @param argv - the arguments after the program name
 * @param options - the shutdown signal of long-running commands, the output sinks
 * @returns the exit status: 0 on success, 2 for a bad command line, 1 for any other failure
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2))
 * ```
 */
export async function runCli(
  argv: readonly string[],
  options: RunCliOptions = {},
): Promise<number> {
  const stdout = options.stdout ?? process.stdout
  const stderr = options.stderr ?? process.stderr
  try {
    await dispatch(argv, { ...options, stdout })
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    stderr.write(`qfabric: ${message}\n`)
    const usage =
      isQfabricError(error) &&
      (error.code.startsWith('cli.') || error.code === 'serve.invalid-argument')
    return usage ? USAGE_EXIT : 1
  }
}
