import { ResultError } from './provider-errors.js'
import {
  bitstringToBigInt,
  formatCountKey,
  hexToBigInt,
  isBitstring,
  toHexKey,
  type CountKeyFormat,
  type CregSizes,
} from './format-count-key.js'

/** A raw outcome key: a `0x…` hex string, a `0b…` string, a bitstring, a dit string, or an integer. */
export type CountsKey = string | number | bigint

/** What a {@link Counts} can be built from. */
export type CountsData =
  | Readonly<Record<string, number>>
  | ReadonlyMap<CountsKey, number>
  | Iterable<readonly [CountsKey, number]>

/** How a {@link Counts} formats its keys, plus the experiment's duration. */
export interface CountsOptions extends CountKeyFormat {
  /** How long the experiment took, in seconds. */
  readonly timeTaken?: number | undefined
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * Measurement counts of one experiment: outcome → number of shots (Qiskit's `Counts`). Keys are
 * formatted as Qiskit formats them: binary, **little-endian** (clbit 0 is the rightmost
 * character), zero-padded to `memorySlots`, registers separated by a space with the last register
 * leftmost. Raw hex and integer forms stay available through {@link Counts.hexOutcomes} and
 * {@link Counts.intOutcomes}; outcomes wider than 53 bits are exact (`bigint`). Immutable.
 *
 * @example
 * ```ts
 * const counts = new Counts({ '0x0': 480, '0x5': 520 }, { memorySlots: 3, cregSizes: [['c0', 2], ['c1', 1]] })
 * counts.get('1 01') // 520
 * counts.mostFrequent() // '1 01'
 * counts.shots() // 1000
 * ```
 */
export class Counts implements Iterable<[string, number]> {
  /** The registers the keys are split by, when known. */
  readonly cregSizes: CregSizes | undefined
  /** The key width in bits, when known. */
  readonly memorySlots: number | undefined
  /** How long the experiment took, in seconds, when known. */
  readonly timeTaken: number | undefined
  readonly #data: ReadonlyMap<string, number>
  /** Outcome values and raw hex keys, unless the keys are unformatted bit/dit strings. */
  readonly #intRaw: ReadonlyMap<bigint, number> | undefined
  readonly #hexRaw: ReadonlyMap<string, number> | undefined

  /**
   * @param data - outcome → count; keys all hex (`'0x5'`), all `0b…`, all integers, or all bit
   *   (or dit) strings. Bitstrings are kept verbatim unless `memorySlots`/`cregSizes` are given.
   * @param options - key formatting (`memorySlots`, `cregSizes`) and `timeTaken`
   * @throws TypeError for keys of mixed kinds, negative or non-integer number keys, or
   *   non-finite values
   * @throws {@link ResultError} `result.invalid-key` for dit strings with formatting options
   */
  constructor(data: CountsData, options: CountsOptions = {}) {
    const entries = toEntries(data)
    const format: CountKeyFormat = {
      cregSizes: options.cregSizes,
      memorySlots: options.memorySlots,
    }
    this.cregSizes = options.cregSizes === undefined ? undefined : freezeCregs(options.cregSizes)
    this.memorySlots = options.memorySlots
    this.timeTaken = options.timeTaken
    const kind = keyKind(entries)
    const hasFormat = (options.memorySlots ?? 0) > 0 || (options.cregSizes?.length ?? 0) > 0
    if (kind === 'text' && !hasFormat) {
      this.#data = sumInto(entries.map(([k, v]) => [k as string, v]))
      this.#intRaw = undefined
      this.#hexRaw = undefined
    } else {
      const ints = entries.map(([k, v]): [bigint, number] => [toBigInt(k, kind), v])
      this.#intRaw = sumInto(ints)
      this.#hexRaw =
        kind === 'hex'
          ? sumInto(entries.map(([k, v]) => [(k as string).toLowerCase(), v]))
          : sumInto(ints.map(([k, v]) => [toHexKey(k), v]))
      this.#data = sumInto(ints.map(([k, v]) => [formatCountKey(toHexKey(k), format), v]))
    }
    Object.freeze(this)
  }

  /** The number of distinct outcomes. */
  get size(): number {
    return this.#data.size
  }

  /**
   * The count of one formatted outcome.
   *
   * @param key - a formatted key, e.g. `'1 01'`
   * @returns its count, or `undefined` when the outcome never occurred
   */
  get(key: string): number | undefined {
    return this.#data.get(key)
  }

  /**
   * Whether an outcome occurred.
   *
   * @param key - a formatted key
   * @returns true when it has a count
   */
  has(key: string): boolean {
    return this.#data.has(key)
  }

  /** The formatted outcomes, in the order the backend reported them. */
  keys(): IterableIterator<string> {
    return this.#data.keys()
  }

  /** The counts, in key order. */
  values(): IterableIterator<number> {
    return this.#data.values()
  }

  /** `[formatted outcome, count]` pairs. */
  entries(): IterableIterator<[string, number]> {
    return this.#data.entries()
  }

  /** Iterates `[formatted outcome, count]` pairs. */
  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.#data.entries()
  }

  /**
   * The total number of shots: the sum of all counts.
   *
   * @returns the sum
   */
  shots(): number {
    let total = 0
    for (const v of this.#data.values()) total += v
    return total
  }

  /**
   * The single most frequent outcome.
   *
   * @returns its formatted key
   * @throws {@link ResultError} `result.no-unique-maximum` when empty or when several outcomes
   *   share the maximum count (as Qiskit)
   */
  mostFrequent(): string {
    if (this.#data.size === 0) {
      throw new ResultError(
        'result.no-unique-maximum',
        'Cannot return a most frequent count on an empty object',
      )
    }
    const max = Math.max(...this.#data.values())
    const best = [...this.#data].filter(([, v]) => v === max).map(([k]) => k)
    if (best.length !== 1) {
      throw new ResultError(
        'result.no-unique-maximum',
        `Multiple values have the same maximum counts: ${best.join(',')}`,
      )
    }
    return best[0]!
  }

  /**
   * The counts keyed by lower-case hex outcome (`'0x5'`).
   *
   * @returns a frozen `hex → count` record
   * @throws {@link ResultError} `result.invalid-key` when the keys are dit strings
   */
  hexOutcomes(): Readonly<Record<string, number>> {
    const hex = this.#hexRaw ?? sumInto([...this.#data].map(([k, v]) => [toHexKey(k), v]))
    return Object.freeze(Object.fromEntries(hex))
  }

  /**
   * The counts keyed by integer outcome (little-endian: clbit `i` contributes `2^i`). Outcomes
   * above `Number.MAX_SAFE_INTEGER` are `bigint` keys, smaller ones `number`s; pass
   * `{ bigint: true }` for all-bigint keys.
   *
   * @param options - `bigint: true` for bigint keys throughout
   * @returns a new `outcome → count` map
   * @throws {@link ResultError} `result.invalid-key` when the keys are dit strings
   */
  intOutcomes(options: { bigint: true }): Map<bigint, number>
  intOutcomes(options?: { bigint?: false }): Map<number | bigint, number>
  intOutcomes(options: { bigint?: boolean } = {}): Map<number | bigint, number> {
    const ints = this.#intRaw ?? sumInto([...this.#data].map(([k, v]) => [bitstringToBigInt(k), v]))
    const out = new Map<number | bigint, number>()
    for (const [k, v] of ints) {
      out.set(options.bigint === true || k > MAX_SAFE ? k : Number(k), v)
    }
    return out
  }

  /** The counts as a plain `formatted outcome → count` object (Qiskit's dict view). */
  toObject(): Record<string, number> {
    return Object.fromEntries(this.#data)
  }

  /** The counts as JSON: the plain formatted-key object. */
  toJSON(): Record<string, number> {
    return this.toObject()
  }

  /** `{'00': 1012, '11': 988}`, as Qiskit prints its counts dict. */
  toString(): string {
    return `{${[...this.#data].map(([k, v]) => `'${k}': ${v}`).join(', ')}}`
  }

  /**
   * What Node's `console.log` and `util.inspect` show: the plain object. Keyed by the shared
   * symbol so core needs no Node import.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): Record<string, number> {
    return this.toObject()
  }
}

type KeyKind = 'hex' | 'binary-prefixed' | 'int' | 'text'

function toEntries(data: CountsData): (readonly [CountsKey, number])[] {
  const iterable: Iterable<readonly [CountsKey, number]> =
    data instanceof Map || Symbol.iterator in data
      ? (data as Iterable<readonly [CountsKey, number]>)
      : Object.entries(data as Record<string, number>)
  const entries = [...iterable]
  for (const [k, v] of entries) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`the count of ${String(k)} must be a finite number, got ${String(v)}`)
    }
  }
  return entries
}

function kindOf(key: CountsKey): KeyKind {
  if (typeof key === 'number' || typeof key === 'bigint') return 'int'
  if (key.startsWith('0x')) return 'hex'
  if (key.startsWith('0b')) return 'binary-prefixed'
  return 'text'
}

function keyKind(entries: readonly (readonly [CountsKey, number])[]): KeyKind {
  const first = entries[0]
  if (first === undefined) return 'int'
  const kind = kindOf(first[0])
  for (const [k] of entries) {
    if (kindOf(k) !== kind) {
      throw new TypeError(`count keys must all be of one kind; found ${kind} and ${kindOf(k)} keys`)
    }
  }
  return kind
}

function toBigInt(key: CountsKey, kind: KeyKind): bigint {
  switch (kind) {
    case 'int': {
      if (typeof key === 'number' && !Number.isSafeInteger(key)) {
        throw new TypeError(`integer count keys must be safe integers (use bigint), got ${key}`)
      }
      const n = BigInt(key)
      if (n < 0n) throw new TypeError(`count keys must be non-negative, got ${n}`)
      return n
    }
    case 'hex':
      return hexToBigInt(key as string)
    case 'binary-prefixed':
      return bitstringToBigInt((key as string).slice(2))
    case 'text':
      if (!isBitstring(key as string)) {
        throw new ResultError(
          'result.invalid-key',
          'Counts with dit strings do not support the formatting options creg_sizes or memory_slots',
        )
      }
      return bitstringToBigInt(key as string)
  }
}

function sumInto<TKey>(pairs: Iterable<readonly [TKey, number]>): ReadonlyMap<TKey, number> {
  const out = new Map<TKey, number>()
  for (const [k, v] of pairs) out.set(k, (out.get(k) ?? 0) + v)
  return out
}

function freezeCregs(cregs: CregSizes): CregSizes {
  return Object.freeze(cregs.map(([name, size]) => Object.freeze([name, size] as const)))
}
