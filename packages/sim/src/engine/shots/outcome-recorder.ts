/**
 * Turns finished branches into per-shot classical outcomes: final measurements are sampled from
 * the branch's state and merged with the bits measured mid-circuit. Outcomes are kept as numbers
 * (clbit 0 = least significant bit) while collecting; the Qiskit-style hex keys (`'0x5'`) are
 * only built when the counts are read, since a million shots can have hundreds of thousands of
 * distinct outcomes.
 */
import type { Rng } from '../random/seeded-rng.js'
import type { MeasureOp } from '../sim-program.js'
import type { Leaf } from './branch-runner.js'
import { countSorted, sampleIndices } from './sample-indices.js'

/** Counts (and optionally per-shot memory) of a sampled program. */
export interface SampledOutcomes {
  /**
   * Hex outcome → number of shots, e.g. `{ '0x0': 510, '0x3': 514 }` (built on first read).
   */
  readonly counts: Record<string, number>
  /** One hex outcome per shot, in random shot order (when asked for). */
  readonly memory?: string[] | undefined
}

/** Above this many clbits, outcomes are BigInts rather than doubles. */
const MAX_NUMBER_CLBITS = 52

/** Collects outcomes leaf by leaf. */
export class OutcomeRecorder {
  readonly #numClbits: number
  readonly #rng: Rng
  readonly #hasFinals: boolean
  /** `[qubit, clbit]` of each final measurement, the last write of a clbit winning. */
  readonly #finals: readonly (readonly [number, number])[]
  /**
   * Final measurement of qubit `c` into clbit `c` for every clbit, and no other qubit: the index
   * is the outcome.
   */
  readonly #identity: boolean
  /** Numeric outcomes and their shot counts, one chunk per leaf (merged when read). */
  readonly #chunks: Chunk[] = []
  readonly #big = new Map<bigint, number>()
  readonly #keepMemory: boolean

  /**
   * @param options - clbit count, the final measurements, whether to keep memory, the rng
   */
  constructor(options: {
    readonly numQubits: number
    readonly numClbits: number
    readonly finals: readonly MeasureOp[]
    readonly memory: boolean
    readonly rng: Rng
  }) {
    this.#numClbits = options.numClbits
    this.#rng = options.rng
    this.#keepMemory = options.memory
    const byClbit = new Map<number, number>()
    for (const m of options.finals) byClbit.set(m.clbit, m.qubit)
    this.#finals = [...byClbit].map(([c, q]) => [q, c] as const)
    this.#hasFinals = options.finals.length > 0
    // Unmeasured qubits would otherwise show up in the index.
    this.#identity =
      options.numQubits === options.numClbits &&
      byClbit.size === options.numClbits &&
      [...byClbit].every(([c, q]) => c === q)
  }

  /**
   * Records the shots of one finished branch.
   *
   * @param leaf - the branch (its state is read now, not kept)
   */
  record(leaf: Leaf): void {
    if (leaf.shots === 0) return
    const big = this.#numClbits > MAX_NUMBER_CLBITS
    const finalClbits = new Set(this.#finals.map(([, c]) => c))
    let base = 0
    let bigBase = 0n
    for (let c = 0; c < this.#numClbits; c++) {
      if (leaf.clbits[c] !== 1 || finalClbits.has(c)) continue
      if (big) bigBase |= 1n << BigInt(c)
      else base += 2 ** c
    }
    if (!this.#hasFinals) {
      if (big) this.#big.set(bigBase, (this.#big.get(bigBase) ?? 0) + leaf.shots)
      else
        this.#chunks.push({
          values: Float64Array.of(base),
          counts: Float64Array.of(leaf.shots),
          distinct: true,
        })
      return
    }
    const { values, counts } = countSorted(sampleIndices(leaf.state, leaf.shots, this.#rng))
    if (big) {
      for (let k = 0; k < values.length; k++) {
        const v = this.#bigValue(bigBase, values[k]!)
        this.#big.set(v, (this.#big.get(v) ?? 0) + counts[k]!)
      }
      return
    }
    if (!this.#identity)
      for (let k = 0; k < values.length; k++) values[k] = this.#value(base, values[k]!)
    // Distinct indices give distinct outcomes only when every qubit is read into its own clbit.
    this.#chunks.push({ values, counts, distinct: this.#identity })
  }

  /**
   * The collected outcomes; memory is shuffled into a random shot order.
   *
   * @returns counts (hex keys built on first read) and memory
   */
  finish(): SampledOutcomes {
    const chunks = this.#chunks
    const big = this.#big
    let counts: Record<string, number> | undefined
    const memory = this.#keepMemory ? this.#shuffledMemory() : undefined
    return {
      get counts(): Record<string, number> {
        counts ??= hexCounts(chunks, big)
        return counts
      },
      memory,
    }
  }

  #shuffledMemory(): string[] {
    const values: (number | bigint)[] = []
    for (const { values: v, counts: n } of this.#chunks) {
      for (let k = 0; k < v.length; k++) for (let s = 0; s < n[k]!; s++) values.push(v[k]!)
    }
    for (const [v, n] of this.#big) for (let s = 0; s < n; s++) values.push(v)
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.#rng.nextDouble() * (i + 1))
      const t = values[i]!
      values[i] = values[j]!
      values[j] = t
    }
    return values.map((v) => `0x${v.toString(16)}`)
  }

  /** The outcome with the final measurements read from basis state `index`. */
  #value(base: number, index: number): number {
    let v = base
    for (const [q, c] of this.#finals) if (Math.floor(index / 2 ** q) % 2 === 1) v += 2 ** c
    return v
  }

  #bigValue(base: bigint, index: number): bigint {
    let v = base
    for (const [q, c] of this.#finals)
      if (Math.floor(index / 2 ** q) % 2 === 1) v |= 1n << BigInt(c)
    return v
  }
}

/** Numeric outcomes of one leaf and their shot counts. */
interface Chunk {
  readonly values: Float64Array
  readonly counts: Float64Array
  /** Whether `values` has no repeats (then it needs no merging). */
  readonly distinct: boolean
}

function hexCounts(
  chunks: readonly Chunk[],
  big: ReadonlyMap<bigint, number>,
): Record<string, number> {
  const counts: Record<string, number> = {}
  if (chunks.length === 1 && chunks[0]!.distinct) {
    // One leaf with distinct outcomes: nothing to merge.
    const { values, counts: n } = chunks[0]!
    for (let k = 0; k < values.length; k++) counts[`0x${values[k]!.toString(16)}`] = n[k]!
  } else if (chunks.length > 0) {
    const merged = new Map<number, number>()
    for (const { values, counts: n } of chunks) {
      for (let k = 0; k < values.length; k++)
        merged.set(values[k]!, (merged.get(values[k]!) ?? 0) + n[k]!)
    }
    for (const [v, n] of merged) counts[`0x${v.toString(16)}`] = n
  }
  for (const [v, n] of big) counts[`0x${v.toString(16)}`] = n
  return counts
}
