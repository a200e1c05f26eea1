import type { ComplexMatrix } from '../math/complex-matrix.js'

/**
 * Applies a `2ᵏ×2ᵏ` matrix on `qubits` to an `n`-qubit state vector in place, by index
 * arithmetic (no `2ⁿ×2ⁿ` matrix is ever built). Little-endian: bit `t` of the matrix's row and
 * column index is the state of `qubits[t]`.
 *
 * @param state - the interleaved amplitudes (`2·2ⁿ` numbers), overwritten
 * @param matrix - the gate matrix
 * @param qubits - distinct qubit indices below `n`, as many as the matrix acts on
 */
export function applyMatrix(
  state: Float64Array,
  matrix: ComplexMatrix,
  qubits: readonly number[],
): void {
  const k = qubits.length
  const size = 1 << k
  if (matrix.rows !== size || matrix.cols !== size) {
    throw new RangeError(`a ${matrix.rows}×${matrix.cols} matrix cannot act on ${k} qubits`)
  }
  if (k === 1) {
    applyOneQubit(state, matrix.data, qubits[0]!)
    return
  }
  const dim = state.length / 2
  const offsets = new Int32Array(size)
  for (let m = 0; m < size; m++) {
    let o = 0
    for (let t = 0; t < k; t++) if ((m >> t) & 1) o |= 1 << qubits[t]!
    offsets[m] = o
  }
  let mask = 0
  for (const q of qubits) mask |= 1 << q
  const re = new Float64Array(size)
  const im = new Float64Array(size)
  const g = matrix.data
  for (let base = 0; base < dim; base++) {
    if ((base & mask) !== 0) continue
    for (let m = 0; m < size; m++) {
      const idx = 2 * (base | offsets[m]!)
      re[m] = state[idx]!
      im[m] = state[idx + 1]!
    }
    for (let r = 0; r < size; r++) {
      let sr = 0
      let si = 0
      for (let c = 0; c < size; c++) {
        const gr = g[2 * (r * size + c)]!
        const gi = g[2 * (r * size + c) + 1]!
        sr += gr * re[c]! - gi * im[c]!
        si += gr * im[c]! + gi * re[c]!
      }
      const idx = 2 * (base | offsets[r]!)
      state[idx] = sr
      state[idx + 1] = si
    }
  }
}

/** The common 1-qubit case without the gather buffers. */
function applyOneQubit(state: Float64Array, g: Float64Array, q: number): void {
  const dim = state.length / 2
  const bit = 1 << q
  const [ar, ai, br, bi, cr, ci, dr, di] = g
  for (let i = 0; i < dim; i++) {
    if ((i & bit) !== 0) continue
    const i0 = 2 * i
    const i1 = 2 * (i | bit)
    const xr = state[i0]!
    const xi = state[i0 + 1]!
    const yr = state[i1]!
    const yi = state[i1 + 1]!
    state[i0] = ar! * xr - ai! * xi + br! * yr - bi! * yi
    state[i0 + 1] = ar! * xi + ai! * xr + br! * yi + bi! * yr
    state[i1] = cr! * xr - ci! * xi + dr! * yr - di! * yi
    state[i1 + 1] = cr! * xi + ci! * xr + dr! * yi + di! * yr
  }
}

/**
 * Applies a matrix on `qubits` to every column of a square `2ⁿ×2ⁿ` matrix (`m ← G·m`), returning
 * a new matrix's data.
 *
 * @param data - the interleaved row-major data of the `2ⁿ×2ⁿ` matrix (not modified)
 * @param matrix - the gate
 * @param qubits - where it acts
 * @returns the product's interleaved data
 */
export function applyMatrixToColumns(
  data: Float64Array,
  matrix: ComplexMatrix,
  qubits: readonly number[],
): Float64Array {
  const dim = Math.round(Math.sqrt(data.length / 2))
  const out = new Float64Array(data.length)
  const column = new Float64Array(2 * dim)
  for (let col = 0; col < dim; col++) {
    for (let row = 0; row < dim; row++) {
      column[2 * row] = data[2 * (row * dim + col)]!
      column[2 * row + 1] = data[2 * (row * dim + col) + 1]!
    }
    applyMatrix(column, matrix, qubits)
    for (let row = 0; row < dim; row++) {
      out[2 * (row * dim + col)] = column[2 * row]!
      out[2 * (row * dim + col) + 1] = column[2 * row + 1]!
    }
  }
  return out
}
