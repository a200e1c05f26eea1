interface CryptoGlobals {
  readonly crypto: { getRandomValues(array: Uint8Array): Uint8Array }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

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
  const bytes = new Uint8Array(16)
  ;(globalThis as unknown as CryptoGlobals).crypto.getRandomValues(bytes)
  let random = ''
  for (let i = 0; i < 16; i++) random += CROCKFORD[bytes[i]! % 32]!
  return time + random
}
