import { QfabricError } from '../internal/qfabric-error.js'

/**
 * A quantum-info object cannot do what was asked (Qiskit's `QiskitError` from
 * `qiskit.quantum_info`). Codes: `quantum-info.not-unitary` (an operation that needs a unitary),
 * `quantum-info.dimension-mismatch` (operands on different numbers of qubits),
 * `quantum-info.invalid-label` (a Pauli or state label that does not parse),
 * `quantum-info.not-normalized` (a state that must be normalised is not).
 */
export class QuantumInfoError extends QfabricError {
  /**
   * @param code - the stable code, `quantum-info.*`
   * @param message - what went wrong
   * @param options - the ES2022 `cause`
   */
  constructor(code: `quantum-info.${string}`, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'QuantumInfoError'
  }
}
