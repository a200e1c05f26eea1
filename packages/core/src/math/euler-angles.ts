import { Complex } from './complex.js'
import type { ComplexMatrix } from './complex-matrix.js'
import { MathError } from './math-error.js'
import { mat2 } from './one-qubit-gate-matrix.js'

/**
 * The bases of Qiskit's `OneQubitEulerDecomposer`:
 * - `ZYZ`, `ZXZ`, `XYX`, `XZX`: `K(φ)·A(θ)·K(λ)` with rotations `rz`/`ry`/`rx`;
 * - `U3`, `U`: one `u3` / `u` gate; `U321`: `u1`, `u2` or `u3`, whichever is enough;
 * - `PSX` (`p`, `sx`), `ZSX` (`rz`, `sx`), `ZSXX` (`rz`, `sx`, `x`), `U1X` (`u1`, `rx(π/2)`);
 * - `RR`: at most two `r` gates.
 */
export type EulerBasis =
  'ZYZ' | 'ZXZ' | 'XYX' | 'XZX' | 'U3' | 'U321' | 'U' | 'PSX' | 'ZSX' | 'ZSXX' | 'U1X' | 'RR'

/** Every Euler basis, in Qiskit's order. */
export const EULER_BASES: readonly EulerBasis[] = [
  'U3',
  'U321',
  'U',
  'PSX',
  'ZSX',
  'ZSXX',
  'U1X',
  'RR',
  'ZYZ',
  'ZXZ',
  'XYX',
  'XZX',
]

/** Euler angles of a 2×2 unitary and the global phase that goes with them. */
export interface EulerAngles {
  readonly theta: number
  readonly phi: number
  readonly lambda: number
  readonly phase: number
}

/** Tolerance of the unitarity check on inputs (Qiskit's `is_unitary_matrix` is as lenient). */
const UNITARY_ATOL = 1e-8

/**
 * The Euler angles of a 2×2 unitary in a basis, as Qiskit's
 * `OneQubitEulerDecomposer.angles_and_phase` gives them:
 * - `ZYZ`/`ZXZ`/`XYX`/`XZX`: `u = e^{i·phase}·K(φ)·A(θ)·K(λ)` (e.g. `rz(φ)·ry(θ)·rz(λ)`);
 * - `U3`, `U321`, `U`, `RR`: `u = e^{i·phase}·u3(θ, φ, λ)`;
 * - `PSX`, `ZSX`, `ZSXX`, `U1X`: the ZYZ angles with `phase` reduced by `(θ + φ + λ)/2`, the
 *   phase of `u1(φ)·rx(π/2)·u1(θ)·rx(π/2)·u1(λ)` relative to `rz(φ)·ry(θ)·rz(λ)` (up to the shifts
 *   those circuits make).
 *
 * `θ` lies in `[0, π]`; `φ`, `λ` and `phase` are not normalised.
 *
 * @param u - a 2×2 unitary
 * @param basis - the Euler basis
 * @returns `{ theta, phi, lambda, phase }`
 * @throws RangeError when `u` is not 2×2
 * @throws MathError `math.not-unitary` when `u` is not unitary within 1e-8
 * @example
 * ```ts
 * const { theta } = eulerAngles(hadamard, 'ZYZ') // π/2
 * ```
 */
export function eulerAngles(u: ComplexMatrix, basis: EulerBasis): EulerAngles {
  assertUnitary2(u)
  switch (basis) {
    case 'ZYZ':
      return paramsZyz(u)
    case 'ZXZ':
      return paramsZxz(u)
    case 'XYX':
      // RY(-π/2) maps X to Z and keeps Y: conjugating turns an XYX form into a ZYZ one.
      return paramsZyz(conjugate(u, RY_MINUS_HALF_PI))
    case 'XZX':
      // H swaps X and Z: an XZX form of u is a ZXZ form of H·u·H.
      return paramsZxz(conjugate(u, HADAMARD))
    case 'U3':
    case 'U321':
    case 'U':
    case 'RR': {
      const a = paramsZyz(u)
      return { ...a, phase: a.phase - (a.phi + a.lambda) / 2 }
    }
    case 'PSX':
    case 'ZSX':
    case 'ZSXX':
    case 'U1X': {
      const a = paramsZyz(u)
      return { ...a, phase: a.phase - (a.theta + a.phi + a.lambda) / 2 }
    }
  }
}

/** `u = e^{i·phase}·rz(φ)·ry(θ)·rz(λ)`, Qiskit's `_params_zyz`. */
function paramsZyz(u: ComplexMatrix): EulerAngles {
  const det = u.determinant()
  const coeff = Complex.ONE.div(det.sqrt())
  const phase = -coeff.arg()
  const su00 = u.get(0, 0).mul(coeff)
  const su10 = u.get(1, 0).mul(coeff)
  const su11 = u.get(1, 1).mul(coeff)
  const theta = 2 * Math.atan2(su10.abs(), su00.abs())
  const sum2 = su11.arg()
  const diff2 = su10.arg()
  return { theta, phi: sum2 + diff2, lambda: sum2 - diff2, phase }
}

/** `u = e^{i·phase}·rz(φ)·rx(θ)·rz(λ)`: ry(θ) = rz(π/2)·rx(θ)·rz(-π/2). */
function paramsZxz(u: ComplexMatrix): EulerAngles {
  const a = paramsZyz(u)
  return { ...a, phi: a.phi + Math.PI / 2, lambda: a.lambda - Math.PI / 2 }
}

const S = Math.SQRT1_2
const HADAMARD = mat2([S, 0, S, 0, S, 0, -S, 0])
const RY_MINUS_HALF_PI = mat2([S, 0, S, 0, -S, 0, S, 0])

/** `v·u·v†`. */
function conjugate(u: ComplexMatrix, v: ComplexMatrix): ComplexMatrix {
  return v.mul(u).mul(v.adjoint())
}

/**
 * Checks that `u` is a 2×2 unitary.
 *
 * @throws RangeError for a wrong shape; MathError `math.not-unitary` otherwise
 */
export function assertUnitary2(u: ComplexMatrix): void {
  if (u.rows !== 2 || u.cols !== 2) {
    throw new RangeError(`expected a 2×2 matrix, got ${u.rows}×${u.cols}`)
  }
  if (!u.isUnitary(UNITARY_ATOL)) {
    throw new MathError('math.not-unitary', 'the 2×2 matrix is not unitary')
  }
}
