/**
 * A quantum error: a CPTP channel on `n` qubits, kept as a mixture of terms so that trajectory
 * simulation can pick a term by probability and, most of the time, apply just a unitary.
 */
import type { ComplexMatrix } from '@qfabric/core/math'
import {
  averageFromProcessFidelity,
  isTracePreserving,
  krausProcessFidelity,
  krausToChoi,
  krausToSuperop,
  NOISE_ATOL,
} from './channel-math.js'
import { NoiseError } from './noise-error.js'
import {
  composeTerms,
  mergeTerms,
  tensorTerms,
  termFromInit,
  termOperators,
  termWidth,
  type NoiseTerm,
  type NoiseTermInit,
} from './noise-term.js'
import { termsFromJson, termToJson, type QuantumErrorJson } from './quantum-error-json.js'

/** Options of the {@link QuantumError} constructor. */
export interface QuantumErrorOptions {
  /** The tolerance for unitarity, trace preservation and the probability sum (default `1e-8`). */
  readonly atol?: number | undefined
}

/**
 * A CPTP quantum channel on `numQubits` qubits (Qiskit Aer's `QuantumError`): with probability
 * `p_i`, term `i` acts — a unitary (often a Pauli) or a trace-preserving Kraus channel such as a
 * reset. Matrices follow Qiskit's little-endian order: bit `k` of an index is the error's qubit
 * `k`, which a noise model maps to the instruction's `k`-th qubit.
 *
 * Instances are immutable; `compose`, `tensor` and `expand` return new errors. Build them with
 * the builders (`depolarizingError`, `thermalRelaxationError`, `pauliError`, `krausError`, …)
 * rather than the constructor.
 *
 * @example
 * ```ts
 * const error = new QuantumError([
 *   { probability: 0.9, pauli: 'I' },
 *   { probability: 0.1, pauli: 'X' },
 * ])
 * error.averageGateFidelity() // 1 - 0.1·2/3
 * ```
 */
export class QuantumError {
  /** The number of qubits the channel acts on. */
  readonly numQubits: number
  /** The terms, with positive probabilities summing to 1; unitary duplicates are merged. */
  readonly terms: readonly NoiseTerm[]
  /** The total probability of the terms that do nothing (identity up to phase). */
  readonly idealProbability: number

  /**
   * @param terms - the terms: `{ probability, pauli }`, `{ probability, unitary }` or
   *   `{ probability, kraus }` (each Kraus set trace preserving on its own)
   * @param options - the validation tolerance
   * @throws NoiseError `sim.noise.not-cptp` for a non-unitary matrix, a Kraus set that is not
   *   trace preserving, or probabilities outside `[0, 1]` or not summing to 1;
   *   `sim.noise.qubit-mismatch` when terms differ in width
   */
  constructor(terms: readonly (NoiseTermInit | NoiseTerm)[], options: QuantumErrorOptions = {}) {
    const atol = options.atol ?? NOISE_ATOL
    if (terms.length === 0) {
      throw new NoiseError('sim.noise.not-cptp', 'a quantum error needs at least one term', {
        argument: 'terms',
      })
    }
    const normal = terms.map((t, i) => ('kind' in t ? t : termFromInit(t, i, atol)))
    const widths = new Set(normal.map(termWidth))
    if (widths.size !== 1) {
      throw new NoiseError(
        'sim.noise.qubit-mismatch',
        `terms act on different numbers of qubits: ${[...widths].join(', ')}`,
        { argument: 'terms' },
      )
    }
    const total = normal.reduce((s, t) => s + t.probability, 0)
    if (Math.abs(total - 1) > atol) {
      throw new NoiseError('sim.noise.not-cptp', `probabilities sum to ${total}, not 1`, {
        argument: 'probabilities',
      })
    }
    this.numQubits = [...widths][0]!
    const merged = mergeTerms(normal)
    this.terms = Object.freeze(merged.length > 0 ? merged : normal.slice(0, 1))
    this.idealProbability = this.terms.reduce(
      (s, t) => s + (t.kind === 'unitary' && t.isIdentity ? t.probability : 0),
      0,
    )
    Object.freeze(this)
  }

  /** The probability of each term, in order. */
  get probabilities(): readonly number[] {
    return this.terms.map((t) => t.probability)
  }

  /** Whether every term is a unitary (trajectories never need Kraus sampling). */
  get isMixedUnitary(): boolean {
    return this.terms.every((t) => t.kind === 'unitary')
  }

  /**
   * Whether the channel does nothing: its identity terms carry all the probability.
   *
   * @param atol - how far from 1 the identity probability may be
   * @returns whether the error is ideal (Aer's `ideal()`)
   */
  isIdeal(atol: number = NOISE_ATOL): boolean {
    return this.idealProbability >= 1 - atol
  }

  /**
   * This error, then `other` (Qiskit's `compose`: `other ∘ this`).
   *
   * @param other - an error on the same number of qubits
   * @returns the composed error
   * @throws NoiseError `sim.noise.qubit-mismatch` when the widths differ
   */
  compose(other: QuantumError): QuantumError {
    if (other.numQubits !== this.numQubits) {
      throw new NoiseError(
        'sim.noise.qubit-mismatch',
        `cannot compose a ${this.numQubits}-qubit error with a ${other.numQubits}-qubit one`,
        { argument: 'other' },
      )
    }
    const out: NoiseTerm[] = []
    for (const a of this.terms) for (const b of other.terms) out.push(composeTerms(a, b))
    return new QuantumError(out)
  }

  /**
   * The product `this ⊗ other`: `other` acts on the lower qubits (Qiskit's `tensor`).
   *
   * @param other - any error
   * @returns an error on `this.numQubits + other.numQubits` qubits
   */
  tensor(other: QuantumError): QuantumError {
    const out: NoiseTerm[] = []
    for (const a of this.terms) for (const b of other.terms) out.push(tensorTerms(a, b))
    return new QuantumError(out)
  }

  /**
   * The product `other ⊗ this`: `this` acts on the lower qubits (Qiskit's `expand`).
   *
   * @param other - any error
   * @returns an error on `this.numQubits + other.numQubits` qubits
   */
  expand(other: QuantumError): QuantumError {
    return other.tensor(this)
  }

  /**
   * Kraus operators of the whole channel: `√p_i·K` for every operator of every term.
   *
   * @returns operators with `Σ K†K = I`
   */
  toKraus(): ComplexMatrix[] {
    return this.terms.flatMap((t) => termOperators(t).map((k) => k.scale(Math.sqrt(t.probability))))
  }

  /** @returns the superoperator `Σ conj(K) ⊗ K` (Qiskit's `SuperOp`, column stacking) */
  toSuperop(): ComplexMatrix {
    return krausToSuperop(this.toKraus())
  }

  /** @returns the Choi matrix `Σ_ij |i⟩⟨j| ⊗ E(|i⟩⟨j|)` (Qiskit's `Choi`) */
  toChoi(): ComplexMatrix {
    return krausToChoi(this.toKraus())
  }

  /**
   * Whether the channel is completely positive and trace preserving within `atol` (always true
   * for a constructed error at the construction tolerance; a tighter `atol` may say otherwise).
   *
   * @param atol - the tolerance on `Σ K†K = I`
   * @returns whether it is CPTP
   */
  isCptp(atol: number = NOISE_ATOL): boolean {
    return this.terms.every((t) => t.probability >= 0) && isTracePreserving(this.toKraus(), atol)
  }

  /** @returns the process fidelity with the identity channel, `Σ p_i·Σ_K |Tr K|²/d²` */
  processFidelity(): number {
    return this.terms.reduce(
      (s, t) => s + t.probability * krausProcessFidelity(termOperators(t)),
      0,
    )
  }

  /** @returns the average gate fidelity with the identity, `(d·F_pro + 1)/(d + 1)` */
  averageGateFidelity(): number {
    return averageFromProcessFidelity(this.processFidelity(), 2 ** this.numQubits)
  }

  /** @returns the JSON form (Aer's `to_dict()` shape, loosely) */
  toJSON(): QuantumErrorJson {
    return {
      type: 'qerror',
      operations: [],
      instructions: this.terms.map((t) => termToJson(t, this.numQubits)),
      probabilities: this.terms.map((t) => t.probability),
    }
  }

  /**
   * Reads an error from its JSON form.
   *
   * @param json - what {@link toJSON} wrote (or Aer's `to_dict()` of a simple error)
   * @returns the error
   * @throws NoiseError `sim.noise.invalid-json` for a malformed document, or the constructor's
   *   errors for a channel that is not CPTP
   */
  static fromJSON(json: unknown): QuantumError {
    return new QuantumError(termsFromJson(json))
  }

  /**
   * The identity channel on `numQubits` qubits.
   *
   * @param numQubits - a positive width
   * @returns an ideal error
   */
  static identity(numQubits: number): QuantumError {
    return new QuantumError([{ probability: 1, pauli: 'I'.repeat(numQubits) }])
  }
}
