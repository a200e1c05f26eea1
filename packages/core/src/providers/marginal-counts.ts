import { Counts } from './counts.js'
import { bitstringToBigInt, hexToBigInt, toHexKey, type CregSizes } from './format-count-key.js'
import { ResultError } from './provider-errors.js'
import { Result } from './result.js'
import type { ExperimentResultJson, ResultJson } from './result-json.js'

/** Counts as a plain `bitstring → count` (or probability) object. */
export type CountsRecord = Readonly<Record<string, number>>

/** Options of {@link marginalCounts}. */
export interface MarginalCountsOptions {
  /**
   * Keep the bits in the order given (`indices[0]` becomes the rightmost bit) instead of
   * Qiskit's silent sort (Qiskit/qiskit#6230). Default false: Qiskit-compatible.
   */
  readonly preserveOrder?: boolean
  /** Counts input only: put `_` at removed positions and keep register spaces (Qiskit's `format_marginal`). */
  readonly formatMarginal?: boolean
  /**
   * Result input only, for experiments with memory: `true` (default) marginalises it too,
   * `false` removes it, `null` leaves it as it was (Qiskit's `marginalize_memory`).
   */
  readonly marginalizeMemory?: boolean | null
}

/**
 * Marginalises counts onto some clbits (Qiskit's `marginal_counts`). Qiskit-compatible by
 * default: the indices are **sorted**, so `[2, 0]` and `[0, 2]` give the same keys (the kept bit
 * with the highest index is leftmost); pass `preserveOrder: true`, or use
 * {@link marginalDistribution}, to keep the given order. Omitted indices (or all of them) only
 * strip spaces and underscores from the keys.
 *
 * For a `Result`, returns a new result whose experiments have marginal hex counts,
 * `memory_slots = indices.length`, `creg_sizes` shrunk to the registers still present (dropped
 * when the order is not ascending), and memory marginalised, removed or untouched per
 * `marginalizeMemory`. Inputs are never modified.
 *
 * @param counts - a `Result`, a `Counts`, or a plain `bitstring → count` object
 * @param indices - the clbits to keep (little-endian positions: 0 is the rightmost character)
 * @param options - `preserveOrder`, `formatMarginal`, `marginalizeMemory`
 * @returns the same kind of value as `counts`, marginalised
 * @throws {@link ResultError} `result.invalid-indices` for empty, duplicate or out-of-range
 *   indices ("indices must be in range [0, n-1]")
 * @example
 * ```ts
 * marginalCounts({ '101': 3, '001': 1 }, [2, 0]) // { '11': 3, '01': 1 }
 * ```
 */
export function marginalCounts(
  counts: Result,
  indices?: readonly number[],
  options?: MarginalCountsOptions,
): Result
export function marginalCounts(
  counts: Counts,
  indices?: readonly number[],
  options?: MarginalCountsOptions,
): Counts
export function marginalCounts(
  counts: CountsRecord,
  indices?: readonly number[],
  options?: MarginalCountsOptions,
): Record<string, number>
export function marginalCounts(
  counts: Result | Counts | CountsRecord,
  indices?: readonly number[],
  options: MarginalCountsOptions = {},
): Result | Counts | Record<string, number> {
  const order = indices === undefined || options.preserveOrder === true ? indices : sorted(indices)
  if (counts instanceof Result) return marginalResult(counts, order, options.marginalizeMemory)
  const plain = counts instanceof Counts ? counts.toObject() : counts
  let out = marginalize(plain, order, order !== undefined && isAscending(order))
  if (options.formatMarginal === true && order !== undefined)
    out = formatMarginal(plain, out, order)
  return counts instanceof Counts ? new Counts(out) : out
}

/**
 * Marginalises counts or a probability distribution onto some clbits, **respecting the order
 * of `indices`**: `indices[0]` becomes the rightmost (least significant) bit of each key
 * (Qiskit's `marginal_distribution`). Values are summed, so float distributions work too.
 *
 * @param counts - a `Counts` or a plain `bitstring → value` object
 * @param indices - the clbits to keep, in output order (least significant first)
 * @param options - `formatMarginal` to put `_` at removed positions
 * @returns marginal counts: a `Counts` for a `Counts`, else a plain object
 * @throws {@link ResultError} `result.invalid-indices` for empty, duplicate or out-of-range indices
 */
export function marginalDistribution(
  counts: Counts,
  indices?: readonly number[],
  options?: { readonly formatMarginal?: boolean },
): Counts
export function marginalDistribution(
  counts: CountsRecord,
  indices?: readonly number[],
  options?: { readonly formatMarginal?: boolean },
): Record<string, number>
export function marginalDistribution(
  counts: Counts | CountsRecord,
  indices?: readonly number[],
  options: { readonly formatMarginal?: boolean } = {},
): Counts | Record<string, number> {
  const plain = counts instanceof Counts ? counts.toObject() : counts
  const isIdentity = indices?.every((idx, i) => idx === i) ?? true
  let out = marginalize(plain, indices, isIdentity)
  if (options.formatMarginal === true && indices !== undefined)
    out = formatMarginal(plain, out, indices)
  return counts instanceof Counts ? new Counts(out) : out
}

/**
 * Marginalises level-2 shot memory (hex strings like `'0x5'`, or bitstrings) onto some clbits,
 * in the order given: `indices[0]` becomes the least significant bit (Qiskit's
 * `marginal_memory`). Bits are read by value, so shots whose hex strings differ in length are
 * handled correctly (Qiskit's kernel takes the width from the first shot).
 *
 * @param memory - one outcome per shot
 * @param indices - the clbits to keep; all bits, unchanged, when omitted
 * @param options - `returnHex` for `0x…` strings (default: bitstrings of `indices.length` bits)
 * @returns one marginal outcome per shot
 */
export function marginalMemory(
  memory: readonly string[],
  indices?: readonly number[],
  options: { readonly returnHex?: boolean } = {},
): string[] {
  return memory.map((shot) => {
    const value = shot.startsWith('0x') ? hexToBigInt(shot) : bitstringToBigInt(shot)
    if (indices === undefined)
      return options.returnHex === true ? toHexKey(value) : value.toString(2)
    let out = 0n
    indices.forEach((idx, j) => {
      out |= ((value >> BigInt(idx)) & 1n) << BigInt(j)
    })
    return options.returnHex === true
      ? toHexKey(out)
      : out.toString(2).padStart(indices.length, '0')
  })
}

function strip(key: string): string {
  return key.replace(/[\s_]/g, '')
}

function sorted(indices: readonly number[]): number[] {
  return [...indices].sort((a, b) => a - b)
}

function isAscending(indices: readonly number[]): boolean {
  return indices.every((v, i) => i === 0 || indices[i - 1]! < v)
}

function checkIndices(indices: readonly number[], width: number): void {
  const ok =
    indices.length > 0 &&
    new Set(indices).size === indices.length &&
    indices.every((i) => Number.isInteger(i) && i >= 0 && i < width)
  if (!ok)
    throw new ResultError('result.invalid-indices', `indices must be in range [0, ${width - 1}].`)
}

/** Output bit j (from the right) is input bit `indices[j]`; `keepAll` only strips keys. */
function marginalize(
  counts: CountsRecord,
  indices: readonly number[] | undefined,
  isIdentityOrder: boolean,
): Record<string, number> {
  const keys = Object.keys(counts)
  const width = strip(keys[0] ?? '').length
  if (indices !== undefined && keys.length > 0) checkIndices(indices, width)
  const keepAll = indices === undefined || (indices.length === width && isIdentityOrder)
  const out: Record<string, number> = {}
  for (const [key, value] of Object.entries(counts)) {
    const bits = strip(key)
    const newKey = keepAll
      ? bits
      : indices
          .map((idx) => bits[bits.length - 1 - idx] ?? '0')
          .reverse()
          .join('')
    out[newKey] = (out[newKey] ?? 0) + value
  }
  return out
}

/** Qiskit's `_format_marginal`: `_` at removed positions, spaces where the input had them. */
function formatMarginal(
  original: CountsRecord,
  marginal: Record<string, number>,
  indices: readonly number[],
): Record<string, number> {
  const template = Object.keys(original)[0] ?? ''
  const width = template.replace(/ /g, '').length
  const out: Record<string, number> = {}
  for (const [key, value] of Object.entries(marginal)) {
    const byPosition = new Map<number, string>()
    indices.forEach((idx, j) => byPosition.set(idx, key[key.length - 1 - j] ?? '0'))
    let bits = ''
    for (let p = width - 1; p >= 0; p--) bits += byPosition.get(p) ?? '_'
    for (let i = 0; i < template.length; i++) {
      if (template[i] === ' ') bits = `${bits.slice(0, i)} ${bits.slice(i)}`
    }
    out[bits] = value
  }
  return out
}

function marginalResult(
  result: Result,
  indices: readonly number[] | undefined,
  marginalizeMemory: boolean | null | undefined,
): Result {
  const json: ResultJson = result.toJSON()
  const results = json.results.map((exp, i) =>
    marginalExperiment(exp, result.getCounts(i), {
      indices,
      memoryMode: marginalizeMemory === undefined ? true : marginalizeMemory,
    }),
  )
  return new Result({ ...json, results })
}

function marginalExperiment(
  exp: ExperimentResultJson,
  counts: Counts,
  how: { indices: readonly number[] | undefined; memoryMode: boolean | null },
): ExperimentResultJson {
  const { indices, memoryMode } = how
  const marginal = marginalize(
    counts.toObject(),
    indices,
    indices === undefined || isAscending(indices),
  )
  const hexCounts: Record<string, number> = {}
  for (const [k, v] of Object.entries(marginal)) hexCounts[toHexKey(k)] = v
  const data: Record<string, unknown> = { ...exp.data, counts: hexCounts }
  if (indices === undefined) return { ...exp, data }
  const header: Record<string, unknown> = { ...exp.header, memory_slots: indices.length }
  const cregs = exp.header?.creg_sizes
  if (cregs !== undefined) {
    if (isAscending(indices)) header['creg_sizes'] = adjustCregSizes(cregs, indices)
    else delete header['creg_sizes']
  }
  const memory = exp.data.memory
  if (memory !== undefined) {
    if (memoryMode === false) delete data['memory']
    else if (memoryMode)
      data['memory'] = marginalMemory(memory.map(String), indices, { returnHex: true })
  }
  return { ...exp, data, header }
}

/** Qiskit's `_adjust_creg_sizes`: count the kept bits per register, drop empty registers. */
function adjustCregSizes(cregs: CregSizes, indices: readonly number[]): [string, number][] {
  const sizes: [string, number][] = cregs.map(([name]) => [name, 0])
  const limits: number[] = []
  let end = -1
  for (const [, size] of cregs) limits.push((end += size))
  let reg = 0
  for (const idx of sorted(indices)) {
    for (let r = reg; r < limits.length; r++) {
      if (idx <= limits[r]!) {
        reg = r
        sizes[r]![1] += 1
        break
      }
    }
  }
  return sizes.filter(([, size]) => size !== 0)
}
