import { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import type { Identifier, Operand, Spanned } from './ast.js'
import type { CregSymbol, GateSymbol, LoweringContext, QregSymbol } from './lowering-context.js'

const NO_PARAMS: readonly ParameterValue[] = Object.freeze([])

/** How many distinct angles of one gate keep a shared instance (bounds the cache's memory). */
const MAX_SHARED_PER_GATE = 4096

/**
 * Resolves `q` or `q[i]` against the registers of one kind: a single bit comes back as its
 * index in the circuit, a whole register as its symbol (to broadcast over), an error as
 * `undefined` (reported).
 *
 * @param ctx - the lowering state
 * @param operand - the operand
 * @param kind - which kind of register it must name
 * @returns the bit index, the register symbol, or `undefined`
 */
export function resolveOperand(
  ctx: LoweringContext,
  operand: Operand,
  kind: 'qreg' | 'creg',
): number | QregSymbol | CregSymbol | undefined {
  const symbol = ctx.symbols.get(operand.name)
  if (symbol === undefined || symbol.kind === 'gate' || symbol.kind !== kind) {
    const what = kind === 'qreg' ? 'a quantum register' : 'a classical register'
    if (symbol === undefined) {
      ctx.error(
        'qasm2.semantic.undefined-register',
        `'${operand.name}' is not defined in this scope`,
        operand,
      )
    } else {
      ctx.error(
        'qasm2.semantic.wrong-kind',
        `'${operand.name}' is ${describe(symbol.kind)}, not ${what}`,
        operand,
      )
    }
    return undefined
  }
  const register = symbol
  const index = operand.index
  if (index === undefined) return register
  if (index >= register.size) {
    ctx.error(
      'qasm2.semantic.index-out-of-range',
      `index ${index} is out of range for register '${operand.name}' of size ${register.size}`,
      operand,
    )
    return undefined
  }
  return register.start + index
}

/**
 * Looks up a gate by name, reporting an undefined name or a name that is not a gate.
 *
 * @param ctx - the lowering state
 * @param name - the gate's name in the program
 * @returns the gate's symbol, or `undefined` (reported)
 */
export function lookupGate(ctx: LoweringContext, name: Identifier): GateSymbol | undefined {
  const symbol = ctx.symbols.get(name.name)
  if (symbol?.kind === 'gate') return symbol
  if (symbol !== undefined) {
    ctx.error(
      'qasm2.semantic.wrong-kind',
      `'${name.name}' is ${describe(symbol.kind)}, not a gate`,
      name,
    )
  } else if (ctx.isPendingCustom(name.name)) {
    ctx.error(
      'qasm2.semantic.undefined-gate',
      `the custom instruction '${name.name}' is not built in: declare it before use`,
      name,
    )
  } else {
    ctx.error('qasm2.semantic.undefined-gate', `'${name.name}' is not defined in this scope`, name)
  }
  return undefined
}

/**
 * Builds the operation of one gate application. Parameterless gates are built once and shared.
 * A user's custom constructor that throws or returns the wrong shape is reported.
 *
 * @param ctx - the lowering state
 * @param symbol - the gate
 * @param application - its parameter values, and where it is (for diagnostics)
 * @returns the operation, or `undefined` (reported)
 */
export function instantiate(
  ctx: LoweringContext,
  symbol: GateSymbol,
  application: { readonly params: readonly ParameterValue[]; readonly at: Spanned },
): Instruction | undefined {
  const { params, at } = application
  if (symbol.fixed !== undefined) return symbol.fixed
  if (symbol.custom === undefined) {
    if (symbol.numParams === 0) return (symbol.fixed = symbol.make(NO_PARAMS))
    if (symbol.numParams === 1) return sharedByValue(symbol, params)
    return symbol.make(params)
  }
  let operation: unknown
  try {
    operation = symbol.make(params)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    ctx.error(
      'qasm2.semantic.custom-instruction-failed',
      `the constructor of the custom instruction '${symbol.name}' failed: ${reason}`,
      at,
    )
    return undefined
  }
  if (
    !(operation instanceof Instruction) ||
    operation.numQubits !== symbol.numQubits ||
    operation.numClbits !== 0
  ) {
    ctx.error(
      'qasm2.semantic.custom-instruction-mismatch',
      `the constructor of the custom instruction '${symbol.name}' must return an instruction on ` +
        `${symbol.numQubits} qubits and no clbits`,
      at,
    )
    return undefined
  }
  if (symbol.numParams === 0) symbol.fixed = operation
  return operation
}

/** Operations are immutable, so equal one-parameter applications can share one instance. */
function sharedByValue(symbol: GateSymbol, params: readonly ParameterValue[]): Instruction {
  const value = params[0]
  if (typeof value !== 'number') return symbol.make(params)
  symbol.byValue ??= new Map()
  let operation = symbol.byValue.get(value)
  if (operation === undefined) {
    operation = symbol.make(params)
    if (symbol.byValue.size < MAX_SHARED_PER_GATE) symbol.byValue.set(value, operation)
  }
  return operation
}

function describe(kind: 'qreg' | 'creg' | 'gate'): string {
  if (kind === 'qreg') return 'a quantum register'
  return kind === 'creg' ? 'a classical register' : 'a gate'
}
