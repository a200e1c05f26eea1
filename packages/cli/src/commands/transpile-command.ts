/**
 * `qfabric transpile <file.qasm>`: compiles a circuit for a backend's target, or for a coupling
 * map and basis, and prints the result as OpenQASM.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { transpile, type TranspileOptions } from '@qfabric/core/transpiler'
import type { Command } from 'commander'
import type { CliContext } from '../cli-context.js'
import { CliError } from '../cli-error.js'
import { readCircuitFile } from '../io/read-circuit.js'
import { integerIn, parseCouplingMap, parseList, parseQasmVersion } from '../option-parsers.js'
import { renderTable } from '../render/table.js'
import { circuitToQasm, writeProgram } from './qasm-command.js'
import { selectBackend } from './select-backend.js'

interface TranspileCommandOptions {
  readonly backend?: string
  readonly couplingMap?: [number, number][]
  readonly basis?: string[]
  readonly optimizationLevel: number
  readonly seed?: number
  readonly output?: string
  readonly qasmVersion?: 2 | 3
  readonly stats?: boolean
  readonly instance?: string
  readonly account?: string
}

const HELP_AFTER = `
The device is a backend (--backend: a local simulator or fake device such as fake_manila, or a
service backend, with --account/--instance) or loose constraints (--coupling-map and/or --basis).
Links 0-1 join qubits both ways, 0>1 one way only.

Examples:
  qfabric transpile bell.qasm --backend fake_manila -O 3 --seed 7
  qfabric transpile ghz.qasm --coupling-map 0-1,1-2,2-3 --basis rz,sx,x,cx --stats -o out.qasm
`

/**
 * Adds `transpile` to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs and signal
 */
export function registerTranspileCommand(program: Command, context: CliContext): void {
  program
    .command('transpile')
    .description('compile a circuit for a device and print it as OpenQASM')
    .argument('<file>', 'the OpenQASM 2 or 3 file')
    .option('--backend <name>', 'compile for this backend')
    .option('--coupling-map <links>', 'qubit links, e.g. 0-1,1-2', parseCouplingMap)
    .option('--basis <gates>', 'the device instructions, e.g. rz,sx,x,cx', parseList)
    .option('-O, --optimization-level <level>', 'optimisation level 0 to 3', integerIn(0, 3), 2)
    .option('--seed <n>', 'seed of the randomised passes (layout, routing)', integerIn(0))
    .option('-o, --output <file>', 'write the circuit to this file instead of standard output')
    .option(
      '--qasm-version <version>',
      'write OpenQASM 2 or 3 (default: as the input)',
      parseQasmVersion,
    )
    .option('--stats', 'print depth, size and operation counts before and after')
    .option('--instance <hub/group/project>', 'the service instance of --backend')
    .option('--account <name>', 'the saved account of --backend')
    .addHelpText('after', HELP_AFTER)
    .action(async (file: string, options: TranspileCommandOptions) => {
      await transpileFile(file, options, context)
    })
}

async function transpileFile(
  file: string,
  options: TranspileCommandOptions,
  context: CliContext,
): Promise<void> {
  const device = await deviceOptions(options, context)
  const { circuit, version } = await readCircuitFile(file, context.signal)
  const out = transpile(circuit, {
    ...device,
    optimizationLevel: options.optimizationLevel,
    seed: options.seed,
    signal: context.signal,
  })
  await writeProgram(circuitToQasm(out, options.qasmVersion ?? version), options.output, context)
  if (options.stats === true) {
    // Statistics go where they do not spoil a piped program: standard error unless -o is used.
    const sink = options.output === undefined ? context.stderr : context.stdout
    sink.write(renderCircuitStats(circuit, out))
  }
}

/** The device part of the transpile options, from --backend or the loose constraints. */
async function deviceOptions(
  options: TranspileCommandOptions,
  context: CliContext,
): Promise<TranspileOptions> {
  const loose = options.couplingMap !== undefined || options.basis !== undefined
  if (options.backend !== undefined && loose) {
    throw new CliError('cli.usage', '--backend cannot be combined with --coupling-map or --basis')
  }
  if (options.backend !== undefined) {
    const backend = await selectBackend(
      {
        backend: options.backend,
        account: options.account,
        instance: options.instance,
      },
      context,
    )
    return { target: backend.target }
  }
  if (!loose) {
    throw new CliError('cli.usage', 'say what to compile for: --backend, or --coupling-map/--basis')
  }
  return { couplingMap: options.couplingMap, basisGates: options.basis }
}

/**
 * A table of a circuit's depth, size, width and operation counts before and after compiling.
 *
 * @param before - the input circuit
 * @param after - the compiled circuit
 * @returns the table
 */
export function renderCircuitStats(before: QuantumCircuit, after: QuantumCircuit): string {
  const opsBefore = before.countOps()
  const opsAfter = after.countOps()
  const names = [...new Set([...opsBefore.keys(), ...opsAfter.keys()])].sort()
  const rows = [
    ['depth', String(before.depth()), String(after.depth())],
    ['size', String(before.size()), String(after.size())],
    ['qubits', String(before.numQubits), String(after.numQubits)],
    ...names.map((name) => [
      `ops: ${name}`,
      String(opsBefore.get(name) ?? 0),
      String(opsAfter.get(name) ?? 0),
    ]),
  ]
  return renderTable(
    [
      { header: 'metric' },
      { header: 'before', align: 'right' },
      { header: 'after', align: 'right' },
    ],
    rows,
  )
}
