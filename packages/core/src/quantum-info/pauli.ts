import { Complex } from '../math/complex.js'
import { ComplexMatrix } from '../math/complex-matrix.js'
import { QuantumInfoError } from './quantum-info-error.js'
import { checkQargs } from './qargs.js'

/** The single-qubit Pauli letters. */
export type PauliChar = 'I' | 'X' | 'Y' | 'Z'

/** The symplectic parts of a Pauli: `(-i)^phase · Z^z·X^x` with Y written as `x = z = 1`. */
export interface PauliData {
  /** The Z bits, index = qubit. */
  readonly z: readonly boolean[]
  /** The X bits, index = qubit. */
  readonly x: readonly boolean[]
  /** The group phase exponent of `(-i)^phase` (default 0). */
  readonly phase?: number | undefined
}

/** Options of {@link Pauli.compose} and {@link Pauli.dot}. */
export interface PauliComposeOptions {
  /** The qubits of `this` the other (smaller) Pauli acts on, in its qubit order. */
  readonly qargs?: readonly number[] | undefined
  /** Multiply as `this · other` (apply `other` first) instead of `other · this`. */
  readonly front?: boolean | undefined
}

const LABEL = /^(?<coeff>[+-]?1?[ij]?)(?<pauli>[IXYZ]*)$/
/** Qiskit's group phases: P = (-i)^phase · σ. */
const PHASE_OF_PREFIX: Readonly<Record<string, number>> = { '': 0, '-i': 1, '-': 2, i: 3 }
const PREFIX_OF_PHASE = ['', '-i', '-', 'i'] as const
/** `(-i)^k` for k = 0..3. */
const PHASE_FACTORS = [Complex.ONE, new Complex(0, -1), new Complex(-1, 0), Complex.I] as const

/**
 * An n-qubit Pauli operator `(-i)^phase · σ_{n-1} ⊗ … ⊗ σ_0` (Qiskit's `Pauli`), stored in
 * symplectic form: `x[q]`, `z[q]` per qubit (`Y` is `x = z = 1`). Labels follow Qiskit: the
 * rightmost letter is qubit 0, and an optional phase prefix `''`, `'-'`, `'i'`, `'-i'`
 * (also `'+'`, `'1'`, `'j'` spellings). Immutable.
 *
 * @example
 * ```ts
 * const p = new Pauli('XY').compose(new Pauli('ZZ'))
 * p.toLabel() // 'YX'  (the matrix ZZ·XY)
 * new Pauli('X').dot(new Pauli('Y')).toLabel() // 'iZ'
 * ```
 */
export class Pauli {
  /** The X part per qubit (index = qubit). */
  readonly x: readonly boolean[]
  /** The Z part per qubit (index = qubit). */
  readonly z: readonly boolean[]
  /** The group phase exponent `k` of `(-i)^k`, in 0..3. */
  readonly phase: number

  /**
   * @param label - a Pauli label such as `'XIZ'`, `'-iY'`, or the symplectic parts
   *   `{ z, x, phase? }` (per qubit, index = qubit; phase taken mod 4)
   * @throws QuantumInfoError `quantum-info.invalid-label` when the label does not parse
   * @throws RangeError when `z` and `x` differ in length
   */
  constructor(label: string | PauliData) {
    if (typeof label !== 'string') {
      if (label.z.length !== label.x.length) {
        throw new RangeError(`z has ${label.z.length} bits but x has ${label.x.length}`)
      }
      this.x = Object.freeze([...label.x])
      this.z = Object.freeze([...label.z])
      this.phase = ((((label.phase ?? 0) % 4) + 4) % 4) | 0
      return
    }
    const m = LABEL.exec(label)
    if (m?.groups === undefined) {
      throw new QuantumInfoError('quantum-info.invalid-label', `invalid Pauli label '${label}'`)
    }
    const coeff = (m.groups['coeff'] ?? '').replace('+', '').replace('1', '').replace('j', 'i')
    const letters = m.groups['pauli'] ?? ''
    const n = letters.length
    const x: boolean[] = []
    const z: boolean[] = []
    for (let q = 0; q < n; q++) {
      const c = letters[n - 1 - q]
      x.push(c === 'X' || c === 'Y')
      z.push(c === 'Z' || c === 'Y')
    }
    this.x = Object.freeze(x)
    this.z = Object.freeze(z)
    this.phase = PHASE_OF_PREFIX[coeff] ?? 0
  }

  /**
   * A Pauli from its label (same as the constructor).
   *
   * @param label - a Pauli label
   * @returns the Pauli
   */
  static fromLabel(label: string): Pauli {
    return new Pauli(label)
  }

  /**
   * A Pauli from its symplectic parts.
   *
   * @param z - the Z bits per qubit
   * @param x - the X bits per qubit (same length)
   * @param phase - the group phase exponent (taken mod 4), default 0
   * @returns the Pauli `(-i)^phase·σ`
   * @throws RangeError when the lengths differ
   */
  static fromSymplectic(z: readonly boolean[], x: readonly boolean[], phase = 0): Pauli {
    return new Pauli({ z, x, phase })
  }

  /**
   * The n-qubit identity.
   *
   * @param numQubits - the number of qubits
   * @returns `I…I`
   */
  static identity(numQubits: number): Pauli {
    const zeros = new Array<boolean>(numQubits).fill(false)
    return Pauli.fromSymplectic(zeros, zeros)
  }

  get numQubits(): number {
    return this.x.length
  }

  /**
   * The letter on one qubit.
   *
   * @param qubit - the qubit index
   * @throws RangeError when out of range
   */
  charAt(qubit: number): PauliChar {
    if (!Number.isInteger(qubit) || qubit < 0 || qubit >= this.numQubits) {
      throw new RangeError(`qubit ${qubit} out of range for ${this.numQubits} qubits`)
    }
    return this.x[qubit] ? (this.z[qubit] ? 'Y' : 'X') : this.z[qubit] ? 'Z' : 'I'
  }

  /** The label, phase prefix included (`'-iXZ'`); Qiskit's `to_label`. */
  toLabel(): string {
    let s = ''
    for (let q = this.numQubits - 1; q >= 0; q--) s += this.charAt(q)
    return PREFIX_OF_PHASE[this.phase]! + s
  }

  toString(): string {
    return this.toLabel()
  }

  /** The number of non-identity letters. */
  weight(): number {
    let w = 0
    for (let q = 0; q < this.numQubits; q++) if (this.x[q] === true || this.z[q] === true) w++
    return w
  }

  /** The scalar `(-i)^phase` as a complex number. */
  phaseFactor(): Complex {
    return PHASE_FACTORS[this.phase]!
  }

  /** This Pauli with phase 0. */
  withoutPhase(): Pauli {
    return Pauli.fromSymplectic(this.z, this.x, 0)
  }

  /**
   * The composition "`this`, then `other`": the matrix `other·this` (Qiskit's `compose`), or
   * `this·other` with `front`. With `qargs`, `other` acts on those qubits of `this`.
   *
   * @param other - a Pauli (or label) on all qubits, or on `qargs`
   * @param options - `qargs` and `front`
   * @returns the product, phase included
   * @throws QuantumInfoError `quantum-info.dimension-mismatch` for incompatible sizes
   */
  compose(other: Pauli | string, options: PauliComposeOptions = {}): Pauli {
    const o = this.embed(typeof other === 'string' ? new Pauli(other) : other, options.qargs)
    return options.front === true ? multiply(this, o) : multiply(o, this)
  }

  /**
   * The matrix product `this·other` (Qiskit's `dot`).
   *
   * @param other - a Pauli (or label)
   * @param options - `qargs`: the qubits of `this` that `other` acts on
   * @returns the product
   */
  dot(
    other: Pauli | string,
    options: { readonly qargs?: readonly number[] | undefined } = {},
  ): Pauli {
    return this.compose(other, { qargs: options.qargs, front: true })
  }

  /**
   * `this ⊗ other`: `other` takes the low qubits.
   *
   * @param other - a Pauli
   * @returns the tensor product
   */
  tensor(other: Pauli): Pauli {
    return Pauli.fromSymplectic(
      [...other.z, ...this.z],
      [...other.x, ...this.x],
      this.phase + other.phase,
    )
  }

  /**
   * `other ⊗ this`: `this` takes the low qubits.
   *
   * @param other - a Pauli
   * @returns the tensor product
   */
  expand(other: Pauli): Pauli {
    return other.tensor(this)
  }

  /** The adjoint (also the inverse): the phase is conjugated. */
  adjoint(): Pauli {
    return Pauli.fromSymplectic(this.z, this.x, -this.phase)
  }

  /**
   * Whether `this` and `other` commute (an even number of anticommuting letters).
   *
   * @param other - a Pauli on all qubits, or on `qargs`
   * @param qargs - the qubits of `this` that `other` acts on
   * @returns true when they commute
   */
  commutes(other: Pauli, qargs?: readonly number[]): boolean {
    const o = this.embed(other, qargs)
    let parity = 0
    for (let q = 0; q < this.numQubits; q++) {
      parity ^=
        Number(this.x[q] === true && o.z[q] === true) ^
        Number(this.z[q] === true && o.x[q] === true)
    }
    return parity === 0
  }

  /**
   * Whether `this` and `other` anticommute.
   *
   * @param other - a Pauli on all qubits, or on `qargs`
   * @param qargs - the qubits of `this` that `other` acts on
   */
  anticommutes(other: Pauli, qargs?: readonly number[]): boolean {
    return !this.commutes(other, qargs)
  }

  /** Whether `other` is the same Pauli with the same phase. */
  equals(other: Pauli): boolean {
    return this.phase === other.phase && this.equiv(other)
  }

  /** Whether `other` is the same Pauli up to phase. */
  equiv(other: Pauli): boolean {
    if (other.numQubits !== this.numQubits) return false
    for (let q = 0; q < this.numQubits; q++) {
      if (this.x[q] !== other.x[q] || this.z[q] !== other.z[q]) return false
    }
    return true
  }

  /**
   * The dense `2ⁿ×2ⁿ` matrix, little-endian.
   *
   * @returns a fresh matrix
   * @throws RangeError above 14 qubits
   */
  toMatrix(): ComplexMatrix {
    const n = this.numQubits
    if (n > 14) throw new RangeError(`a dense Pauli matrix of ${n} qubits is too large`)
    const dim = 1 << n
    const m = new ComplexMatrix(dim, dim)
    const { xMask, zMask, factor } = this.sparseForm()
    for (let col = 0; col < dim; col++) {
      const row = col ^ xMask
      const sign = parity(row & zMask) === 0 ? 1 : -1
      m.data[2 * (row * dim + col)] = sign * factor.re
      m.data[2 * (row * dim + col) + 1] = sign * factor.im
    }
    return m
  }

  /**
   * The matrix in sparse form, for kernels on up to 30 qubits: column `j` has its one non-zero
   * entry in row `j ^ xMask`, equal to `factor·(-1)^{popcount((j ^ xMask) & zMask)}`.
   *
   * @returns the X and Z bit masks (bit q = qubit q) and the scalar factor
   * @throws RangeError above 30 qubits
   */
  sparseForm(): { xMask: number; zMask: number; factor: Complex } {
    if (this.numQubits > 30) throw new RangeError('bit masks hold at most 30 qubits')
    let xMask = 0
    let zMask = 0
    for (let q = 0; q < this.numQubits; q++) {
      if (this.x[q] === true) xMask |= 1 << q
      if (this.z[q] === true) zMask |= 1 << q
    }
    return { xMask, zMask, factor: PHASE_FACTORS[zxPhase(this)]! }
  }

  /** `other` on the qubits `qargs` of this Pauli's register, identity elsewhere. */
  private embed(other: Pauli, qargs: readonly number[] | undefined): Pauli {
    if (qargs === undefined) {
      if (other.numQubits !== this.numQubits) {
        throw new QuantumInfoError(
          'quantum-info.dimension-mismatch',
          `Paulis on ${this.numQubits} and ${other.numQubits} qubits`,
        )
      }
      return other
    }
    checkQargs(qargs, other.numQubits, this.numQubits)
    const x = new Array<boolean>(this.numQubits).fill(false)
    const z = new Array<boolean>(this.numQubits).fill(false)
    qargs.forEach((q, t) => {
      x[q] = other.x[t]!
      z[q] = other.z[t]!
    })
    return Pauli.fromSymplectic(z, x, other.phase)
  }
}

/** The matrix product `a·b` in symplectic arithmetic. */
function multiply(a: Pauli, b: Pauli): Pauli {
  // In the form (-i)^k·Z^z·X^x, X^{x_a}·Z^{z_b} = (-1)^{x_a·z_b}·Z^{z_b}·X^{x_a} gives the phase.
  let k = zxPhase(a) + zxPhase(b)
  const x: boolean[] = []
  const z: boolean[] = []
  let ys = 0
  for (let q = 0; q < a.numQubits; q++) {
    if (a.x[q] === true && b.z[q] === true) k += 2
    const xq = a.x[q] !== b.x[q]
    const zq = a.z[q] !== b.z[q]
    if (xq && zq) ys++
    x.push(xq)
    z.push(zq)
  }
  return Pauli.fromSymplectic(z, x, k - ys)
}

/** The phase exponent in the ZX form `(-i)^k·Z^z·X^x` (each Y is `-i·Z·X`). */
function zxPhase(p: Pauli): number {
  let ys = 0
  for (let q = 0; q < p.numQubits; q++) if (p.x[q] === true && p.z[q] === true) ys++
  return (p.phase + ys) % 4
}

/**
 * The parity of the set bits of a 32-bit integer.
 *
 * @param v - the integer
 * @returns 0 or 1
 */
export function parity(v: number): number {
  let x = v ^ (v >>> 16)
  x ^= x >>> 8
  x ^= x >>> 4
  x ^= x >>> 2
  x ^= x >>> 1
  return x & 1
}
