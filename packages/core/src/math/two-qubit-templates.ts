import { Complex } from './complex.js'
import { ComplexMatrix } from './complex-matrix.js'
import { mat2, oneQubitGateMatrix } from './one-qubit-gate-matrix.js'

/** A layer of 1-qubit gates: `l` on qubit 1, `r` on qubit 0 (the layer's matrix is `l ⊗ r`). */
export interface LocalLayer {
  readonly l: ComplexMatrix
  readonly r: ComplexMatrix
}

/** The 4×4 CZ, the entangler the templates are written in. */
export const CZ_MATRIX = ComplexMatrix.diagonal([1, 1, 1, -1].map((x) => new Complex(x, 0)))

const S = Math.SQRT1_2
const H = mat2([S, 0, S, 0, S, 0, -S, 0])
const I = ComplexMatrix.identity(2)
const rx = (t: number): ComplexMatrix => oneQubitGateMatrix('rx', [t])
const ry = (t: number): ComplexMatrix => oneQubitGateMatrix('ry', [t])
const rz = (t: number): ComplexMatrix => oneQubitGateMatrix('rz', [t])

/**
 * Circuits `L_k·CZ·…·CZ·L_0` equal, up to a global phase, to the canonical gate
 * `exp(i(a·XX + b·YY + c·ZZ))` with `k` CZs: `k = 0` for `(0, 0, 0)`, `k = 1` for `(π/4, 0, 0)`,
 * `k = 2` for `(a, b, 0)` and `k = 3` for any `(a, b, c)` (after Cirq's
 * `_xx_yy_zz_interaction_via_full_czs`; the identities are checked in the tests). Coordinates the
 * chosen `k` cannot represent are ignored, which is what the approximate synthesis wants.
 *
 * @param k - the number of CZs (0–3)
 * @param coords - the target coordinates `[a, b, c]`
 * @returns `k + 1` layers, first applied first
 */
export function canonicalTemplate(
  k: number,
  coords: readonly [number, number, number],
): LocalLayer[] {
  const [a, b, c] = coords
  switch (k) {
    case 0:
      return [{ l: I, r: I }]
    case 1: {
      // exp(iπ/4·XX) = (H⊗H)·exp(iπ/4·ZZ)·(H⊗H) and CZ ∝ exp(iπ/4·(ZZ - ZI - IZ)).
      const first = rz(-Math.PI / 2).mul(H)
      return [
        { l: first, r: first },
        { l: H, r: H },
      ]
    }
    case 2:
      return [
        { l: rx(Math.PI / 2), r: H },
        { l: rx(-2 * a), r: H.mul(ry(-2 * b)).mul(H) },
        { l: rx(-Math.PI / 2), r: H },
      ]
    case 3:
      return [
        { l: rx(Math.PI / 2), r: H },
        { l: H.mul(rx(Math.PI / 2 - 2 * a)), r: ry(Math.PI / 2 - 2 * b).mul(H) },
        { l: H, r: H.mul(rz(Math.PI / 2 - 2 * c)).mul(rx(-Math.PI / 2)) },
        { l: I, r: H },
      ]
    default:
      throw new RangeError(`a canonical template has 0 to 3 CZs, not ${k}`)
  }
}
