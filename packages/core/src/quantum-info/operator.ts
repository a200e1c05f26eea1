import { CircuitError } from '../circuit/circuit-error.js'
import { circuitToMatrix } from '../circuit/circuit-unitary.js'
import { Gate } from '../circuit/gate.js'
import type { Instruction } from '../circuit/instruction.js'
import { QuantumCircuit } from '../circuit/quantum-circuit.js'
import { ComplexMatrix } from '../math/complex-matrix.js'
import { unitaryPower } from '../math/unitary-eigen.js'
import { applyMatrixToColumns } from './apply-matrix.js'
import { matricesClose, QI_ATOL, type Tolerances } from './matrix-equal.js'
import { Pauli } from './pauli.js'
import { checkQargs } from './qargs.js'
import { QuantumInfoError } from './quantum-info-error.js'
import { SparsePauliOp } from './sparse-pauli-op.js'

/** What {@link Operator.from} accepts. */
export type OperatorLike =
  Operator | ComplexMatrix | QuantumCircuit | Instruction | Pauli | SparsePauliOp

/** Options of {@link Operator.compose}. */
export interface OperatorComposeOptions {
  /** The qubits of `this` that the other (smaller) operator acts on, in its qubit order. */
  readonly qargs?: readonly number[] | undefined
  /** Multiply as `this·other` (apply `other` first) instead of `other·this`. */
  readonly front?: boolean | undefined
}

/**
 * A linear operator on n qubits as a dense `2ⁿ×2ⁿ` matrix, little-endian (Qiskit's `Operator`).
 * Immutable: methods return new operators.
 *
 * @example
 * ```ts
 * const bell = Operator.fromCircuit(new QuantumCircuit(2).h(0).cx(0, 1))
 * bell.equiv(Operator.fromCircuit(other))   // equal up to global phase?
 * ```
 */
export class Operator {
  readonly #data: ComplexMatrix
  /** The number of qubits. */
  readonly numQubits: number

  /**
   * @param matrix - a `2ⁿ×2ⁿ` matrix (copied)
   * @throws RangeError when the matrix is not square with a power-of-two size
   */
  constructor(matrix: ComplexMatrix) {
    const n = Math.log2(matrix.rows)
    if (matrix.rows !== matrix.cols || !Number.isInteger(n)) {
      throw new RangeError(`an operator needs a 2ⁿ×2ⁿ matrix, got ${matrix.rows}×${matrix.cols}`)
    }
    this.#data = matrix.clone()
    this.numQubits = n
  }

  /**
   * An operator from a matrix.
   *
   * @param matrix - a `2ⁿ×2ⁿ` matrix (copied)
   */
  static fromMatrix(matrix: ComplexMatrix): Operator {
    return new Operator(matrix)
  }

  /**
   * The unitary of a circuit (global phase included), via `circuitToMatrix`.
   *
   * @param circuit - a circuit of unitary operations with bound parameters, ≤ 14 qubits
   * @throws CircuitError `circuit.no-matrix` for measurements, resets, conditions or control
   *   flow; `circuit.unbound-parameter` for free parameters
   */
  static fromCircuit(circuit: QuantumCircuit): Operator {
    return new Operator(circuitToMatrix(circuit))
  }

  /**
   * An operator from anything that has a matrix: an operator, a matrix, a circuit, a gate (or
   * an instruction with a unitary definition), a Pauli or a SparsePauliOp.
   *
   * @param value - the source
   * @throws CircuitError `circuit.no-matrix` for non-unitary instructions
   */
  static from(value: OperatorLike): Operator {
    if (value instanceof Operator) return value
    if (value instanceof ComplexMatrix) return new Operator(value)
    if (value instanceof QuantumCircuit) return Operator.fromCircuit(value)
    if (value instanceof Pauli || value instanceof SparsePauliOp) {
      return new Operator(value.toMatrix())
    }
    return new Operator(instructionMatrix(value))
  }

  /** The matrix (the operator's own; treat as read-only, use {@link toMatrix} for a copy). */
  get data(): ComplexMatrix {
    return this.#data
  }

  /** The dimension `2ⁿ`. */
  get dim(): number {
    return this.#data.rows
  }

  /** A copy of the matrix. */
  toMatrix(): ComplexMatrix {
    return this.#data.clone()
  }

  /**
   * "`this`, then `other`": the matrix `other·this` (Qiskit's `compose`), or `this·other` with
   * `front`. With `qargs`, `other` acts on those qubits of `this` (its qubit `t` on `qargs[t]`).
   *
   * @param other - an operator on all qubits or on `qargs`
   * @param options - `qargs`, `front`
   * @returns the composition
   * @throws QuantumInfoError `quantum-info.dimension-mismatch` for different sizes without qargs
   * @throws RangeError for bad qargs
   */
  compose(other: OperatorLike, options: OperatorComposeOptions = {}): Operator {
    const o = Operator.from(other)
    const qargs = options.qargs ?? this.fullQargs(o)
    checkQargs(qargs, o.numQubits, this.numQubits)
    if (options.front !== true) {
      return fromData(applyMatrixToColumns(this.#data.data, o.#data, qargs), this.dim)
    }
    // this·O = (O†·this†)†.
    const t = applyMatrixToColumns(this.#data.adjoint().data, o.#data.adjoint(), qargs)
    return new Operator(new ComplexMatrix(this.dim, this.dim, t).adjoint())
  }

  /**
   * The matrix product `this·other` (Qiskit's `dot`).
   *
   * @param other - an operator on all qubits or on `qargs`
   * @param options - `qargs`
   */
  dot(
    other: OperatorLike,
    options: { readonly qargs?: readonly number[] | undefined } = {},
  ): Operator {
    return this.compose(other, { qargs: options.qargs, front: true })
  }

  /**
   * `this ⊗ other`: `other` takes the low qubits.
   *
   * @param other - any operator
   */
  tensor(other: OperatorLike): Operator {
    return new Operator(this.#data.kron(Operator.from(other).#data))
  }

  /**
   * `other ⊗ this`: `this` takes the low qubits.
   *
   * @param other - any operator
   */
  expand(other: OperatorLike): Operator {
    return new Operator(Operator.from(other).#data.kron(this.#data))
  }

  /** The conjugate transpose. */
  adjoint(): Operator {
    return new Operator(this.#data.adjoint())
  }

  /** The transpose. */
  transpose(): Operator {
    return new Operator(this.#data.transpose())
  }

  /** The entrywise complex conjugate. */
  conjugate(): Operator {
    return new Operator(this.#data.adjoint().transpose())
  }

  /**
   * `this` to a power: integers by repeated squaring (negative ones need a unitary), other
   * reals through the eigen-decomposition on the principal branch (unitaries only; Qiskit also
   * takes non-unitary matrices there).
   *
   * @param exponent - the power
   * @returns the operator power
   * @throws QuantumInfoError `quantum-info.not-unitary` when a negative or fractional power of
   *   a non-unitary operator is asked
   */
  power(exponent: number): Operator {
    if (Number.isInteger(exponent)) {
      if (exponent < 0) return this.requireUnitary('a negative power').adjoint().power(-exponent)
      let result = ComplexMatrix.identity(this.dim)
      let base = this.#data
      for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
        if (e % 2 === 1) result = result.mul(base)
        if (e > 1) base = base.mul(base)
      }
      return new Operator(result)
    }
    return new Operator(unitaryPower(this.requireUnitary('a fractional power').#data, exponent))
  }

  /**
   * Whether the matrix is unitary.
   *
   * @param atol - the tolerance on `U·U† − I` (default 1e-8)
   */
  isUnitary(atol: number = QI_ATOL): boolean {
    return this.#data.isUnitary(atol)
  }

  /**
   * Whether `other` is the same operator up to a global phase (Qiskit's `Operator.equiv`).
   *
   * @param other - anything {@link Operator.from} accepts
   * @param options - `atol` (1e-8), `rtol` (1e-5)
   */
  equiv(other: OperatorLike, options: Tolerances = {}): boolean {
    const o = Operator.from(other)
    return matricesClose(this.#data, o.#data, { ...options, ignorePhase: true })
  }

  /**
   * Whether `other` has the same matrix, global phase included (Qiskit's `==`).
   *
   * @param other - anything {@link Operator.from} accepts
   * @param options - `atol` (1e-8), `rtol` (1e-5)
   */
  equals(other: OperatorLike, options: Tolerances = {}): boolean {
    return matricesClose(this.#data, Operator.from(other).#data, options)
  }

  private fullQargs(o: Operator): number[] {
    if (o.numQubits !== this.numQubits) {
      throw new QuantumInfoError(
        'quantum-info.dimension-mismatch',
        `operators on ${this.numQubits} and ${o.numQubits} qubits need qargs`,
      )
    }
    return Array.from({ length: this.numQubits }, (_, i) => i)
  }

  private requireUnitary(what: string): this {
    if (!this.isUnitary()) {
      throw new QuantumInfoError('quantum-info.not-unitary', `${what} needs a unitary operator`)
    }
    return this
  }
}

function fromData(data: Float64Array, dim: number): Operator {
  return new Operator(new ComplexMatrix(dim, dim, data))
}

/** A gate's matrix, or the unitary of an instruction's definition. */
function instructionMatrix(op: Instruction): ComplexMatrix {
  if (op instanceof Gate) return op.toMatrix()
  const def = op.definition
  if (def === undefined || op.numClbits > 0) {
    throw new CircuitError('circuit.no-matrix', `'${op.name}' is not unitary`)
  }
  return circuitToMatrix(def)
}
