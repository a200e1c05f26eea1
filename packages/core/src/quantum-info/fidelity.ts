import { Operator, type OperatorLike } from './operator.js'
import { QuantumInfoError } from './quantum-info-error.js'
import type { Statevector } from './statevector.js'

/**
 * The process fidelity of a unitary channel to a unitary target,
 * `F = |tr(V†·U)|² / d²` (Qiskit's `process_fidelity` for unitary operators).
 *
 * @param channel - the implemented unitary `U` (operator, matrix, circuit, gate, …)
 * @param target - the target `V` (default the identity)
 * @returns the fidelity in [0, 1]
 * @throws QuantumInfoError `quantum-info.not-unitary` for non-unitary input (channels other than
 *   unitaries are not supported); `quantum-info.dimension-mismatch` for different sizes
 */
export function processFidelity(channel: OperatorLike, target?: OperatorLike): number {
  const u = unitary(channel, 'channel')
  const v = target === undefined ? undefined : unitary(target, 'target')
  const d = u.dim
  if (v === undefined) return u.data.trace().abs2() / (d * d)
  if (v.dim !== d) {
    throw new QuantumInfoError(
      'quantum-info.dimension-mismatch',
      `channel and target act on ${u.numQubits} and ${v.numQubits} qubits`,
    )
  }
  return v.data.adjoint().mul(u.data).trace().abs2() / (d * d)
}

/**
 * The average gate fidelity `(d·F_pro + 1)/(d + 1)` (Qiskit's `average_gate_fidelity`).
 *
 * @param channel - the implemented unitary
 * @param target - the target (default the identity)
 * @returns the fidelity in [1/(d+1), 1]
 * @throws QuantumInfoError as {@link processFidelity}
 */
export function averageGateFidelity(channel: OperatorLike, target?: OperatorLike): number {
  const d = Operator.from(channel).dim
  return (d * processFidelity(channel, target) + 1) / (d + 1)
}

/**
 * The gate error `1 − averageGateFidelity` (Qiskit's `gate_error`).
 *
 * @param channel - the implemented unitary
 * @param target - the target (default the identity)
 */
export function gateError(channel: OperatorLike, target?: OperatorLike): number {
  return 1 - averageGateFidelity(channel, target)
}

function unitary(x: OperatorLike, what: string): Operator {
  const op = Operator.from(x)
  if (!op.isUnitary()) {
    throw new QuantumInfoError('quantum-info.not-unitary', `the ${what} is not unitary`)
  }
  return op
}

/**
 * The fidelity `|⟨a|b⟩|²` of two pure states (Qiskit's `state_fidelity`).
 *
 * @param a - a normalised state
 * @param b - a normalised state on as many qubits
 * @returns the fidelity in [0, 1]
 * @throws QuantumInfoError `quantum-info.not-normalized` for an invalid state;
 *   `quantum-info.dimension-mismatch` for different sizes
 */
export function stateFidelity(a: Statevector, b: Statevector): number {
  for (const s of [a, b]) {
    if (!s.isValid()) {
      throw new QuantumInfoError(
        'quantum-info.not-normalized',
        `state of norm ${s.norm()} is not valid`,
      )
    }
  }
  return a.innerProduct(b).abs2()
}
