/**
 * Small dense complex matrices as interleaved row-major `Float64Array`s (`d×d`, entry `(r, c)`
 * at `2(r·d + c)`). These are gate-sized helpers for fusion and classification, not kernels.
 */
import type { ControlledOp, DiagonalOp, MatrixOp, PermutationOp, TargetOp } from './sim-program.js'

/** Entries smaller than this (in modulus) count as zero when classifying fused matrices. */
export const STRUCTURAL_ZERO = 1e-15

/**
 * The `d×d` identity.
 *
 * @param d - the dimension
 * @returns a new interleaved identity matrix
 */
export function identityMatrix(d: number): Float64Array {
  const m = new Float64Array(2 * d * d)
  for (let i = 0; i < d; i++) m[2 * (i * d + i)] = 1
  return m
}

/**
 * The product `a·b` of two `d×d` matrices.
 *
 * @param a - the left factor
 * @param b - the right factor
 * @param d - the dimension
 * @returns a new matrix
 */
export function multiplyMatrices(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const out = new Float64Array(2 * d * d)
  for (let r = 0; r < d; r++) {
    for (let k = 0; k < d; k++) {
      const ar = a[2 * (r * d + k)]!
      const ai = a[2 * (r * d + k) + 1]!
      if (ar === 0 && ai === 0) continue
      for (let c = 0; c < d; c++) {
        const br = b[2 * (k * d + c)]!
        const bi = b[2 * (k * d + c) + 1]!
        out[2 * (r * d + c)]! += ar * br - ai * bi
        out[2 * (r * d + c) + 1]! += ar * bi + ai * br
      }
    }
  }
  return out
}

/**
 * Embeds a matrix acting on some qubits into a larger qubit list.
 *
 * @param matrix - the `2^m × 2^m` matrix, bit `j` of its index = `qubits[j]`
 * @param qubits - the qubits it acts on (each must occur in `into`)
 * @param into - the qubit list of the result (`2^K × 2^K`, bit `j` = `into[j]`)
 * @returns the embedded matrix (identity on the other qubits)
 * @throws RangeError when a qubit of `qubits` is not in `into`
 */
export function embedMatrix(
  matrix: Float64Array,
  qubits: readonly number[],
  into: readonly number[],
): Float64Array {
  const pos = qubits.map((q) => {
    const p = into.indexOf(q)
    if (p < 0) throw new RangeError(`qubit ${q} is not among [${into.join(', ')}]`)
    return p
  })
  const m = qubits.length
  const d = 1 << m
  const big = 1 << into.length
  let mask = 0
  for (const p of pos) mask |= 1 << p
  const sub = (x: number): number => {
    let s = 0
    for (let j = 0; j < m; j++) s |= ((x >> pos[j]!) & 1) << j
    return s
  }
  const out = new Float64Array(2 * big * big)
  for (let r = 0; r < big; r++) {
    const rs = sub(r)
    const rest = r & ~mask
    for (let cs = 0; cs < d; cs++) {
      let c = rest
      for (let j = 0; j < m; j++) if ((cs >> j) & 1) c |= 1 << pos[j]!
      out[2 * (r * big + c)] = matrix[2 * (rs * d + cs)]!
      out[2 * (r * big + c) + 1] = matrix[2 * (rs * d + cs) + 1]!
    }
  }
  return out
}

/**
 * The dense matrix of a target op (matrix, diagonal or permutation) on its own qubits.
 *
 * @param op - the op
 * @returns its `2^k × 2^k` matrix
 */
export function targetToMatrix(op: TargetOp): Float64Array {
  const d = 1 << op.qubits.length
  if (op.kind === 'matrix') return op.matrix
  const m = new Float64Array(2 * d * d)
  if (op.kind === 'diagonal') {
    for (let j = 0; j < d; j++) {
      m[2 * (j * d + j)] = op.diagonal[2 * j]!
      m[2 * (j * d + j) + 1] = op.diagonal[2 * j + 1]!
    }
    return m
  }
  for (let j = 0; j < d; j++) {
    const row = op.permutation[j]!
    m[2 * (row * d + j)] = op.phases === undefined ? 1 : op.phases[2 * j]!
    m[2 * (row * d + j) + 1] = op.phases === undefined ? 0 : op.phases[2 * j + 1]!
  }
  return m
}

/**
 * The dense matrix of a controlled op on `[...controls, ...target.qubits]`.
 *
 * @param op - the controlled op
 * @returns a dense op (identity where the controls do not match)
 */
export function controlledToMatrixOp(op: ControlledOp): MatrixOp {
  const c = op.controls.length
  const t = op.target.qubits.length
  const dt = 1 << t
  const d = 1 << (c + t)
  const inner = targetToMatrix(op.target)
  const m = identityMatrix(d)
  for (let r = 0; r < dt; r++) {
    const gr = op.controlState | (r << c)
    m[2 * (gr * d + gr)] = 0
    for (let col = 0; col < dt; col++) {
      const gc = op.controlState | (col << c)
      m[2 * (gr * d + gc)] = inner[2 * (r * dt + col)]!
      m[2 * (gr * d + gc) + 1] = inner[2 * (r * dt + col) + 1]!
    }
  }
  return { kind: 'matrix', qubits: [...op.controls, ...op.target.qubits], matrix: m }
}

/**
 * Whether every off-diagonal entry is (structurally) zero.
 *
 * @param m - a `d×d` matrix
 * @param d - its dimension
 * @returns true when `m` is diagonal
 */
export function isDiagonalMatrix(m: Float64Array, d: number): boolean {
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      if (r !== c && Math.hypot(m[2 * (r * d + c)]!, m[2 * (r * d + c) + 1]!) > STRUCTURAL_ZERO) {
        return false
      }
    }
  }
  return true
}

/**
 * The diagonal of a matrix, interleaved.
 *
 * @param m - a `d×d` matrix
 * @param d - its dimension
 * @returns `2d` numbers
 */
export function matrixDiagonal(m: Float64Array, d: number): Float64Array {
  const out = new Float64Array(2 * d)
  for (let j = 0; j < d; j++) {
    out[2 * j] = m[2 * (j * d + j)]!
    out[2 * j + 1] = m[2 * (j * d + j) + 1]!
  }
  return out
}

/**
 * The permutation-with-phases form of a monomial matrix (exactly one non-zero per column).
 *
 * @param m - a `d×d` matrix
 * @param d - its dimension
 * @returns `{ permutation, phases }` or `undefined` when `m` is not monomial
 */
export function monomialForm(
  m: Float64Array,
  d: number,
): { permutation: Int32Array; phases: Float64Array } | undefined {
  const permutation = new Int32Array(d)
  const phases = new Float64Array(2 * d)
  const used = new Uint8Array(d)
  for (let c = 0; c < d; c++) {
    let found = -1
    for (let r = 0; r < d; r++) {
      if (Math.hypot(m[2 * (r * d + c)]!, m[2 * (r * d + c) + 1]!) > STRUCTURAL_ZERO) {
        if (found >= 0) return undefined
        found = r
      }
    }
    if (found < 0 || used[found] === 1) return undefined
    used[found] = 1
    permutation[c] = found
    phases[2 * c] = m[2 * (found * d + c)]!
    phases[2 * c + 1] = m[2 * (found * d + c) + 1]!
  }
  return { permutation, phases }
}

/**
 * Whether all entries of an interleaved vector equal `1 + 0i` exactly.
 *
 * @param v - interleaved complex entries
 * @returns true when every entry is one
 */
export function allOnes(v: Float64Array): boolean {
  for (let j = 0; j < v.length; j += 2) if (v[j] !== 1 || v[j + 1] !== 0) return false
  return true
}

/**
 * A unitary op in its cheapest exact form: diagonal, permutation or dense.
 *
 * @param qubits - the qubits
 * @param matrix - the dense matrix on them
 * @returns a diagonal or permutation op when the structure allows, else a matrix op
 */
export function classifyMatrix(
  qubits: readonly number[],
  matrix: Float64Array,
): MatrixOp | DiagonalOp | PermutationOp {
  const d = 1 << qubits.length
  if (isDiagonalMatrix(matrix, d)) {
    return { kind: 'diagonal', qubits, diagonal: matrixDiagonal(matrix, d) }
  }
  const mono = monomialForm(matrix, d)
  if (mono !== undefined) {
    return {
      kind: 'permutation',
      qubits,
      permutation: mono.permutation,
      phases: allOnes(mono.phases) ? undefined : mono.phases,
    }
  }
  return { kind: 'matrix', qubits, matrix }
}
