import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { QasmParseError, type IncludeResolver, type QasmDiagnostic } from '../qasm-error.js'
import { createDefaultIncludeResolver } from '../include-resolver.js'
import type { AbortSignalLike, CustomInstruction } from '../qasm2/qasm2-parse-options.js'
import type { Program } from './ast.js'
import { lexQasm3 } from './lexer.js'
import { ProgramLowerer } from './lower/program-lowerer.js'
import { SourceFile } from './source-file.js'
import { StatementParser } from './statement-parser.js'

/** Options of {@link parseQasm3} and {@link analyzeQasm3}. */
export interface Qasm3ParseOptions {
  /**
   * Supplies the text of `include` files other than `stdgates.inc` (which is built in, as in
   * Qiskit). Default: the in-memory resolver with the standard include files.
   */
  readonly includeResolver?: IncludeResolver | undefined
  /** Gates built by your own code (Qiskit's `custom_instructions`). */
  readonly customInstructions?: readonly CustomInstruction[] | undefined
  /** The name diagnostics give the main text (default `<input>`). */
  readonly fileName?: string | undefined
  /** The name of the resulting circuit (default: the circuit's generated name). */
  readonly circuitName?: string | undefined
  /** At most this many instructions are produced, unrolled loops included (default 10 million). */
  readonly maxInstructions?: number | undefined
  /** Stops a long parse between statements; the parse then throws `signal.reason`. */
  readonly signal?: AbortSignalLike | undefined
}

/** What {@link analyzeQasm3} found. */
export interface Qasm3Analysis {
  /** The syntax tree (present even when there are syntax errors: the statements that parsed). */
  readonly program?: Program
  /** The circuit, when the program is free of errors and lowers to one. */
  readonly circuit?: QuantumCircuit
  /** Every problem found: syntax errors alone if there are any, else semantic ones. */
  readonly diagnostics: readonly QasmDiagnostic[]
}

/** Read through a function so the compiler does not assume the flag stays unchanged. */
function isAborted(signal: AbortSignalLike | undefined): boolean {
  return signal?.aborted === true
}

function internalDiagnostic(source: SourceFile, error: unknown): QasmDiagnostic {
  const detail = error instanceof Error ? error.message : String(error)
  return source.diagnostic(
    'qasm3.internal',
    `internal error while reading the program: ${detail}`,
    {
      span: { offset: 0, length: 0 },
    },
  )
}

/**
 * Lexes, parses and lowers in one pass: each top-level statement is lowered as soon as it is
 * parsed, until the first syntax error (after which only syntax is checked).
 */
function run(
  text: string,
  options: Qasm3ParseOptions,
  keepStatements: boolean,
): {
  program: Program
  circuit: QuantumCircuit | undefined
  diagnostics: readonly QasmDiagnostic[]
} {
  const source = new SourceFile(options.fileName ?? '<input>', text)
  const syntax: QasmDiagnostic[] = []
  const tokens = lexQasm3(source, syntax)
  const lowerer = new ProgramLowerer(
    source,
    {
      includeResolver: options.includeResolver ?? createDefaultIncludeResolver(),
      customInstructions: options.customInstructions,
      maxInstructions: options.maxInstructions,
      signal: options.signal,
      name: options.circuitName,
    },
    tokens.hardwareQubits,
  )
  const parser = new StatementParser(source, tokens, syntax)
  const program = parser.program({
    keepStatements,
    onStatement: (statement) => {
      if (syntax.length === 0) lowerer.lower(statement)
    },
  })
  if (syntax.length > 0) return { program, circuit: undefined, diagnostics: syntax }
  const circuit = lowerer.finish()
  return { program, circuit, diagnostics: lowerer.diagnostics }
}

/**
 * Parses and lowers OpenQASM 3 source, never throwing for bad input: for editors and tools
 * that want the syntax tree and every diagnostic at once.
 *
 * @param text - the OpenQASM 3 source
 * @param options - include resolver, custom gates, file name
 * @returns the program, the circuit if it lowers cleanly, and the diagnostics
 * @throws only `options.signal.reason` when the signal aborts
 * @example
 * ```ts
 * const { circuit, diagnostics } = analyzeQasm3('qubit q; h q;')
 * // diagnostics[0].code === 'qasm3.semantic.undefined-gate' (h needs stdgates.inc)
 * ```
 */
export function analyzeQasm3(text: string, options: Qasm3ParseOptions = {}): Qasm3Analysis {
  const signal = options.signal
  if (isAborted(signal)) throw signal?.reason
  try {
    const { program, circuit, diagnostics } = run(text, options, true)
    return circuit === undefined ? { program, diagnostics } : { program, circuit, diagnostics }
  } catch (error) {
    if (isAborted(signal) && error === signal?.reason) throw error
    return {
      diagnostics: [internalDiagnostic(new SourceFile(options.fileName ?? '<input>', text), error)],
    }
  }
}

/**
 * Parses OpenQASM 3 source into a circuit, with the semantics of Qiskit's `qasm3.loads`:
 * `stdgates.inc` names become standard gates, `gate` definitions custom gates, `input float`
 * declarations free parameters, `if`/`for`/`while`/`box` control-flow operations, and
 * compile-time classical code (constants, loops over known ranges, subroutines) is evaluated.
 *
 * @param text - the OpenQASM 3 source
 * @param options - include resolver, custom gates, file name
 * @returns the circuit
 * @throws QasmParseError with every diagnostic (codes `qasm3.lex.*`, `qasm3.parse.*`,
 *   `qasm3.semantic.*`, `qasm3.unsupported.*`, `qasm3.internal`) when the program has errors;
 *   nothing else, except `options.signal.reason` when the signal aborts
 * @example
 * ```ts
 * const qc = parseQasm3(`
 *   OPENQASM 3.0;
 *   include "stdgates.inc";
 *   qubit[2] q;
 *   bit[2] c;
 *   h q[0];
 *   cx q[0], q[1];
 *   c = measure q;
 * `)
 * qc.countOps() // Map { 'measure' => 2, 'h' => 1, 'cx' => 1 }
 * ```
 */
export function parseQasm3(text: string, options: Qasm3ParseOptions = {}): QuantumCircuit {
  const signal = options.signal
  if (isAborted(signal)) throw signal?.reason
  let result: ReturnType<typeof run>
  try {
    result = run(text, options, false)
  } catch (error) {
    if (isAborted(signal) && error === signal?.reason) throw error
    throw new QasmParseError(
      [internalDiagnostic(new SourceFile(options.fileName ?? '<input>', text), error)],
      {
        cause: error,
      },
    )
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  if (result.circuit !== undefined && errors.length === 0) return result.circuit
  if (result.diagnostics.length > 0) throw new QasmParseError(result.diagnostics)
  const source = new SourceFile(options.fileName ?? '<input>', text)
  throw new QasmParseError([internalDiagnostic(source, 'no circuit was produced')])
}
