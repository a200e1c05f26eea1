/**
 * The Bell circuit in manila's native gates, run exactly on density matrices with a noise model:
 * rz(π/2)·sx·rz(π/2) on qubit 0 (a Hadamard up to phase), then cx(0, 1).
 */
import { ComplexMatrix } from '@qfabric/core/math'
import {
  applyChannelToDensityMatrix,
  applyUnitaryToDensityMatrix,
} from '../../../src/noise/apply-channel.js'
import type { NoiseModel } from '../../../src/noise/noise-model.js'
import { real } from './numeric.js'

/** rz(π/2) = diag(e^{−iπ/4}, e^{iπ/4}). */
export const RZ_HALF_PI = ComplexMatrix.fromRows([
  [[Math.SQRT1_2, -Math.SQRT1_2], 0],
  [0, [Math.SQRT1_2, Math.SQRT1_2]],
])

/** sx = ½[[1 + i, 1 − i], [1 − i, 1 + i]]. */
export const SX = ComplexMatrix.fromRows([
  [
    [0.5, 0.5],
    [0.5, -0.5],
  ],
  [
    [0.5, -0.5],
    [0.5, 0.5],
  ],
])

/** CX with control qubit 0 and target qubit 1 on qargs (0, 1): bit 0 = control. */
export const CX = real([
  [1, 0, 0, 0],
  [0, 0, 0, 1],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
])

/** The circuit as (name, matrix, qubits) steps. */
export const BELL_STEPS: readonly (readonly [string, ComplexMatrix, readonly number[]])[] = [
  ['rz', RZ_HALF_PI, [0]],
  ['sx', SX, [0]],
  ['rz', RZ_HALF_PI, [0]],
  ['cx', CX, [0, 1]],
]

/** The final density matrix of the Bell circuit with the model's gate errors. */
export function noisyBell(model: NoiseModel | undefined): ComplexMatrix {
  let rho = new ComplexMatrix(4, 4)
  rho.set(0, 0, 1)
  for (const [name, u, qubits] of BELL_STEPS) {
    rho = applyUnitaryToDensityMatrix(rho, u, qubits)
    for (const e of model?.errorsFor(name, qubits) ?? [])
      rho = applyChannelToDensityMatrix(rho, e, qubits)
  }
  return rho
}

/** ⟨Φ+|ρ|Φ+⟩. */
export function bellFidelity(rho: ComplexMatrix): number {
  return (rho.get(0, 0).re + rho.get(3, 3).re + 2 * rho.get(0, 3).re) / 2
}
