import { Complex } from './complex.js'
import { ComplexMatrix } from './complex-matrix.js'
import { MathError } from './math-error.js'

/** The factors of a two-qubit product gate `e^{i·phase}·(l ⊗ r)`. */
export interface ProductGateFactors {
  /** Acts on qubit 1 (the more significant bit), determinant 1. */
  readonly l: ComplexMatrix
  /** Acts on qubit 0 (the less significant bit), determinant 1. */
  readonly r: ComplexMatrix
  readonly phase: number
}

/**
 * Splits a 4×4 unitary that is a tensor product into its 1-qubit factors (Qiskit's
 * `decompose_two_qubit_product_gate`, made robust by reading `r` off the largest 2×2 block).
 *
 * @param k - a 4×4 unitary of the form `e^{iφ}·(l ⊗ r)`
 * @param atol - how far `|tr((l⊗r)†·k)|` may fall short of 4 (default 1e-9)
 * @returns `{ l, r, phase }` with `k = e^{i·phase}·(l ⊗ r)`, `det l = det r = 1`
 * @throws RangeError when `k` is not 4×4
 * @throws MathError `math.not-local` when `k` is not a product
 */
export function decomposeProductGate(k: ComplexMatrix, atol = 1e-9): ProductGateFactors {
  if (k.rows !== 4 || k.cols !== 4)
    throw new RangeError(`expected a 4×4 matrix, got ${k.rows}×${k.cols}`)
  let best = -1
  let bi = 0
  let bj = 0
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const n = blockNorm(k, i, j)
      if (n > best) [best, bi, bj] = [n, i, j]
    }
  }
  // Block (i, j) is l[i][j]·r; the largest has |l[i][j]|² ≥ 1/2, so its determinant is safe.
  let r = block(k, bi, bj)
  r = r.scale(Complex.ONE.div(r.determinant().sqrt()))
  const rd = r.adjoint()
  const l = new ComplexMatrix(2, 2)
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++)
      l.set(
        i,
        j,
        rd
          .mul(block(k, i, j))
          .trace()
          .div(2),
      )
  }
  const detL = l.determinant()
  const lNorm = l.scale(Complex.ONE.div(detL.sqrt()))
  const overlap = lNorm.kron(r).adjoint().mul(k).trace().abs()
  // Written negated so that a NaN (a singular block of a non-product) also fails.
  if (!(Math.abs(overlap - 4) <= atol)) {
    throw new MathError(
      'math.not-local',
      `the 4×4 unitary is not a tensor product (|tr| = ${overlap})`,
    )
  }
  return { l: lNorm, r, phase: detL.arg() / 2 }
}

function block(k: ComplexMatrix, i: number, j: number): ComplexMatrix {
  const b = new ComplexMatrix(2, 2)
  for (let p = 0; p < 2; p++) {
    for (let q = 0; q < 2; q++) b.set(p, q, k.get(2 * i + p, 2 * j + q))
  }
  return b
}

function blockNorm(k: ComplexMatrix, i: number, j: number): number {
  let s = 0
  for (let p = 0; p < 2; p++) {
    for (let q = 0; q < 2; q++) s += k.get(2 * i + p, 2 * j + q).abs2()
  }
  return s
}
