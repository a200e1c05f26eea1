/**
 * numpy's `default_rng(seed)` stream, bit for bit: `SeedSequence` (the pool hashing of
 * `numpy/random/bit_generator.pyx`), `PCG64` (128-bit LCG with the XSL-RR output and numpy's
 * seeding) and `Generator.random()` / `uniform()` doubles. BigInt arithmetic: slow, but the
 * benchmark families draw at most a few thousand numbers.
 */

const MASK32 = 0xffffffffn
const MASK64 = (1n << 64n) - 1n
const MASK128 = (1n << 128n) - 1n
const INIT_A = 0x43b0d7e5n
const MULT_A = 0x931e8875n
const INIT_B = 0x8b51f9ddn
const MULT_B = 0x58f38dedn
const MIX_MULT_L = 0xca01f9ddn
const MIX_MULT_R = 0x4973f715n
const XSHIFT = 16n
const POOL_SIZE = 4
const PCG_MULTIPLIER = (0x2360ed051fc65da4n << 64n) | 0x4385df649fccf645n

/** The 32-bit words of a non-negative integer seed, least significant first (numpy's order). */
function seedWords(seed: bigint): bigint[] {
  if (seed === 0n) return [0n]
  const words: bigint[] = []
  for (let n = seed; n > 0n; n >>= 32n) words.push(n & MASK32)
  return words
}

/**
 * `SeedSequence(seed).generate_state(words64, np.uint64)`.
 *
 * @param seed - a non-negative integer seed
 * @param words64 - the number of 64-bit words
 * @returns the words
 */
export function seedSequenceState(seed: bigint, words64: number): bigint[] {
  const entropy = seedWords(seed)
  let hashConst = INIT_A
  const hashmix = (value: bigint): bigint => {
    let v = value ^ hashConst
    hashConst = (hashConst * MULT_A) & MASK32
    v = (v * hashConst) & MASK32
    return v ^ (v >> XSHIFT)
  }
  const mix = (x: bigint, y: bigint): bigint => {
    const r = (MIX_MULT_L * x - MIX_MULT_R * y) & MASK32
    return r ^ (r >> XSHIFT)
  }
  const pool = Array.from({ length: POOL_SIZE }, (_, i) => hashmix(entropy[i] ?? 0n))
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!))
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst]!, hashmix(entropy[src]!))
  }
  let h = INIT_B
  const words32: bigint[] = []
  for (let i = 0; i < 2 * words64; i++) {
    let v = pool[i % POOL_SIZE]! ^ h
    h = (h * MULT_B) & MASK32
    v = (v * h) & MASK32
    words32.push(v ^ (v >> XSHIFT))
  }
  return Array.from({ length: words64 }, (_, i) => words32[2 * i]! | (words32[2 * i + 1]! << 32n))
}

/** numpy's `Generator(PCG64(seed))`, for `random()` and `uniform()`. */
export class NumpyGenerator {
  #state: bigint
  readonly #inc: bigint

  /**
   * `np.random.default_rng(seed)`.
   *
   * @param seed - a non-negative integer seed
   * @throws RangeError for a negative or fractional seed
   */
  constructor(seed: number | bigint) {
    if (typeof seed === 'number' && (!Number.isSafeInteger(seed) || seed < 0))
      throw new RangeError(`bad seed ${seed}`)
    const s = BigInt(seed)
    if (s < 0n) throw new RangeError(`bad seed ${s}`)
    const [s0, s1, i0, i1] = seedSequenceState(s, 4) as [bigint, bigint, bigint, bigint]
    // pcg_setseq_128_srandom_r: state = 0, inc = (initseq << 1) | 1, step, state += initstate, step
    this.#inc = ((((i0 << 64n) | i1) << 1n) | 1n) & MASK128
    this.#state = 0n
    this.#step()
    this.#state = (this.#state + ((s0 << 64n) | s1)) & MASK128
    this.#step()
  }

  #step(): void {
    this.#state = (this.#state * PCG_MULTIPLIER + this.#inc) & MASK128
  }

  /** The next raw 64-bit output (XSL-RR). */
  nextUint64(): bigint {
    this.#step()
    const x = ((this.#state >> 64n) ^ this.#state) & MASK64
    const rot = this.#state >> 122n
    return ((x >> rot) | (x << ((64n - rot) & 63n))) & MASK64
  }

  /** `Generator.random()`: a double in `[0, 1)` from the top 53 bits. */
  random(): number {
    return Number(this.nextUint64() >> 11n) * (1 / 9007199254740992)
  }

  /** `Generator.uniform(low, high)`: `low + (high − low) · random()`. */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random()
  }
}
