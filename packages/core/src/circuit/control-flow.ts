import { CircuitError } from './circuit-error.js'
import { type Condition, conditionsEqual } from './condition.js'
import { Instruction } from './instruction.js'
import type { Parameter } from './parameter.js'
import type { ParameterValue } from './parameter-expression.js'
import type { QuantumCircuit } from './quantum-circuit.js'

export type { Condition } from './condition.js'

function assertSameWidth(name: string, blocks: readonly QuantumCircuit[]): void {
  const [first, ...rest] = blocks
  if (first === undefined)
    throw new CircuitError('circuit.invalid-control-flow', `'${name}' needs a body`)
  for (const b of rest) {
    if (b.numQubits !== first.numQubits || b.numClbits !== first.numClbits) {
      throw new CircuitError(
        'circuit.invalid-control-flow',
        `the blocks of '${name}' differ in width: ${first.numQubits}q/${first.numClbits}c vs ${b.numQubits}q/${b.numClbits}c`,
      )
    }
  }
}

/**
 * The common base of control-flow operations: an instruction whose `blocks` are bodies on
 * exactly `numQubits` qubits and `numClbits` clbits, mapped positionally onto the instruction's
 * qubits and clbits.
 */
export abstract class ControlFlowOp extends Instruction {
  /** The bodies. */
  readonly blocks: readonly QuantumCircuit[]

  protected constructor(name: string, blocks: readonly QuantumCircuit[], label?: string) {
    assertSameWidth(name, blocks)
    const first = blocks[0]!
    super({ name, numQubits: first.numQubits, numClbits: first.numClbits, label })
    this.blocks = Object.freeze([...blocks])
  }

  /** The classical condition, for `if_else` and `while_loop`. */
  get condition(): Condition | undefined {
    return undefined
  }

  /**
   * The same operation with new bodies of the same width (used by passes that rewrite blocks).
   *
   * @throws CircuitError `circuit.invalid-control-flow` if the widths change
   */
  abstract withBlocks(blocks: readonly QuantumCircuit[]): ControlFlowOp

  /** The same operation with a remapped condition (used when composing into another circuit). */
  withCondition(condition: Condition | undefined): ControlFlowOp {
    if (condition !== undefined) {
      throw new CircuitError('circuit.invalid-control-flow', `'${this.name}' takes no condition`)
    }
    return this.withBlocks(this.blocks)
  }

  /** @throws TypeError unless `params` is empty */
  override withParams(params: readonly ParameterValue[]): this {
    this.optionsWithParams(params)
    return this
  }

  /** @throws CircuitError `circuit.not-invertible` (only `box` can be inverted) */
  override inverse(): ControlFlowOp {
    throw new CircuitError('circuit.not-invertible', `'${this.name}' cannot be inverted`)
  }

  protected override sameDetails(other: Instruction): boolean {
    return (
      other instanceof ControlFlowOp &&
      other.blocks.length === this.blocks.length &&
      this.blocks.every((b, i) => b.equals(other.blocks[i]!)) &&
      conditionsEqual(this.condition, other.condition)
    )
  }
}

/**
 * `if (condition) { trueBody } else { falseBody }` (Qiskit's `IfElseOp`).
 *
 * @example
 * ```ts
 * const body = new QuantumCircuit(1, 1).x(0)
 * qc.ifElse(clbitCondition(0, true), body, undefined, [1], [0])
 * ```
 */
export class IfElseOp extends ControlFlowOp {
  readonly #condition: Condition

  /**
   * @param condition - the condition, over the holding circuit's clbits
   * @param trueBody - the body run when the condition holds
   * @param falseBody - the body run otherwise (same width), if any
   * @throws CircuitError `circuit.invalid-control-flow` if the bodies differ in width
   */
  constructor(condition: Condition, trueBody: QuantumCircuit, falseBody?: QuantumCircuit) {
    super('if_else', falseBody === undefined ? [trueBody] : [trueBody, falseBody])
    this.#condition = condition
  }

  override get condition(): Condition {
    return this.#condition
  }

  /** The body run when the condition holds. */
  get trueBody(): QuantumCircuit {
    return this.blocks[0]!
  }

  /** The body run otherwise, if any. */
  get falseBody(): QuantumCircuit | undefined {
    return this.blocks[1]
  }

  override withBlocks(blocks: readonly QuantumCircuit[]): IfElseOp {
    return new IfElseOp(this.#condition, blocks[0]!, blocks[1])
  }

  override withCondition(condition: Condition): IfElseOp {
    return new IfElseOp(condition, this.trueBody, this.falseBody)
  }
}

/** `while (condition) { body }` (Qiskit's `WhileLoopOp`). */
export class WhileLoopOp extends ControlFlowOp {
  readonly #condition: Condition

  /**
   * @param condition - the loop condition, over the holding circuit's clbits
   * @param body - the loop body
   */
  constructor(condition: Condition, body: QuantumCircuit) {
    super('while_loop', [body])
    this.#condition = condition
  }

  override get condition(): Condition {
    return this.#condition
  }

  /** The loop body. */
  get body(): QuantumCircuit {
    return this.blocks[0]!
  }

  override withBlocks(blocks: readonly QuantumCircuit[]): WhileLoopOp {
    return new WhileLoopOp(this.#condition, blocks[0]!)
  }

  override withCondition(condition: Condition): WhileLoopOp {
    return new WhileLoopOp(condition, this.body)
  }
}

/**
 * `for loopParameter in indexSet { body }` (Qiskit's `ForLoopOp`). The loop parameter, if any,
 * is bound to each index in turn and is not a free parameter of the holding circuit.
 */
export class ForLoopOp extends ControlFlowOp {
  /** The values the loop runs over. */
  readonly indexSet: readonly number[]
  /** The parameter bound to each value, if the body uses it. */
  readonly loopParameter: Parameter | undefined

  /**
   * @param indexSet - the integer values to loop over
   * @param loopParameter - the loop variable, if any
   * @param body - the loop body
   * @throws TypeError if an index is not an integer
   */
  constructor(
    indexSet: readonly number[],
    loopParameter: Parameter | undefined,
    body: QuantumCircuit,
  ) {
    super('for_loop', [body])
    if (!indexSet.every((i) => Number.isInteger(i))) {
      throw new TypeError(`a for loop runs over integers, got [${indexSet.join(', ')}]`)
    }
    this.indexSet = Object.freeze([...indexSet])
    this.loopParameter = loopParameter
  }

  /** The loop body. */
  get body(): QuantumCircuit {
    return this.blocks[0]!
  }

  override withBlocks(blocks: readonly QuantumCircuit[]): ForLoopOp {
    return new ForLoopOp(this.indexSet, this.loopParameter, blocks[0]!)
  }

  protected override sameDetails(other: Instruction): boolean {
    return (
      other instanceof ForLoopOp &&
      super.sameDetails(other) &&
      other.indexSet.length === this.indexSet.length &&
      other.indexSet.every((v, i) => v === this.indexSet[i]) &&
      other.loopParameter?.id === this.loopParameter?.id
    )
  }
}

/** A grouped block of operations (Qiskit's `BoxOp`, OpenQASM 3 `box`). */
export class BoxOp extends ControlFlowOp {
  /**
   * @param body - the boxed operations
   * @param label - a display label
   */
  constructor(body: QuantumCircuit, label?: string) {
    super('box', [body], label)
  }

  /** The boxed operations. */
  get body(): QuantumCircuit {
    return this.blocks[0]!
  }

  override withBlocks(blocks: readonly QuantumCircuit[]): BoxOp {
    return new BoxOp(blocks[0]!, this.label)
  }

  /** The box of the inverse body. */
  override inverse(): BoxOp {
    return new BoxOp(this.body.inverse(), this.label)
  }
}

/** Whether an operation is a control-flow operation (has `blocks`). */
export function isControlFlowOp(op: Instruction): op is ControlFlowOp {
  return op instanceof ControlFlowOp
}
