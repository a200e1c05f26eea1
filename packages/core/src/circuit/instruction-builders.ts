import type { ComplexMatrix } from '../math/complex-matrix.js'
import type { ClbitSpecifier, QubitSpecifier } from './circuit-bits.js'
import { CircuitError } from './circuit-error.js'
import type { Condition } from './condition.js'
import { BoxOp, type ControlFlowOp, ForLoopOp, IfElseOp, WhileLoopOp } from './control-flow.js'
import { type BodyBuilder, buildBodies } from './control-flow-builder.js'
import { Barrier, Delay, type DelayUnit, Measure, Reset } from './directives.js'
import type { Instruction } from './instruction.js'
import { MultiQubitGateBuilders } from './multi-qubit-gate-builders.js'
import type { Parameter } from './parameter.js'
import type { QuantumCircuit } from './quantum-circuit.js'
import { ClassicalRegister } from './register.js'
import { UnitaryGate } from './unitary-gate.js'

export type { BodyBuilder } from './control-flow-builder.js'

const MEASURE = new Measure()
const RESET = new Reset()

/** Options of `measureAll`. */
export interface MeasureAllOptions {
  /** Measure into a new register `meas` (default) rather than the existing clbits. */
  readonly addBits?: boolean | undefined
}

/**
 * The builders of `QuantumCircuit` for non-gate instructions: measure, reset, barrier, delay,
 * unitary, and control flow (with body circuits, or with callbacks that build the bodies). Each
 * builds in place and returns `this`.
 */
export class InstructionBuilders extends MultiQubitGateBuilders {
  /**
   * Measures qubits into clbits (builds in place), broadcasting like Qiskit:
   * `measure(qr, cr)` pairs them bit by bit.
   *
   * @throws RangeError for bad bits or unequal lengths
   */
  measure(qubit: QubitSpecifier, clbit: ClbitSpecifier): this {
    const qubits = this.resolveQubits(qubit)
    const clbits = this.resolveClbits(clbit)
    // Qiskit refuses to measure several qubits into one clbit ("register size error").
    if (qubits.length !== clbits.length && qubits.length !== 1) {
      throw new RangeError(`cannot measure ${qubits.length} qubits into ${clbits.length} clbits`)
    }
    return this.append(MEASURE, [qubits], [clbits])
  }

  /**
   * Measures every qubit (builds in place): a barrier, then qubit `i` into clbit `i` of a new
   * register `meas` (a fresh `meas<n>` if that name is taken), or of the existing clbits with
   * `{ addBits: false }`.
   *
   * @throws CircuitError `circuit.invalid-operation` with `addBits: false` and too few clbits
   */
  measureAll(options: MeasureAllOptions = {}): this {
    let clbits: readonly number[]
    if (options.addBits ?? true) {
      const taken = new Set([...this.qregs, ...this.cregs].map((r) => r.name))
      let name = 'meas'
      for (let i = 0; taken.has(name); i++) name = `meas${i}`
      const reg = new ClassicalRegister(this.numQubits, name)
      this.addRegister(reg)
      clbits = this.resolveClbits(reg)
    } else {
      if (this.numClbits < this.numQubits) {
        throw new CircuitError(
          'circuit.invalid-operation',
          `measureAll without new bits needs ${this.numQubits} clbits, the circuit has ${this.numClbits}`,
        )
      }
      clbits = Array.from({ length: this.numQubits }, (_, i) => i)
    }
    if (this.numQubits === 0) return this
    this.barrier()
    return this.measure(
      Array.from({ length: this.numQubits }, (_, i) => i),
      clbits,
    )
  }

  /** Resets qubits to |0⟩ (builds in place; one reset per qubit). */
  reset(qubit: QubitSpecifier): this {
    return this.append(RESET, [qubit])
  }

  /**
   * A barrier across the given qubits, or all qubits when none are given (builds in place).
   * Repeated qubits are listed once.
   */
  barrier(...qubits: QubitSpecifier[]): this {
    const all =
      qubits.length === 0
        ? Array.from({ length: this.numQubits }, (_, i) => i)
        : qubits.flatMap((q) => this.resolveQubits(q))
    const distinct = [...new Set(all)]
    return this.appendRaw({ operation: new Barrier(distinct.length), qubits: distinct, clbits: [] })
  }

  /**
   * Idles qubits for `duration` (builds in place; one delay per qubit, all qubits by default).
   *
   * @param duration - the length in `unit`
   * @param qubits - the qubits (default all)
   * @param unit - `dt` (default), `s`, `ms`, `us`, `ns` or `ps`
   */
  delay(duration: Delay['duration'], qubits?: QubitSpecifier, unit: DelayUnit = 'dt'): this {
    const op = new Delay(duration, unit)
    const targets = qubits ?? Array.from({ length: this.numQubits }, (_, i) => i)
    return this.append(op, [targets])
  }

  /**
   * Applies a unitary matrix to qubits (builds in place), as one `unitary` gate.
   *
   * @param matrix - a `2ⁿ × 2ⁿ` unitary, little-endian in `qubits`
   * @param qubits - the `n` qubits, in order (a register or list expands)
   * @param label - a display label
   * @throws RangeError if the sizes differ; CircuitError if the matrix is not unitary
   */
  unitary(
    matrix: ComplexMatrix,
    qubits: QubitSpecifier | readonly QubitSpecifier[],
    label?: string,
  ): this {
    const gate = new UnitaryGate(matrix, label)
    return this.appendFlat(gate, qubits, [])
  }

  /**
   * Appends an `if_else` (builds in place). The bodies have exactly as many qubits and clbits as
   * listed here, mapped in order; the condition reads this circuit's clbits, which must be
   * among `clbits`.
   *
   * @param condition - the condition (e.g. `clbitCondition(0)`, `registerCondition(cr, 3)`)
   * @param trueBody - run when the condition holds
   * @param falseBody - run otherwise, or `undefined`
   * @param qubits - the qubits the bodies act on
   * @param clbits - the clbits the bodies and the condition use
   * @throws CircuitError `circuit.invalid-control-flow` for widths or conditions that do not fit
   */
  // eslint-disable-next-line max-params -- Qiskit's positional signature, fixed by the circuit contract
  ifElse(
    condition: Condition,
    trueBody: QuantumCircuit,
    falseBody: QuantumCircuit | undefined,
    qubits: QubitSpecifier | readonly QubitSpecifier[],
    clbits: ClbitSpecifier | readonly ClbitSpecifier[],
  ): this {
    return this.appendFlat(new IfElseOp(condition, trueBody, falseBody), qubits, clbits)
  }

  /**
   * Appends a `while_loop` (builds in place): with a body circuit on the listed bits (see
   * {@link ifElse}), or with a callback that builds the body (see {@link ifTest}).
   *
   * @throws CircuitError `circuit.invalid-control-flow` for widths or conditions that do not fit
   */
  whileLoop(condition: Condition, build: BodyBuilder): this
  whileLoop(
    condition: Condition,
    body: QuantumCircuit,
    qubits: QubitSpecifier | readonly QubitSpecifier[],
    clbits: ClbitSpecifier | readonly ClbitSpecifier[],
  ): this
  // eslint-disable-next-line max-params -- Qiskit's positional signature
  whileLoop(
    condition: Condition,
    body: QuantumCircuit | BodyBuilder,
    qubits: QubitSpecifier | readonly QubitSpecifier[] = [],
    clbits: ClbitSpecifier | readonly ClbitSpecifier[] = [],
  ): this {
    if (typeof body === 'function') {
      return this.appendBuilt((b) => new WhileLoopOp(condition, b), body, condition)
    }
    return this.appendFlat(new WhileLoopOp(condition, body), qubits, clbits)
  }

  /**
   * Appends a `for_loop` (builds in place); see {@link ifElse} for the bits.
   *
   * @param indexSet - the integers to loop over
   * @param loopParameter - the loop variable the body may use, or `undefined`
   * @param body - the loop body
   * @param qubits - the qubits the body acts on
   * @param clbits - the clbits the body uses
   */
  forLoop(
    indexSet: readonly number[],
    loopParameter: Parameter | undefined,
    build: BodyBuilder,
  ): this
  forLoop(
    indexSet: readonly number[],
    loopParameter: Parameter | undefined,
    body: QuantumCircuit,
    qubits: QubitSpecifier | readonly QubitSpecifier[],
    clbits?: ClbitSpecifier | readonly ClbitSpecifier[],
  ): this
  // eslint-disable-next-line max-params -- Qiskit's positional signature
  forLoop(
    indexSet: readonly number[],
    loopParameter: Parameter | undefined,
    body: QuantumCircuit | BodyBuilder,
    qubits: QubitSpecifier | readonly QubitSpecifier[] = [],
    clbits: ClbitSpecifier | readonly ClbitSpecifier[] = [],
  ): this {
    if (typeof body === 'function') {
      return this.appendBuilt((b) => new ForLoopOp(indexSet, loopParameter, b), body)
    }
    return this.appendFlat(new ForLoopOp(indexSet, loopParameter, body), qubits, clbits)
  }

  /**
   * Appends a `box` (builds in place): around a body circuit on the listed bits (see
   * {@link ifElse}), or around what a callback builds (see {@link ifTest}).
   */
  box(build: BodyBuilder): this
  box(
    body: QuantumCircuit,
    qubits: QubitSpecifier | readonly QubitSpecifier[],
    clbits?: ClbitSpecifier | readonly ClbitSpecifier[],
  ): this
  box(
    body: QuantumCircuit | BodyBuilder,
    qubits: QubitSpecifier | readonly QubitSpecifier[] = [],
    clbits: ClbitSpecifier | readonly ClbitSpecifier[] = [],
  ): this {
    if (typeof body === 'function') return this.appendBuilt((b) => new BoxOp(b), body)
    return this.appendFlat(new BoxOp(body), qubits, clbits)
  }

  /** Appends one instruction on the listed bits, expanded in order (no broadcasting). */
  private appendFlat(
    op: Instruction,
    qubits: QubitSpecifier | readonly QubitSpecifier[],
    clbits: ClbitSpecifier | readonly ClbitSpecifier[],
  ): this {
    const qs = (
      Array.isArray(qubits) ? (qubits as readonly QubitSpecifier[]) : [qubits as QubitSpecifier]
    ).flatMap((q) => this.resolveQubits(q))
    const cs = (
      Array.isArray(clbits) ? (clbits as readonly ClbitSpecifier[]) : [clbits as ClbitSpecifier]
    ).flatMap((c) => this.resolveClbits(c))
    return this.appendRaw({ operation: op, qubits: qs, clbits: cs })
  }

  /**
   * Appends an `if_else` whose bodies are built by callbacks (builds in place), like Qiskit's
   * `with qc.if_test(condition): …` blocks: each callback gets a scratch circuit with all of
   * this circuit's bits and registers (same indices), and the operation is placed on exactly
   * the bits the bodies and the condition use.
   *
   * @param condition - the condition
   * @param thenBuild - builds the body run when the condition holds
   * @param elseBuild - builds the body run otherwise, if any
   * @example
   * ```ts
   * qc.h(0).measure(0, 0).ifTest(clbitCondition(0), (body) => body.x(1))
   * ```
   */
  ifTest(condition: Condition, thenBuild: BodyBuilder, elseBuild?: BodyBuilder): this {
    const builders = elseBuild === undefined ? [thenBuild] : [thenBuild, elseBuild]
    const built = buildBodies(this.asCircuit(), builders, condition)
    const op = new IfElseOp(condition, built.bodies[0]!, built.bodies[1])
    return this.appendRaw({ operation: op, qubits: built.qubits, clbits: built.clbits })
  }

  /** This object as the full circuit (the builder classes are its bases). */
  private asCircuit(): QuantumCircuit {
    return this as unknown as QuantumCircuit
  }

  /** Appends a control-flow op whose single body is built by a callback (see {@link ifTest}). */
  private appendBuilt(
    make: (body: QuantumCircuit) => ControlFlowOp,
    build: BodyBuilder,
    condition?: Condition,
  ): this {
    const built = buildBodies(this.asCircuit(), [build], condition)
    return this.appendRaw({
      operation: make(built.bodies[0]!),
      qubits: built.qubits,
      clbits: built.clbits,
    })
  }
}
