/**
 * Samples measurements straight from a structured state, never writing the `2^n` vector. The
 * clusters are independent factors of the state, so their readings are independent: a shot draws
 * each factor's reading on its own and joins them (their qubits are disjoint). A factor is one
 * cluster's marginal distribution over its measured qubits; small factors are multiplied into
 * joint tables of up to {@link MAX_JOINT_OUTCOMES} outcomes (a product of 30 one-qubit factors
 * takes three draws per shot, not 30), and every table is drawn from by the alias method.
 * Cost: O(entries + shots · tables).
 */
import type { Rng } from '../random/seeded-rng.js'
import { type AliasTable, createAliasTable, drawAlias } from './alias-table.js'
import type { StructuredState } from './structured-state.js'

/** One independent factor of a reading distribution. */
export interface ReadingFactor {
  /** The factor's readings: bit `q` is the outcome of qubit `q` (its measured qubits only). */
  readonly readings: Int32Array
  /** Their probabilities (positive, summing to 1 up to rounding). */
  readonly probabilities: Float64Array
}

/**
 * The distribution of the measured qubits' outcomes, as a product: a shot reads `fixed` joined
 * with one reading of every factor, drawn independently.
 */
export interface ReadingDistribution {
  /** Outcomes common to every shot: bit `q` is qubit `q` (measured qubits only). */
  readonly fixed: number
  /** Independent factors on disjoint qubits, each with at least two readings. */
  readonly factors: readonly ReadingFactor[]
}

/** Joint tables hold at most this many readings (they stay in cache: 48 KiB each). */
export const MAX_JOINT_OUTCOMES = 4096

/**
 * The distribution of measuring `measured` on `state` (the state's scalar only scales its norm,
 * so it is ignored; each cluster is normalized on its own).
 *
 * @param state - the structured state
 * @param measured - the measured qubits (distinct)
 * @returns the fixed outcomes and one factor per cluster whose measured qubits are uncertain
 * @throws RangeError when a cluster's probabilities all underflow to zero
 */
export function readingDistribution(
  state: StructuredState,
  measured: readonly number[],
): ReadingDistribution {
  const isMeasured = new Uint8Array(state.numQubits)
  for (const q of measured) isMeasured[q] = 1
  let fixed = 0
  const factors: ReadingFactor[] = []
  for (const cluster of state.clusters()) {
    // The global bit each local bit reads into (0 when that qubit is not measured).
    const bits = cluster.qubits.map((q) => (isMeasured[q] === 1 ? 1 << q : 0))
    if (bits.every((b) => b === 0)) continue
    const weights = new Map<number, number>()
    for (let e = 0; e < cluster.keys.length; e++) {
      const key = cluster.keys[e]!
      let reading = 0
      for (let j = 0; j < bits.length; j++) if ((key >> j) & 1) reading |= bits[j]!
      const w = cluster.re[e]! ** 2 + cluster.im[e]! ** 2
      if (w > 0) weights.set(reading, (weights.get(reading) ?? 0) + w)
    }
    if (weights.size === 0) throw new RangeError('cannot sample from a zero state')
    if (weights.size === 1) {
      fixed |= [...weights.keys()][0]!
      continue
    }
    let total = 0
    for (const w of weights.values()) total += w
    factors.push({
      readings: Int32Array.from(weights.keys()),
      probabilities: Float64Array.from(weights.values(), (w) => w / total),
    })
  }
  return { fixed, factors }
}

/**
 * Draws `shots` readings, one per shot in shot order (so they are in random order already).
 *
 * @param distribution - the distribution
 * @param shots - the number of shots
 * @param rng - the random source (one uniform per joint table per shot)
 * @returns per shot, the measured qubits' outcomes (bit `q` = qubit `q`; the engine's 30 qubits
 *   fit an Int32Array, which also sorts twice as fast as doubles for counting)
 */
export function sampleReadings(
  distribution: ReadingDistribution,
  shots: number,
  rng: Rng,
): Int32Array {
  const out = new Int32Array(shots).fill(distribution.fixed)
  for (const factor of jointFactors(distribution.factors)) {
    const table: AliasTable = createAliasTable(factor.probabilities)
    const { readings } = factor
    for (let s = 0; s < shots; s++) out[s] = out[s]! | readings[drawAlias(table, rng.nextDouble())]!
  }
  return out
}

/**
 * Multiplies small factors together (smallest first) while the product stays within
 * {@link MAX_JOINT_OUTCOMES} readings; larger factors stay alone.
 */
function jointFactors(factors: readonly ReadingFactor[]): ReadingFactor[] {
  const bySize = [...factors].sort((a, b) => a.readings.length - b.readings.length)
  const joint: ReadingFactor[] = []
  let current: ReadingFactor | undefined
  for (const f of bySize) {
    if (current !== undefined && current.readings.length * f.readings.length <= MAX_JOINT_OUTCOMES)
      current = multiply(current, f)
    else {
      if (current !== undefined) joint.push(current)
      current = f
    }
  }
  if (current !== undefined) joint.push(current)
  return joint
}

/** The product of two factors on disjoint qubits (products that underflow to zero are dropped). */
function multiply(a: ReadingFactor, b: ReadingFactor): ReadingFactor {
  const na = a.readings.length
  const nb = b.readings.length
  const readings = new Int32Array(na * nb)
  const probabilities = new Float64Array(na * nb)
  let k = 0
  for (let j = 0; j < nb; j++) {
    for (let i = 0; i < na; i++) {
      const p = a.probabilities[i]! * b.probabilities[j]!
      if (p === 0) continue
      readings[k] = a.readings[i]! | b.readings[j]!
      probabilities[k++] = p
    }
  }
  return { readings: readings.subarray(0, k), probabilities: probabilities.subarray(0, k) }
}
