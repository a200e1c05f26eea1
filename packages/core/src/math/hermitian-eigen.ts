import { ComplexMatrix } from './complex-matrix.js'
import { MathError } from './math-error.js'

/** Eigenvalues (ascending) and orthonormal eigenvectors of a Hermitian matrix. */
export interface HermitianEigen {
  /** The eigenvalues, ascending. */
  readonly values: Float64Array
  /** Unitary; column `k` is the eigenvector of `values[k]`. */
  readonly vectors: ComplexMatrix
}

const MAX_SWEEPS = 100

/**
 * Eigen-decomposition of a Hermitian matrix by complex Jacobi rotations (each pivot is first made
 * real by a phase, then annihilated by a real Givens rotation). Accurate eigenvectors also for
 * degenerate eigenvalues.
 *
 * @param h - a Hermitian matrix (only the upper triangle is read); not modified
 * @returns `{ values, vectors }` with `h = V·diag(values)·V†`
 * @throws RangeError when `h` is not square
 * @throws MathError `math.no-convergence` if the sweeps do not converge (not seen in practice)
 */
export function hermitianEigen(h: ComplexMatrix): HermitianEigen {
  if (h.rows !== h.cols) throw new RangeError(`expected a square matrix, got ${h.rows}×${h.cols}`)
  const n = h.rows
  const m = new Float64Array(2 * n * n)
  for (let i = 0; i < n; i++) {
    m[2 * (i * n + i)] = h.data[2 * (i * n + i)]!
    for (let j = i + 1; j < n; j++) {
      const re = h.data[2 * (i * n + j)]!
      const im = h.data[2 * (i * n + j) + 1]!
      m[2 * (i * n + j)] = re
      m[2 * (i * n + j) + 1] = im
      m[2 * (j * n + i)] = re
      m[2 * (j * n + i) + 1] = -im
    }
  }
  const v = ComplexMatrix.identity(n).data
  let converged = false
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) converged = sweepOnce(m, v, n)
  if (!converged) throw new MathError('math.no-convergence', 'Hermitian Jacobi did not converge')
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => m[2 * (i * n + i)]! - m[2 * (j * n + j)]!,
  )
  const values = new Float64Array(n)
  const vectors = new ComplexMatrix(n, n)
  order.forEach((src, dst) => {
    values[dst] = m[2 * (src * n + src)]!
    for (let k = 0; k < n; k++) {
      vectors.data[2 * (k * n + dst)] = v[2 * (k * n + src)]!
      vectors.data[2 * (k * n + dst) + 1] = v[2 * (k * n + src) + 1]!
    }
  })
  return { values, vectors }
}

function sweepOnce(m: Float64Array, v: Float64Array, n: number): boolean {
  let off = 0
  let diag = 0
  for (let i = 0; i < n; i++) {
    diag += m[2 * (i * n + i)]! ** 2
    for (let j = i + 1; j < n; j++) off += m[2 * (i * n + j)]! ** 2 + m[2 * (i * n + j) + 1]! ** 2
  }
  if (off === 0 || off <= 1e-34 * diag) return true
  for (let p = 0; p < n - 1; p++) {
    for (let q = p + 1; q < n; q++) {
      const re = m[2 * (p * n + q)]!
      const im = m[2 * (p * n + q) + 1]!
      const r = Math.hypot(re, im)
      if (r === 0) continue
      // Phase step: column q ·e^{-iα}, row q ·e^{iα} makes m[p][q] = r real.
      const cr = re / r
      const ci = -im / r
      scaleColumn(m, { n, col: q, re: cr, im: ci })
      scaleRow(m, { n, row: q, re: cr, im: -ci })
      scaleColumn(v, { n, col: q, re: cr, im: ci })
      m[2 * (p * n + q) + 1] = 0
      m[2 * (q * n + p) + 1] = 0
      const app = m[2 * (p * n + p)]!
      const aqq = m[2 * (q * n + q)]!
      const tau = (aqq - app) / (2 * r)
      const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau))
      const c = 1 / Math.sqrt(1 + t * t)
      givens(m, v, { n, p, q, c, s: t * c })
    }
  }
  return false
}

interface Scale {
  readonly n: number
  readonly re: number
  readonly im: number
}

function scaleColumn(a: Float64Array, s: Scale & { readonly col: number }): void {
  for (let k = 0; k < s.n; k++) {
    const idx = 2 * (k * s.n + s.col)
    const x = a[idx]!
    const y = a[idx + 1]!
    a[idx] = x * s.re - y * s.im
    a[idx + 1] = x * s.im + y * s.re
  }
}

function scaleRow(a: Float64Array, s: Scale & { readonly row: number }): void {
  for (let k = 0; k < s.n; k++) {
    const idx = 2 * (s.row * s.n + k)
    const x = a[idx]!
    const y = a[idx + 1]!
    a[idx] = x * s.re - y * s.im
    a[idx + 1] = x * s.im + y * s.re
  }
}

interface Rotation {
  readonly n: number
  readonly p: number
  readonly q: number
  readonly c: number
  readonly s: number
}

/** Real Givens rotation of columns (and rows) p, q of `m`, and of columns of `v`. */
function givens(m: Float64Array, v: Float64Array, r: Rotation): void {
  const { n, p, q, c, s } = r
  for (let part = 0; part < 2; part++) {
    for (let k = 0; k < n; k++) {
      const ip = 2 * (k * n + p) + part
      const iq = 2 * (k * n + q) + part
      const xp = m[ip]!
      const xq = m[iq]!
      m[ip] = c * xp - s * xq
      m[iq] = s * xp + c * xq
    }
    for (let k = 0; k < n; k++) {
      const ip = 2 * (p * n + k) + part
      const iq = 2 * (q * n + k) + part
      const xp = m[ip]!
      const xq = m[iq]!
      m[ip] = c * xp - s * xq
      m[iq] = s * xp + c * xq
    }
    for (let k = 0; k < n; k++) {
      const ip = 2 * (k * n + p) + part
      const iq = 2 * (k * n + q) + part
      const xp = v[ip]!
      const xq = v[iq]!
      v[ip] = c * xp - s * xq
      v[iq] = s * xp + c * xq
    }
  }
  m[2 * (p * n + q)] = 0
  m[2 * (q * n + p)] = 0
  m[2 * (p * n + q) + 1] = 0
  m[2 * (q * n + p) + 1] = 0
}
