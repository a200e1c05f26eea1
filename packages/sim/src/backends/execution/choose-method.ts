/**
 * Aer's `automatic` method choice: the stabilizer simulator for Clifford circuits without noise;
 * for noisy circuits, an exact density matrix when the circuit is small (few active qubits, no
 * fewer shots than basis states) and all its measurements are final, and statevector
 * trajectories otherwise; the statevector simulator for everything else.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { isCliffordCircuit } from '../../stabilizer/is-clifford-circuit.js'
import type { ResolvedMethod } from './execution-request.js'
import type { NoisyCircuit } from './noisy/noisy-step.js'
import { hasOnlyTerminalMeasures } from './noisy/terminal-measures.js'

/**
 * The method for an ideal circuit under `automatic`.
 *
 * @param circuit - the circuit
 * @returns `stabilizer` for Clifford circuits, else `statevector`
 */
export function chooseIdealMethod(circuit: QuantumCircuit): ResolvedMethod {
  return isCliffordCircuit(circuit) ? 'stabilizer' : 'statevector'
}

/**
 * The method for a noisy circuit under `automatic`.
 *
 * @param lowered - the noisy circuit on its active qubits
 * @param limits - the widest density matrix to use and the shot count
 * @returns `density_matrix` or `statevector` (trajectories)
 */
export function chooseNoisyMethod(
  lowered: NoisyCircuit,
  limits: { readonly densityMatrixMaxQubits: number; readonly shots: number },
): ResolvedMethod {
  const n = lowered.numQubits
  const small = n <= limits.densityMatrixMaxQubits && 2 ** n <= Math.max(limits.shots, 1)
  return small && hasOnlyTerminalMeasures(lowered.steps) ? 'density_matrix' : 'statevector'
}
