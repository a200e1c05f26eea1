import { Clbit, Qubit } from './bit.js'
import { CircuitError } from './circuit-error.js'
import { ClassicalRegister, QuantumRegister } from './register.js'

/** Names a qubit: an index (negative counts from the end), a `Qubit`, a register or a list. */
export type QubitSpecifier = number | Qubit | QuantumRegister | readonly (number | Qubit)[]

/** Names a clbit: an index (negative counts from the end), a `Clbit`, a register or a list. */
export type ClbitSpecifier = number | Clbit | ClassicalRegister | readonly (number | Clbit)[]

/** Where a bit sits in a circuit: its index and the registers (with positions) holding it. */
export interface BitLocation<TRegister> {
  readonly index: number
  readonly registers: readonly (readonly [TRegister, number])[]
}

function resolveIndex(spec: number, size: number, kind: string): number {
  if (!Number.isInteger(spec))
    throw new TypeError(`a ${kind} index must be an integer, got ${spec}`)
  const i = spec < 0 ? spec + size : spec
  if (i < 0 || i >= size) {
    throw new RangeError(
      `${kind} index ${spec} is out of range for a circuit with ${size} ${kind}s`,
    )
  }
  return i
}

/**
 * The bits and registers of a circuit, with index lookup. Internal to `QuantumCircuit`, which
 * exposes the same members.
 *
 * @internal
 */
export class CircuitBits {
  readonly qubits: Qubit[] = []
  readonly clbits: Clbit[] = []
  readonly qregs: QuantumRegister[] = []
  readonly cregs: ClassicalRegister[] = []
  readonly #qubitIndex = new Map<Qubit, number>()
  readonly #clbitIndex = new Map<Clbit, number>()

  /** A copy with the same bit and register objects. */
  clone(): CircuitBits {
    const out = new CircuitBits()
    out.addBits([...this.qubits, ...this.clbits])
    for (const r of [...this.qregs, ...this.cregs]) out.addRegister(r)
    return out
  }

  /**
   * Adds a register; its bits not yet in the circuit are appended.
   *
   * @throws CircuitError `circuit.duplicate-register` if a register of that name exists
   */
  addRegister(register: QuantumRegister | ClassicalRegister): void {
    if ([...this.qregs, ...this.cregs].some((r) => r.name === register.name)) {
      throw new CircuitError(
        'circuit.duplicate-register',
        `register name '${register.name}' already exists`,
      )
    }
    if (register instanceof QuantumRegister) {
      this.addBits(register.bits.filter((b) => !this.#qubitIndex.has(b)))
      this.qregs.push(register)
    } else {
      this.addBits(register.bits.filter((b) => !this.#clbitIndex.has(b)))
      this.cregs.push(register)
    }
  }

  /**
   * Adds loose bits (or bits of registers added later).
   *
   * @throws CircuitError `circuit.duplicate-register` if a bit is already in the circuit
   */
  addBits(bits: readonly (Qubit | Clbit)[]): void {
    for (const bit of bits) {
      if (bit instanceof Qubit) {
        if (this.#qubitIndex.has(bit))
          throw new CircuitError(
            'circuit.duplicate-register',
            `qubit ${bit.toString()} is already in the circuit`,
          )
        this.#qubitIndex.set(bit, this.qubits.length)
        this.qubits.push(bit)
      } else if (bit instanceof Clbit) {
        if (this.#clbitIndex.has(bit))
          throw new CircuitError(
            'circuit.duplicate-register',
            `clbit ${bit.toString()} is already in the circuit`,
          )
        this.#clbitIndex.set(bit, this.clbits.length)
        this.clbits.push(bit)
      } else {
        throw new TypeError('addBits takes Qubit and Clbit objects')
      }
    }
  }

  /**
   * The index of a qubit.
   *
   * @throws RangeError if out of range or not in the circuit; TypeError for a non-integer
   */
  qubitIndex(spec: number | Qubit): number {
    if (typeof spec === 'number') return resolveIndex(spec, this.qubits.length, 'qubit')
    const i = this.#qubitIndex.get(spec)
    if (i === undefined) throw new RangeError(`qubit ${spec.toString()} is not in the circuit`)
    return i
  }

  /**
   * The index of a clbit.
   *
   * @throws RangeError if out of range or not in the circuit; TypeError for a non-integer
   */
  clbitIndex(spec: number | Clbit): number {
    if (typeof spec === 'number') return resolveIndex(spec, this.clbits.length, 'clbit')
    const i = this.#clbitIndex.get(spec)
    if (i === undefined) throw new RangeError(`clbit ${spec.toString()} is not in the circuit`)
    return i
  }

  /** The qubit indices a specifier names, in order. */
  resolveQubits(spec: QubitSpecifier): number[] {
    if (spec instanceof QuantumRegister) return spec.bits.map((b) => this.qubitIndex(b))
    if (Array.isArray(spec))
      return (spec as readonly (number | Qubit)[]).map((s) => this.qubitIndex(s))
    if (typeof spec === 'number' || spec instanceof Qubit) return [this.qubitIndex(spec)]
    throw new TypeError(`cannot read a qubit from ${String(spec)}`)
  }

  /** The clbit indices a specifier names, in order. */
  resolveClbits(spec: ClbitSpecifier): number[] {
    if (spec instanceof ClassicalRegister) return spec.bits.map((b) => this.clbitIndex(b))
    if (Array.isArray(spec))
      return (spec as readonly (number | Clbit)[]).map((s) => this.clbitIndex(s))
    if (typeof spec === 'number' || spec instanceof Clbit) return [this.clbitIndex(spec)]
    throw new TypeError(`cannot read a clbit from ${String(spec)}`)
  }

  /** Where a bit is: its index and the registers containing it. */
  findQubit(bit: Qubit): BitLocation<QuantumRegister> {
    return {
      index: this.qubitIndex(bit),
      registers: this.qregs.flatMap((r) => {
        const i = r.bits.indexOf(bit)
        return i < 0 ? [] : [[r, i] as const]
      }),
    }
  }

  /** Where a clbit is: its index and the registers containing it. */
  findClbit(bit: Clbit): BitLocation<ClassicalRegister> {
    return {
      index: this.clbitIndex(bit),
      registers: this.cregs.flatMap((r) => {
        const i = r.bits.indexOf(bit)
        return i < 0 ? [] : [[r, i] as const]
      }),
    }
  }

  /** Whether the register object is one of the circuit's. */
  hasRegister(register: QuantumRegister | ClassicalRegister): boolean {
    return register instanceof QuantumRegister
      ? this.qregs.includes(register)
      : this.cregs.includes(register)
  }
}
