import { type Clbit, Qubit } from './bit.js'
import { broadcastArguments } from './broadcast.js'
import {
  CircuitBits,
  type BitLocation,
  type ClbitSpecifier,
  type QubitSpecifier,
} from './circuit-bits.js'
import { CircuitError } from './circuit-error.js'
import { circuitInstruction, type CircuitInstruction } from './circuit-instruction.js'
import { collectCircuitParameters } from './circuit-parameter-set.js'
import type { Condition } from './condition.js'
import { isControlFlowOp } from './control-flow.js'
import { Instruction } from './instruction.js'
import type { Parameter } from './parameter.js'
import type { ParameterValue } from './parameter-expression.js'
import { ClassicalRegister, QuantumRegister } from './register.js'

/** Named options of the `QuantumCircuit` constructor. */
export interface CircuitOptions {
  /** The circuit's name; `circuit-<n>` from a counter by default (Qiskit's). */
  readonly name?: string | undefined
  /** The global phase (radians). */
  readonly globalPhase?: ParameterValue | undefined
  /** Free-form metadata, kept by copies and JSON. */
  readonly metadata?: Record<string, unknown> | undefined
}

/** What the constructor accepts: sizes, registers, lists of bits, and one options object. */
export type CircuitArgument =
  number | QuantumRegister | ClassicalRegister | readonly (Qubit | Clbit)[] | CircuitOptions

/** Options of `append`. */
export interface AppendOptions {
  /** A classical condition on the instruction (Qiskit's `c_if`). */
  readonly condition?: Condition | undefined
}

let circuitCounter = 0
const TWO_PI = 2 * Math.PI

/**
 * Bits, registers, instructions, global phase and parameters: the data half of
 * `QuantumCircuit` (which adds the builders and transformations).
 */
export class CircuitCore {
  /** The circuit's name (result lookup key; exporters use it for custom gates). */
  name: string
  /** Free-form metadata. */
  metadata: Record<string, unknown>
  #bits: CircuitBits
  #data: CircuitInstruction[] = []
  #globalPhase: ParameterValue = 0
  #parameters: readonly Parameter[] | undefined

  /**
   * @param args - `(2)`, `(3, 3)`, registers, lists of loose bits, and an options object;
   *   numbers make registers `q` and `c` like Qiskit
   * @throws TypeError for a third number or an unknown argument
   */
  constructor(...args: CircuitArgument[]) {
    this.#bits = new CircuitBits()
    let numbers = 0
    let options: CircuitOptions = {}
    for (const arg of args) {
      if (typeof arg === 'number') {
        if (numbers === 2) throw new TypeError('a circuit takes at most two sizes (qubits, clbits)')
        const reg =
          numbers++ === 0 ? new QuantumRegister(arg, 'q') : new ClassicalRegister(arg, 'c')
        if (reg.size > 0) this.addRegister(reg)
      } else if (arg instanceof QuantumRegister || arg instanceof ClassicalRegister) {
        this.addRegister(arg)
      } else if (Array.isArray(arg)) {
        this.addBits(arg as readonly (Qubit | Clbit)[])
      } else if (typeof arg === 'object') {
        options = { ...options, ...(arg as CircuitOptions) }
      } else {
        throw new TypeError(`cannot build a circuit from ${String(arg)}`)
      }
    }
    this.name = options.name ?? `circuit-${circuitCounter++}`
    this.metadata = { ...(options.metadata ?? {}) }
    this.globalPhase = options.globalPhase ?? 0
  }

  /** The global phase; numbers are kept in `[0, 2π)` as Qiskit does. */
  get globalPhase(): ParameterValue {
    return this.#globalPhase
  }

  set globalPhase(value: ParameterValue) {
    if (typeof value === 'number') {
      // -1e-17 + 2π rounds to 2π: fold that back to 0 so the phase stays in [0, 2π)
      const r = value % TWO_PI
      const shifted = r < 0 ? r + TWO_PI : r
      this.#globalPhase = shifted >= TWO_PI || shifted === 0 ? 0 : shifted
    } else {
      this.#globalPhase = value.isBound() ? value.numeric() : value
      if (typeof this.#globalPhase === 'number') this.globalPhase = this.#globalPhase
    }
    this.#parameters = undefined
  }

  /** The qubits, in index order. */
  get qubits(): readonly Qubit[] {
    return this.#bits.qubits
  }
  /** The clbits, in index order. */
  get clbits(): readonly Clbit[] {
    return this.#bits.clbits
  }
  /** The quantum registers, in the order added. */
  get qregs(): readonly QuantumRegister[] {
    return this.#bits.qregs
  }
  /** The classical registers, in the order added (the order of result headers). */
  get cregs(): readonly ClassicalRegister[] {
    return this.#bits.cregs
  }
  /** The instructions, in order. */
  get data(): readonly CircuitInstruction[] {
    return this.#data
  }
  /** The number of qubits. */
  get numQubits(): number {
    return this.#bits.qubits.length
  }
  /** The number of clbits. */
  get numClbits(): number {
    return this.#bits.clbits.length
  }

  /**
   * The free parameters of the operations (control-flow bodies included, loop variables
   * excluded) and of the global phase, sorted by name with vector elements by index.
   */
  get parameters(): readonly Parameter[] {
    this.#parameters ??= Object.freeze(collectCircuitParameters(this))
    return this.#parameters
  }

  /** The number of free parameters. */
  get numParameters(): number {
    return this.parameters.length
  }

  /**
   * Adds registers (builds in place); their bits not yet in the circuit are appended.
   *
   * @throws CircuitError `circuit.duplicate-register` for a name already used
   */
  addRegister(...registers: (QuantumRegister | ClassicalRegister)[]): this {
    for (const r of registers) this.#bits.addRegister(r)
    return this
  }

  /**
   * Adds loose bits (builds in place).
   *
   * @throws CircuitError `circuit.duplicate-register` for a bit already in the circuit
   */
  addBits(bits: readonly (Qubit | Clbit)[]): this {
    this.#bits.addBits(bits)
    return this
  }

  /**
   * Where a bit is: its index and the registers holding it, with its position in each.
   *
   * @throws RangeError if the bit is not in the circuit
   */
  findBit(bit: Qubit): BitLocation<QuantumRegister>
  findBit(bit: Clbit): BitLocation<ClassicalRegister>
  findBit(bit: Qubit | Clbit): BitLocation<QuantumRegister> | BitLocation<ClassicalRegister> {
    return bit instanceof Qubit ? this.#bits.findQubit(bit) : this.#bits.findClbit(bit)
  }

  /**
   * The index of a qubit (negative indices count from the end).
   *
   * @throws RangeError if out of range or not in the circuit
   */
  qubitIndex(spec: number | Qubit): number {
    return this.#bits.qubitIndex(spec)
  }

  /**
   * The index of a clbit (negative indices count from the end).
   *
   * @throws RangeError if out of range or not in the circuit
   */
  clbitIndex(spec: number | Clbit): number {
    return this.#bits.clbitIndex(spec)
  }

  /** The qubit indices a specifier names (a register or list expands in order). */
  resolveQubits(spec: QubitSpecifier): number[] {
    return this.#bits.resolveQubits(spec)
  }

  /** The clbit indices a specifier names (a register or list expands in order). */
  resolveClbits(spec: ClbitSpecifier): number[] {
    return this.#bits.resolveClbits(spec)
  }

  /**
   * Appends an operation (builds in place), broadcasting over registers and lists as Qiskit
   * does: `append(h, [qr])` applies `h` to every qubit of `qr`; `append(cx, [[0, 1], [2, 3]])`
   * pairs them. Directives (barriers) take all the listed qubits at once.
   *
   * @param op - the operation
   * @param qargs - one specifier per operation qubit (for a barrier: any number)
   * @param cargs - one specifier per operation clbit
   * @param options - a classical condition
   * @throws TypeError for a wrong number of arguments; RangeError for bad or duplicate bits or
   *   lengths that do not broadcast; CircuitError `circuit.invalid-control-flow` for a condition
   *   that does not fit
   */
  // eslint-disable-next-line max-params -- the contract's signature: (op, qargs, cargs, options)
  append(
    op: Instruction,
    qargs: readonly QubitSpecifier[] = [],
    cargs: readonly ClbitSpecifier[] = [],
    options: AppendOptions = {},
  ): this {
    if (!(op instanceof Instruction)) throw new TypeError('append takes an Instruction')
    const qlists = qargs.map((q) => this.resolveQubits(q))
    const clists = cargs.map((c) => this.resolveClbits(c))
    if (op.isDirective && op.numClbits === 0) {
      return this.appendRaw({
        operation: op,
        qubits: qlists.flat(),
        clbits: clists.flat(),
        ...condition(options),
      })
    }
    if (qlists.length !== op.numQubits || clists.length !== op.numClbits) {
      throw new TypeError(
        `'${op.name}' takes ${op.numQubits} qubit and ${op.numClbits} clbit arguments, ` +
          `got ${qlists.length} and ${clists.length}`,
      )
    }
    for (const args of broadcastArguments(qlists, clists)) {
      this.appendRaw({ operation: op, ...args, ...condition(options) })
    }
    return this
  }

  /**
   * Appends one instruction as given (builds in place): no broadcasting, indices validated.
   *
   * @throws TypeError if the bit counts do not match the operation; RangeError for an index out
   *   of range or a repeated bit; CircuitError `circuit.invalid-control-flow` for a bad condition
   */
  appendRaw(inst: CircuitInstruction): this {
    this.#data.push(this.validated(inst))
    this.#parameters = undefined
    return this
  }

  /**
   * Replaces all instructions (builds in place), validating each.
   *
   * @throws as {@link appendRaw}
   */
  replaceData(instructions: readonly CircuitInstruction[]): this {
    const checked = instructions.map((inst) => this.validated(inst))
    this.#data = checked
    this.#parameters = undefined
    return this
  }

  /**
   * Makes this circuit a copy of `other` in place: bits, registers, instructions, global
   * phase (name and metadata are kept). For in-place transformations that change the bits.
   *
   * @internal
   */
  replaceWith(other: CircuitCore): this {
    this.#bits = other.#bits.clone()
    this.#data = [...other.#data]
    this.globalPhase = other.globalPhase
    return this
  }

  private validated(inst: CircuitInstruction): CircuitInstruction {
    const op = inst.operation
    if (!(op instanceof Instruction))
      throw new TypeError('an instruction needs an Instruction operation')
    if (inst.qubits.length !== op.numQubits || inst.clbits.length !== op.numClbits) {
      throw new TypeError(
        `'${op.name}' acts on ${op.numQubits} qubits and ${op.numClbits} clbits, ` +
          `got ${inst.qubits.length} and ${inst.clbits.length}`,
      )
    }
    // Parsers append millions of instructions: validate in place, without temporary arrays.
    const qubits = inst.qubits
    const clbits = inst.clbits
    for (const q of qubits) this.checkIndex(q, this.numQubits, 'qubit')
    for (const c of clbits) this.checkIndex(c, this.numClbits, 'clbit')
    assertDistinct(qubits, 'qubit', op.name)
    assertDistinct(clbits, 'clbit', op.name)
    if (inst.condition !== undefined) {
      if (isControlFlowOp(op)) {
        throw new CircuitError(
          'circuit.invalid-control-flow',
          `'${op.name}' carries its own condition`,
        )
      }
      this.conditionClbits(inst.condition)
    }
    if (isControlFlowOp(op) && op.condition !== undefined) {
      const missing = this.conditionClbits(op.condition).filter((c) => !clbits.includes(c))
      if (missing.length > 0) {
        throw new CircuitError(
          'circuit.invalid-control-flow',
          `the condition of '${op.name}' reads clbits [${missing.join(', ')}] that are not among its clbits`,
        )
      }
    }
    return Object.isFrozen(inst) && Object.isFrozen(inst.qubits) && Object.isFrozen(inst.clbits)
      ? inst
      : circuitInstruction(inst)
  }

  private checkIndex(i: number, size: number, kind: string): number {
    if (!Number.isInteger(i) || i < 0 || i >= size) {
      throw new RangeError(`${kind} index ${i} is out of range for a circuit with ${size} ${kind}s`)
    }
    return i
  }

  /**
   * The clbit indices a condition reads.
   *
   * @throws RangeError for a clbit out of range; CircuitError `circuit.invalid-control-flow`
   *   for a register that is not in the circuit
   */
  conditionClbits(condition: Condition): number[] {
    if (condition.kind === 'clbit')
      return [this.checkIndex(condition.clbit, this.numClbits, 'clbit')]
    if (!this.#bits.hasRegister(condition.register)) {
      throw new CircuitError(
        'circuit.invalid-control-flow',
        `the condition's register '${condition.register.name}' is not in the circuit`,
      )
    }
    return condition.register.bits.map((b) => this.#bits.clbitIndex(b))
  }
}

function condition(options: AppendOptions): { condition?: Condition } {
  return options.condition === undefined ? {} : { condition: options.condition }
}

function assertDistinct(indices: readonly number[], kind: string, name: string): void {
  if (indices.length < 2) return
  if (indices.length <= 8) {
    // Pairwise is cheaper than a Set for the few arguments a gate has.
    for (let i = 1; i < indices.length; i++) {
      for (let j = 0; j < i; j++) {
        if (indices[i] === indices[j]) throw duplicate(indices, kind, name)
      }
    }
    return
  }
  if (new Set(indices).size !== indices.length) throw duplicate(indices, kind, name)
}

function duplicate(indices: readonly number[], kind: string, name: string): RangeError {
  return new RangeError(`duplicate ${kind} arguments to '${name}': [${indices.join(', ')}]`)
}
