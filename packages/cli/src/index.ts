/**
 * `qfabric`: the command line of qfabric — `run` (on the job service or locally), `transpile`,
 * `qasm convert`, `backends`, `jobs`, `job`, `cancel`, `account save|list|delete`, and `serve` /
 * `worker` (the job service). Also the terminal renderers it draws with, for other programs
 * (the demo) to reuse.
 *
 * @example
 * ```ts
 * import { runCli, renderHistogramsSideBySide } from 'qfabric'
 *
 * process.exitCode = await runCli(['run', 'bell.qasm', '--backend', 'qasm_simulator', '--local'])
 * console.log(renderHistogramsSideBySide([{ label: 'ideal', counts: ideal }, { label: 'noisy', counts: noisy }]))
 * ```
 *
 * @packageDocumentation
 */
export { VERSION } from './version.js'
export { runCli, type RunCliOptions } from './run-cli.js'
export type { TextSink } from './cli-context.js'
export { CLI_ERROR_CODES, CliError, type CliErrorCode } from './cli-error.js'
export { CLI_COMMANDS, type CliCommand } from './cli-usage.js'
export {
  renderHistogram,
  renderHistogramsSideBySide,
  type HistogramCounts,
  type HistogramOptions,
  type HistogramSeries,
} from './render/histogram.js'
export { renderTable, type TableColumn, type TableOptions } from './render/table.js'
export {
  formatProgress,
  ProgressLine,
  type ProgressLineOptions,
  type ProgressState,
} from './render/progress.js'
