import { ComplexMatrix } from './complex-matrix.js'

/**
 * The canonical (Cartan) two-qubit gate `exp(i(a·XX + b·YY + c·ZZ))`, in closed form.
 * `canonicalGate(π/4, 0, 0)` is locally equivalent to CX, `(π/4, π/4, 0)` is iSWAP and
 * `(π/4, π/4, π/4)` is `e^{iπ/4}·SWAP`.
 *
 * @param a - the XX coefficient
 * @param b - the YY coefficient
 * @param c - the ZZ coefficient
 * @returns a fresh 4×4 unitary (symmetric under exchange of the qubits)
 */
export function canonicalGate(a: number, b: number, c: number): ComplexMatrix {
  const cm = Math.cos(a - b)
  const sm = Math.sin(a - b)
  const cp = Math.cos(a + b)
  const sp = Math.sin(a + b)
  const [cc, sc] = [Math.cos(c), Math.sin(c)]
  // e^{ic}·cos(a-b) on |00⟩,|11⟩ and i·e^{ic}·sin(a-b) between them; likewise with e^{-ic} and
  // a+b on |01⟩,|10⟩.
  const [od, oi, xd, xi] = [cc * cm, sc * cm, -sc * sm, cc * sm]
  const [id, ii, yd, yi] = [cc * cp, -sc * cp, sc * sp, cc * sp]
  // prettier-ignore
  return new ComplexMatrix(4, 4, Float64Array.of(
    od, oi, 0, 0, 0, 0, xd, xi,
    0, 0, id, ii, yd, yi, 0, 0,
    0, 0, yd, yi, id, ii, 0, 0,
    xd, xi, 0, 0, 0, 0, od, oi,
  ))
}
