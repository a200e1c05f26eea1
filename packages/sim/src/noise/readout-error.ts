/**
 * Classical readout (assignment) errors (Qiskit Aer's `ReadoutError`).
 */
import { NOISE_ATOL } from './channel-math.js'
import { NoiseError } from './noise-error.js'

/** A readout error in JSON (Aer's `to_dict()` shape). */
export interface ReadoutErrorJson {
  readonly type: 'roerror'
  readonly operations: readonly string[]
  readonly probabilities: readonly (readonly number[])[]
  /** The qubit tuples of a local readout error (set by a noise model). */
  readonly gate_qubits?: readonly (readonly number[])[]
}

/**
 * A readout error on `n` qubits: a `2^n × 2^n` row-stochastic assignment matrix whose entry
 * `[prepared][measured]` is `P(measured | prepared)`. Indices are little-endian: bit `k` is the
 * `k`-th measured qubit. Immutable.
 *
 * @example
 * ```ts
 * // P(read 1 | 0) = 0.02, P(read 0 | 1) = 0.05
 * const ro = new ReadoutError([[0.98, 0.02], [0.05, 0.95]])
 * ```
 */
export class ReadoutError {
  /** The number of qubits. */
  readonly numQubits: number
  /** `probabilities[prepared][measured]`, rows summing to 1. */
  readonly probabilities: readonly (readonly number[])[]
  /** Per row, cumulative sums for sampling (last entry 1). */
  readonly #cumulative: readonly Float64Array[]

  /**
   * @param probabilities - the assignment matrix, `2^n` rows of `2^n` probabilities
   * @param atol - how far a row sum may be from 1 (default `1e-8`, Aer's)
   * @throws NoiseError `sim.noise.invalid-readout` (argument `probabilities`) for a matrix that
   *   is not square of size `2^n ≥ 2`, a negative or non-finite entry, or a row not summing to 1
   */
  constructor(probabilities: readonly (readonly number[])[], atol: number = NOISE_ATOL) {
    const dim = probabilities.length
    const n = Math.log2(dim)
    if (!Number.isInteger(n) || n < 1 || probabilities.some((r) => r.length !== dim)) {
      throw invalid(`must be a square matrix of size 2^n (n ≥ 1), got ${dim} rows`)
    }
    probabilities.forEach((row, i) => {
      if (row.some((p) => typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1)) {
        throw invalid(`row ${i} has an entry outside [0, 1]`)
      }
      const sum = row.reduce((s, p) => s + p, 0)
      if (Math.abs(sum - 1) > atol) throw invalid(`row ${i} sums to ${sum}, not 1`)
    })
    this.numQubits = n
    this.probabilities = Object.freeze(probabilities.map((row) => Object.freeze([...row])))
    this.#cumulative = this.probabilities.map((row) => {
      const c = new Float64Array(dim)
      let s = 0
      row.forEach((p, j) => (c[j] = s += p))
      return c.map((x) => x / s)
    })
    Object.freeze(this)
  }

  /**
   * Whether the matrix is the identity (no readout error).
   *
   * @param atol - the entry-wise tolerance
   * @returns whether it is ideal
   */
  isIdeal(atol: number = NOISE_ATOL): boolean {
    return this.probabilities.every((row, i) =>
      row.every((p, j) => Math.abs(p - (i === j ? 1 : 0)) <= atol),
    )
  }

  /**
   * This error, then `other` on the same qubits: `P = this · other`.
   *
   * @param other - a readout error of the same width
   * @returns the composed error
   * @throws NoiseError `sim.noise.qubit-mismatch` when the widths differ
   */
  compose(other: ReadoutError): ReadoutError {
    if (other.numQubits !== this.numQubits) {
      throw new NoiseError(
        'sim.noise.qubit-mismatch',
        `cannot compose ${this.numQubits}- and ${other.numQubits}-qubit readout errors`,
        { argument: 'other' },
      )
    }
    const a = this.probabilities
    const b = other.probabilities
    return new ReadoutError(
      a.map((row) => b.map((_, j) => row.reduce((s, p, k) => s + p * b[k]![j]!, 0))),
    )
  }

  /**
   * `this ⊗ other`: `other` on the lower qubits.
   *
   * @param other - any readout error
   * @returns the joint error
   */
  tensor(other: ReadoutError): ReadoutError {
    const a = this.probabilities
    const b = other.probabilities
    const rows: number[][] = []
    for (const ra of a) for (const rb of b) rows.push(ra.flatMap((x) => rb.map((y) => x * y)))
    return new ReadoutError(rows)
  }

  /**
   * `other ⊗ this`: `this` on the lower qubits.
   *
   * @param other - any readout error
   * @returns the joint error
   */
  expand(other: ReadoutError): ReadoutError {
    return other.tensor(this)
  }

  /**
   * Samples a reported outcome.
   *
   * @param prepared - the true outcome, `0 ≤ prepared < 2^n` (bit `k` = `k`-th qubit)
   * @param uniform - a uniform draw in `[0, 1)`
   * @returns the reported outcome
   */
  sample(prepared: number, uniform: number): number {
    const c = this.#cumulative[prepared]
    if (c === undefined)
      throw new RangeError(`outcome ${prepared} is outside 0..${2 ** this.numQubits - 1}`)
    let j = 0
    while (j < c.length - 1 && uniform >= c[j]!) j++
    return j
  }

  /** @returns the JSON form (Aer's shape) */
  toJSON(): ReadoutErrorJson {
    return {
      type: 'roerror',
      operations: ['measure'],
      probabilities: this.probabilities.map((r) => [...r]),
    }
  }

  /**
   * Reads a readout error from JSON.
   *
   * @param json - `{ probabilities }` as {@link toJSON} writes it
   * @returns the error
   * @throws NoiseError `sim.noise.invalid-json` for a malformed document, or
   *   `sim.noise.invalid-readout` for an invalid matrix
   */
  static fromJSON(json: unknown): ReadoutError {
    const probabilities = (json as { probabilities?: unknown } | null)?.probabilities
    if (!Array.isArray(probabilities) || !probabilities.every((r) => Array.isArray(r))) {
      throw new NoiseError('sim.noise.invalid-json', 'a readout error needs `probabilities` rows')
    }
    return new ReadoutError(probabilities as number[][])
  }
}

function invalid(message: string): NoiseError {
  return new NoiseError('sim.noise.invalid-readout', `probabilities ${message}`, {
    argument: 'probabilities',
  })
}
