import { Complex } from './complex.js'
import { ComplexMatrix } from './complex-matrix.js'
import { hermitianEigen } from './hermitian-eigen.js'
import { MathError } from './math-error.js'

/** The spectral decomposition of a unitary: `u = V·diag(e^{i·phases})·V†`. */
export interface UnitaryEigen {
  /** Eigenphases in `(-π, π]`. */
  readonly phases: Float64Array
  /** Unitary; column `k` is the eigenvector of `e^{i·phases[k]}`. */
  readonly vectors: ComplexMatrix
}

/** Irrational mixing weights for `(u + u†)/2 + w·(u - u†)/2i`, tried in turn. */
const WEIGHTS = [0.5772156649015329, 1.618033988749895, -0.7071067811865476, 2.718281828459045]

/**
 * Diagonalises a unitary (or any normal matrix with unit-modulus spectrum) through the commuting
 * Hermitian parts `(u + u†)/2` and `(u − u†)/2i`: a generic real combination of them has the same
 * eigenvectors as `u`; the result is checked, and other combinations are tried if two
 * eigenphases happened to collide.
 *
 * @param u - a unitary matrix
 * @param atol - the accepted off-diagonal residue of `V†·u·V` (default 1e-10)
 * @returns the eigenphases and eigenvectors
 * @throws MathError `math.not-unitary` when `u` is not unitary within `atol`
 */
export function unitaryEigen(u: ComplexMatrix, atol = 1e-10): UnitaryEigen {
  if (!u.isUnitary(Math.max(atol, 1e-10)))
    throw new MathError('math.not-unitary', 'matrix is not unitary')
  const n = u.rows
  const ud = u.adjoint()
  const herm = u.add(ud).scale(0.5)
  const anti = u.sub(ud).scale(new Complex(0, -0.5))
  let best: { err: number; vectors: ComplexMatrix; diag: ComplexMatrix } | undefined
  for (const w of WEIGHTS) {
    const { vectors } = hermitianEigen(herm.add(anti.scale(w)))
    const diag = vectors.adjoint().mul(u).mul(vectors)
    let err = 0
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) if (i !== j) err = Math.max(err, diag.get(i, j).abs())
    }
    if (best === undefined || err < best.err) best = { err, vectors, diag }
    if (err <= atol) break
  }
  if (best === undefined || best.err > atol) {
    throw new MathError('math.no-convergence', 'could not diagonalise the unitary')
  }
  const phases = new Float64Array(n)
  for (let k = 0; k < n; k++) phases[k] = best.diag.get(k, k).arg()
  return { phases, vectors: best.vectors }
}

/**
 * A real power of a unitary, `u^t = V·diag(e^{i·t·φ_k})·V†`, on the principal branch (eigenphases
 * in `(-π, π]`, as numpy's and Qiskit's `Operator.power`).
 *
 * @param u - a unitary matrix
 * @param t - the exponent, any real number
 * @returns `u^t`
 * @throws MathError `math.not-unitary` when `u` is not unitary
 * @example
 * ```ts
 * unitaryPower(xMatrix, 0.5) // the √X gate
 * ```
 */
export function unitaryPower(u: ComplexMatrix, t: number): ComplexMatrix {
  const { phases, vectors } = unitaryEigen(u)
  const d = ComplexMatrix.diagonal(Array.from(phases, (p) => Complex.expi(t * p)))
  return vectors.mul(d).mul(vectors.adjoint())
}
