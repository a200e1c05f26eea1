import { Clbit, Qubit } from './bit.js'

const counters = { q: 0, c: 0 }

/**
 * An ordered, named group of bits (Qiskit's `Register`). Bits belong to the register that
 * created them; a register may also be built over existing bits.
 */
abstract class Register<TBit> implements Iterable<TBit> {
  /** The register's name (`q0`, `c3`, … when not given, like Qiskit's counter). */
  readonly name: string
  /** The bits, index `i` at position `i`. */
  readonly bits: readonly TBit[]

  protected constructor(
    sizeOrBits: number | readonly TBit[],
    name: string | undefined,
    prefix: 'q' | 'c',
  ) {
    if (typeof sizeOrBits === 'number' && (!Number.isInteger(sizeOrBits) || sizeOrBits < 0)) {
      throw new RangeError(`a register's size must be a non-negative integer, got ${sizeOrBits}`)
    }
    if (name?.length === 0) throw new TypeError('a register name must not be empty')
    this.name = name ?? `${prefix}${counters[prefix]++}`
    this.bits = Object.freeze(
      typeof sizeOrBits === 'number'
        ? Array.from({ length: sizeOrBits }, (_, i) => this.makeBit(i))
        : [...sizeOrBits],
    )
  }

  /** Makes the bit at `index` of a new register (called during construction). */
  protected abstract makeBit(index: number): TBit

  /** The number of bits. */
  get size(): number {
    return this.bits.length
  }

  /** The number of bits (Qiskit's `len(register)`). */
  get length(): number {
    return this.bits.length
  }

  /**
   * The bit at `index` (negative indices count from the end, as in Python).
   *
   * @throws RangeError if `index` is out of range
   */
  get(index: number): TBit {
    const i = index < 0 ? index + this.bits.length : index
    const bit = Number.isInteger(i) ? this.bits[i] : undefined
    if (bit === undefined) {
      throw new RangeError(
        `index ${index} is out of range for register '${this.name}' of size ${this.size}`,
      )
    }
    return bit
  }

  /** Iterates over the bits. */
  [Symbol.iterator](): Iterator<TBit> {
    return this.bits[Symbol.iterator]()
  }

  /** `QuantumRegister(2, 'q')`-style text. */
  toString(): string {
    return `${this.constructor.name}(${this.size}, '${this.name}')`
  }
}

/**
 * A quantum register: `new QuantumRegister(3, 'q')`, or over existing qubits.
 *
 * @example
 * ```ts
 * const qr = new QuantumRegister(2, 'q')
 * const qc = new QuantumCircuit(qr).h(qr)   // h on both qubits
 * ```
 */
export class QuantumRegister extends Register<Qubit> {
  /**
   * @param sizeOrBits - a size, or the qubits to group
   * @param name - the name; `q<n>` from a global counter when omitted
   * @throws RangeError if the size is not a non-negative integer
   */
  constructor(sizeOrBits: number | readonly Qubit[], name?: string) {
    super(sizeOrBits, name, 'q')
  }

  protected makeBit(index: number): Qubit {
    return new Qubit(this, index)
  }
}

/**
 * A classical register: `new ClassicalRegister(3, 'c')`, or over existing clbits.
 */
export class ClassicalRegister extends Register<Clbit> {
  /**
   * @param sizeOrBits - a size, or the clbits to group
   * @param name - the name; `c<n>` from a global counter when omitted
   * @throws RangeError if the size is not a non-negative integer
   */
  constructor(sizeOrBits: number | readonly Clbit[], name?: string) {
    super(sizeOrBits, name, 'c')
  }

  protected makeBit(index: number): Clbit {
    return new Clbit(this, index)
  }
}

export type { Register }
