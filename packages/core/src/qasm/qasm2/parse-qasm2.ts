import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { createDefaultIncludeResolver } from '../include-resolver.js'
import { QasmParseError, type QasmDiagnostic } from '../qasm-error.js'
import type { Program, Statement } from './ast.js'
import { DiagnosticBag } from './diagnostic-bag.js'
import { LoweringContext } from './lowering-context.js'
import { lowerFile, throwIfAborted } from './lower-program.js'
import type { Qasm2ParseOptions } from './qasm2-parse-options.js'
import { SourceFile } from './source-file.js'

/** What {@link analyzeQasm2} found: the syntax tree, the circuit if it lowered, the diagnostics. */
export interface Qasm2Analysis {
  /** The main file's well-formed statements (statements with syntax errors are left out). */
  readonly program: Program
  /** The circuit, when there were no errors. */
  readonly circuit: QuantumCircuit | undefined
  /** Every error and warning, in the order found (includes' too, with their file names). */
  readonly diagnostics: readonly QasmDiagnostic[]
}

/**
 * Parses an OpenQASM 2 program into a circuit, with the semantics of Qiskit's
 * `qiskit.qasm2.loads`: `qelib1.inc` is built in and its gates become the standard gates
 * (`rc3x` → `rcccx`, `c3sqrtx` → `c3sx`, `c4x` → a 4-control `mcx`), `U`/`CX` are `u`/`cx`,
 * user `gate`s become custom gates whose definitions follow their parameters, `opaque` gates have
 * no definition, registers broadcast, and `if (c == n) op;` conditions `op` on register `c`.
 *
 * @param text - the program
 * @param options - include resolver and path, custom instructions, strict mode, file name, abort signal
 * @returns the circuit
 * @throws QasmParseError (code `qasm.parse`) with every diagnostic found — and nothing else,
 *   except the abort signal's reason when it fires
 *
 * @example
 * ```ts
 * const bell = parseQasm2(`
 *   OPENQASM 2.0;
 *   include "qelib1.inc";
 *   qreg q[2];
 *   creg c[2];
 *   h q[0];
 *   cx q[0], q[1];
 *   measure q -> c;
 * `)
 * bell.countOps() // Map { 'measure' => 2, 'h' => 1, 'cx' => 1 }
 * ```
 */
export function parseQasm2(text: string, options: Qasm2ParseOptions = {}): QuantumCircuit {
  const { circuit, diagnostics } = run(text, options, false)
  if (circuit === undefined) throw new QasmParseError(diagnostics)
  return circuit
}

/**
 * Like {@link parseQasm2}, but never throws for a bad program: returns the syntax tree, the
 * circuit (when the program is valid) and all diagnostics — for editors and linters.
 *
 * @param text - the program
 * @param options - as for {@link parseQasm2}
 * @returns the analysis
 * @throws only the abort signal's reason, when it fires
 */
export function analyzeQasm2(text: string, options: Qasm2ParseOptions = {}): Qasm2Analysis {
  return run(text, options, true)
}

function run(text: string, options: Qasm2ParseOptions, keepProgram: boolean): Qasm2Analysis {
  throwIfAborted(options.signal)
  const diagnostics = new DiagnosticBag()
  const file = new SourceFile(options.fileName ?? '<input>', text)
  const statements: Statement[] = []
  let circuit: QuantumCircuit | undefined
  try {
    const ctx = new LoweringContext(file, diagnostics, {
      strict: options.strict === true,
      customInstructions: options.customInstructions ?? [],
    })
    lowerFile(ctx, file, {
      resolver: options.includeResolver ?? createDefaultIncludeResolver(),
      includePath: options.includePath ?? [],
      signal: options.signal,
      statements: keepProgram ? statements : undefined,
    })
    circuit = ctx.circuit
  } catch (error) {
    if (options.signal?.aborted === true && error === options.signal.reason) throw error
    const message = error instanceof Error ? error.message : String(error)
    diagnostics.error('qasm2.internal', `internal error: ${message}`, { file, start: 0, end: 0 })
  }
  const program: Program = {
    kind: 'program',
    file: file.name,
    statements,
    start: 0,
    end: text.length,
  }
  return {
    program,
    circuit: diagnostics.errorCount === 0 ? circuit : undefined,
    diagnostics: diagnostics.items,
  }
}
