import { Parameter } from './parameter.js'

/**
 * A named list of parameters `name[0] … name[n−1]` (Qiskit's `ParameterVector`). Its elements
 * sort by index in `QuantumCircuit.parameters`.
 *
 * @example
 * ```ts
 * const theta = new ParameterVector('θ', 3)
 * qc.ry(theta.get(0), 0).ry(theta.get(1), 1)
 * ```
 */
export class ParameterVector {
  /** The vector's name. */
  readonly name: string
  /** The elements, `name[i]` at index `i`. */
  readonly params: readonly Parameter[]

  /**
   * @param name - the vector's name
   * @param length - the number of elements
   * @param ids - known element ids (reading JSON); fresh ones otherwise
   * @throws RangeError if `length` is not a non-negative integer
   */
  constructor(name: string, length: number, ids?: readonly string[]) {
    if (!Number.isInteger(length) || length < 0) {
      throw new RangeError(
        `a parameter vector's length must be a non-negative integer, got ${length}`,
      )
    }
    this.name = name
    this.params = Object.freeze(
      Array.from(
        { length },
        (_, index) =>
          new Parameter(`${name}[${index}]`, { id: ids?.[index], vector: { vector: this, index } }),
      ),
    )
  }

  /** The number of elements. */
  get length(): number {
    return this.params.length
  }

  /**
   * The element at `index`.
   *
   * @throws RangeError if `index` is out of range
   */
  get(index: number): Parameter {
    const p = this.params[index]
    if (p === undefined || !Number.isInteger(index)) {
      throw new RangeError(
        `index ${index} is out of range for parameter vector '${this.name}' of length ${this.length}`,
      )
    }
    return p
  }

  /** Iterates over the elements. */
  [Symbol.iterator](): Iterator<Parameter> {
    return this.params[Symbol.iterator]()
  }
}
