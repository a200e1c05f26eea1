import { Qubit } from '../../../circuit/bit.js'
import type { Clbit } from '../../../circuit/bit.js'
import { QuantumCircuit } from '../../../circuit/quantum-circuit.js'
import { ClassicalRegister, QuantumRegister } from '../../../circuit/register.js'

/** At most this many qubits, and as many clbits, can be declared. */
export const MAX_BITS = 1 << 20

/** One allocation, in program order. */
type LayoutEntry = QuantumRegister | ClassicalRegister | Qubit

/** A point to roll the layout back to (see {@link BitLayout.restore}). */
export interface LayoutSnapshot {
  readonly qubits: number
  readonly clbits: number
  readonly entries: number
}

/**
 * The qubits and clbits a program declares, in declaration order, with their registers. The
 * lowering allocates here rather than in a circuit so that an attempt that fails (a loop first
 * tried as a `ForLoopOp`, then unrolled) can be rolled back; the circuit is built at the end.
 */
export class BitLayout {
  readonly qubits: Qubit[] = []
  readonly clbits: Clbit[] = []
  readonly #entries: LayoutEntry[] = []
  readonly #names = new Set<string>()

  /** A register name not used yet: `name`, else `name_1`, `name_2`, … */
  uniqueName(name: string): string {
    if (!this.#names.has(name)) return name
    for (let i = 1; ; i++) {
      const candidate = `${name}_${i}`
      if (!this.#names.has(candidate)) return candidate
    }
  }

  /**
   * Allocates a quantum register.
   *
   * @param name - the register name (made unique)
   * @param size - the number of qubits
   * @returns the register and the circuit indices of its qubits
   */
  addQuantumRegister(name: string, size: number): { register: QuantumRegister; indices: number[] } {
    checkSize(this.qubits.length + size)
    const register = new QuantumRegister(size, this.uniqueName(name))
    this.#names.add(register.name)
    this.#entries.push(register)
    const start = this.qubits.length
    this.qubits.push(...register.bits)
    return { register, indices: range(start, size) }
  }

  /**
   * Allocates a classical register.
   *
   * @param name - the register name (made unique)
   * @param size - the number of clbits
   * @returns the register and the circuit indices of its clbits
   */
  addClassicalRegister(
    name: string,
    size: number,
  ): { register: ClassicalRegister; indices: number[] } {
    checkSize(this.clbits.length + size)
    const register = new ClassicalRegister(size, this.uniqueName(name))
    this.#names.add(register.name)
    this.#entries.push(register)
    const start = this.clbits.length
    this.clbits.push(...register.bits)
    return { register, indices: range(start, size) }
  }

  /** Allocates loose qubits (hardware qubits `$0…$n-1`). */
  addLooseQubits(count: number): void {
    for (let i = 0; i < count; i++) {
      const qubit = new Qubit()
      this.#entries.push(qubit)
      this.qubits.push(qubit)
    }
  }

  /** The current allocation point. */
  snapshot(): LayoutSnapshot {
    return { qubits: this.qubits.length, clbits: this.clbits.length, entries: this.#entries.length }
  }

  /** Forgets every allocation made after `snapshot`. */
  restore(snapshot: LayoutSnapshot): void {
    for (const entry of this.#entries.splice(snapshot.entries)) {
      if (!(entry instanceof Qubit)) this.#names.delete(entry.name)
    }
    this.qubits.length = snapshot.qubits
    this.clbits.length = snapshot.clbits
  }

  /**
   * A circuit holding every allocated register and loose qubit, in allocation order, so that
   * circuit indices equal the indices handed out here.
   *
   * @param name - the circuit's name, if any
   * @returns the empty circuit
   */
  createCircuit(name?: string): QuantumCircuit {
    const circuit = name === undefined ? new QuantumCircuit() : new QuantumCircuit({ name })
    for (const entry of this.#entries) {
      if (entry instanceof Qubit) circuit.addBits([entry])
      else circuit.addRegister(entry)
    }
    return circuit
  }
}

/** Bits are objects: a runaway declaration must stop before it exhausts memory. */
function checkSize(total: number): void {
  if (total > MAX_BITS)
    throw new RangeError(`a circuit can hold at most ${MAX_BITS} qubits and ${MAX_BITS} clbits`)
}

function range(start: number, size: number): number[] {
  const out = new Array<number>(size)
  for (let i = 0; i < size; i++) out[i] = start + i
  return out
}
