import { registerCondition } from '../../circuit/condition.js'
import { Barrier, Measure, Reset } from '../../circuit/directives.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { ClassicalRegister, QuantumRegister } from '../../circuit/register.js'
import type {
  Barrier as BarrierNode,
  GateCall,
  IfStatement,
  Measure as MeasureNode,
  RegisterDeclaration,
  Reset as ResetNode,
  Statement,
} from './ast.js'
import { foldExpression } from './expression-evaluator.js'
import { lowerGateDefinition, lowerOpaque } from './lower-gate-definition.js'
import { instantiate, lookupGate, resolveOperand } from './lower-operands.js'
import { MAX_REGISTER_SIZE, type GateSymbol, type LoweringContext } from './lowering-context.js'

const MEASURE = new Measure()
const RESET = new Reset()
const NO_CLBITS: readonly number[] = Object.freeze([])
const NO_PARAMS: readonly ParameterValue[] = Object.freeze([])

/** A gate operand after resolution: one qubit, or a whole register to broadcast over. */
type ResolvedQubits = number | { readonly start: number; readonly size: number }

/**
 * Lowers one statement into the circuit (includes are the caller's: they need the parser).
 *
 * @param ctx - the lowering state
 * @param statement - a statement other than `include`
 */
export function lowerStatement(ctx: LoweringContext, statement: Statement): void {
  switch (statement.kind) {
    case 'gate-call':
      lowerGateCall(ctx, statement)
      return
    case 'measure':
      lowerMeasure(ctx, statement)
      return
    case 'barrier':
      lowerBarrier(ctx, statement)
      return
    case 'reset':
      lowerReset(ctx, statement)
      return
    case 'qreg':
    case 'creg':
      lowerRegister(ctx, statement)
      return
    case 'if':
      lowerIf(ctx, statement)
      return
    case 'gate-definition':
      lowerGateDefinition(ctx, statement)
      return
    case 'opaque':
      lowerOpaque(ctx, statement)
      return
    case 'version':
    case 'include':
      return
  }
}

/**
 * Appends an instruction on fresh `qubits` (and `clbits`), under the current `if` condition.
 * It is handed over frozen, which lets the circuit keep it as is instead of copying it: that
 * copy was a fifth of the parse time.
 */
function append(
  ctx: LoweringContext,
  operation: Instruction,
  bits: { qubits: number[]; clbits?: number[] },
): void {
  const qubits = Object.freeze(bits.qubits)
  const clbits = bits.clbits === undefined ? NO_CLBITS : Object.freeze(bits.clbits)
  const condition = ctx.condition
  ctx.circuit.appendRaw(
    Object.freeze(
      condition === undefined
        ? { operation, qubits, clbits }
        : { operation, qubits, clbits, condition },
    ),
  )
}

function lowerGateCall(ctx: LoweringContext, call: GateCall): void {
  const symbol = lookupGate(ctx, call.name)
  if (symbol === undefined) return
  const params = gateParams(ctx, symbol, call)
  if (params === undefined) return
  const operands = call.operands
  if (operands.length !== symbol.numQubits) {
    ctx.error(
      'qasm2.semantic.qubit-count',
      `'${symbol.name}' takes ${count(symbol.numQubits, 'quantum argument')}, but got ${operands.length}`,
      call.name,
    )
    return
  }
  const qubits: number[] = []
  let broadcast: ResolvedQubits[] | undefined
  for (const operand of operands) {
    const resolved = resolveOperand(ctx, operand, 'qreg')
    if (resolved === undefined) return
    if (typeof resolved === 'number') {
      qubits.push(resolved)
      broadcast?.push(resolved)
    } else {
      broadcast ??= [...qubits]
      broadcast.push(resolved)
    }
  }
  const operation = instantiate(ctx, symbol, { params, at: call })
  if (operation === undefined) return
  if (broadcast !== undefined) {
    broadcastGate(ctx, { call, operation, operands: broadcast })
  } else if (hasDuplicates(qubits)) {
    duplicate(ctx, call)
  } else {
    append(ctx, operation, { qubits })
  }
}

/** The call's parameters, folded to numbers; `undefined` (reported) on a wrong count or value. */
function gateParams(
  ctx: LoweringContext,
  symbol: GateSymbol,
  call: GateCall,
): readonly ParameterValue[] | undefined {
  const numParams = call.params.length
  if (numParams !== symbol.numParams) {
    ctx.error(
      'qasm2.semantic.param-count',
      `'${symbol.name}' takes ${count(symbol.numParams, 'parameter')}, but got ${numParams}`,
      call.name,
    )
    return undefined
  }
  if (numParams === 0) return NO_PARAMS
  const values: number[] = []
  for (const expression of call.params) {
    const value = foldExpression(expression, undefined, ctx.reportProblem)
    if (value === undefined) return undefined
    values.push(value)
  }
  return values
}

/** Qiskit's broadcast: registers of one size pair up index by index; single qubits repeat. */
function broadcastGate(
  ctx: LoweringContext,
  job: {
    readonly call: GateCall
    readonly operation: Instruction
    readonly operands: readonly ResolvedQubits[]
  },
): void {
  let length = -1
  const used = new Set<number>()
  for (const operand of job.operands) {
    const first = typeof operand === 'number' ? operand : operand.start
    const size = typeof operand === 'number' ? 1 : operand.size
    if (typeof operand !== 'number') {
      if (length !== -1 && length !== size) {
        ctx.error(
          'qasm2.semantic.broadcast-mismatch',
          'cannot broadcast over registers of different sizes',
          job.call,
        )
        return
      }
      length = size
    }
    for (let i = first; i < first + size; i++) {
      if (used.has(i)) {
        duplicate(ctx, job.call)
        return
      }
      used.add(i)
    }
  }
  for (let i = 0; i < length; i++) {
    const qubits = job.operands.map((operand) =>
      typeof operand === 'number' ? operand : operand.start + i,
    )
    append(ctx, job.operation, { qubits })
  }
}

function duplicate(ctx: LoweringContext, call: GateCall): void {
  ctx.error('qasm2.semantic.duplicate-qubit', 'duplicate qubits in gate application', call)
}

function hasDuplicates(qubits: readonly number[]): boolean {
  const n = qubits.length
  if (n < 2) return false
  if (n === 2) return qubits[0] === qubits[1]
  return new Set(qubits).size !== n
}

function lowerMeasure(ctx: LoweringContext, node: MeasureNode): void {
  const qubit = resolveOperand(ctx, node.qubit, 'qreg')
  const clbit = resolveOperand(ctx, node.clbit, 'creg')
  if (qubit === undefined || clbit === undefined) return
  if (typeof qubit === 'number' && typeof clbit === 'number') {
    append(ctx, MEASURE, { qubits: [qubit], clbits: [clbit] })
  } else if (typeof qubit !== 'number' && typeof clbit !== 'number' && qubit.size === clbit.size) {
    for (let i = 0; i < qubit.size; i++) {
      append(ctx, MEASURE, { qubits: [qubit.start + i], clbits: [clbit.start + i] })
    }
  } else {
    ctx.error(
      'qasm2.semantic.broadcast-mismatch',
      'cannot resolve the broadcast in this measurement',
      node,
    )
  }
}

function lowerReset(ctx: LoweringContext, node: ResetNode): void {
  const qubit = resolveOperand(ctx, node.qubit, 'qreg')
  if (qubit === undefined) return
  if (typeof qubit === 'number') {
    append(ctx, RESET, { qubits: [qubit] })
    return
  }
  for (let i = 0; i < qubit.size; i++) append(ctx, RESET, { qubits: [qubit.start + i] })
}

/** A barrier on its operands' qubits (each once, in order), or on every qubit if it has none. */
function lowerBarrier(ctx: LoweringContext, node: BarrierNode): void {
  let qubits: number[]
  if (node.operands.length === 0) {
    qubits = Array.from({ length: ctx.numQubits }, (_, i) => i)
  } else {
    const seen = new Set<number>()
    for (const operand of node.operands) {
      const resolved = resolveOperand(ctx, operand, 'qreg')
      if (resolved === undefined) return
      if (typeof resolved === 'number') seen.add(resolved)
      else for (let i = 0; i < resolved.size; i++) seen.add(resolved.start + i)
    }
    qubits = [...seen]
  }
  if (qubits.length > 0) append(ctx, new Barrier(qubits.length), { qubits })
}

function lowerRegister(ctx: LoweringContext, node: RegisterDeclaration): void {
  const name = node.name.name
  if (ctx.symbols.has(name)) {
    ctx.error('qasm2.semantic.redefinition', `'${name}' is already defined`, node.name)
    return
  }
  if (node.size > MAX_REGISTER_SIZE) {
    ctx.error(
      'qasm2.semantic.register-too-large',
      `registers may hold at most ${MAX_REGISTER_SIZE} bits`,
      node,
    )
    return
  }
  if (node.kind === 'qreg') {
    const register = new QuantumRegister(node.size, name)
    ctx.circuit.addRegister(register)
    ctx.symbols.set(name, { kind: 'qreg', start: ctx.numQubits, size: node.size, register })
    ctx.numQubits += node.size
  } else {
    const register = new ClassicalRegister(node.size, name)
    ctx.circuit.addRegister(register)
    ctx.symbols.set(name, { kind: 'creg', start: ctx.numClbits, size: node.size, register })
    ctx.numClbits += node.size
  }
}

function lowerIf(ctx: LoweringContext, node: IfStatement): void {
  const symbol = ctx.symbols.get(node.register.name)
  if (symbol?.kind !== 'creg') {
    const isUndefined = symbol === undefined
    ctx.error(
      isUndefined ? 'qasm2.semantic.undefined-register' : 'qasm2.semantic.wrong-kind',
      isUndefined
        ? `'${node.register.name}' is not defined in this scope`
        : `'${node.register.name}' is not a classical register`,
      node.register,
    )
    return
  }
  ctx.condition = registerCondition(symbol.register, node.value)
  try {
    lowerStatement(ctx, node.body)
  } finally {
    ctx.condition = undefined
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
