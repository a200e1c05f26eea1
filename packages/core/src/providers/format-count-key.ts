import { ResultError } from './provider-errors.js'

/**
 * Classical registers of an experiment as `[name, size]` pairs in circuit order (the result
 * header's `creg_sizes`).
 */
export type CregSizes = readonly (readonly [name: string, size: number])[]

/** What count-key formatting needs from an experiment header. */
export interface CountKeyFormat {
  /** Registers in circuit order; used only together with `memorySlots`. */
  readonly cregSizes?: CregSizes | undefined
  /** The number of classical bits; keys are zero-padded to this width. */
  readonly memorySlots?: number | undefined
}

const BITSTRING = /^[01\s_]+$/

/**
 * Whether `key` is a bitstring (only `0`, `1`, spaces and underscores), as opposed to a dit
 * string like `'02'`.
 *
 * @param key - a count key
 * @returns true for a bitstring
 */
export function isBitstring(key: string): boolean {
  return BITSTRING.test(key)
}

/**
 * Parses a bitstring into its integer value, ignoring spaces and underscores. Bit order is
 * little-endian: the rightmost character is bit 0.
 *
 * @param bits - e.g. `'1 01'`
 * @returns the value as a bigint (`0b101n`)
 * @throws {@link ResultError} `result.invalid-key` for a dit string
 */
export function bitstringToBigInt(bits: string): bigint {
  const clean = bits.replace(/[\s_]/g, '')
  if (!BITSTRING.test(bits) || clean.length === 0) {
    throw new ResultError('result.invalid-key', `'${bits}' is not a bitstring`)
  }
  return BigInt(`0b${clean}`)
}

/**
 * Converts a `0x…` hex key (case-insensitive digits) to its integer value.
 *
 * @param hex - e.g. `'0x5'`
 * @returns the value as a bigint
 * @throws {@link ResultError} `result.invalid-key` when `hex` is not `0x` followed by hex digits
 */
export function hexToBigInt(hex: string): bigint {
  if (!/^0x[0-9a-fA-F]+$/.test(hex)) {
    throw new ResultError('result.invalid-key', `'${hex}' is not a hexadecimal key`)
  }
  return BigInt(hex)
}

/**
 * Splits a padded bitstring into registers, last register leftmost, joined by single spaces
 * (Qiskit's `_separate_bitstring`; sizes that do not add up slice as Python does).
 *
 * @param bits - a bitstring without spaces
 * @param cregSizes - the registers in circuit order
 * @returns e.g. `'1 01'` for `'101'` and `[['c0', 2], ['c1', 1]]`
 */
export function separateBitstring(bits: string, cregSizes: CregSizes): string {
  const parts: string[] = []
  let at = 0
  for (let r = cregSizes.length - 1; r >= 0; r--) {
    const size = cregSizes[r]![1]
    parts.push(bits.slice(at, at + size))
    at += size
  }
  return parts.join(' ')
}

/**
 * Formats one outcome exactly as Qiskit's `format_counts_memory` does: a `0x` hex key becomes
 * binary (little-endian: clbit 0 is the rightmost character); with `memorySlots` it is
 * zero-padded to that width; with both `memorySlots` and `cregSizes` it is split into registers,
 * last register leftmost. Keys without the `0x` prefix are only padded and split.
 *
 * @param key - a hex key (`'0x5'`) or a bitstring
 * @param format - the experiment's `cregSizes` and `memorySlots`
 * @returns the formatted key, e.g. `'1 01'`
 * @throws {@link ResultError} `result.invalid-key` for a malformed key
 * @example
 * ```ts
 * formatCountKey('0x5', { memorySlots: 3, cregSizes: [['c0', 2], ['c1', 1]] }) // '1 01'
 * formatCountKey('0x1', { memorySlots: 4 }) // '0001'
 * ```
 */
export function formatCountKey(key: string, format: CountKeyFormat = {}): string {
  let bits = key.startsWith('0x') ? hexToBigInt(key).toString(2) : key
  const { memorySlots, cregSizes } = format
  if (memorySlots !== undefined && memorySlots > 0) {
    bits = bitstringToBigInt(bits).toString(2).padStart(memorySlots, '0')
    if (cregSizes !== undefined && cregSizes.length > 0) bits = separateBitstring(bits, cregSizes)
  }
  return bits
}

/**
 * The `0x…` form of an outcome (Qiskit's `hex(int(bits, 2))`, lower case, no padding).
 *
 * @param value - an outcome, or a bitstring (spaces and underscores ignored)
 * @returns e.g. `'0x5'`
 * @throws {@link ResultError} `result.invalid-key` for a dit string
 */
export function toHexKey(value: bigint | string): string {
  const n = typeof value === 'string' ? bitstringToBigInt(value) : value
  return `0x${n.toString(16)}`
}

/**
 * Raw counts for a result: integer outcomes (little-endian: clbit `i` is `2^i`) to the
 * `0x…`-keyed object that `ExperimentDataJson.counts` holds. Repeated outcomes are summed.
 *
 * @param outcomes - `[outcome, count]` pairs, e.g. a `Map`
 * @returns `{ '0x5': 12, … }`
 * @throws RangeError for a negative or non-integer outcome
 */
export function toHexCounts(
  outcomes: Iterable<readonly [number | bigint, number]>,
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [outcome, count] of outcomes) {
    if (typeof outcome === 'number' && !Number.isSafeInteger(outcome)) {
      throw new RangeError(`outcome ${outcome} is not a safe integer (use a bigint)`)
    }
    const value = BigInt(outcome)
    if (value < 0n) throw new RangeError(`outcome ${value} is negative`)
    const key = toHexKey(value)
    out[key] = (out[key] ?? 0) + count
  }
  return out
}
