import { MathError } from './math-error.js'

/** Eigenvalues (ascending) and orthonormal eigenvectors of a real symmetric matrix. */
export interface SymmetricEigen {
  /** The eigenvalues, ascending. */
  readonly values: Float64Array
  /** `n×n` row-major; column `k` is the eigenvector of `values[k]`. */
  readonly vectors: Float64Array
}

const MAX_SWEEPS = 100

/**
 * Eigen-decomposition of a real symmetric `n×n` matrix by cyclic Jacobi rotations. Slower than
 * QR iteration but unconditionally stable and accurate to machine precision in the eigenvectors
 * even for (near-)degenerate eigenvalues — what the KAK decomposition needs.
 *
 * @param a - the matrix, `n×n` row-major (only the upper triangle is read); not modified
 * @param n - its dimension
 * @returns `{ values, vectors }` with `a = V·diag(values)·Vᵀ`
 * @throws RangeError when `a` does not hold `n×n` entries
 * @throws MathError `math.no-convergence` if the sweeps do not converge (not seen in practice)
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (a.length !== n * n) throw new RangeError(`expected ${n}×${n} entries, got ${a.length}`)
  const m = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      m[i * n + j] = a[i * n + j]!
      m[j * n + i] = a[i * n + j]!
    }
  }
  const v = new Float64Array(n * n)
  for (let i = 0; i < n; i++) v[i * n + i] = 1
  let converged = false
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    converged = jacobiSweep(m, v, n)
  }
  if (!converged) throw new MathError('math.no-convergence', 'Jacobi eigen-solver did not converge')
  return sortEigen(m, v, n)
}

/** One cyclic sweep; returns true when the matrix was already diagonal to machine precision. */
function jacobiSweep(m: Float64Array, v: Float64Array, n: number): boolean {
  let off = 0
  let diag = 0
  for (let i = 0; i < n; i++) {
    diag += m[i * n + i]! ** 2
    for (let j = i + 1; j < n; j++) off += m[i * n + j]! ** 2
  }
  if (off === 0 || off <= 1e-34 * diag) return true
  for (let p = 0; p < n - 1; p++) {
    for (let q = p + 1; q < n; q++) {
      const apq = m[p * n + q]!
      if (apq === 0) continue
      const app = m[p * n + p]!
      const aqq = m[q * n + q]!
      // tan of the rotation angle, the smaller root for stability (Golub & Van Loan 8.5.2).
      const tau = (aqq - app) / (2 * apq)
      const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau))
      const c = 1 / Math.sqrt(1 + t * t)
      const s = t * c
      rotate(m, v, { n, p, q, c, s })
    }
  }
  return false
}

interface Rotation {
  readonly n: number
  readonly p: number
  readonly q: number
  readonly c: number
  readonly s: number
}

/** `m ← Jᵀ·m·J`, `v ← v·J` for the Givens rotation J in the (p, q) plane. */
function rotate(m: Float64Array, v: Float64Array, r: Rotation): void {
  const { n, p, q, c, s } = r
  for (let k = 0; k < n; k++) {
    const mkp = m[k * n + p]!
    const mkq = m[k * n + q]!
    m[k * n + p] = c * mkp - s * mkq
    m[k * n + q] = s * mkp + c * mkq
  }
  for (let k = 0; k < n; k++) {
    const mpk = m[p * n + k]!
    const mqk = m[q * n + k]!
    m[p * n + k] = c * mpk - s * mqk
    m[q * n + k] = s * mpk + c * mqk
  }
  m[p * n + q] = 0
  m[q * n + p] = 0
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p]!
    const vkq = v[k * n + q]!
    v[k * n + p] = c * vkp - s * vkq
    v[k * n + q] = s * vkp + c * vkq
  }
}

function sortEigen(m: Float64Array, v: Float64Array, n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i * n + i]! - m[j * n + j]!)
  const values = new Float64Array(n)
  const vectors = new Float64Array(n * n)
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src]!
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src]!
  })
  return { values, vectors }
}
