import type { ComplexMatrix } from '../../math/complex-matrix.js'
import { matrix, minusI, minusIExpi, phaseDiagonal } from './gate-matrix-helpers.js'

const SQRT1_2 = Math.SQRT1_2

/**
 * `RXX(θ) = exp(−iθ X⊗X/2)`.
 *
 * @param theta - the rotation angle
 * @returns the 4×4 unitary (little-endian)
 */
export function rxxMatrix(theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = minusI(Math.sin(theta / 2))
  return matrix([
    [c, 0, 0, s],
    [0, c, s, 0],
    [0, s, c, 0],
    [s, 0, 0, c],
  ])
}

/** `RYY(θ) = exp(−iθ Y⊗Y/2)`. */
export function ryyMatrix(theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  const m = minusI(s)
  const p: readonly [number, number] = [0, s]
  return matrix([
    [c, 0, 0, p],
    [0, c, m, 0],
    [0, m, c, 0],
    [p, 0, 0, c],
  ])
}

/** `RZZ(θ) = exp(−iθ Z⊗Z/2) = diag(e^{−iθ/2}, e^{iθ/2}, e^{iθ/2}, e^{−iθ/2})`. */
export function rzzMatrix(theta: number): ComplexMatrix {
  const h = theta / 2
  return phaseDiagonal([-h, h, h, -h])
}

/**
 * `RZX(θ) = exp(−iθ X⊗Z/2)` on qargs `(q0, q1)`: Z on `q0`, X on `q1` (Qiskit's convention, so
 * that the cross-resonance control is `q0`).
 */
export function rzxMatrix(theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  const m = minusI(s)
  const p: readonly [number, number] = [0, s]
  return matrix([
    [c, 0, m, 0],
    [0, c, 0, p],
    [m, 0, c, 0],
    [0, p, 0, c],
  ])
}

/**
 * `XX+YY(θ, β) = RZ₀(−β)·exp(−iθ(XX+YY)/4)·RZ₀(β)`: rotates between `|01⟩` and `|10⟩`.
 *
 * @param theta - the rotation angle
 * @param beta - the phase angle
 * @returns the 4×4 unitary (little-endian)
 */
export function xxPlusYyMatrix(theta: number, beta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return matrix([
    [1, 0, 0, 0],
    [0, c, minusIExpi(s, -beta), 0],
    [0, minusIExpi(s, beta), c, 0],
    [0, 0, 0, 1],
  ])
}

/**
 * `XX−YY(θ, β) = RZ₁(β)·exp(−iθ(XX−YY)/4)·RZ₁(−β)`: rotates between `|00⟩` and `|11⟩`.
 *
 * @param theta - the rotation angle
 * @param beta - the phase angle
 * @returns the 4×4 unitary (little-endian)
 */
export function xxMinusYyMatrix(theta: number, beta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return matrix([
    [c, 0, 0, minusIExpi(s, -beta)],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [minusIExpi(s, beta), 0, 0, c],
  ])
}

const I: readonly [number, number] = [0, SQRT1_2]
const MI: readonly [number, number] = [0, -SQRT1_2]

/** The fixed two-qubit gates that are not plain controlled gates. */
export const FIXED_TWO_QUBIT_MATRICES = {
  swap: () =>
    matrix([
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
    ]),
  iswap: () =>
    matrix([
      [1, 0, 0, 0],
      [0, 0, [0, 1], 0],
      [0, [0, 1], 0, 0],
      [0, 0, 0, 1],
    ]),
  // cx(q0 → q1) then cx(q1 → q0)
  dcx: () =>
    matrix([
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]),
  ecr: () =>
    matrix([
      [0, SQRT1_2, 0, I],
      [SQRT1_2, 0, MI, 0],
      [0, I, 0, SQRT1_2],
      [MI, 0, SQRT1_2, 0],
    ]),
} as const satisfies Record<string, () => ComplexMatrix>
