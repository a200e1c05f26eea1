import { ComplexMatrix } from '../math/complex-matrix.js'
import { CircuitError } from './circuit-error.js'
import { Gate } from './gate.js'
import type { Instruction } from './instruction.js'
import type { ParameterValue } from './parameter-expression.js'

/** The tolerance for accepting a user matrix as unitary (looser than `DEFAULT_ATOL`: user data). */
const UNITARY_ATOL = 1e-8

/**
 * A gate given by its unitary matrix (Qiskit's `UnitaryGate`, name `unitary`). The matrix is
 * little-endian in the qargs. It has no definition: the transpiler synthesises it.
 *
 * @example
 * ```ts
 * const sqrtSwap = new UnitaryGate(ComplexMatrix.fromRows([...]), 'sqrt_swap')
 * qc.append(sqrtSwap, [0, 1])   // or qc.unitary(matrix, [0, 1])
 * ```
 */
export class UnitaryGate extends Gate {
  readonly #matrix: ComplexMatrix

  /**
   * @param matrix - a `2ⁿ × 2ⁿ` unitary (copied)
   * @param label - a display label
   * @throws RangeError if the matrix is not square with a power-of-two size;
   *   CircuitError `circuit.invalid-operation` if it is not unitary
   */
  constructor(matrix: ComplexMatrix, label?: string) {
    const n = Math.log2(matrix.rows)
    if (matrix.rows !== matrix.cols || !Number.isInteger(n) || matrix.rows < 1) {
      throw new RangeError(`a unitary gate needs a 2ⁿ×2ⁿ matrix, got ${matrix.rows}×${matrix.cols}`)
    }
    if (!matrix.isUnitary(UNITARY_ATOL)) {
      throw new CircuitError(
        'circuit.invalid-operation',
        'the matrix of a unitary gate is not unitary',
      )
    }
    super({ name: 'unitary', numQubits: n, label })
    this.#matrix = matrix.clone()
  }

  /** The matrix (a copy). */
  override toMatrix(): ComplexMatrix {
    return this.#matrix.clone()
  }

  /** @throws TypeError unless `params` is empty */
  override withParams(params: readonly ParameterValue[]): this {
    this.optionsWithParams(params)
    return this
  }

  /** The gate of the adjoint matrix. */
  override inverse(): UnitaryGate {
    return new UnitaryGate(
      this.#matrix.adjoint(),
      this.label === undefined ? undefined : `${this.label}_dg`,
    )
  }

  /** Integer powers by repeated squaring of the matrix; others as `Gate.power`. */
  override power(exponent: number): Gate {
    if (!Number.isInteger(exponent)) return super.power(exponent)
    let base = exponent < 0 ? this.#matrix.adjoint() : this.#matrix
    let result = ComplexMatrix.identity(this.#matrix.rows)
    for (let k = Math.abs(exponent); k > 0; k >>= 1) {
      if (k & 1) result = result.mul(base)
      base = base.mul(base)
    }
    return new UnitaryGate(result)
  }

  protected override sameDetails(other: Instruction): boolean {
    return other instanceof UnitaryGate && other.#matrix.equals(this.#matrix)
  }
}
