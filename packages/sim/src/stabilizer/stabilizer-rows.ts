/**
 * The stabilizer generators of a tableau in generator-major (row) form, for Gaussian
 * elimination: row `i` holds generator `i`'s X bits in `x[i·words …]` and Z bits in
 * `z[i·words …]`, qubit `q` at bit `q`.
 */
import { lowestBit, popcount32, wordsFor } from './bit-words.js'
import type { StabilizerTableau } from './stabilizer-tableau.js'

/** The stabilizers of a tableau as bit rows with signs. */
export class StabilizerRows {
  /** The number of qubits (and rows). */
  readonly numQubits: number
  /** Words per row. */
  readonly words: number
  /** X bits, row-major. */
  readonly x: Uint32Array
  /** Z bits, row-major. */
  readonly z: Uint32Array
  /** Sign bit per row (1 means −1). */
  readonly sign: Uint8Array

  /**
   * The stabilizers of `t`, transposed out of its qubit-major layout.
   *
   * @param t - the tableau (not modified)
   */
  constructor(t: StabilizerTableau) {
    const n = t.numQubits
    this.numQubits = n
    this.words = wordsFor(n)
    this.x = new Uint32Array(n * this.words)
    this.z = new Uint32Array(n * this.words)
    this.sign = new Uint8Array(n)
    for (let q = 0; q < n; q++) {
      const base = q * t.stride + t.halfWords
      const qw = q >>> 5
      const qb = 1 << (q & 31)
      for (let w = 0; w < t.halfWords; w++) {
        for (let v = t.xs[base + w]!; v !== 0; v &= v - 1)
          this.x[((w << 5) + lowestBit(v)) * this.words + qw]! |= qb
        for (let v = t.zs[base + w]!; v !== 0; v &= v - 1)
          this.z[((w << 5) + lowestBit(v)) * this.words + qw]! |= qb
      }
    }
    for (let i = 0; i < n; i++) this.sign[i] = (t.signs[t.halfWords + (i >>> 5)]! >>> (i & 31)) & 1
  }

  /**
   * Whether row `r` has an X (or Y) on qubit `q`.
   *
   * @param r - the row
   * @param q - the qubit
   */
  hasX(r: number, q: number): boolean {
    return ((this.x[r * this.words + (q >>> 5)]! >>> (q & 31)) & 1) !== 0
  }

  /**
   * Whether row `r` has a Z (or Y) on qubit `q`.
   *
   * @param r - the row
   * @param q - the qubit
   */
  hasZ(r: number, q: number): boolean {
    return ((this.z[r * this.words + (q >>> 5)]! >>> (q & 31)) & 1) !== 0
  }

  /**
   * Exchanges two rows.
   *
   * @param a - a row
   * @param b - another row
   */
  swap(a: number, b: number): void {
    if (a === b) return
    const { words, x, z, sign } = this
    for (let w = 0; w < words; w++) {
      const ia = a * words + w
      const ib = b * words + w
      const tx = x[ia]!
      x[ia] = x[ib]!
      x[ib] = tx
      const tz = z[ia]!
      z[ia] = z[ib]!
      z[ib] = tz
    }
    const s = sign[a]!
    sign[a] = sign[b]!
    sign[b] = s
  }

  /**
   * Replaces row `target` by the product `target · source` of two commuting generators, with
   * the exact sign (Stim's bit-sliced count of the i factors, word by word).
   *
   * @param target - the row to update
   * @param source - the row multiplied in
   * @param fromWord - words before it must have no X bits in either row (they only XOR Z)
   */
  multiplyInto(target: number, source: number, fromWord = 0): void {
    const { words, x, z } = this
    const t0 = target * words
    const s0 = source * words
    for (let w = 0; w < fromWord; w++) z[t0 + w]! ^= z[s0 + w]!
    let cnt1 = 0
    let cnt2 = 0
    for (let w = fromWord; w < words; w++) {
      const x1 = x[t0 + w]!
      const z1 = z[t0 + w]!
      const x2 = x[s0 + w]!
      const z2 = z[s0 + w]!
      const nx = x1 ^ x2
      const nz = z1 ^ z2
      const x1z2 = x1 & z2
      const anti = (x2 & z1) ^ x1z2
      cnt2 ^= (cnt1 ^ nx ^ nz ^ x1z2) & anti
      cnt1 ^= anti
      x[t0 + w] = nx
      z[t0 + w] = nz
    }
    // log_i = popcount(cnt1) + 2·popcount(cnt2) + 2·sign(source) (mod 4); commuting rows give 0 or 2.
    const logI = popcount32(cnt1) + 2 * popcount32(cnt2) + 2 * this.sign[source]!
    this.sign[target]! ^= (logI >>> 1) & 1
  }
}
