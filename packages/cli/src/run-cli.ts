import { QasmParseError } from '@qfabric/core/qasm'
import { isQfabricError } from '@qfabric/core/providers'
import { CommanderError } from 'commander'
import type { CliContext, TextSink } from './cli-context.js'
import { CliError } from './cli-error.js'
import { CLI_COMMANDS } from './cli-usage.js'
import { createProgram } from './program.js'
import type { ServiceClassShape } from './remote/service-shape.js'

export type { TextSink } from './cli-context.js'

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /**
   * Stops a long-running command: `serve` shuts down (default: the first SIGINT or SIGTERM),
   * a waiting `run` or `job --wait` stops waiting (the job keeps running).
   */
  readonly signal?: AbortSignal | undefined
  /** Default standard output. */
  readonly stdout?: TextSink | undefined
  /** Default standard error. */
  readonly stderr?: TextSink | undefined
  /** Environment variables (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  /** How often waiting commands poll their job, in milliseconds (default 500). */
  readonly pollIntervalMs?: number | undefined
  /**
   * The `QfabricService` class the remote commands use (default: `@qfabric/client`'s Node
   * class, with saved accounts in `$XDG_CONFIG_HOME/qfabric/accounts.json`) — e.g. a subclass
   * with another account store or `fetch`.
   */
  readonly service?: ServiceClassShape | undefined
}

/** Exit status of a bad command line (as for most Unix tools). */
const USAGE_EXIT = 2
const DEFAULT_POLL_MS = 500

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
    ...(options.stderr === undefined ? {} : { stderr: options.stderr }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
}

/**
 * Dispatches one command line: `serve`/`worker` go to the server's own parser, everything else
 * to the commander tree.
 *
 * @throws CliError for an unknown command; CommanderError for other bad command lines
 */
async function dispatch(argv: readonly string[], context: CliContext): Promise<void> {
  const [command, ...rest] = argv
  if (command === 'serve') return serve(rest, 'all', context)
  if (command === 'worker') return serve(rest, 'worker', context)
  const program = createProgram(context)
  if (command === undefined) {
    program.outputHelp()
    return
  }
  const known = new Set(['help', ...CLI_COMMANDS])
  if (!command.startsWith('-') && !known.has(command)) {
    throw new CliError(
      'cli.unknown-command',
      `unknown command '${command}' (see 'qfabric --help' for the commands)`,
    )
  }
  await program.parseAsync(argv, { from: 'user' })
}

/**
 * Reports an error on standard error and returns the exit status: `file:line:column: message`
 * lines for OpenQASM errors, `qfabric: <message>` otherwise — never a stack trace.
 */
function report(error: unknown, stderr: TextSink): number {
  if (error instanceof CommanderError) {
    // Help and version are "errors" that end the parse with status 0.
    if (error.exitCode === 0) return 0
    // A group without a subcommand (`qfabric account`) already printed its help.
    if (error.code !== 'commander.help') {
      stderr.write(`qfabric: ${error.message.replace(/^error: /, '')}\n`)
    }
    return USAGE_EXIT
  }
  if (error instanceof QasmParseError) {
    const errors = error.diagnostics.filter((d) => d.severity === 'error')
    for (const d of errors.length > 0 ? errors : error.diagnostics) {
      stderr.write(`${d.span.file}:${d.line}:${d.column}: ${d.message}\n`)
    }
    return 1
  }
  const message = error instanceof Error ? error.message : String(error)
  stderr.write(`qfabric: ${message}\n`)
  if (error instanceof CliError) return error.isUsageError ? USAGE_EXIT : 1
  return isQfabricError(error) && error.code === 'serve.invalid-argument' ? USAGE_EXIT : 1
}

/**
 * The `qfabric` command: `run`, `transpile`, `qasm convert`, `backends`, `jobs`, `job`,
 * `cancel`, `account save|list|delete`, and `serve`/`worker` (delegating to `runServe` of
 * `@qfabric/server`, loaded lazily). `--help` works for every command. Errors are printed as
 * `qfabric: <message>` on standard error, never thrown; `--json` output is JSON on standard
 * output only.
 *
 * @param argv - the arguments after the program name
 * @param options - the stop signal, the output sinks, the environment
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
  const context: CliContext = {
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    signal: options.signal,
    env: options.env ?? process.env,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_MS,
    service: options.service,
  }
  try {
    await dispatch(argv, context)
    return 0
  } catch (error) {
    return report(error, context.stderr)
  }
}
