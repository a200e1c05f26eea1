/**
 * Turns finished density-matrix branches into shot outcomes: the final measurements are sampled
 * from the exact distribution on the diagonal of the branch's ρ (marginalised onto the measured
 * qubits), each measurement's readout error is applied per shot, and the result is merged with
 * the bits measured mid-circuit. Keys are Qiskit-style hex strings of the whole classical
 * register, clbit 0 the least significant bit (`'0x5'` = clbits 0 and 2 read 1), exactly as the
 * statevector engine's `sampleProgram` writes them.
 */
import type { Rng } from '../engine/random/seeded-rng.js'
import type { MeasureOp } from '../engine/sim-program.js'
import type { ReadoutError } from '../noise/readout-error.js'
import type { DensityLeaf } from './density-runner.js'

/** Options of the {@link DensityOutcomes} constructor. */
export interface DensityOutcomesOptions {
  readonly numQubits: number
  readonly numClbits: number
  /** The final measurements, in program order (a later write of a clbit wins). */
  readonly finals: readonly MeasureOp[]
  /** Keep one outcome per shot. */
  readonly memory: boolean
  readonly rng: Rng
  readonly readoutErrorFor?: ((qubit: number) => ReadoutError | undefined) | undefined
}

/** Counts (and optionally per-shot memory) of sampled shots. */
export interface DensitySamples {
  /** Hex outcome → number of shots, e.g. `{ '0x0': 510, '0x3': 514 }`. */
  readonly counts: Record<string, number>
  /** One hex outcome per shot, in random shot order (when asked for). */
  readonly memory?: string[] | undefined
}

interface Final {
  readonly clbit: number
  /** The position of the measured qubit among the distinct measured qubits. */
  readonly position: number
  readonly readout: ReadoutError | undefined
}

/** Collects shot outcomes leaf by leaf. */
export class DensityOutcomes {
  readonly #options: DensityOutcomesOptions
  /** The distinct measured qubits, ascending. */
  readonly #qubits: readonly number[]
  readonly #finals: readonly Final[]
  readonly #noisy: boolean
  readonly #counts = new Map<string, number>()
  readonly #memory: string[] = []

  /** @param options - sizes, final measurements, memory flag, randomness, readout errors */
  constructor(options: DensityOutcomesOptions) {
    this.#options = options
    const byClbit = new Map<number, number>()
    for (const m of options.finals) byClbit.set(m.clbit, m.qubit)
    this.#qubits = [...new Set(byClbit.values())].sort((a, b) => a - b)
    this.#finals = [...byClbit].map(([clbit, qubit]) => ({
      clbit,
      position: this.#qubits.indexOf(qubit),
      readout: options.readoutErrorFor?.(qubit),
    }))
    this.#noisy = this.#finals.some((f) => f.readout !== undefined)
  }

  /**
   * Records the shots of one finished branch (`leaf.weight` shots).
   *
   * @param leaf - the branch; its state is read now, not kept
   */
  record(leaf: DensityLeaf): void {
    const shots = leaf.weight
    if (shots === 0) return
    if (this.#finals.length === 0) {
      this.#add(hexKey(leaf.clbits), shots)
      return
    }
    const perOutcome = this.#sampleMarginal(leaf.state, shots)
    const bits = Uint8Array.from(leaf.clbits)
    perOutcome.forEach((count, x) => {
      if (count === 0) return
      if (!this.#noisy) {
        for (const f of this.#finals) bits[f.clbit] = (x >> f.position) & 1
        this.#add(hexKey(bits), count)
        return
      }
      for (let s = 0; s < count; s++) {
        for (const f of this.#finals) {
          const t = (x >> f.position) & 1
          bits[f.clbit] =
            f.readout === undefined ? t : f.readout.sample(t, this.#options.rng.nextDouble())
        }
        this.#add(hexKey(bits), 1)
      }
    })
  }

  /**
   * The collected outcomes; memory is shuffled into a random shot order.
   *
   * @returns counts and memory
   */
  finish(): DensitySamples {
    const counts: Record<string, number> = {}
    for (const [key, n] of this.#counts) counts[key] = n
    if (!this.#options.memory) return { counts }
    const memory = this.#memory
    const rng = this.#options.rng
    for (let i = memory.length - 1; i > 0; i--) {
      const j = Math.floor(rng.nextDouble() * (i + 1))
      const t = memory[i]!
      memory[i] = memory[j]!
      memory[j] = t
    }
    return { counts, memory }
  }

  #add(key: string, count: number): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count)
    if (this.#options.memory) for (let s = 0; s < count; s++) this.#memory.push(key)
  }

  /** Shot counts of each joint outcome of the measured qubits (bit `k` = `#qubits[k]`). */
  #sampleMarginal(state: Float64Array, shots: number): Float64Array {
    const dim = 2 ** this.#options.numQubits
    const cumulative = new Float64Array(2 ** this.#qubits.length)
    for (let i = 0; i < dim; i++) {
      let x = 0
      this.#qubits.forEach((q, k) => {
        x |= ((i >> q) & 1) << k
      })
      cumulative[x]! += Math.max(0, state[2 * i * (dim + 1)]!)
    }
    for (let x = 1; x < cumulative.length; x++) cumulative[x]! += cumulative[x - 1]!
    const total = cumulative[cumulative.length - 1]!
    const counts = new Float64Array(cumulative.length)
    for (let s = 0; s < shots; s++) {
      const u = this.#options.rng.nextDouble() * total
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (u < cumulative[mid]!) hi = mid
        else lo = mid + 1
      }
      counts[lo]!++
    }
    return counts
  }
}

/**
 * The hex key of classical bits (clbit 0 = least significant bit), `'0x0'` when all are 0.
 *
 * @param bits - one byte (0 or 1) per clbit
 * @returns e.g. `'0x5'`
 */
export function hexKey(bits: Uint8Array): string {
  let hex = ''
  let started = false
  for (let top = Math.ceil(bits.length / 4) * 4 - 4; top >= 0; top -= 4) {
    const nibble =
      (bits[top] ?? 0) |
      ((bits[top + 1] ?? 0) << 1) |
      ((bits[top + 2] ?? 0) << 2) |
      ((bits[top + 3] ?? 0) << 3)
    if (nibble === 0 && !started) continue
    started = true
    hex += nibble.toString(16)
  }
  return `0x${hex === '' ? '0' : hex}`
}
