import { isQfabricError } from '../../../internal/qfabric-error.js'
import { Gate } from '../../../circuit/gate.js'
import type { Instruction } from '../../../circuit/instruction.js'
import { standardGate } from '../../../circuit/library/standard-gates.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import { mulValues, negValue } from '../../../circuit/parameter-functions.js'
import { QuantumCircuit } from '../../../circuit/quantum-circuit.js'
import type { GateCall, GateModifier, TextSpan } from '../ast.js'
import { evaluate, evaluateInteger, evaluateParameter } from './evaluate-expression.js'
import type { LoweringContext } from './lowering-context.js'
import { builtinGate, STDGATES } from './gate-table.js'
import { fail, SilentAbort } from './lowering-error.js'
import { resolveQubits, type BitList } from './operands.js'
import type { GateSymbol } from './scope.js'
import { staticNumber } from './values.js'

/** A gate being built from modifiers, or still a bare `gphase` (a phase on no qubit). */
type Operand = { readonly gate: Gate } | { readonly phase: ParameterValue }

/** What a call applies: the modified gate, or a caller-supplied instruction without modifiers. */
type Applied = Operand | { readonly instruction: Instruction }

/** Runs a circuit-model operation, turning its errors into a lowering diagnostic. */
function modelCall<TResult>(what: string, span: TextSpan, run: () => TResult): TResult {
  try {
    return run()
  } catch (error) {
    if (!isQfabricError(error) && !(error instanceof RangeError) && !(error instanceof TypeError))
      throw error
    return fail('qasm3.unsupported.modifier', `cannot apply ${what}: ${error.message}`, span)
  }
}

/** `negctrl @ gphase(θ)`: the phase applies when the control is |0⟩, i.e. X·P(θ)·X. */
function openControlledPhase(theta: ParameterValue): Gate {
  const definition = new QuantumCircuit(1)
  definition.x(0).p(theta, 0).x(0)
  return new Gate({ name: 'gphase_o0', numQubits: 1, params: [theta], definition })
}

/** Applies accumulated controls (qargs order, outermost first) to the operand. */
function applyControls(operand: Operand, states: number[], span: TextSpan): Operand {
  if (states.length === 0) return operand
  let gate: Gate
  let controls = states
  if ('phase' in operand) {
    // A controlled global phase is a phase gate on the innermost control.
    const last = controls[controls.length - 1]!
    controls = controls.slice(0, -1)
    gate = last === 1 ? standardGate('p', [operand.phase]) : openControlledPhase(operand.phase)
    if (controls.length === 0) return { gate }
  } else gate = operand.gate
  let ctrlState = 0
  for (let i = 0; i < controls.length; i++) ctrlState += controls[i]! * 2 ** i
  const base = gate
  return { gate: modelCall('ctrl', span, () => base.control(controls.length, ctrlState)) }
}

function applyPower(ctx: LoweringContext, operand: Operand, modifier: GateModifier): Operand {
  const argument = modifier.argument!
  const exponent = evaluate(ctx, argument)
  if ('phase' in operand) {
    const k = exponent.kind === 'number' ? exponent.value : staticNumber(exponent, argument.span)
    return { phase: mulValues(operand.phase, k) }
  }
  const k = staticNumber(exponent, argument.span)
  return { gate: modelCall(`pow(${k})`, modifier.span, () => operand.gate.power(k)) }
}

/**
 * Applies gate modifiers, innermost (rightmost) first, as the OpenQASM 3 semantics compose
 * them; consecutive `ctrl`/`negctrl` become one `control(n, state)` so that library gates stay
 * standard (`ctrl @ ctrl @ x` is `ccx`).
 *
 * @param ctx - the lowering context
 * @param operand - the gate (or bare phase)
 * @param modifiers - the modifiers in source order
 * @returns the modified gate or phase
 */
function applyModifiers(
  ctx: LoweringContext,
  operand: Operand,
  modifiers: readonly GateModifier[],
): Operand {
  let current = operand
  let controls: number[] = []
  for (let i = modifiers.length - 1; i >= 0; i--) {
    const modifier = modifiers[i]!
    if (modifier.modifier === 'ctrl' || modifier.modifier === 'negctrl') {
      const n = modifier.argument === undefined ? 1 : evaluateInteger(ctx, modifier.argument)
      if (n < 1)
        fail(
          'qasm3.semantic.invalid-modifier',
          `a control count must be positive, got ${n}`,
          modifier.span,
        )
      const state = modifier.modifier === 'ctrl' ? 1 : 0
      controls = [...new Array<number>(n).fill(state), ...controls]
      continue
    }
    current = applyControls(current, controls, modifier.span)
    controls = []
    if (modifier.modifier === 'inv') {
      if ('phase' in current) current = { phase: negValue(current.phase) }
      else {
        const gate = current.gate
        current = { gate: modelCall('inv', modifier.span, () => gate.inverse()) }
      }
    } else current = applyPower(ctx, current, modifier)
  }
  const span = modifiers[0]?.span ?? { offset: 0, length: 0 }
  return applyControls(current, controls, span)
}

/**
 * Emits `op` on operands, broadcasting registers as OpenQASM does: every register operand must
 * have the same size `n`, single qubits repeat, and the gate is applied `n` times.
 *
 * @throws LoweringError for mismatched sizes or a qubit used twice in one application
 */
export function emitBroadcast(
  ctx: LoweringContext,
  application: { op: Instruction; operands: readonly BitList[] },
  span: TextSpan,
): void {
  const { op, operands } = application
  const size = broadcastSize(operands, span)
  if (size === -1 && operands.length <= 2) {
    emitOnSingles(ctx, application, span)
    return
  }
  const count = size === -1 ? 1 : size
  for (let i = 0; i < count; i++) {
    const qubits = new Array<number>(operands.length)
    for (let k = 0; k < operands.length; k++) {
      const operand = operands[k]!
      qubits[k] = operand.isSingle ? operand.indices[0]! : operand.indices[i]!
    }
    if (qubits.length > 1 && hasDuplicate(qubits)) {
      fail(
        'qasm3.semantic.duplicate-qubit',
        `'${op.name}' is applied to the same qubit twice`,
        span,
      )
    }
    ctx.emit(op, qubits)
  }
}

/** The common size of the register operands, or -1 when every operand is a single qubit. */
function broadcastSize(operands: readonly BitList[], span: TextSpan): number {
  let size = -1
  for (const operand of operands) {
    if (operand.isSingle) continue
    if (size === -1) size = operand.indices.length
    else if (operand.indices.length !== size) {
      fail(
        'qasm3.semantic.broadcast-mismatch',
        'registers of different sizes cannot be broadcast together',
        span,
      )
    }
  }
  return size
}

/** Zero, one or two single qubits: the shared frozen lists serve as the instruction's qubits. */
function emitOnSingles(
  ctx: LoweringContext,
  application: { op: Instruction; operands: readonly BitList[] },
  span: TextSpan,
): void {
  const { op, operands } = application
  const first = operands[0]
  if (first === undefined) ctx.emit(op, [])
  else if (operands.length === 1) ctx.emit(op, first.indices)
  else {
    const a = first.indices[0]!
    const b = operands[1]!.indices[0]!
    if (a === b)
      fail(
        'qasm3.semantic.duplicate-qubit',
        `'${op.name}' is applied to the same qubit twice`,
        span,
      )
    ctx.emit(op, ctx.qubitPair(a, b))
  }
}

function hasDuplicate(qubits: readonly number[]): boolean {
  if (qubits.length === 2) return qubits[0] === qubits[1]
  return new Set(qubits).size !== qubits.length
}

/** The gate (or `gphase` phase) a call applies, before modifiers. */
function calledOperation(ctx: LoweringContext, node: GateCall): Applied {
  const name = node.name.name
  const args = node.args ?? []
  if (name === 'gphase') {
    if (args.length !== 1)
      fail('qasm3.semantic.wrong-parameter-count', "'gphase' takes one parameter", node.span)
    return { phase: evaluateParameter(ctx, args[0]!) }
  }
  const gate = gateNamed(ctx, name, node.name.span)
  if (args.length !== gate.numParams) {
    const plural = gate.numParams === 1 ? '' : 's'
    fail(
      'qasm3.semantic.wrong-parameter-count',
      `'${name}' takes ${gate.numParams} parameter${plural}, got ${args.length}`,
      node.span,
    )
  }
  const params = args.length === 0 ? [] : args.map((a) => evaluateParameter(ctx, a))
  const built = gate.build(params)
  return built instanceof Gate ? { gate: built } : { instruction: built }
}

function gateNamed(ctx: LoweringContext, name: string, span: TextSpan): GateSymbol {
  const symbol = ctx.scope.lookup(name)
  if (symbol === undefined) {
    const builtin = builtinGate(name)
    if (builtin !== undefined) return builtin
    const hint = STDGATES.has(name) && !ctx.hasStdgates ? ' (add `include "stdgates.inc";`)' : ''
    return fail('qasm3.semantic.undefined-gate', `the gate '${name}' is not defined${hint}`, span)
  }
  if (symbol.kind === 'poisoned') throw new SilentAbort()
  if (symbol.kind !== 'gate')
    return fail('qasm3.semantic.not-a-gate', `'${name}' is not a gate`, span)
  return symbol.gate
}

/**
 * Lowers a gate call: the gate by name (`U`, `stdgates.inc`, user gates), its parameters, its
 * modifiers, then the application broadcast over its operands. `gphase` adds to the global
 * phase unless controlled.
 *
 * @param ctx - the lowering context
 * @param node - the call
 * @throws LoweringError for unknown gates, wrong parameter or qubit counts, bad operands
 */
export function lowerGateCall(ctx: LoweringContext, node: GateCall): void {
  const name = node.name.name
  if (node.duration !== undefined) {
    fail(
      'qasm3.unsupported.gate-duration',
      'gate durations (`g[100ns] q;`) are not supported',
      node.duration.span,
    )
  }
  let operand = calledOperation(ctx, node)
  if (node.modifiers.length > 0) {
    if ('instruction' in operand) {
      return fail(
        'qasm3.unsupported.modifier',
        `'${name}' is not a gate and takes no modifiers`,
        node.span,
      )
    }
    operand = applyModifiers(ctx, operand, node.modifiers)
  }
  if ('phase' in operand) {
    ctx.addGlobalPhase(operand.phase)
    return
  }
  const op = 'gate' in operand ? operand.gate : operand.instruction
  if (node.operands.length !== op.numQubits) {
    fail(
      'qasm3.semantic.wrong-qubit-count',
      `'${name}' acts on ${op.numQubits} qubit${op.numQubits === 1 ? '' : 's'}, got ${node.operands.length}`,
      node.span,
    )
  }
  const operands = node.operands.map((o) => resolveQubits(ctx, o))
  emitBroadcast(ctx, { op, operands }, node.span)
}
