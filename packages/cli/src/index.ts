/**
 * `qfabric`: the command line of qfabric. Today `qfabric serve` (the job service, in the roles
 * `api`, `worker` or `all`) and `qfabric worker`; the other commands of the design (`run`,
 * `jobs`, `account`, …) come in a later release.
 *
 * @example
 * ```ts
 * import { runCli } from 'qfabric'
 *
 * process.exitCode = await runCli(['serve', '--role', 'api', '--port', '8080'])
 * ```
 *
 * @packageDocumentation
 */
export { VERSION } from './version.js'
export { runCli, type RunCliOptions, type TextSink } from './run-cli.js'
export { CLI_ERROR_CODES, CliError, type CliErrorCode } from './cli-error.js'
export { CLI_COMMANDS, CLI_USAGE, PLANNED_COMMANDS } from './cli-usage.js'
