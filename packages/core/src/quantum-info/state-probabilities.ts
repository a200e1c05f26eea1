import type { SeededRng } from '../internal/seeded-rng.js'

/**
 * Outcome probabilities of a state vector, optionally marginalised onto `qargs` (bit `t` of an
 * outcome is qubit `qargs[t]`).
 *
 * @param data - interleaved amplitudes of an `n`-qubit state
 * @param numQubits - `n`
 * @param qargs - the qubits to keep (default all, in order)
 * @returns `2^k` probabilities
 */
export function marginalProbabilities(
  data: Float64Array,
  numQubits: number,
  qargs?: readonly number[],
): Float64Array {
  const dim = data.length / 2
  const full = new Float64Array(dim)
  for (let i = 0; i < dim; i++) full[i] = data[2 * i]! ** 2 + data[2 * i + 1]! ** 2
  if (qargs === undefined || isIdentity(qargs, numQubits)) return full
  const out = new Float64Array(1 << qargs.length)
  for (let i = 0; i < dim; i++) {
    let o = 0
    for (let t = 0; t < qargs.length; t++) o |= ((i >> qargs[t]!) & 1) << t
    out[o] = out[o]! + full[i]!
  }
  return out
}

function isIdentity(qargs: readonly number[], n: number): boolean {
  return qargs.length === n && qargs.every((q, i) => q === i)
}

/**
 * Draws `shots` outcomes from a probability vector (normalised by its sum) by inverse-CDF
 * sampling.
 *
 * @param probs - non-negative weights
 * @param shots - how many samples
 * @param rng - the random source
 * @returns outcome index → count, in increasing index order
 */
export function sampleOutcomes(
  probs: Float64Array,
  shots: number,
  rng: SeededRng,
): Map<number, number> {
  const cdf = new Float64Array(probs.length)
  let total = 0
  for (let i = 0; i < probs.length; i++) {
    total += probs[i]!
    cdf[i] = total
  }
  const hits = new Map<number, number>()
  for (let s = 0; s < shots; s++) {
    const u = rng.next() * total
    // The first index with cdf > u; zero-probability outcomes can never be chosen.
    let lo = 0
    let hi = cdf.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! > u) hi = mid
      else lo = mid + 1
    }
    hits.set(lo, (hits.get(lo) ?? 0) + 1)
  }
  return new Map([...hits.entries()].sort((a, b) => a[0] - b[0]))
}

/**
 * A basis index as a little-endian bitstring of fixed width (qubit 0 rightmost).
 *
 * @param i - the index
 * @param width - the number of bits
 */
export function toBitstring(i: number, width: number): string {
  return width === 0 ? '' : i.toString(2).padStart(width, '0')
}
