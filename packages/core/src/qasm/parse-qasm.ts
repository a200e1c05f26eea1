import type { QuantumCircuit } from '../circuit/quantum-circuit.js'
import type { QasmDiagnostic } from './qasm-error.js'
import { analyzeQasm2, parseQasm2 } from './qasm2/parse-qasm2.js'
import type { Qasm2ParseOptions } from './qasm2/qasm2-parse-options.js'
import { analyzeQasm3, parseQasm3, type Qasm3ParseOptions } from './qasm3/parser.js'

/** Options of {@link parseQasm}: those of both parsers; each reads the ones it knows. */
export type ParseQasmOptions = Qasm2ParseOptions & Qasm3ParseOptions

/** The version an `OPENQASM x.y;` header declares. */
export interface QasmVersion {
  readonly major: number
  readonly minor: number | undefined
}

/** What {@link analyzeQasm} found, with the version that decided the parser. */
export interface QasmAnalysis {
  /** 2 or 3: which parser read the program. */
  readonly version: 2 | 3
  /** The circuit, when the program is valid. */
  readonly circuit: QuantumCircuit | undefined
  /** Every error and warning found. */
  readonly diagnostics: readonly QasmDiagnostic[]
}

const SPACE = /\s/

/**
 * The version declared by the program's `OPENQASM` header, looked for before anything but
 * whitespace and comments; `undefined` when the program does not start with one.
 *
 * @param text - the program
 * @returns the declared version, or `undefined`
 */
export function detectQasmVersion(text: string): QasmVersion | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    while (i < text.length && SPACE.test(text.charAt(i))) i++
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i)
      i = end === -1 ? text.length : end + 1
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2)
      i = end === -1 ? text.length : end + 2
    } else {
      break
    }
  }
  if (!text.startsWith('OPENQASM', i)) return undefined
  const match = /^OPENQASM\s+(\d+)(?:\.(\d+))?/.exec(text.slice(i, i + 64))
  if (match === null) return undefined
  return { major: Number(match[1]), minor: match[2] === undefined ? undefined : Number(match[2]) }
}

/**
 * Parses an OpenQASM program of either version into a circuit: OpenQASM 3 when the header says
 * `OPENQASM 3…`, OpenQASM 2 otherwise (also when there is no header, as Qiskit assumes).
 *
 * @param text - the program
 * @param options - include resolver, custom instructions, strict mode (OpenQASM 2), file name, abort signal
 * @returns the circuit
 * @throws QasmParseError (code `qasm.parse`) with every diagnostic found — and nothing else,
 *   except the abort signal's reason when it fires
 *
 * @example
 * ```ts
 * parseQasm('OPENQASM 3.0; include "stdgates.inc"; qubit[2] q; h q[0]; cx q[0], q[1];')
 * parseQasm('OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; h q[0]; cx q[0], q[1];')
 * ```
 */
export function parseQasm(text: string, options: ParseQasmOptions = {}): QuantumCircuit {
  return detectQasmVersion(text)?.major === 3
    ? parseQasm3(text, options)
    : parseQasm2(text, options)
}

/**
 * Like {@link parseQasm}, but returns the diagnostics instead of throwing.
 *
 * @param text - the program
 * @param options - as for {@link parseQasm}
 * @returns the version used, the circuit if valid, and the diagnostics
 * @throws only the abort signal's reason, when it fires
 */
export function analyzeQasm(text: string, options: ParseQasmOptions = {}): QasmAnalysis {
  if (detectQasmVersion(text)?.major === 3) {
    const { circuit, diagnostics } = analyzeQasm3(text, options)
    return { version: 3, circuit, diagnostics }
  }
  const { circuit, diagnostics } = analyzeQasm2(text, options)
  return { version: 2, circuit, diagnostics }
}
