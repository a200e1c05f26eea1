/**
 * Collects stabilizer ops, packing consecutive gates into one `Int32Array` gate stream (a
 * million-gate circuit becomes one typed array, not a million objects).
 */
import {
  isOneQubitOpcode,
  OP,
  type PrimitiveOpcode,
  type StabilizerOp,
} from './stabilizer-program.js'

/** Builds one op list (a circuit body). */
export class OpListBuilder {
  readonly #ops: StabilizerOp[] = []
  #code = new Int32Array(64)
  #length = 0

  /**
   * Appends a primitive gate to the current stream.
   *
   * @param op - a primitive opcode (not `TABLE`)
   * @param a - its (first) qubit
   * @param b - its second qubit, for two-qubit opcodes (ignored for one-qubit ones)
   */
  gate(op: PrimitiveOpcode, a: number, b?: number): void {
    this.reserve(3)
    const code = this.#code
    code[this.#length++] = op
    code[this.#length++] = a
    if (!isOneQubitOpcode(op)) code[this.#length++] = b ?? -1
  }

  /**
   * Appends a table gate to the current stream.
   *
   * @param index - the table's index in the program's tables
   * @param qubits - its qubits
   */
  table(index: number, qubits: readonly number[]): void {
    this.reserve(3 + qubits.length)
    this.#code[this.#length++] = OP.TABLE
    this.#code[this.#length++] = index
    this.#code[this.#length++] = qubits.length
    for (const q of qubits) this.#code[this.#length++] = q
  }

  /**
   * Appends a non-gate op (closing the current stream), or a gate stream.
   *
   * @param op - the op
   */
  push(op: StabilizerOp): void {
    if (op.kind === 'gates') {
      this.reserve(op.code.length)
      this.#code.set(op.code, this.#length)
      this.#length += op.code.length
      return
    }
    this.flush()
    this.#ops.push(op)
  }

  /**
   * Appends several ops (a lowered body).
   *
   * @param ops - the ops, in order
   */
  append(ops: readonly StabilizerOp[]): void {
    for (const op of ops) this.push(op)
  }

  /** The ops collected, with the last stream closed. */
  finish(): StabilizerOp[] {
    this.flush()
    return this.#ops
  }

  private flush(): void {
    if (this.#length === 0) return
    this.#ops.push({ kind: 'gates', code: this.#code.slice(0, this.#length) })
    this.#length = 0
  }

  private reserve(n: number): void {
    if (this.#length + n <= this.#code.length) return
    const grown = new Int32Array(Math.max(2 * this.#code.length, this.#length + n))
    grown.set(this.#code.subarray(0, this.#length))
    this.#code = grown
  }
}
