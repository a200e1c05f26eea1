/**
 * `qfabric run <file.qasm> --backend B`: submits a circuit, shows the job's progress, prints
 * the histogram of its counts (or JSON).
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { supportsConfiguration, type Backend, type Job } from '@qfabric/core/providers'
import { transpile } from '@qfabric/core/transpiler'
import type { Command } from 'commander'
import { writeJson, type CliContext } from '../cli-context.js'
import { CliError } from '../cli-error.js'
import { readCircuitFile } from '../io/read-circuit.js'
import { isDevice, isLocalBackendName } from '../local/local-backends.js'
import { integerIn, parseList } from '../option-parsers.js'
import { jobFailure, printHistogram, reportJob } from './job-report.js'
import { selectBackend } from './select-backend.js'
import { waitForJob } from './wait-for-job.js'

interface RunCommandOptions {
  readonly backend: string
  readonly shots?: number
  readonly seed?: number
  readonly name?: string
  readonly tags?: string[]
  readonly local?: boolean
  readonly optimizationLevel: number
  readonly instance?: string
  readonly account?: string
  readonly json?: boolean
  readonly wait: boolean
}

const HELP_AFTER = `
Without --local the circuit goes to the job service (the saved default account, or --account;
QFABRIC_URL and QFABRIC_TOKEN also work). Circuits for devices (fake_manila, a service QPU) are
transpiled for the device first (-O, --seed). While the job waits or runs, its status, queue
position and elapsed time are shown on standard error.

Examples:
  qfabric run bell.qasm --backend qasm_simulator --local --shots 2000
  qfabric run bell.qasm --backend fake_manila --local -O 3 --json
  qfabric run bell.qasm --backend qasm_simulator --tags exp-42,bell --no-wait
`

/**
 * Adds `run` to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs, signal, poll interval
 */
export function registerRunCommand(program: Command, context: CliContext): void {
  program
    .command('run')
    .description('run a circuit and print the histogram of its counts')
    .argument('<file>', 'the OpenQASM 2 or 3 file')
    .requiredOption('--backend <name>', 'the backend to run on')
    .option('--shots <n>', 'shots (default: the backend default, usually 1024)', integerIn(1))
    .option('--seed <n>', 'seed of the simulation and of transpiling', integerIn(0))
    .option('--name <name>', 'a name for the job')
    .option('--tags <tags>', 'tags for the job, comma-separated', parseList)
    .option('--local', 'run on a local simulator or fake device instead of the service')
    .option(
      '-O, --optimization-level <level>',
      'transpile level for devices, 0 to 3',
      integerIn(0, 3),
      2,
    )
    .option('--instance <hub/group/project>', 'the service instance')
    .option('--account <name>', 'the saved account')
    .option('--json', 'print the job and its counts as JSON')
    .option('--no-wait', 'print the job id and return without waiting (service only)')
    .addHelpText('after', HELP_AFTER)
    .action(async (file: string, options: RunCommandOptions) => {
      await runFile(file, options, context)
    })
}

async function runFile(
  file: string,
  options: RunCommandOptions,
  context: CliContext,
): Promise<void> {
  if (options.local === true && !options.wait) {
    throw new CliError(
      'cli.usage',
      '--no-wait needs a service backend: a local job ends with the process',
    )
  }
  const { circuit } = await readCircuitFile(file, context.signal)
  const backend = await findBackend(options, context)
  const prepared = (await needsTranspile(backend, options.local === true))
    ? transpile(circuit, {
        target: backend.target,
        optimizationLevel: options.optimizationLevel,
        seed: options.seed,
        signal: context.signal,
      })
    : circuit
  const job = await submit(backend, prepared, options)
  context.stderr.write(`job ${job.id} submitted to ${backend.name}\n`)
  if (!options.wait) {
    if (options.json === true) {
      writeJson(context.stdout, {
        jobId: job.id,
        backend: backend.name,
        status: await job.status(),
      })
    } else context.stdout.write(`${job.id}\n`)
    return
  }
  const status = await waitForJob(job, context)
  if (status !== 'DONE') throw await jobFailure(job, status, context)
  const report = await reportJob(job, status, context)
  if (options.json === true) writeJson(context.stdout, report)
  else if (report.counts === undefined) context.stdout.write(`job ${job.id} is done (no counts)\n`)
  else printHistogram(report.counts, context)
}

async function findBackend(options: RunCommandOptions, context: CliContext): Promise<Backend> {
  try {
    return await selectBackend(
      {
        backend: options.backend,
        local: options.local === true,
        account: options.account,
        instance: options.instance,
      },
      context,
    )
  } catch (error) {
    if (options.local !== true && isLocalBackendName(options.backend) && isNoAccount(error)) {
      const message = error instanceof Error ? error.message : String(error)
      throw new CliError(
        'cli.usage',
        `${message} (add --local to run on the local ${options.backend})`,
        {
          cause: error,
        },
      )
    }
    throw error
  }
}

function isNoAccount(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && error.code === 'NO_ACCOUNT'
  )
}

/** Devices take only circuits in their instructions and connectivity; simulators take any. */
async function needsTranspile(backend: Backend, local: boolean): Promise<boolean> {
  if (local) return isDevice(backend)
  if (supportsConfiguration(backend)) return !(await backend.configuration()).simulator
  return backend.couplingMap !== null
}

function submit(
  backend: Backend,
  circuit: QuantumCircuit,
  options: RunCommandOptions,
): Promise<Job> {
  return backend.run(circuit, {
    ...(options.shots === undefined ? {} : { shots: options.shots }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    jobName: options.name,
    jobTags: options.tags,
  })
}
