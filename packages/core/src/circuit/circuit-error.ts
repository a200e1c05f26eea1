import { QfabricError } from '../internal/qfabric-error.js'

/**
 * The stable codes a {@link CircuitError} carries. Never reworded once released.
 *
 * - `circuit.unbound-parameter`: a number was asked of an expression with free parameters
 * - `circuit.unknown-parameter`: a binding names a parameter the circuit does not have
 * - `circuit.not-invertible`: `inverse()` of a measurement, reset, or opaque operation
 * - `circuit.no-matrix`: `toMatrix()` of an opaque gate, or a circuit with non-unitary operations
 * - `circuit.duplicate-register`: a register or bit added twice
 * - `circuit.invalid-control-flow`: a control-flow body or condition that does not fit its op
 * - `circuit.invalid-json`: a circuit JSON document that cannot be read
 * - `circuit.invalid-operation`: any other semantically wrong operation
 */
export const CIRCUIT_ERROR_CODES = [
  'circuit.unbound-parameter',
  'circuit.unknown-parameter',
  'circuit.not-invertible',
  'circuit.no-matrix',
  'circuit.duplicate-register',
  'circuit.invalid-control-flow',
  'circuit.invalid-json',
  'circuit.invalid-operation',
] as const

/** A code of {@link CircuitError}. */
export type CircuitErrorCode = (typeof CIRCUIT_ERROR_CODES)[number]

/**
 * A semantic error in building, transforming or evaluating a circuit (Qiskit's `CircuitError`).
 * Misuse such as an out-of-range qubit or a wrong arity is a `RangeError`/`TypeError` instead.
 */
export class CircuitError extends QfabricError {
  declare readonly code: CircuitErrorCode

  /**
   * @param code - the stable code, one of {@link CIRCUIT_ERROR_CODES}
   * @param message - what went wrong, and where
   * @param options - the ES2022 `cause`
   */
  constructor(code: CircuitErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'CircuitError'
  }
}
