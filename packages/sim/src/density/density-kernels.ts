/**
 * Measurement-side loops over a vectorised density matrix (see `density-plan.ts` for the layout:
 * entry `(r, c)` of the row-major `2^n × 2^n` matrix, interleaved). Diagonal entry `i` sits at
 * complex index `i·(2^n + 1)`.
 */

/** Probabilities closer than this to 0 or 1 are snapped, so rounding never picks an empty branch. */
const PROBABILITY_EPSILON = 1e-13

/**
 * A fresh `|0…0⟩⟨0…0|` written into `state`.
 *
 * @param state - a buffer of `2·4^n` doubles (overwritten)
 * @returns the same buffer
 */
export function resetToGround(state: Float64Array): Float64Array {
  state.fill(0)
  state[0] = 1
  return state
}

/**
 * The probability that `qubit` reads 1: the trace of ρ over the diagonal entries with that bit
 * set (relative to the whole trace, and snapped to exactly 0 or 1 within rounding).
 *
 * @param state - the vectorised density matrix
 * @param qubit - the qubit
 * @param numQubits - the register width `n`
 * @returns `P(1)` in `[0, 1]`
 */
export function probabilityOfOne(state: Float64Array, qubit: number, numQubits: number): number {
  const dim = 2 ** numQubits
  let one = 0
  let total = 0
  for (let i = 0; i < dim; i++) {
    const p = state[2 * i * (dim + 1)]!
    total += p
    if ((i >> qubit) & 1) one += p
  }
  const p1 = total > 0 ? one / total : 0
  if (p1 < PROBABILITY_EPSILON) return 0
  if (p1 > 1 - PROBABILITY_EPSILON) return 1
  return p1
}

/**
 * Projects ρ onto `qubit = outcome` and rescales: `ρ ↦ PρP / p`.
 *
 * @param state - the vectorised density matrix (updated in place)
 * @param options - the qubit, the register width, the outcome and its probability `p > 0`
 */
export function projectQubit(
  state: Float64Array,
  options: {
    readonly qubit: number
    readonly numQubits: number
    readonly outcome: 0 | 1
    readonly probability: number
  },
): void {
  const { qubit, numQubits, outcome } = options
  const scale = 1 / options.probability
  const size = 4 ** numQubits
  const colShift = qubit
  const rowShift = qubit + numQubits
  for (let k = 0; k < size; k++) {
    if (((k >> colShift) & 1) === outcome && ((k >> rowShift) & 1) === outcome) {
      state[2 * k]! *= scale
      state[2 * k + 1]! *= scale
    } else {
      state[2 * k] = 0
      state[2 * k + 1] = 0
    }
  }
}

/**
 * A measurement whose outcome is forgotten: the off-diagonal blocks in `qubit` vanish,
 * `ρ ↦ P₀ρP₀ + P₁ρP₁`.
 *
 * @param state - the vectorised density matrix (updated in place)
 * @param qubit - the measured qubit
 * @param numQubits - the register width `n`
 */
export function dephaseQubit(state: Float64Array, qubit: number, numQubits: number): void {
  const size = 4 ** numQubits
  const rowShift = qubit + numQubits
  for (let k = 0; k < size; k++) {
    if (((k >> qubit) & 1) !== ((k >> rowShift) & 1)) {
      state[2 * k] = 0
      state[2 * k + 1] = 0
    }
  }
}

/**
 * The diagonal of ρ: the probability of each basis state (qubit 0 = least significant bit),
 * normalized by the trace and with rounding negatives clamped to 0.
 *
 * @param state - the vectorised density matrix
 * @param numQubits - the register width `n`
 * @returns `2^n` probabilities summing to 1 (all 0 for a zero matrix)
 */
export function diagonalProbabilities(state: Float64Array, numQubits: number): Float64Array {
  const dim = 2 ** numQubits
  const out = new Float64Array(dim)
  let total = 0
  for (let i = 0; i < dim; i++) {
    const p = Math.max(0, state[2 * i * (dim + 1)]!)
    out[i] = p
    total += p
  }
  if (total > 0) for (let i = 0; i < dim; i++) out[i]! /= total
  return out
}
