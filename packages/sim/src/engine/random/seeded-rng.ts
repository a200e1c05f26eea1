/**
 * A small, fast, seeded generator (xoshiro128**, seeded through splitmix32). All randomness of
 * the engine goes through it, so a seed makes a run reproducible.
 */

/** A source of uniform doubles in `[0, 1)`. */
export interface Rng {
  /** A uniform double in `[0, 1)` with 53 random bits. */
  nextDouble(): number
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number
}

/**
 * A seeded generator.
 *
 * @param seed - any safe integer (negative values and values above 2^32 are folded in)
 * @returns a generator; equal seeds give equal streams
 * @throws RangeError when `seed` is not a safe integer
 * @example
 * const rng = createRng(42)
 * const u = rng.nextDouble()
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`)
  let sm = (seed >>> 0) ^ Math.floor(seed / 4294967296)
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) | 0
    let z = sm
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  if ((a | b | c | d) === 0) a = 1
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = rotl(d, 11)
    return result
  }
  return {
    nextUint32,
    nextDouble: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

/**
 * A seed for a run: the given one, or a fresh one from the clock and a counter when absent
 * (recorded in results so the run can be repeated).
 *
 * @param seed - the requested seed, if any
 * @returns a safe integer seed
 */
export function resolveSeed(seed: number | undefined): number {
  if (seed !== undefined) return seed
  fresh = (fresh + 0x9e3779b9) % 2 ** 32
  return (Date.now() * 1000 + fresh) % Number.MAX_SAFE_INTEGER
}
let fresh = 0
