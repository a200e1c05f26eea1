/**
 * Single-qubit measurement primitives on a statevector: outcome probability, collapse, flip.
 */

/**
 * The probability of reading 1 on `qubit` (relative to the state's norm).
 *
 * @param state - interleaved amplitudes
 * @param qubit - the qubit
 * @returns `P(1)` in `[0, 1]`
 */
export function probabilityOfOne(state: Float64Array, qubit: number): number {
  const dim = state.length / 2
  const stride = 2 ** qubit
  let one = 0
  let total = 0
  for (let base = 0; base < dim; base += 2 * stride) {
    for (let a = 2 * base; a < 2 * (base + stride); a++) total += state[a]! * state[a]!
    for (let a = 2 * (base + stride); a < 2 * (base + 2 * stride); a++) one += state[a]! * state[a]!
  }
  total += one
  return total > 0 ? Math.min(1, one / total) : 0
}

/**
 * Projects `qubit` onto `outcome` and renormalizes.
 *
 * @param state - interleaved amplitudes, updated in place
 * @param projection - the qubit, the kept value (0 or 1) and its probability (to renormalize)
 */
export function collapseQubit(
  state: Float64Array,
  projection: { readonly qubit: number; readonly outcome: 0 | 1; readonly probability: number },
): void {
  const { qubit, outcome, probability } = projection
  const dim = state.length / 2
  const stride = 2 ** qubit
  const scale = probability > 0 ? 1 / Math.sqrt(probability) : 0
  for (let base = 0; base < dim; base += 2 * stride) {
    const zero = outcome === 0 ? base + stride : base
    const keep = outcome === 0 ? base : base + stride
    state.fill(0, 2 * zero, 2 * (zero + stride))
    for (let a = 2 * keep; a < 2 * (keep + stride); a++) state[a]! *= scale
  }
}

/**
 * Applies X to `qubit` (used by reset after a 1 outcome).
 *
 * @param state - interleaved amplitudes, updated in place
 * @param qubit - the qubit
 */
export function flipQubit(state: Float64Array, qubit: number): void {
  const dim = state.length / 2
  const stride = 2 ** qubit
  for (let base = 0; base < dim; base += 2 * stride) {
    for (let a = 2 * base; a < 2 * (base + stride); a++) {
      const b = a + 2 * stride
      const t = state[a]!
      state[a] = state[b]!
      state[b] = t
    }
  }
}
