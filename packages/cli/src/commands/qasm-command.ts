/**
 * `qfabric qasm convert <in.qasm> --to 2|3 [-o out]`: rewrites an OpenQASM program in the
 * other version (parsed with core's `parseQasm`, written with `toQasm2`/`toQasm3`).
 */
import { toQasm2, toQasm3 } from '@qfabric/core/qasm'
import type { QuantumCircuit } from '@qfabric/core/circuit'
import type { Command } from 'commander'
import type { CliContext } from '../cli-context.js'
import { readCircuitFile, writeTextFile } from '../io/read-circuit.js'
import { parseQasmVersion } from '../option-parsers.js'

interface ConvertOptions {
  readonly to: 2 | 3
  readonly output?: string
}

/**
 * Writes a circuit as OpenQASM of the given version.
 *
 * @param circuit - the circuit
 * @param version - 2 or 3
 * @returns the program text, ending with a newline
 * @throws QasmExportError when the version cannot express the circuit
 */
export function circuitToQasm(circuit: QuantumCircuit, version: 2 | 3): string {
  const text = version === 2 ? toQasm2(circuit) : toQasm3(circuit)
  return text.endsWith('\n') ? text : `${text}\n`
}

/**
 * Writes a program to `-o <file>` or, without it, to standard output.
 *
 * @param text - the program
 * @param output - the file, if any
 * @param context - standard output
 */
export async function writeProgram(
  text: string,
  output: string | undefined,
  context: CliContext,
): Promise<void> {
  if (output === undefined) context.stdout.write(text)
  else await writeTextFile(output, text)
}

/**
 * Adds `qasm` (with `convert`) to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs and signal
 */
export function registerQasmCommand(program: Command, context: CliContext): void {
  const qasm = program
    .command('qasm')
    .description('OpenQASM tools (see qfabric qasm convert --help)')
  qasm
    .command('convert')
    .description('rewrite an OpenQASM 2 or 3 program in the other version')
    .argument('<file>', 'the OpenQASM file (its version is read from its header)')
    .requiredOption('--to <version>', 'the version to write: 2 or 3', parseQasmVersion)
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      '\nExample:\n  qfabric qasm convert bell.qasm --to 3 -o bell3.qasm\n' +
        '\nParse errors are printed as file:line:column: message (exit status 1).\n',
    )
    .action(async (file: string, options: ConvertOptions) => {
      const { circuit } = await readCircuitFile(file, context.signal)
      await writeProgram(circuitToQasm(circuit, options.to), options.output, context)
    })
}
