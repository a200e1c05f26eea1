import type { CircuitInstruction } from '../../../circuit/circuit-instruction.js'
import type { Condition } from '../../../circuit/condition.js'
import { BoxOp, ForLoopOp, IfElseOp, WhileLoopOp } from '../../../circuit/control-flow.js'
import { Delay } from '../../../circuit/directives.js'
import { Gate } from '../../../circuit/gate.js'
import type { Instruction } from '../../../circuit/instruction.js'
import type { Parameter } from '../../../circuit/parameter.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import type { QuantumCircuit } from '../../../circuit/quantum-circuit.js'
import type { ClassicalRegister } from '../../../circuit/register.js'
import { QasmExportError } from '../../qasm-error.js'
import { formatValue } from './format-value.js'

/** How names are written in one scope: bits by index, registers, parameters. */
export interface WriterScope {
  qubit(index: number): string
  clbit(index: number): string
  register(register: ClassicalRegister): string
  param(parameter: Parameter): string
  /** Whether this is a gate body (only gates and barriers allowed). */
  readonly isGateBody: boolean
}

/** Resolves how a gate is called: the text before the operands (`ctrl @ rz(0.5)`). */
export interface GateCaller {
  callHead(op: Gate, scope: WriterScope): string
  /** A name for a loop variable (unique in the program). */
  loopVariable(parameter: Parameter | undefined): string
}

/** Writes a delay's duration in a unit OpenQASM 3 has (`ps` becomes `ns`). */
function durationText(op: Delay): string {
  const duration = op.duration
  if (typeof duration !== 'number')
    throw new QasmExportError('symbolic delay durations cannot be exported')
  if (op.unit === 'ps') return `${String(duration / 1000)}ns`
  return `${String(duration)}${op.unit}`
}

/** `start:step:end` when the values form an arithmetic progression, else `{a, b, …}`. */
export function indexSetText(values: readonly number[]): string {
  if (values.length >= 2) {
    const step = values[1]! - values[0]!
    if (step !== 0 && values.every((v, i) => v === values[0]! + i * step)) {
      const end = values[values.length - 1]!
      return step === 1 ? `[${values[0]}:${end}]` : `[${values[0]}:${step}:${end}]`
    }
  }
  return `{${values.join(', ')}}`
}

/**
 * Writes circuit instructions as OpenQASM 3 statements, recursing into control-flow bodies
 * (whose bits map positionally onto the instruction's bits).
 */
export class StatementWriter {
  readonly lines: string[] = []
  readonly #indent: string
  readonly #caller: GateCaller

  /**
   * @param indent - one level of indentation
   * @param caller - how gates are called (and defined on demand)
   */
  constructor(indent: string, caller: GateCaller) {
    this.#indent = indent
    this.#caller = caller
  }

  /** Writes a whole circuit body (its global phase first, as `gphase`). */
  writeCircuit(circuit: QuantumCircuit, scope: WriterScope, depth: number): void {
    if (circuit.globalPhase !== 0)
      this.#line(depth, `gphase(${this.#value(circuit.globalPhase, scope)});`)
    for (const inst of circuit.data) this.writeInstruction(inst, scope, depth)
  }

  #line(depth: number, text: string): void {
    this.lines.push(this.#indent.repeat(depth) + text)
  }

  #value(value: ParameterValue, scope: WriterScope): string {
    return formatValue(value, (p) => scope.param(p))
  }

  /** The condition text `c[0]`, `!c[0]` or `c == 3`. */
  condition(condition: Condition, scope: WriterScope): string {
    if (condition.kind === 'clbit')
      return `${condition.value ? '' : '!'}${scope.clbit(condition.clbit)}`
    return `${scope.register(condition.register)} ${condition.op} ${condition.value.toString()}`
  }

  /** Writes one instruction (with its `c_if`-style condition as an `if`). */
  writeInstruction(inst: CircuitInstruction, scope: WriterScope, depth: number): void {
    if (inst.condition !== undefined) {
      if (scope.isGateBody) throw new QasmExportError('a gate definition cannot hold conditions')
      this.#line(depth, `if (${this.condition(inst.condition, scope)}) {`)
      this.#plain(inst, scope, depth + 1)
      this.#line(depth, '}')
      return
    }
    this.#plain(inst, scope, depth)
  }

  #operands(inst: CircuitInstruction, scope: WriterScope): string {
    return inst.qubits.map((q) => scope.qubit(q)).join(', ')
  }

  #plain(inst: CircuitInstruction, scope: WriterScope, depth: number): void {
    const op = inst.operation
    const name = op.name
    if (op.isDirective && name === 'barrier') {
      if (inst.qubits.length > 0) this.#line(depth, `barrier ${this.#operands(inst, scope)};`)
      return
    }
    if (op instanceof Gate) {
      if (name === 'global_phase' && op.numQubits === 0) {
        this.#line(depth, `gphase(${this.#value(op.params[0]!, scope)});`)
        return
      }
      this.#line(depth, `${this.#caller.callHead(op, scope)} ${this.#operands(inst, scope)};`)
      return
    }
    if (scope.isGateBody) throw new QasmExportError(`a gate definition cannot hold '${name}'`)
    if (name === 'measure') {
      this.#line(
        depth,
        `${scope.clbit(inst.clbits[0]!)} = measure ${scope.qubit(inst.qubits[0]!)};`,
      )
    } else if (name === 'reset') {
      this.#line(depth, `reset ${scope.qubit(inst.qubits[0]!)};`)
    } else if (op instanceof Delay) {
      this.#line(depth, `delay[${durationText(op)}] ${this.#operands(inst, scope)};`)
    } else if (
      op instanceof IfElseOp ||
      op instanceof WhileLoopOp ||
      op instanceof ForLoopOp ||
      op instanceof BoxOp
    ) {
      this.#controlFlow(inst, scope, depth)
    } else this.#inline(op, inst, { scope, depth })
  }

  /** The scope of a body: its bits are the instruction's, positionally. */
  #bodyScope(inst: CircuitInstruction, scope: WriterScope): WriterScope {
    return {
      qubit: (i) => scope.qubit(inst.qubits[i]!),
      clbit: (i) => scope.clbit(inst.clbits[i]!),
      register: (r) => scope.register(r),
      param: (p) => scope.param(p),
      isGateBody: false,
    }
  }

  #controlFlow(inst: CircuitInstruction, scope: WriterScope, depth: number): void {
    const op = inst.operation
    const inner = this.#bodyScope(inst, scope)
    const block = (body: QuantumCircuit): void => {
      this.writeCircuit(body, inner, depth + 1)
    }
    if (op instanceof IfElseOp) {
      this.#line(depth, `if (${this.condition(op.condition, scope)}) {`)
      block(op.trueBody)
      if (op.falseBody !== undefined) {
        this.#line(depth, '} else {')
        block(op.falseBody)
      }
    } else if (op instanceof WhileLoopOp) {
      this.#line(depth, `while (${this.condition(op.condition, scope)}) {`)
      block(op.body)
    } else if (op instanceof ForLoopOp) {
      const variable = this.#caller.loopVariable(op.loopParameter)
      this.#line(depth, `for int ${variable} in ${indexSetText(op.indexSet)} {`)
      block(op.body)
    } else if (op instanceof BoxOp) {
      this.#line(depth, 'box {')
      block(op.body)
    }
    this.#line(depth, '}')
  }

  /** A non-gate instruction with a definition is written out in place. */
  #inline(
    op: Instruction,
    inst: CircuitInstruction,
    at: { scope: WriterScope; depth: number },
  ): void {
    const definition = op.definition
    if (definition === undefined) {
      throw new QasmExportError(`the instruction '${op.name}' has no definition to write out`)
    }
    this.writeCircuit(definition, this.#bodyScope(inst, at.scope), at.depth)
  }
}
