interface CryptoGlobals {
  readonly crypto: { getRandomValues(array: Uint8Array): Uint8Array }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Random bytes drawn in bulk: one `getRandomValues` call per 256 ids instead of one per id. */
const RANDOM_POOL = new Uint8Array(4096)
let poolOffset = RANDOM_POOL.length

function randomBytes16(): Uint8Array {
  if (poolOffset + 16 > RANDOM_POOL.length) {
    ;(globalThis as unknown as CryptoGlobals).crypto.getRandomValues(RANDOM_POOL)
    poolOffset = 0
  }
  const bytes = RANDOM_POOL.subarray(poolOffset, poolOffset + 16)
  poolOffset += 16
  return bytes
}

/**
 * A new ULID (time-ordered, 26 characters of Crockford base 32): 48 bits of milliseconds since
 * the epoch, then 80 random bits from `crypto.getRandomValues`. qfabric's job ids are ULIDs;
 * clients must treat job ids as opaque strings.
 *
 * @param timeMs - the timestamp part (default `Date.now()`)
 * @returns the id
 * @throws RangeError when `timeMs` is not an integer in `[0, 2^48)`
 */
export function createJobId(timeMs: number = Date.now()): string {
  if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs >= 2 ** 48) {
    throw new RangeError(`a ULID time must be an integer in [0, 2^48), got ${timeMs}`)
  }
  let time = ''
  let t = timeMs
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time
    t = Math.floor(t / 32)
  }
  const bytes = randomBytes16()
  let random = ''
  for (let i = 0; i < 16; i++) random += CROCKFORD[bytes[i]! % 32]!
  return time + random
}
