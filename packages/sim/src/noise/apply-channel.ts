/**
 * A dense reference for noisy evolution: applying a channel or a unitary to a density matrix.
 * `O(8^n)` per operator, meant for small registers (tests, cross-checks), not for simulation.
 */
import { ComplexMatrix } from '@qfabric/core/math'
import { embedOperator } from './embed-operator.js'
import type { QuantumError } from './quantum-error.js'

/**
 * `ρ ↦ Σ K ρ K†` for the error's Kraus operators placed on `qargs`.
 *
 * @param rho - a `2^n × 2^n` density matrix (not modified)
 * @param error - a channel on `qargs.length` qubits
 * @param qargs - the qubits it acts on, in order (the error's qubit `k` is `qargs[k]`)
 * @returns the new density matrix
 * @throws RangeError when the qubits do not fit the error or the register
 * @example
 * ```ts
 * const rho = ComplexMatrix.fromRows([[1, 0], [0, 0]])
 * applyChannelToDensityMatrix(rho, depolarizingError(0.2, 1), [0]) // diag(0.9, 0.1)
 * ```
 */
export function applyChannelToDensityMatrix(
  rho: ComplexMatrix,
  error: QuantumError,
  qargs: readonly number[],
): ComplexMatrix {
  const n = registerWidth(rho)
  if (qargs.length !== error.numQubits) {
    throw new RangeError(`a ${error.numQubits}-qubit error cannot act on ${qargs.length} qubits`)
  }
  let out = new ComplexMatrix(rho.rows, rho.cols)
  for (const k of error.toKraus()) {
    const full = embedOperator(k, qargs, n)
    out = out.add(full.mul(rho).mul(full.adjoint()))
  }
  return out
}

/**
 * `ρ ↦ U ρ U†` for a unitary placed on `qargs`.
 *
 * @param rho - a `2^n × 2^n` density matrix (not modified)
 * @param unitary - a `2^k × 2^k` unitary
 * @param qargs - its `k` qubits, in order
 * @returns the new density matrix
 * @throws RangeError when the qubits do not fit
 */
export function applyUnitaryToDensityMatrix(
  rho: ComplexMatrix,
  unitary: ComplexMatrix,
  qargs: readonly number[],
): ComplexMatrix {
  const full = embedOperator(unitary, qargs, registerWidth(rho))
  return full.mul(rho).mul(full.adjoint())
}

function registerWidth(rho: ComplexMatrix): number {
  const n = Math.log2(rho.rows)
  if (rho.rows !== rho.cols || !Number.isInteger(n)) {
    throw new RangeError(`a density matrix must be 2^n × 2^n, got ${rho.rows}×${rho.cols}`)
  }
  return n
}
