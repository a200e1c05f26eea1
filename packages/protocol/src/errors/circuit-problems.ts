import type { FieldError, ProblemDocument } from '../schemas/problem-document.js'
import { formatJsonPointer } from '../validation/json-pointer.js'
import { problemDocument } from './problem-document.js'

/** The part of core's `QasmDiagnostic` a problem needs (declared structurally). */
export interface QasmDiagnosticLike {
  readonly code: string
  readonly message: string
  readonly line: number
  readonly column: number
  readonly severity?: 'error' | 'warning'
}

/** The diagnostics of one circuit of a submission that did not parse. */
export interface CircuitParseFailure {
  /** Index of the circuit in `input.circuits`. */
  readonly circuit: number
  readonly diagnostics: readonly QasmDiagnosticLike[]
}

function qasmPointer(circuit: number): string {
  return formatJsonPointer(['input', 'circuits', circuit, 'qasm'])
}

/**
 * The 422 `qasm_parse_failed` problem of a submission whose circuits do not parse: one field
 * error per error diagnostic (warnings are left out), each pointing at the circuit's `qasm` and
 * carrying the diagnostic's code, line and column.
 *
 * @param failures - per failing circuit, core's `QasmParseError.diagnostics`
 * @returns the problem document
 * @example
 * ```ts
 * catch (e) { if (e instanceof QasmParseError) return qasmParseProblem([{ circuit: i, diagnostics: e.diagnostics }]) }
 * ```
 */
export function qasmParseProblem(failures: readonly CircuitParseFailure[]): ProblemDocument {
  const errors: FieldError[] = failures.flatMap(({ circuit, diagnostics }) =>
    diagnostics
      .filter((d) => d.severity !== 'warning')
      .map((d) => ({
        in: 'body' as const,
        pointer: qasmPointer(circuit),
        field: `input.circuits[${circuit}].qasm`,
        code: d.code,
        message: d.message,
        line: d.line,
        column: d.column,
      })),
  )
  const first = errors[0]
  const where =
    first === undefined ? '' : ` (${first.field}:${first.line}:${first.column}: ${first.message})`
  return problemDocument('qasm_parse_failed', `${errors.length} OpenQASM error(s)${where}.`, {
    errors,
  })
}

/** One operation a backend cannot run. */
export interface UnsupportedOperation {
  /** Index of the circuit in `input.circuits`. */
  readonly circuit: number
  /** The gate (or instruction) name. */
  readonly gate: string
  /** The qubits it acts on. */
  readonly qubits: readonly number[]
}

/**
 * The 422 `unsupported_operation` problem: each operation the backend lacks, naming the gate and
 * qubits (so a user sees `cx` on `[0, 4]` is the problem, not just "invalid circuit").
 *
 * @param backend - the backend's name
 * @param operations - what it cannot run
 * @returns the problem document
 */
export function unsupportedOperationProblem(
  backend: string,
  operations: readonly UnsupportedOperation[],
): ProblemDocument {
  const errors: FieldError[] = operations.map((op) => ({
    in: 'body',
    pointer: qasmPointer(op.circuit),
    field: `input.circuits[${op.circuit}].qasm`,
    code: 'unsupported_operation',
    message: `${backend} does not support ${op.gate} on qubits [${op.qubits.join(', ')}]`,
    gate: op.gate,
    qubits: [...op.qubits],
  }))
  return problemDocument(
    'unsupported_operation',
    errors[0]?.message ?? `${backend} does not support an operation.`,
    { errors, solution: 'Transpile the circuits for the backend before submitting them.' },
  )
}
