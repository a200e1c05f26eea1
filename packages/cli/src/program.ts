/**
 * The `qfabric` command tree (commander): every command, its options and its help.
 */
import { Command } from 'commander'
import type { CliContext } from './cli-context.js'
import { registerAccountCommand } from './commands/account-command.js'
import { registerAdminCommand } from './commands/admin-command.js'
import { registerBackendsCommand } from './commands/backends-command.js'
import { registerJobCommands } from './commands/job-commands.js'
import { registerJobsCommand } from './commands/jobs-command.js'
import { registerQasmCommand } from './commands/qasm-command.js'
import { registerRunCommand } from './commands/run-command.js'
import { registerTranspileCommand } from './commands/transpile-command.js'
import { VERSION } from './version.js'

const HELP_AFTER = `
Exit status: 0 on success, 1 when the work fails, 2 for a bad command line.
Run 'qfabric <command> --help' for a command's options.
`

/**
 * Builds the command tree for one invocation (commander keeps parse state on the commands, so
 * every run gets a fresh tree). Output goes to the context's sinks; commander's own errors are
 * thrown as `CommanderError`s (never `process.exit`) for `runCli` to report.
 *
 * @param context - outputs, environment, signal
 * @returns the `qfabric` command
 */
export function createProgram(context: CliContext): Command {
  const program = new Command('qfabric')
    .usage('<command> [options]')
    .description('qfabric: run, compile and manage quantum circuits and jobs')
    .version(`qfabric ${VERSION}`, '-v, --version', 'show the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show the help of a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      // runCli prints commander's errors itself, as `qfabric: <message>`.
      outputError: () => undefined,
    })
    .addHelpText('after', HELP_AFTER)
  program
    .command('serve')
    .description('run the job service (--role api|worker|all; see qfabric serve --help)')
  program.command('worker').description('run a job worker only (same as serve --role worker)')
  registerRunCommand(program, context)
  registerTranspileCommand(program, context)
  registerQasmCommand(program, context)
  registerBackendsCommand(program, context)
  registerJobsCommand(program, context)
  registerJobCommands(program, context)
  registerAccountCommand(program, context)
  registerAdminCommand(program, context)
  return program
}
