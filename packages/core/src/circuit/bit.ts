import type { ClassicalRegister, QuantumRegister } from './register.js'

/**
 * A qubit. Identity is the object; a qubit made by a register remembers it (`register`,
 * `index`), a loose qubit (`new Qubit()`) has neither. Circuit instructions refer to qubits by
 * their index in `circuit.qubits`.
 */
export class Qubit {
  /** The register that created this qubit, if any. */
  readonly register: QuantumRegister | undefined
  /** The index in {@link register}, if any. */
  readonly index: number | undefined

  /**
   * @param register - the creating register (registers pass themselves)
   * @param index - the index in that register
   */
  constructor(register?: QuantumRegister, index?: number) {
    this.register = register
    this.index = index
  }

  /** `q[3]`, or `Qubit()` for a loose qubit. */
  toString(): string {
    return this.register === undefined ? 'Qubit()' : `${this.register.name}[${this.index ?? 0}]`
  }
}

/**
 * A classical bit. Identity is the object; a clbit made by a register remembers it.
 */
export class Clbit {
  /** The register that created this clbit, if any. */
  readonly register: ClassicalRegister | undefined
  /** The index in {@link register}, if any. */
  readonly index: number | undefined

  /**
   * @param register - the creating register (registers pass themselves)
   * @param index - the index in that register
   */
  constructor(register?: ClassicalRegister, index?: number) {
    this.register = register
    this.index = index
  }

  /** `c[3]`, or `Clbit()` for a loose clbit. */
  toString(): string {
    return this.register === undefined ? 'Clbit()' : `${this.register.name}[${this.index ?? 0}]`
  }
}
