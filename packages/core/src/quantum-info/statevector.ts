import { QuantumCircuit } from '../circuit/quantum-circuit.js'
import { SeededRng } from '../internal/seeded-rng.js'
import { Complex } from '../math/complex.js'
import { applyMatrix } from './apply-matrix.js'
import { evolveByCircuit } from './evolve-circuit.js'
import { complexArraysClose, type Tolerances } from './matrix-equal.js'
import { Operator, type OperatorLike } from './operator.js'
import { parity, Pauli } from './pauli.js'
import { checkQargs } from './qargs.js'
import { QuantumInfoError } from './quantum-info-error.js'
import { SparsePauliOp } from './sparse-pauli-op.js'
import { stateFromLabel } from './state-label.js'
import { marginalProbabilities, sampleOutcomes, toBitstring } from './state-probabilities.js'

/** The largest register a Statevector simulates a circuit on (2²⁴ amplitudes, 256 MiB). */
const MAX_QUBITS = 24

/** Options of {@link Statevector.sampleCounts}. */
export interface SampleOptions {
  /** The seed of the sampler; without it a fresh seed is drawn from `crypto`. */
  readonly seed?: number | undefined
  /** Sample only these qubits (bit t of an outcome is `qargs[t]`). */
  readonly qargs?: readonly number[] | undefined
}

/**
 * A pure state of n qubits as `2ⁿ` complex amplitudes, little-endian (Qiskit's `Statevector`):
 * amplitude `i` belongs to the basis state whose bit `q` is qubit `q`. Immutable: methods return
 * new states. Reference quality: gates are applied one by one with their own small matrices —
 * use `@qfabric/sim` for speed.
 *
 * @example
 * ```ts
 * const bell = Statevector.fromCircuit(new QuantumCircuit(2).h(0).cx(0, 1))
 * bell.probabilitiesDict() // { '00': 0.5, '11': 0.5 }
 * bell.expectationValue(new Pauli('ZZ')).re // 1
 * ```
 */
export class Statevector {
  readonly #data: Float64Array
  /** The number of qubits. */
  readonly numQubits: number

  /**
   * @param data - the amplitudes: interleaved `[re0, im0, re1, im1, …]` (copied), or a list
   *   of complex numbers; the length must be a power of two
   * @throws RangeError when the number of amplitudes is not a power of two
   */
  constructor(data: Float64Array | readonly (Complex | number)[]) {
    const amps =
      data instanceof Float64Array
        ? data.slice()
        : Float64Array.from(data.flatMap((z) => (typeof z === 'number' ? [z, 0] : [z.re, z.im])))
    const n = Math.log2(amps.length / 2)
    if (amps.length % 2 !== 0 || !Number.isInteger(n)) {
      throw new RangeError(`a state needs 2ⁿ amplitudes, got ${amps.length / 2}`)
    }
    this.#data = amps
    this.numQubits = n
  }

  /**
   * The state a circuit prepares from `|0…0⟩`.
   *
   * @param circuit - a circuit of unitary operations with bound parameters (≤ 24 qubits)
   * @returns the final state, global phase included
   * @throws CircuitError `circuit.no-matrix` for measurements, resets, conditions or control
   *   flow; `circuit.unbound-parameter` for free parameters
   * @throws RangeError above 24 qubits
   */
  static fromCircuit(circuit: QuantumCircuit): Statevector {
    return Statevector.fromInt(0, 2 ** circuit.numQubits).evolve(circuit)
  }

  /**
   * A product state from a label, rightmost character on qubit 0: `0`, `1`, `+`, `-`, `r`
   * (`(|0⟩ + i|1⟩)/√2`) and `l` (`(|0⟩ − i|1⟩)/√2`), Qiskit's `from_label`.
   *
   * @param label - e.g. `'01+-rl'`
   * @throws QuantumInfoError `quantum-info.invalid-label` for other characters
   */
  static fromLabel(label: string): Statevector {
    return new Statevector(stateFromLabel(label))
  }

  /**
   * The computational basis state `|i⟩` (Qiskit's `from_int(i, dims)`).
   *
   * @param i - the basis index
   * @param dims - the dimension `2ⁿ` (not the number of qubits, as in Qiskit)
   * @throws RangeError when `dims` is not a power of two, above 2²⁴, or `i` out of range
   */
  static fromInt(i: number, dims: number): Statevector {
    const n = Math.log2(dims)
    if (!Number.isInteger(n) || n > MAX_QUBITS) {
      throw new RangeError(`dims must be 2ⁿ with n ≤ ${MAX_QUBITS}, got ${dims}`)
    }
    if (!Number.isInteger(i) || i < 0 || i >= dims) {
      throw new RangeError(`basis index ${i} out of range for dimension ${dims}`)
    }
    const d = new Float64Array(2 * dims)
    d[2 * i] = 1
    return new Statevector(d)
  }

  /** The interleaved amplitudes (the state's own array: treat as read-only). */
  get data(): Float64Array {
    return this.#data
  }

  /** The dimension `2ⁿ`. */
  get dim(): number {
    return this.#data.length / 2
  }

  /**
   * One amplitude.
   *
   * @param i - the basis index
   * @throws RangeError when out of range
   */
  amplitude(i: number): Complex {
    if (!Number.isInteger(i) || i < 0 || i >= this.dim) {
      throw new RangeError(`basis index ${i} out of range for dimension ${this.dim}`)
    }
    return new Complex(this.#data[2 * i]!, this.#data[2 * i + 1])
  }

  /**
   * Measurement probabilities of all qubits, or the marginal on `qargs` (outcome bit `t` is
   * `qargs[t]`).
   *
   * @param qargs - the qubits to keep (default all)
   * @returns `2^k` probabilities
   */
  probabilities(qargs?: readonly number[]): Float64Array {
    if (qargs !== undefined) checkQargs(qargs, qargs.length, this.numQubits)
    return marginalProbabilities(this.#data, this.numQubits, qargs)
  }

  /**
   * The non-zero probabilities keyed by bitstring, Qiskit's format: little-endian, the rightmost
   * character is `qargs[0]` (qubit 0 by default). Key order is not meaningful (JavaScript lists
   * integer-like keys such as `'10'` first).
   *
   * @param qargs - the qubits to keep (default all)
   * @param decimals - round to this many decimals first (zeros after rounding are dropped)
   */
  probabilitiesDict(qargs?: readonly number[], decimals?: number): Record<string, number> {
    const probs = this.probabilities(qargs)
    const width = qargs?.length ?? this.numQubits
    const out: Record<string, number> = {}
    probs.forEach((p, i) => {
      const v = decimals === undefined ? p : round(p, decimals)
      if (v !== 0) out[toBitstring(i, width)] = v
    })
    return out
  }

  /**
   * Samples measurement outcomes (Qiskit's `sample_counts`), keyed like
   * {@link probabilitiesDict}.
   *
   * @param shots - the number of samples
   * @param options - `seed` and `qargs`
   * @returns counts per observed bitstring
   * @throws RangeError when `shots` is not a non-negative integer
   */
  sampleCounts(shots: number, options: SampleOptions = {}): Record<string, number> {
    if (!Number.isInteger(shots) || shots < 0) {
      throw new RangeError(`shots must be a non-negative integer, got ${shots}`)
    }
    const rng = new SeededRng(options.seed ?? freshSeed())
    const probs = this.probabilities(options.qargs)
    const width = options.qargs?.length ?? this.numQubits
    const counts: Record<string, number> = {}
    for (const [i, c] of sampleOutcomes(probs, shots, rng)) counts[toBitstring(i, width)] = c
    return counts
  }

  /**
   * The expectation value `⟨ψ|O|ψ⟩` (Qiskit's `expectation_value`), complex in general.
   *
   * @param oper - a Pauli, a SparsePauliOp or anything {@link Operator.from} accepts, on all
   *   qubits or on `qargs`
   * @param qargs - the qubits `oper` acts on (its qubit `t` on `qargs[t]`)
   * @returns the expectation value
   */
  expectationValue(oper: Pauli | SparsePauliOp | OperatorLike, qargs?: readonly number[]): Complex {
    if (oper instanceof Pauli) return this.pauliExpectation(this.embedPauli(oper, qargs))
    if (oper instanceof SparsePauliOp) {
      let sum = Complex.ZERO
      oper.paulis.forEach((p, k) => {
        sum = sum.add(this.pauliExpectation(this.embedPauli(p, qargs)).mul(oper.coeffs[k]!))
      })
      return sum
    }
    const op = Operator.from(oper)
    return this.innerProduct(this.evolve(op, qargs))
  }

  /**
   * The state after an operator or a circuit (Qiskit's `evolve`).
   *
   * @param other - an operator, matrix, circuit or instruction, on all qubits or on `qargs`
   * @param qargs - the qubits it acts on (its qubit `t` on `qargs[t]`)
   * @returns the new state (not normalised for non-unitary operators)
   */
  evolve(other: OperatorLike, qargs?: readonly number[]): Statevector {
    const width = other instanceof QuantumCircuit ? other.numQubits : widthOf(other)
    const targets = qargs ?? Array.from({ length: this.numQubits }, (_, i) => i)
    checkQargs(targets, width, this.numQubits)
    const out = this.#data.slice()
    if (other instanceof QuantumCircuit) {
      if (this.numQubits > MAX_QUBITS) throw new RangeError(`more than ${MAX_QUBITS} qubits`)
      evolveByCircuit(out, other, targets)
    } else {
      applyMatrix(out, Operator.from(other).data, targets)
    }
    return new Statevector(out)
  }

  /**
   * The inner product `⟨this|other⟩` (Qiskit's `inner`).
   *
   * @param other - a state on as many qubits
   * @throws QuantumInfoError `quantum-info.dimension-mismatch` for different sizes
   */
  innerProduct(other: Statevector): Complex {
    this.assertSameSize(other)
    const a = this.#data
    const b = other.#data
    let re = 0
    let im = 0
    for (let k = 0; k < a.length; k += 2) {
      re += a[k]! * b[k]! + a[k + 1]! * b[k + 1]!
      im += a[k]! * b[k + 1]! - a[k + 1]! * b[k]!
    }
    return new Complex(re, im)
  }

  /**
   * `this ⊗ other`: `other` takes the low qubits.
   *
   * @param other - any state
   */
  tensor(other: Statevector): Statevector {
    const a = this.#data
    const b = other.#data
    const out = new Float64Array((a.length * b.length) / 2)
    const db = b.length / 2
    for (let i = 0; i < a.length / 2; i++) {
      for (let j = 0; j < db; j++) {
        const k = 2 * (i * db + j)
        out[k] = a[2 * i]! * b[2 * j]! - a[2 * i + 1]! * b[2 * j + 1]!
        out[k + 1] = a[2 * i]! * b[2 * j + 1]! + a[2 * i + 1]! * b[2 * j]!
      }
    }
    return new Statevector(out)
  }

  /**
   * `other ⊗ this`: `this` takes the low qubits.
   *
   * @param other - any state
   */
  expand(other: Statevector): Statevector {
    return other.tensor(this)
  }

  /** The Euclidean norm. */
  norm(): number {
    let s = 0
    for (const x of this.#data) s += x * x
    return Math.sqrt(s)
  }

  /**
   * Whether the state is normalised.
   *
   * @param atol - the tolerance on the norm (default 1e-8)
   */
  isValid(atol = 1e-8): boolean {
    return Math.abs(this.norm() - 1) <= atol
  }

  /**
   * Whether `other` is the same state up to a global phase (Qiskit's `equiv`).
   *
   * @param other - a state
   * @param options - `atol` (1e-8), `rtol` (1e-5)
   */
  equiv(other: Statevector, options: Tolerances = {}): boolean {
    return complexArraysClose(this.#data, other.#data, { ...options, ignorePhase: true })
  }

  /**
   * Whether `other` has the same amplitudes, global phase included (Qiskit's `==`).
   *
   * @param other - a state
   * @param options - `atol` (1e-8), `rtol` (1e-5)
   */
  equals(other: Statevector, options: Tolerances = {}): boolean {
    return complexArraysClose(this.#data, other.#data, options)
  }

  /**
   * The non-zero amplitudes keyed by bitstring (Qiskit's `to_dict`).
   *
   * @param decimals - round the real and imaginary parts first
   */
  toDict(decimals?: number): Record<string, Complex> {
    const out: Record<string, Complex> = {}
    for (let i = 0; i < this.dim; i++) {
      let z = this.amplitude(i)
      if (decimals !== undefined) z = new Complex(round(z.re, decimals), round(z.im, decimals))
      if (z.re !== 0 || z.im !== 0) out[toBitstring(i, this.numQubits)] = z
    }
    return out
  }

  private pauliExpectation(p: Pauli): Complex {
    const { xMask, zMask, factor } = p.sparseForm()
    const d = this.#data
    let re = 0
    let im = 0
    // ⟨ψ|P|ψ⟩ = Σ_j conj(ψ[j ^ x])·(±factor)·ψ[j].
    for (let j = 0; j < this.dim; j++) {
      const i = j ^ xMask
      const sign = parity(i & zMask) === 0 ? 1 : -1
      const ar = d[2 * i]!
      const ai = d[2 * i + 1]!
      const br = d[2 * j]!
      const bi = d[2 * j + 1]!
      re += sign * (ar * br + ai * bi)
      im += sign * (ar * bi - ai * br)
    }
    return new Complex(re, im).mul(factor)
  }

  private embedPauli(p: Pauli, qargs: readonly number[] | undefined): Pauli {
    if (qargs === undefined) {
      if (p.numQubits !== this.numQubits) {
        throw new QuantumInfoError(
          'quantum-info.dimension-mismatch',
          `a ${p.numQubits}-qubit Pauli on a ${this.numQubits}-qubit state needs qargs`,
        )
      }
      return p
    }
    return Pauli.identity(this.numQubits).compose(p, { qargs })
  }

  private assertSameSize(other: Statevector): void {
    if (other.numQubits !== this.numQubits) {
      throw new QuantumInfoError(
        'quantum-info.dimension-mismatch',
        `states of ${this.numQubits} and ${other.numQubits} qubits`,
      )
    }
  }
}

function widthOf(other: Exclude<OperatorLike, QuantumCircuit>): number {
  if (other instanceof Operator || other instanceof Pauli || other instanceof SparsePauliOp) {
    return other.numQubits
  }
  if ('rows' in other) return Math.log2(other.rows)
  return other.numQubits
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(x * f) / f
}

/** A seed from the platform's CSPRNG (browsers and Node ≥ 19), else from the clock. */
function freshSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint32Array): Uint32Array } }).crypto
  if (c === undefined) return Date.now() >>> 0
  return c.getRandomValues(new Uint32Array(1))[0]!
}
