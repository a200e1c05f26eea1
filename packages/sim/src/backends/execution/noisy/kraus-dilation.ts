/**
 * Turns a Kraus channel into something the statevector engine runs: a unitary on the system
 * and `m` fresh ancilla qubits with `V|ψ⟩|0⟩ = Σᵢ Kᵢ|ψ⟩|i⟩`, followed by resets of the
 * ancillas. Each reset measures an ancilla bit, so the engine picks `Kᵢ` with probability
 * `‖Kᵢψ‖²` and renormalises — exactly the trajectory rule — and leaves the ancillas in |0⟩.
 */
import type { ComplexMatrix } from '@qfabric/core/math'

/** A channel's dilation. */
export interface KrausDilation {
  /** The unitary on `[system…, ancilla…]` (system qubits are the low bits), interleaved. */
  readonly matrix: Float64Array
  /** The number of ancilla qubits (`⌈log₂ r⌉` for `r` operators). */
  readonly ancillas: number
}

/**
 * The dilation of a Kraus channel.
 *
 * @param operators - `r ≥ 1` operators, `d × d` each, with `Σ K†K = I`
 * @returns the unitary and its ancilla count (0 for a single, unitary operator)
 * @throws RangeError when there are no operators or their sizes differ
 * @example
 * ```ts
 * const { matrix, ancillas } = krausDilation(amplitudeDamping.operators)
 * // ops: { kind: 'matrix', qubits: [q, a], matrix }, { kind: 'reset', qubit: a }
 * ```
 */
export function krausDilation(operators: readonly ComplexMatrix[]): KrausDilation {
  const first = operators[0]
  if (first === undefined) throw new RangeError('a Kraus channel needs at least one operator')
  const d = first.rows
  if (operators.some((k) => k.rows !== d || k.cols !== d)) {
    throw new RangeError('Kraus operators must all be square and of one size')
  }
  const ancillas = operators.length === 1 ? 0 : Math.ceil(Math.log2(operators.length))
  const size = d * 2 ** ancillas
  const columns: Float64Array[] = []
  for (let j = 0; j < d; j++) {
    const col = new Float64Array(2 * size)
    operators.forEach((k, i) => {
      for (let s = 0; s < d; s++) {
        col[2 * (s + d * i)] = k.data[2 * (s * d + j)]!
        col[2 * (s + d * i) + 1] = k.data[2 * (s * d + j) + 1]!
      }
    })
    columns.push(col)
  }
  for (let t = 0; t < size && columns.length < size; t++) {
    const candidate = orthogonalComplement(t, columns, size)
    if (candidate !== undefined) columns.push(candidate)
  }
  const matrix = new Float64Array(2 * size * size)
  columns.forEach((col, c) => {
    for (let r = 0; r < size; r++) {
      matrix[2 * (r * size + c)] = col[2 * r]!
      matrix[2 * (r * size + c) + 1] = col[2 * r + 1]!
    }
  })
  return { matrix, ancillas }
}

/** `e_t` made orthogonal to `columns` and normalised, or `undefined` when it lies in their span. */
function orthogonalComplement(
  t: number,
  columns: readonly Float64Array[],
  size: number,
): Float64Array | undefined {
  const v = new Float64Array(2 * size)
  v[2 * t] = 1
  // Two rounds of Gram–Schmidt keep the result orthogonal to rounding level.
  for (let round = 0; round < 2; round++) {
    for (const col of columns) {
      let re = 0
      let im = 0
      for (let k = 0; k < size; k++) {
        const cr = col[2 * k]!
        const ci = col[2 * k + 1]!
        re += cr * v[2 * k]! + ci * v[2 * k + 1]!
        im += cr * v[2 * k + 1]! - ci * v[2 * k]!
      }
      for (let k = 0; k < size; k++) {
        const cr = col[2 * k]!
        const ci = col[2 * k + 1]!
        v[2 * k] = v[2 * k]! - (re * cr - im * ci)
        v[2 * k + 1] = v[2 * k + 1]! - (re * ci + im * cr)
      }
    }
  }
  let norm = 0
  for (let k = 0; k < 2 * size; k++) norm += v[k]! * v[k]!
  norm = Math.sqrt(norm)
  if (norm < 1e-6) return undefined
  for (let k = 0; k < 2 * size; k++) v[k] = v[k]! / norm
  return v
}
