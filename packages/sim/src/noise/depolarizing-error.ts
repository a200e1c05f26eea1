/**
 * The depolarizing channel (Qiskit Aer's `depolarizing_error`).
 */
import { NoiseError, requireInRange } from './noise-error.js'
import { allPauliLabels } from './pauli-labels.js'
import { QuantumError } from './quantum-error.js'

/**
 * The largest depolarizing parameter on `n` qubits, `4^n/(4^n − 1)` (the channel that leaves
 * no identity component: a uniform mixture of the non-identity Paulis).
 *
 * @param numQubits - the width
 * @returns the bound
 */
export function maxDepolarizingParameter(numQubits: number): number {
  const terms = 4 ** numQubits
  return terms / (terms - 1)
}

/**
 * The `n`-qubit depolarizing channel `E(ρ) = (1 − λ)·ρ + λ·Tr(ρ)·I/2^n`, in Pauli form: the
 * identity with probability `1 − λ·(4^n − 1)/4^n` and each of the other `4^n − 1` Paulis with
 * probability `λ/4^n` (Aer's parameterisation: `λ` is the probability of replacing the state by
 * the maximally mixed one, so `λ = 1` is the completely depolarizing channel).
 *
 * @param param - `λ`, in `[0, 4^n/(4^n − 1)]`
 * @param numQubits - the width `n ≥ 1`
 * @returns the error
 * @throws NoiseError `sim.noise.invalid-parameter` for a width that is not a positive integer
 *   (argument `numQubits`) or `λ` out of range (argument `param`)
 * @example
 * ```ts
 * const e = depolarizingError(0.01, 2)
 * e.averageGateFidelity() // 1 - 0.01·3/4
 * ```
 */
export function depolarizingError(param: number, numQubits: number): QuantumError {
  if (!Number.isInteger(numQubits) || numQubits < 1) {
    throw new NoiseError(
      'sim.noise.invalid-parameter',
      `numQubits must be a positive integer, got ${String(numQubits)}`,
      { argument: 'numQubits' },
    )
  }
  const max = maxDepolarizingParameter(numQubits)
  const lambda = requireInRange(param, 'param', [0, max])
  const count = 4 ** numQubits
  const labels = allPauliLabels(numQubits)
  return new QuantumError(
    labels.map((pauli, i) => ({
      pauli,
      probability: i === 0 ? Math.max(0, 1 - lambda / max) : lambda / count,
    })),
  )
}
