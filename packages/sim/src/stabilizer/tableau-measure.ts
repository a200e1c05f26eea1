/**
 * Z-basis measurement on the qubit-major tableau (Aaronson–Gottesman).
 *
 * AG's `rowsum(h, p)` multiplies generator `p` into generator `h` and fixes the sign with a sum
 * of per-qubit phase exponents `g ∈ {−1, 0, 1}` mod 4. In the qubit-major layout the bits of one
 * qubit for 32 generators share a word, so both measurement cases work word-parallel over
 * generators:
 *
 * - random outcome: all generators anticommuting with Z_q are multiplied by the same pivot at
 *   once; their phase exponents are accumulated in bit-sliced two-bit counters (one lane per
 *   generator), qubit by qubit;
 * - deterministic outcome: the sign of a product of stabilizers is needed. The factors commute,
 *   so any order works; per qubit, the running product's bits before each factor are prefix
 *   parities of a word, and the exponents are counted with popcounts.
 */
import { lowestBit, popcount32, prefixXor32 } from './bit-words.js'
import type { StabilizerTableau } from './stabilizer-tableau.js'

/** A source of uniform random 32-bit words (the engine's `Rng` satisfies it). */
export interface RandomBits {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number
}

/**
 * The first stabilizer with an X or Y on `q` (one that anticommutes with Z_q), if any.
 *
 * @param t - the tableau
 * @param q - the qubit
 * @returns the stabilizer's index, or −1 when a Z measurement of `q` is deterministic
 */
export function anticommutingStabilizer(t: StabilizerTableau, q: number): number {
  const base = q * t.stride + t.halfWords
  for (let w = 0; w < t.halfWords; w++) {
    const v = t.xs[base + w]!
    if (v !== 0) return (w << 5) + lowestBit(v)
  }
  return -1
}

/**
 * Measures qubit `q` in the Z basis, collapsing the tableau.
 *
 * @param t - the tableau (updated in place)
 * @param q - a valid qubit index
 * @param rng - draws the outcome when it is random
 * @returns the outcome
 */
export function measureQubit(t: StabilizerTableau, q: number, rng: RandomBits): 0 | 1 {
  const p = anticommutingStabilizer(t, q)
  if (p < 0) return deterministicOutcome(t, q)
  const outcome = (rng.nextUint32() >>> 31) as 0 | 1
  multiplyByPivot(t, q, p)
  replacePivot(t, { qubit: q, pivot: p, outcome })
  return outcome
}

/**
 * ⟨Z_q⟩ without collapsing.
 *
 * @param t - the tableau
 * @param q - a valid qubit index
 * @returns ±1 when deterministic, 0 when random
 */
export function zExpectation(t: StabilizerTableau, q: number): 1 | -1 | 0 {
  if (anticommutingStabilizer(t, q) >= 0) return 0
  return deterministicOutcome(t, q) === 0 ? 1 : -1
}

/**
 * AG's `g(pivot, h)` for a fixed pivot Pauli (index 1 = X, 2 = Z, 3 = Y) as lane selectors
 * `[px, pz, mx, mz]` (0 or −1): g = +1 where `(x ^ px) & (z ^ pz)`, −1 where `(x ^ mx) & (z ^ mz)`.
 * X·Y = iZ gives +1 for h = Y under pivot X, and so on (AG's table).
 */
const G_LANES: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 0, 0],
  [0, 0, -1, 0], // X: +1 on Y, −1 on Z
  [0, -1, 0, 0], // Z: +1 on X, −1 on Y
  [-1, 0, 0, -1], // Y: +1 on Z, −1 on X
]

/**
 * The random case, first step: every generator `h ≠ p` anticommuting with Z_q (except
 * destabilizer `p`, replaced next) becomes `h·p`, all at once.
 */
function multiplyByPivot(t: StabilizerTableau, q: number, p: number): void {
  const { xs, zs, signs, stride, halfWords, numQubits } = t
  const pw = halfWords + (p >>> 5)
  const pb = 1 << (p & 31)
  const mask = xs.slice(q * stride, (q + 1) * stride)
  mask[pw]! &= ~pb
  mask[p >>> 5]! &= ~pb
  const words: number[] = []
  for (let w = 0; w < stride; w++) if (mask[w] !== 0) words.push(w)
  const lo = new Uint32Array(stride)
  const hi = new Uint32Array(stride)
  for (let j = 0; j < numQubits; j++) {
    const b = j * stride
    const pauli = ((xs[b + pw]! & pb) !== 0 ? 1 : 0) | ((zs[b + pw]! & pb) !== 0 ? 2 : 0)
    if (pauli === 0) continue
    // g(pivot, h) = +1 on lanes where (x_h ^ px) & (z_h ^ pz), −1 where (x_h ^ mx) & (z_h ^ mz).
    const [px, pz, mx, mz] = G_LANES[pauli]!
    const fx = (pauli & 1) !== 0 ? -1 : 0
    const fz = (pauli & 2) !== 0 ? -1 : 0
    for (const w of words) {
      const m = mask[w]!
      const x2 = xs[b + w]!
      const z2 = zs[b + w]!
      const plus = m & (x2 ^ px) & (z2 ^ pz)
      const minus = m & (x2 ^ mx) & (z2 ^ mz)
      let l = lo[w]!
      let h = hi[w]!
      h ^= l & plus
      l ^= plus
      h ^= ~l & minus
      l ^= minus
      lo[w] = l
      hi[w] = h
      xs[b + w] = x2 ^ (m & fx)
      zs[b + w] = z2 ^ (m & fz)
    }
  }
  // The products commute, so each exponent is 0 or 2: the new sign is r_h ⊕ r_p ⊕ (exponent / 2).
  const rp = (signs[pw]! & pb) !== 0 ? -1 : 0
  for (const w of words) signs[w]! ^= mask[w]! & (hi[w]! ^ rp)
}

/**
 * The random case, second step: destabilizer `p` becomes the old stabilizer `p`, and stabilizer
 * `p` becomes `(−1)^outcome Z_q`.
 */
function replacePivot(
  t: StabilizerTableau,
  at: { readonly qubit: number; readonly pivot: number; readonly outcome: 0 | 1 },
): void {
  const { xs, zs, signs, stride, halfWords, numQubits } = t
  const { qubit: q, pivot: p, outcome } = at
  const pw = halfWords + (p >>> 5)
  const dw = p >>> 5
  const pb = 1 << (p & 31)
  for (let j = 0; j < numQubits; j++) {
    const b = j * stride
    xs[b + dw] = (xs[b + pw]! & pb) !== 0 ? xs[b + dw]! | pb : xs[b + dw]! & ~pb
    zs[b + dw] = (zs[b + pw]! & pb) !== 0 ? zs[b + dw]! | pb : zs[b + dw]! & ~pb
    xs[b + pw]! &= ~pb
    zs[b + pw]! &= ~pb
  }
  zs[q * stride + pw]! |= pb
  signs[dw] = (signs[pw]! & pb) !== 0 ? signs[dw]! | pb : signs[dw]! & ~pb
  signs[pw] = outcome === 1 ? signs[pw]! | pb : signs[pw]! & ~pb
}

/**
 * The deterministic case: Z_q = ± the product of the stabilizers whose destabilizer partners
 * anticommute with Z_q; the outcome is that sign.
 */
function deterministicOutcome(t: StabilizerTableau, q: number): 0 | 1 {
  const { xs, zs, signs, stride, halfWords, numQubits } = t
  const sel = xs.subarray(q * stride, q * stride + halfWords)
  let exponent = 0
  for (let w = 0; w < halfWords; w++) exponent += 2 * popcount32(signs[halfWords + w]! & sel[w]!)
  for (let j = 0; j < numQubits; j++) {
    const b = j * stride + halfWords
    let carryX = 0
    let carryZ = 0
    for (let w = 0; w < halfWords; w++) {
      const d = sel[w]!
      if (d === 0) continue
      const x1 = xs[b + w]! & d
      const z1 = zs[b + w]! & d
      if ((x1 | z1) === 0) continue
      const px = prefixXor32(x1)
      const pz = prefixXor32(z1)
      // The running product's bits before each factor: exclusive prefix parities.
      const x2 = (px << 1) ^ carryX
      const z2 = (pz << 1) ^ carryZ
      carryX ^= px >> 31
      carryZ ^= pz >> 31
      const y1 = x1 & z1
      const xOnly = x1 & ~z1
      const zOnly = z1 & ~x1
      const plus = (y1 & ~x2 & z2) | (xOnly & x2 & z2) | (zOnly & x2 & ~z2)
      const minus = (y1 & x2 & ~z2) | (xOnly & ~x2 & z2) | (zOnly & x2 & z2)
      exponent += popcount32(plus) - popcount32(minus)
    }
  }
  return ((exponent & 3) >>> 1) as 0 | 1
}
