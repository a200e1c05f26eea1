/**
 * Small helpers on 32-bit words used by the bit-packed tableau and the samplers.
 */

/**
 * The number of set bits of a 32-bit word.
 *
 * @param v - a 32-bit word (signed or unsigned)
 * @returns 0–32
 */
export function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/**
 * The index of the lowest set bit of a non-zero 32-bit word.
 *
 * @param v - a non-zero word
 * @returns 0–31
 */
export function lowestBit(v: number): number {
  return 31 - Math.clz32(v & -v)
}

/**
 * The inclusive prefix XOR of a word: bit `k` of the result is the XOR of bits `0..k` of `v`.
 *
 * @param v - a 32-bit word
 * @returns the prefix parities, as a signed 32-bit word
 */
export function prefixXor32(v: number): number {
  let x = v ^ (v << 1)
  x ^= x << 2
  x ^= x << 4
  x ^= x << 8
  return x ^ (x << 16)
}

/**
 * The number of 32-bit words holding `bits` bits.
 *
 * @param bits - a non-negative bit count
 * @returns `⌈bits / 32⌉`
 */
export function wordsFor(bits: number): number {
  return (bits + 31) >>> 5
}
