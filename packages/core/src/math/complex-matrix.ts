import { Complex } from './complex.js'
import { DEFAULT_ATOL } from './tolerances.js'

/**
 * A dense complex matrix, row-major, stored interleaved (`data[2k]` real, `data[2k+1]`
 * imaginary part of element `k = row·cols + col`).
 *
 * Gate matrices follow Qiskit's little-endian convention: for a gate on qargs `(q0, q1, …)`,
 * bit `k` of a row or column index is the state of `qargs[k]`.
 */
export class ComplexMatrix {
  readonly rows: number
  readonly cols: number
  readonly data: Float64Array

  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new RangeError(`matrix shape must be non-negative integers, got ${rows}×${cols}`)
    }
    if (data !== undefined && data.length !== 2 * rows * cols) {
      throw new RangeError(`matrix data of length ${data.length} does not fit ${rows}×${cols}`)
    }
    this.rows = rows
    this.cols = cols
    this.data = data ?? new Float64Array(2 * rows * cols)
  }

  /** The `n×n` identity. */
  static identity(n: number): ComplexMatrix {
    const m = new ComplexMatrix(n, n)
    for (let i = 0; i < n; i++) m.data[2 * (i * n + i)] = 1
    return m
  }

  /**
   * Builds a matrix from rows of entries; an entry is a real number, a `Complex`, or a
   * `[re, im]` pair.
   */
  static fromRows(
    rows: readonly (readonly (number | Complex | readonly [number, number])[])[],
  ): ComplexMatrix {
    const r = rows.length
    const c = r === 0 ? 0 : rows[0]!.length
    const m = new ComplexMatrix(r, c)
    rows.forEach((row, i) => {
      if (row.length !== c)
        throw new RangeError(`row ${i} has ${row.length} entries, expected ${c}`)
      row.forEach((v, j) => {
        const k = 2 * (i * c + j)
        if (typeof v === 'number') {
          m.data[k] = v
        } else if (v instanceof Complex) {
          m.data[k] = v.re
          m.data[k + 1] = v.im
        } else {
          m.data[k] = v[0]
          m.data[k + 1] = v[1]
        }
      })
    })
    return m
  }

  /** A diagonal matrix. */
  static diagonal(entries: readonly Complex[]): ComplexMatrix {
    const n = entries.length
    const m = new ComplexMatrix(n, n)
    entries.forEach((z, i) => {
      m.data[2 * (i * n + i)] = z.re
      m.data[2 * (i * n + i) + 1] = z.im
    })
    return m
  }

  get(row: number, col: number): Complex {
    const k = 2 * (row * this.cols + col)
    return new Complex(this.data[k]!, this.data[k + 1])
  }

  /** Writes one entry in place (matrices under construction only). */
  set(row: number, col: number, value: Complex | number): void {
    const k = 2 * (row * this.cols + col)
    this.data[k] = typeof value === 'number' ? value : value.re
    this.data[k + 1] = typeof value === 'number' ? 0 : value.im
  }

  clone(): ComplexMatrix {
    return new ComplexMatrix(this.rows, this.cols, this.data.slice())
  }

  /** The matrix product `this · other`. */
  mul(other: ComplexMatrix): ComplexMatrix {
    if (this.cols !== other.rows) {
      throw new RangeError(
        `cannot multiply ${this.rows}×${this.cols} by ${other.rows}×${other.cols}`,
      )
    }
    const n = this.rows
    const p = this.cols
    const q = other.cols
    const out = new ComplexMatrix(n, q)
    const a = this.data
    const b = other.data
    const o = out.data
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < p; k++) {
        const ar = a[2 * (i * p + k)]!
        const ai = a[2 * (i * p + k) + 1]!
        if (ar === 0 && ai === 0) continue
        for (let j = 0; j < q; j++) {
          const br = b[2 * (k * q + j)]!
          const bi = b[2 * (k * q + j) + 1]!
          o[2 * (i * q + j)]! += ar * br - ai * bi
          o[2 * (i * q + j) + 1]! += ar * bi + ai * br
        }
      }
    }
    return out
  }

  /** `this · scalar`. */
  scale(s: Complex | number): ComplexMatrix {
    const z = typeof s === 'number' ? new Complex(s, 0) : s
    const out = new ComplexMatrix(this.rows, this.cols)
    for (let k = 0; k < this.data.length; k += 2) {
      const re = this.data[k]!
      const im = this.data[k + 1]!
      out.data[k] = re * z.re - im * z.im
      out.data[k + 1] = re * z.im + im * z.re
    }
    return out
  }

  add(other: ComplexMatrix): ComplexMatrix {
    this.assertSameShape(other)
    const out = new ComplexMatrix(this.rows, this.cols)
    for (let k = 0; k < this.data.length; k++) out.data[k] = this.data[k]! + other.data[k]!
    return out
  }

  sub(other: ComplexMatrix): ComplexMatrix {
    this.assertSameShape(other)
    const out = new ComplexMatrix(this.rows, this.cols)
    for (let k = 0; k < this.data.length; k++) out.data[k] = this.data[k]! - other.data[k]!
    return out
  }

  /**
   * The Kronecker product `this ⊗ other`. In the little-endian convention `A ⊗ B` acts with
   * `B` on the lower (first) qubits and `A` on the higher ones.
   */
  kron(other: ComplexMatrix): ComplexMatrix {
    const r = this.rows * other.rows
    const c = this.cols * other.cols
    const out = new ComplexMatrix(r, c)
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        const ar = this.data[2 * (i * this.cols + j)]!
        const ai = this.data[2 * (i * this.cols + j) + 1]!
        if (ar === 0 && ai === 0) continue
        for (let k = 0; k < other.rows; k++) {
          for (let l = 0; l < other.cols; l++) {
            const br = other.data[2 * (k * other.cols + l)]!
            const bi = other.data[2 * (k * other.cols + l) + 1]!
            const idx = 2 * ((i * other.rows + k) * c + (j * other.cols + l))
            out.data[idx] = ar * br - ai * bi
            out.data[idx + 1] = ar * bi + ai * br
          }
        }
      }
    }
    return out
  }

  /** The conjugate transpose. */
  adjoint(): ComplexMatrix {
    const out = new ComplexMatrix(this.cols, this.rows)
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        out.data[2 * (j * this.rows + i)] = this.data[2 * (i * this.cols + j)]!
        out.data[2 * (j * this.rows + i) + 1] = -this.data[2 * (i * this.cols + j) + 1]!
      }
    }
    return out
  }

  transpose(): ComplexMatrix {
    const out = new ComplexMatrix(this.cols, this.rows)
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        out.data[2 * (j * this.rows + i)] = this.data[2 * (i * this.cols + j)]!
        out.data[2 * (j * this.rows + i) + 1] = this.data[2 * (i * this.cols + j) + 1]!
      }
    }
    return out
  }

  trace(): Complex {
    let re = 0
    let im = 0
    for (let i = 0; i < Math.min(this.rows, this.cols); i++) {
      re += this.data[2 * (i * this.cols + i)]!
      im += this.data[2 * (i * this.cols + i) + 1]!
    }
    return new Complex(re, im)
  }

  /** The determinant (LU with partial pivoting); square matrices only. */
  determinant(): Complex {
    if (this.rows !== this.cols) throw new RangeError('determinant of a non-square matrix')
    const n = this.rows
    const a = this.data.slice()
    let det = new Complex(1, 0)
    for (let col = 0; col < n; col++) {
      let pivot = col
      let best = -1
      for (let r = col; r < n; r++) {
        const v = Math.hypot(a[2 * (r * n + col)]!, a[2 * (r * n + col) + 1]!)
        if (v > best) {
          best = v
          pivot = r
        }
      }
      if (best === 0) return Complex.ZERO
      if (pivot !== col) {
        for (let j = 0; j < 2 * n; j++) {
          const t = a[2 * col * n + j]!
          a[2 * col * n + j] = a[2 * pivot * n + j]!
          a[2 * pivot * n + j] = t
        }
        det = det.neg()
      }
      const p = new Complex(a[2 * (col * n + col)]!, a[2 * (col * n + col) + 1])
      det = det.mul(p)
      for (let r = col + 1; r < n; r++) {
        const f = new Complex(a[2 * (r * n + col)]!, a[2 * (r * n + col) + 1]).div(p)
        for (let j = col; j < n; j++) {
          const v = new Complex(a[2 * (col * n + j)]!, a[2 * (col * n + j) + 1]).mul(f)
          a[2 * (r * n + j)]! -= v.re
          a[2 * (r * n + j) + 1]! -= v.im
        }
      }
    }
    return det
  }

  /** Whether every entry is within `atol` of `other`'s. */
  equals(other: ComplexMatrix, atol: number = DEFAULT_ATOL): boolean {
    if (this.rows !== other.rows || this.cols !== other.cols) return false
    for (let k = 0; k < this.data.length; k++) {
      if (Math.abs(this.data[k]! - other.data[k]!) > atol) return false
    }
    return true
  }

  /**
   * Whether `this = e^{iφ}·other` for some global phase φ (entries within `atol`). The phase is
   * taken from the largest entry of `other`, so it is stable for unitaries.
   */
  equalsUpToPhase(other: ComplexMatrix, atol: number = DEFAULT_ATOL): boolean {
    const phase = this.phaseRelativeTo(other)
    if (phase === undefined) return false
    return this.equals(other.scale(phase), atol)
  }

  /**
   * The unit phase `z` that best aligns `other·z` with `this` (from their largest entry), or
   * `undefined` for shape mismatch or a zero matrix.
   */
  phaseRelativeTo(other: ComplexMatrix): Complex | undefined {
    if (this.rows !== other.rows || this.cols !== other.cols) return undefined
    let best = -1
    let at = 0
    for (let k = 0; k < other.data.length; k += 2) {
      const v = other.data[k]! ** 2 + other.data[k + 1]! ** 2
      if (v > best) {
        best = v
        at = k
      }
    }
    if (best <= 0) return undefined
    const a = new Complex(this.data[at]!, this.data[at + 1])
    const b = new Complex(other.data[at]!, other.data[at + 1])
    const ratio = a.div(b)
    const r = ratio.abs()
    return r === 0 ? undefined : ratio.div(r)
  }

  /** Whether `this · this† = I` within `atol`. */
  isUnitary(atol: number = DEFAULT_ATOL): boolean {
    return (
      this.rows === this.cols &&
      this.mul(this.adjoint()).equals(ComplexMatrix.identity(this.rows), atol)
    )
  }

  /** Rows of `[re, im]` pairs, for JSON and snapshots. */
  toArray(): [number, number][][] {
    const out: [number, number][][] = []
    for (let i = 0; i < this.rows; i++) {
      const row: [number, number][] = []
      for (let j = 0; j < this.cols; j++) {
        row.push([this.data[2 * (i * this.cols + j)]!, this.data[2 * (i * this.cols + j) + 1]!])
      }
      out.push(row)
    }
    return out
  }

  private assertSameShape(other: ComplexMatrix): void {
    if (this.rows !== other.rows || this.cols !== other.cols) {
      throw new RangeError(
        `shape ${this.rows}×${this.cols} does not match ${other.rows}×${other.cols}`,
      )
    }
  }
}
