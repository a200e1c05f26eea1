/**
 * What every command runs with: the output sinks, the environment, the stop signal.
 */

import type { ServiceClassShape } from './remote/service-shape.js'

/** A text sink (standard output or error, or a test's buffer). */
export interface TextSink {
  write(text: string): unknown
  /** `true` for a terminal: progress is then animated on one line. */
  readonly isTTY?: boolean | undefined
  /** The terminal's width in columns, when it is one. */
  readonly columns?: number | undefined
}

/** The resolved environment of one `qfabric` invocation. */
export interface CliContext {
  readonly stdout: TextSink
  readonly stderr: TextSink
  /** Stops waiting commands (they detach from their job, which keeps running). */
  readonly signal: AbortSignal | undefined
  /** Environment variables (accounts: `QFABRIC_URL`, `QFABRIC_TOKEN`, `XDG_CONFIG_HOME`, …). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** How often a waiting command asks for its job's status, in milliseconds. */
  readonly pollIntervalMs: number
  /** The `QfabricService` class remote commands use (default: `@qfabric/client`'s Node class). */
  readonly service: ServiceClassShape | undefined
}

/** Terminal width used when standard output is not a terminal. */
const DEFAULT_COLUMNS = 80

/**
 * The width to lay output out in: the sink's terminal width, else 80 columns.
 *
 * @param sink - where the output goes
 * @returns columns, at least 40
 */
export function outputWidth(sink: TextSink): number {
  const columns = sink.isTTY === true ? (sink.columns ?? DEFAULT_COLUMNS) : DEFAULT_COLUMNS
  return Math.max(40, columns)
}

/**
 * Writes `value` as pretty-printed JSON and a newline (the `--json` output of every command).
 *
 * @param sink - standard output
 * @param value - a JSON-serialisable value
 */
export function writeJson(sink: TextSink, value: unknown): void {
  sink.write(`${JSON.stringify(value, null, 2)}\n`)
}
