import type { ComplexMatrix } from '../../math/complex-matrix.js'
import { expi, matrix, minusI, minusIExpi, phaseDiagonal, polar } from './gate-matrix-helpers.js'

const SQRT1_2 = Math.SQRT1_2

/**
 * `U(θ, φ, λ)` exactly as Qiskit (and OpenQASM 3's builtin `U`) defines it:
 * `[[cos(θ/2), −e^{iλ} sin(θ/2)], [e^{iφ} sin(θ/2), e^{i(φ+λ)} cos(θ/2)]]`.
 *
 * @param theta - the polar angle θ
 * @param phi - the first phase φ
 * @param lambda - the second phase λ
 * @returns the 2×2 unitary
 */
export function uMatrix(theta: number, phi: number, lambda: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return matrix([
    [c, polar(-s, lambda)],
    [polar(s, phi), polar(c, phi + lambda)],
  ])
}

/** `RX(θ) = exp(−iθX/2)`. */
export function rxMatrix(theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return matrix([
    [c, minusI(s)],
    [minusI(s), c],
  ])
}

/** `RY(θ) = exp(−iθY/2)`. */
export function ryMatrix(theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return matrix([
    [c, -s],
    [s, c],
  ])
}

/** `RZ(φ) = exp(−iφZ/2) = diag(e^{−iφ/2}, e^{iφ/2})`. */
export function rzMatrix(phi: number): ComplexMatrix {
  return phaseDiagonal([-phi / 2, phi / 2])
}

/** `P(λ) = diag(1, e^{iλ})` (also `u1`). */
export function pMatrix(lambda: number): ComplexMatrix {
  return phaseDiagonal([0, lambda])
}

/** `R(θ, φ) = exp(−iθ(cos φ X + sin φ Y)/2)`. */
export function rMatrix(theta: number, phi: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return matrix([
    [c, minusIExpi(s, -phi)],
    [minusIExpi(s, phi), c],
  ])
}

/** `U2(φ, λ) = U(π/2, φ, λ)`, written out so that its entries are exactly `±1/√2·e^{i…}`. */
export function u2Matrix(phi: number, lambda: number): ComplexMatrix {
  return matrix([
    [SQRT1_2, polar(-SQRT1_2, lambda)],
    [polar(SQRT1_2, phi), polar(SQRT1_2, phi + lambda)],
  ])
}

const HALF: readonly [number, number] = [0.5, 0.5]
const HALF_CONJ: readonly [number, number] = [0.5, -0.5]

/** The fixed one-qubit gates, as constant matrices (a fresh copy per call). */
export const FIXED_ONE_QUBIT_MATRICES = {
  id: () =>
    matrix([
      [1, 0],
      [0, 1],
    ]),
  x: () =>
    matrix([
      [0, 1],
      [1, 0],
    ]),
  y: () =>
    matrix([
      [0, [0, -1]],
      [[0, 1], 0],
    ]),
  z: () =>
    matrix([
      [1, 0],
      [0, -1],
    ]),
  h: () =>
    matrix([
      [SQRT1_2, SQRT1_2],
      [SQRT1_2, -SQRT1_2],
    ]),
  s: () =>
    matrix([
      [1, 0],
      [0, [0, 1]],
    ]),
  sdg: () =>
    matrix([
      [1, 0],
      [0, [0, -1]],
    ]),
  t: () =>
    matrix([
      [1, 0],
      [0, [SQRT1_2, SQRT1_2]],
    ]),
  tdg: () =>
    matrix([
      [1, 0],
      [0, [SQRT1_2, -SQRT1_2]],
    ]),
  sx: () =>
    matrix([
      [HALF, HALF_CONJ],
      [HALF_CONJ, HALF],
    ]),
  sxdg: () =>
    matrix([
      [HALF_CONJ, HALF],
      [HALF, HALF_CONJ],
    ]),
} as const satisfies Record<string, () => ComplexMatrix>

/** `e^{iθ}` as a 1×1 matrix: the `global_phase` gate. */
export function globalPhaseMatrix(theta: number): ComplexMatrix {
  return matrix([[expi(theta)]])
}
