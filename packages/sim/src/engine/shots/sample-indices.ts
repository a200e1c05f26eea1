/**
 * Samples basis states from a statevector in O(2^n + shots): sorted uniforms are generated
 * directly (normalized partial sums of exponential variates) and merged with the running
 * cumulative distribution in one sweep. The outcomes come out sorted, which makes counting a
 * run-length pass.
 */
import type { Rng } from '../random/seeded-rng.js'

/**
 * Draws `shots` basis-state indices with probabilities `|amplitude|²` (normalized by the total).
 *
 * @param state - interleaved amplitudes
 * @param shots - the number of samples
 * @param rng - the random source
 * @returns the indices, ascending
 * @throws RangeError when the state has zero norm
 */
export function sampleIndices(state: Float64Array, shots: number, rng: Rng): Float64Array {
  const out = new Float64Array(shots)
  if (shots === 0) return out
  let total = 0
  for (let k = 0; k < state.length; k++) total += state[k]! * state[k]!
  if (!(total > 0)) throw new RangeError('cannot sample from a zero state')
  const spacings = new Float64Array(shots)
  let sum = 0
  for (let s = 0; s < shots; s++) {
    sum -= Math.log(1 - rng.nextDouble())
    spacings[s] = sum
  }
  sum -= Math.log(1 - rng.nextDouble())
  const scale = total / sum
  const dim = state.length / 2
  let i = 0
  let cumulative = state[0]! * state[0]! + state[1]! * state[1]!
  for (let s = 0; s < shots; s++) {
    const u = spacings[s]! * scale
    while (cumulative <= u && i < dim - 1) {
      i++
      cumulative += state[2 * i]! * state[2 * i]! + state[2 * i + 1]! * state[2 * i + 1]!
    }
    // Never land on a zero-probability state through rounding at the top end.
    while (state[2 * i] === 0 && state[2 * i + 1] === 0 && i > 0) i--
    out[s] = i
  }
  return out
}

/**
 * Run-length counts of sorted values.
 *
 * @param sorted - ascending values
 * @returns distinct values and their counts, ascending
 */
export function countSorted(sorted: Float64Array): { values: Float64Array; counts: Float64Array } {
  const values = new Float64Array(sorted.length)
  const counts = new Float64Array(sorted.length)
  let k = -1
  let last = NaN
  for (let s = 0; s < sorted.length; s++) {
    const v = sorted[s]!
    if (v === last) counts[k]!++
    else {
      k++
      values[k] = v
      counts[k] = 1
      last = v
    }
  }
  return { values: values.subarray(0, k + 1), counts: counts.subarray(0, k + 1) }
}
