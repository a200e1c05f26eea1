import { Complex } from '../math/complex.js'
import { ComplexMatrix } from '../math/complex-matrix.js'
import { parity, Pauli, type PauliComposeOptions } from './pauli.js'
import { QuantumInfoError } from './quantum-info-error.js'

/** A coefficient: a real number, a `Complex`, or `[re, im]`. */
export type CoeffLike = number | Complex | readonly [number, number]

/** Default tolerance of {@link SparsePauliOp.simplify} (Qiskit's). */
const SIMPLIFY_ATOL = 1e-8

/**
 * A weighted sum of Paulis, `Σ_k c_k·P_k` (Qiskit's `SparsePauliOp`). The Paulis carry no
 * phase: a phase in a label is folded into its coefficient. Terms are kept in order and not
 * merged until {@link simplify}. Immutable.
 *
 * @example
 * ```ts
 * const h = SparsePauliOp.fromList([['ZZ', -1], ['XI', 0.5], ['IX', 0.5]])
 * h.toMatrix() // 4×4 Hamiltonian
 * ```
 */
export class SparsePauliOp {
  /** The Paulis, each with phase 0. */
  readonly paulis: readonly Pauli[]
  /** The coefficients, one per Pauli. */
  readonly coeffs: readonly Complex[]
  /** The number of qubits. */
  readonly numQubits: number

  /**
   * @param paulis - the Paulis (or labels), all on the same number of qubits, at least one
   * @param coeffs - their coefficients (default all 1)
   * @throws RangeError for an empty list or a coefficient count that does not match
   * @throws QuantumInfoError `quantum-info.dimension-mismatch` for Paulis of different sizes
   */
  constructor(paulis: readonly (Pauli | string)[], coeffs?: readonly CoeffLike[]) {
    if (paulis.length === 0) throw new RangeError('a SparsePauliOp needs at least one term')
    if (coeffs !== undefined && coeffs.length !== paulis.length) {
      throw new RangeError(`${paulis.length} Paulis but ${coeffs.length} coefficients`)
    }
    const ps = paulis.map((p) => (typeof p === 'string' ? new Pauli(p) : p))
    const n = ps[0]!.numQubits
    for (const p of ps) {
      if (p.numQubits !== n) {
        throw new QuantumInfoError(
          'quantum-info.dimension-mismatch',
          `Paulis on ${n} and ${p.numQubits} qubits in one SparsePauliOp`,
        )
      }
    }
    this.numQubits = n
    this.coeffs = Object.freeze(ps.map((p, k) => toComplex(coeffs?.[k] ?? 1).mul(p.phaseFactor())))
    this.paulis = Object.freeze(ps.map((p) => (p.phase === 0 ? p : p.withoutPhase())))
  }

  /**
   * From `[label, coeff]` pairs (Qiskit's `from_list`).
   *
   * @param list - the terms; a missing coefficient is 1
   * @param options - `numQubits`, required for an empty list (which gives the zero operator)
   * @returns the operator
   * @throws RangeError for an empty list without `numQubits`
   */
  static fromList(
    list: readonly (readonly [string, CoeffLike?])[],
    options: { readonly numQubits?: number | undefined } = {},
  ): SparsePauliOp {
    if (list.length === 0) {
      if (options.numQubits === undefined) {
        throw new RangeError('an empty list needs numQubits')
      }
      return SparsePauliOp.zero(options.numQubits)
    }
    const op = new SparsePauliOp(
      list.map(([label]) => label),
      list.map(([, c]) => c ?? 1),
    )
    if (options.numQubits !== undefined && options.numQubits !== op.numQubits) {
      throw new QuantumInfoError(
        'quantum-info.dimension-mismatch',
        `labels have ${op.numQubits} qubits, not ${options.numQubits}`,
      )
    }
    return op
  }

  /**
   * From `[letters, qubits, coeff]` triples where letter `i` acts on `qubits[i]` (Qiskit's
   * `from_sparse_list`: `['ZX', [1, 4], 2]` is `2·X₄Z₁`).
   *
   * @param list - the terms
   * @param numQubits - the total number of qubits
   * @returns the operator
   * @throws RangeError for a qubit out of range, repeated, or a length mismatch
   */
  static fromSparseList(
    list: readonly (readonly [string, readonly number[], CoeffLike?])[],
    numQubits: number,
  ): SparsePauliOp {
    if (list.length === 0) return SparsePauliOp.zero(numQubits)
    const paulis = list.map(([letters, qubits]) => {
      if (letters.length !== qubits.length) {
        throw new RangeError(
          `'${letters}' has ${letters.length} letters for ${qubits.length} qubits`,
        )
      }
      const chars = new Array<string>(numQubits).fill('I')
      const seen = new Set<number>()
      qubits.forEach((q, i) => {
        if (!Number.isInteger(q) || q < 0 || q >= numQubits || seen.has(q)) {
          throw new RangeError(`bad or repeated qubit ${q} for ${numQubits} qubits`)
        }
        seen.add(q)
        chars[numQubits - 1 - q] = letters[i]!
      })
      return new Pauli(chars.join(''))
    })
    return new SparsePauliOp(
      paulis,
      list.map(([, , c]) => c ?? 1),
    )
  }

  /**
   * The zero operator: one identity term with coefficient 0.
   *
   * @param numQubits - the number of qubits
   */
  static zero(numQubits: number): SparsePauliOp {
    return new SparsePauliOp([Pauli.identity(numQubits)], [0])
  }

  /** The number of terms. */
  get size(): number {
    return this.paulis.length
  }

  /** `[label, coeff]` per term (labels without phase). */
  toList(): [string, Complex][] {
    return this.paulis.map((p, k) => [p.toLabel(), this.coeffs[k]!])
  }

  /**
   * Merges repeated Paulis and drops coefficients within `atol` of zero (Qiskit's `simplify`);
   * an operator that cancels completely becomes {@link zero}.
   *
   * @param atol - the cut-off for coefficients (default 1e-8)
   * @returns the simplified operator, terms in order of first appearance
   */
  simplify(atol = SIMPLIFY_ATOL): SparsePauliOp {
    const sums = new Map<string, { pauli: Pauli; coeff: Complex }>()
    this.paulis.forEach((p, k) => {
      const key = p.toLabel()
      const prev = sums.get(key)
      const c = this.coeffs[k]!
      sums.set(key, { pauli: p, coeff: prev === undefined ? c : prev.coeff.add(c) })
    })
    const kept = [...sums.values()].filter(
      (t) => Math.abs(t.coeff.re) > atol || Math.abs(t.coeff.im) > atol,
    )
    if (kept.length === 0) return SparsePauliOp.zero(this.numQubits)
    return new SparsePauliOp(
      kept.map((t) => t.pauli),
      kept.map((t) => t.coeff),
    )
  }

  /**
   * The sum (terms concatenated, not merged).
   *
   * @param other - an operator on as many qubits
   * @returns `this + other`
   */
  add(other: SparsePauliOp): SparsePauliOp {
    this.assertSameSize(other)
    return new SparsePauliOp([...this.paulis, ...other.paulis], [...this.coeffs, ...other.coeffs])
  }

  /**
   * The difference.
   *
   * @param other - an operator on as many qubits
   * @returns `this - other`
   */
  sub(other: SparsePauliOp): SparsePauliOp {
    return this.add(other.mul(-1))
  }

  /**
   * Scalar multiplication.
   *
   * @param scalar - the factor
   * @returns `scalar·this`
   */
  mul(scalar: CoeffLike): SparsePauliOp {
    const s = toComplex(scalar)
    return new SparsePauliOp(
      this.paulis,
      this.coeffs.map((c) => c.mul(s)),
    )
  }

  /**
   * "`this`, then `other`": `other·this` as matrices, or `this·other` with `front` (Qiskit's
   * `compose`). Terms are all products, `this`'s index major; nothing is merged.
   *
   * @param other - an operator on all qubits, or on `qargs`
   * @param options - `qargs` and `front`
   * @returns the product
   */
  compose(other: SparsePauliOp, options: PauliComposeOptions = {}): SparsePauliOp {
    const paulis: Pauli[] = []
    const coeffs: Complex[] = []
    this.paulis.forEach((p, i) => {
      other.paulis.forEach((q, j) => {
        const prod = p.compose(q, options)
        paulis.push(prod)
        coeffs.push(this.coeffs[i]!.mul(other.coeffs[j]!))
      })
    })
    return new SparsePauliOp(paulis, coeffs)
  }

  /**
   * The matrix product `this·other` (Qiskit's `dot`).
   *
   * @param other - an operator on all qubits, or on `qargs`
   * @param options - `qargs`
   */
  dot(
    other: SparsePauliOp,
    options: { readonly qargs?: readonly number[] | undefined } = {},
  ): SparsePauliOp {
    return this.compose(other, { qargs: options.qargs, front: true })
  }

  /**
   * `this ⊗ other` (`other` on the low qubits).
   *
   * @param other - any operator
   */
  tensor(other: SparsePauliOp): SparsePauliOp {
    const paulis: Pauli[] = []
    const coeffs: Complex[] = []
    this.paulis.forEach((p, i) => {
      other.paulis.forEach((q, j) => {
        paulis.push(p.tensor(q))
        coeffs.push(this.coeffs[i]!.mul(other.coeffs[j]!))
      })
    })
    return new SparsePauliOp(paulis, coeffs)
  }

  /**
   * `other ⊗ this` (`this` on the low qubits).
   *
   * @param other - any operator
   */
  expand(other: SparsePauliOp): SparsePauliOp {
    return other.tensor(this)
  }

  /** The adjoint: coefficients conjugated (Paulis are Hermitian). */
  adjoint(): SparsePauliOp {
    return new SparsePauliOp(
      this.paulis,
      this.coeffs.map((c) => c.conj()),
    )
  }

  /**
   * Whether the operator is Hermitian within `atol` (after simplification).
   *
   * @param atol - the tolerance on imaginary parts of merged coefficients
   */
  isHermitian(atol = SIMPLIFY_ATOL): boolean {
    return this.simplify(atol).coeffs.every((c) => Math.abs(c.im) <= atol)
  }

  /**
   * Whether both operators have the same terms and coefficients (within `atol`) in order.
   *
   * @param other - another operator
   * @param atol - the coefficient tolerance (default 1e-8)
   */
  equals(other: SparsePauliOp, atol = SIMPLIFY_ATOL): boolean {
    return (
      other.numQubits === this.numQubits &&
      other.size === this.size &&
      this.paulis.every((p, k) => p.equals(other.paulis[k]!)) &&
      this.coeffs.every((c, k) => c.equals(other.coeffs[k]!, atol))
    )
  }

  /**
   * Whether both denote the same operator (their difference simplifies to zero).
   *
   * @param other - another operator
   * @param atol - the coefficient tolerance (default 1e-8)
   */
  equiv(other: SparsePauliOp, atol = SIMPLIFY_ATOL): boolean {
    if (other.numQubits !== this.numQubits) return false
    const diff = this.sub(other).simplify(atol)
    return diff.coeffs.every((c) => c.abs() <= atol)
  }

  /**
   * The dense `2ⁿ×2ⁿ` matrix (each Pauli has one entry per column, so this is `O(terms·2ⁿ)`).
   *
   * @returns a fresh matrix
   * @throws RangeError above 14 qubits
   */
  toMatrix(): ComplexMatrix {
    const n = this.numQubits
    if (n > 14) throw new RangeError(`a dense matrix of ${n} qubits is too large`)
    const dim = 1 << n
    const out = new ComplexMatrix(dim, dim)
    this.paulis.forEach((p, k) => {
      const { xMask, zMask, factor } = p.sparseForm()
      const f = factor.mul(this.coeffs[k]!)
      for (let col = 0; col < dim; col++) {
        const row = col ^ xMask
        const sign = parity(row & zMask) === 0 ? 1 : -1
        const idx = 2 * (row * dim + col)
        out.data[idx] = out.data[idx]! + sign * f.re
        out.data[idx + 1] = out.data[idx + 1]! + sign * f.im
      }
    })
    return out
  }

  toString(): string {
    const terms = this.toList().map(([l, c]) => `${c.toString()}·${l}`)
    return `SparsePauliOp(${terms.join(' + ')})`
  }

  private assertSameSize(other: SparsePauliOp): void {
    if (other.numQubits !== this.numQubits) {
      throw new QuantumInfoError(
        'quantum-info.dimension-mismatch',
        `operators on ${this.numQubits} and ${other.numQubits} qubits`,
      )
    }
  }
}

/**
 * A coefficient as a `Complex`.
 *
 * @param c - a number, `Complex` or `[re, im]`
 */
export function toComplex(c: CoeffLike): Complex {
  if (typeof c === 'number') return new Complex(c, 0)
  if (c instanceof Complex) return c
  return new Complex(c[0], c[1])
}
