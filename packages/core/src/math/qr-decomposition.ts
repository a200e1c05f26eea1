import { ComplexMatrix } from './complex-matrix.js'

/** A QR factorisation `m = q·r`. */
export interface QrDecomposition {
  /** `rows×cols`, orthonormal columns. */
  readonly q: ComplexMatrix
  /** `cols×cols`, upper triangular with a real, non-negative diagonal. */
  readonly r: ComplexMatrix
}

/**
 * The thin QR factorisation of a complex matrix with at least as many rows as columns, by
 * Gram–Schmidt with one re-orthogonalisation pass (CGS2, as accurate as Householder for the
 * small matrices qfabric factorises). A column that depends on the previous ones gets a zero on
 * the diagonal of `r` and an arbitrary orthonormal completion in `q`.
 *
 * @param m - a `rows×cols` matrix with `rows ≥ cols`
 * @returns `{ q, r }` with `m = q·r`
 * @throws RangeError when `m` has more columns than rows
 */
export function qrDecomposition(m: ComplexMatrix): QrDecomposition {
  const { rows: n, cols: k } = m
  if (k > n) throw new RangeError(`QR needs rows ≥ cols, got ${n}×${k}`)
  const q = new Float64Array(2 * n * k) // column-major: column j at offset 2·n·j
  const r = new ComplexMatrix(k, k)
  let scale = 0
  for (let i = 0; i < m.data.length; i++) scale = Math.max(scale, Math.abs(m.data[i]!))
  for (let j = 0; j < k; j++) {
    const v = new Float64Array(2 * n)
    for (let i = 0; i < n; i++) {
      v[2 * i] = m.data[2 * (i * k + j)]!
      v[2 * i + 1] = m.data[2 * (i * k + j) + 1]!
    }
    for (let pass = 0; pass < 2; pass++) orthogonalise(v, { q, n, count: j, r, col: j })
    const norm = Math.sqrt(dot(v, v, 0))
    if (norm <= 1e-14 * Math.max(scale, Number.MIN_VALUE) * n) {
      completeColumn(v, { q, n, count: j })
    } else {
      r.data[2 * (j * k + j)] = norm
      for (let i = 0; i < 2 * n; i++) v[i] = v[i]! / norm
    }
    q.set(v, 2 * n * j)
  }
  const qm = new ComplexMatrix(n, k)
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) {
      qm.data[2 * (i * k + j)] = q[2 * (n * j + i)]!
      qm.data[2 * (i * k + j) + 1] = q[2 * (n * j + i) + 1]!
    }
  }
  return { q: qm, r }
}

interface Basis {
  readonly q: Float64Array
  readonly n: number
  readonly count: number
}

/** Removes from `v` its components along the first `count` columns of `q`, adding them to `r`. */
function orthogonalise(
  v: Float64Array,
  b: Basis & { readonly r?: ComplexMatrix; readonly col?: number },
): void {
  const { q, n, count } = b
  for (let c = 0; c < count; c++) {
    const off = 2 * n * c
    // ⟨q_c, v⟩ = Σ conj(q)·v
    let re = 0
    let im = 0
    for (let i = 0; i < n; i++) {
      const qr = q[off + 2 * i]!
      const qi = q[off + 2 * i + 1]!
      re += qr * v[2 * i]! + qi * v[2 * i + 1]!
      im += qr * v[2 * i + 1]! - qi * v[2 * i]!
    }
    for (let i = 0; i < n; i++) {
      const qr = q[off + 2 * i]!
      const qi = q[off + 2 * i + 1]!
      v[2 * i] = v[2 * i]! - (re * qr - im * qi)
      v[2 * i + 1] = v[2 * i + 1]! - (re * qi + im * qr)
    }
    if (b.r !== undefined && b.col !== undefined) {
      const idx = 2 * (c * b.r.cols + b.col)
      b.r.data[idx] = b.r.data[idx]! + re
      b.r.data[idx + 1] = b.r.data[idx + 1]! + im
    }
  }
}

/** Real part of `⟨v, v⟩` (offset into `v`). */
function dot(a: Float64Array, b: Float64Array, off: number): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]! * b[off + i]!
  return s
}

/** Replaces `v` by a unit vector orthogonal to the first `count` columns (a standard basis vector, orthogonalised). */
function completeColumn(v: Float64Array, b: Basis): void {
  for (let e = 0; e < b.n; e++) {
    v.fill(0)
    v[2 * e] = 1
    for (let pass = 0; pass < 2; pass++) orthogonalise(v, b)
    const norm = Math.sqrt(dot(v, v, 0))
    if (norm > 0.5) {
      for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm
      return
    }
  }
}
