import type { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import type { IncludeResolver } from '../qasm-error.js'

/**
 * The part of an `AbortSignal` the parsers use. Declared structurally because `@qfabric/core`
 * compiles without the DOM and Node type libraries; any real `AbortSignal` fits.
 */
export interface AbortSignalLike {
  readonly aborted: boolean
  readonly reason: unknown
}

/**
 * A gate (or other instruction) the program may use, built by your own code (Qiskit's
 * `qasm2.CustomInstruction`). A `builtin` instruction needs no declaration in the program; any
 * other only replaces a `gate`/`opaque` declaration (or a `qelib1.inc` gate) of the same name,
 * which must then have the same numbers of parameters and qubits.
 */
export interface CustomInstruction {
  /** The name used in the program. */
  readonly name: string
  /** How many parameters it takes. */
  readonly numParams: number
  /** How many qubits it acts on. */
  readonly numQubits: number
  /** Builds the operation for one application from its (constant-folded) parameters. */
  readonly constructor: (...params: ParameterValue[]) => Instruction
  /** Usable without a declaration (default `false`). */
  readonly builtin?: boolean | undefined
}

/** Options of `parseQasm2` (and `analyzeQasm2`). */
export interface Qasm2ParseOptions {
  /**
   * Supplies the text of `include` files other than `qelib1.inc` (which is always built in, as
   * in Qiskit). Default: an in-memory resolver with the standard include files only.
   */
  readonly includeResolver?: IncludeResolver | undefined
  /** Directories tried, in order, in front of an include path (Qiskit's `include_path`). */
  readonly includePath?: readonly string[] | undefined
  /** Gates built by your own code (Qiskit's `custom_instructions`). */
  readonly customInstructions?: readonly CustomInstruction[] | undefined
  /**
   * Follow the letter of the OpenQASM 2.0 specification (Qiskit's `strict=True`): the version
   * statement is required and must be `2.0`, no trailing commas, no empty statements, no
   * argument-less barriers, floats need a decimal point, paths need double quotes.
   */
  readonly strict?: boolean | undefined
  /** The name diagnostics give the main text (default `<input>`). */
  readonly fileName?: string | undefined
  /** Stops a long parse: checked between statements; the parse then throws `signal.reason`. */
  readonly signal?: AbortSignalLike | undefined
}
