/**
 * A small, fast, seedable pseudo-random generator (xoshiro128**, seeded through splitmix32), so
 * that every randomised algorithm and test in qfabric is reproducible. Not cryptographic.
 */
export class SeededRng {
  private s0: number
  private s1: number
  private s2: number
  private s3: number
  /** A second normal deviate left over from the last Box–Muller draw. */
  private spareNormal: number | undefined

  /**
   * @param seed - any integer (only its low 32 bits matter); the same seed gives the same stream
   */
  constructor(seed: number) {
    let x = seed >>> 0
    // splitmix32 spreads a small or patterned seed over the whole 128-bit state.
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0
      let z = x
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.s0 = next()
    this.s1 = next()
    this.s2 = next()
    this.s3 = next()
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1
  }

  /** The next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0
    const t = this.s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= this.s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = rotl(this.s3, 11)
    return result
  }

  /** A uniform double in `[0, 1)` with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5 // 27 bits
    const lo = this.nextUint32() >>> 6 // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992
  }

  /**
   * A uniform double in `[a, b)`.
   *
   * @param a - the lower bound
   * @param b - the upper bound
   * @returns `a + (b − a)·u` for a fresh uniform `u`
   */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next()
  }

  /**
   * A uniform integer in `[0, n)`, without modulo bias.
   *
   * @param n - a positive integer ≤ 2³²
   * @throws RangeError when `n` is not a positive integer ≤ 2³²
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) {
      throw new RangeError(`int(n) needs a positive integer n ≤ 2^32, got ${n}`)
    }
    // Rejection sampling over the largest multiple of n below 2^32.
    const limit = 2 ** 32 - (2 ** 32 % n)
    for (;;) {
      const r = this.nextUint32()
      if (r < limit) return r % n
    }
  }

  /** A standard normal deviate (Box–Muller, polar form). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const v = this.spareNormal
      this.spareNormal = undefined
      return v
    }
    for (;;) {
      const u = 2 * this.next() - 1
      const v = 2 * this.next() - 1
      const s = u * u + v * v
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s)
        this.spareNormal = v * f
        return u * f
      }
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}
