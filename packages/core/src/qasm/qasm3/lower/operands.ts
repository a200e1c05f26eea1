import type { ClassicalRegister } from '../../../circuit/register.js'
import type { Expression, GateOperand, IndexExpression, RangeExpression, TextSpan } from '../ast.js'
import { evaluateInteger } from './evaluate-expression.js'
import type { LoweringContext } from './lowering-context.js'
import { fail, SilentAbort } from './lowering-error.js'
import type { ClbitsSymbol, QubitsSymbol, ScopeSymbol } from './scope.js'

/** Bits an operand names: global indices, and whether it is one bit rather than a register. */
export interface BitList {
  readonly indices: readonly number[]
  readonly isSingle: boolean
  /** The classical register the bits form exactly, if any. */
  readonly register?: ClassicalRegister
}

function wrap(index: number, size: number, span: TextSpan): number {
  const i = index < 0 ? index + size : index
  if (i < 0 || i >= size) {
    fail(
      'qasm3.semantic.index-out-of-range',
      `index ${index} is out of range for size ${size}`,
      span,
    )
  }
  return i
}

function slice(ctx: LoweringContext, indices: readonly number[], range: RangeExpression): number[] {
  const size = indices.length
  const step = range.step === undefined ? 1 : evaluateInteger(ctx, range.step)
  if (step === 0) fail('qasm3.semantic.invalid-range', 'a range step cannot be 0', range.span)
  const start =
    range.start === undefined ? (step > 0 ? 0 : size - 1) : evaluateInteger(ctx, range.start)
  const end = range.end === undefined ? (step > 0 ? size - 1 : 0) : evaluateInteger(ctx, range.end)
  const out: number[] = []
  const first = wrap(start, size, range.span)
  const last = wrap(end, size, range.span)
  for (let i = first; step > 0 ? i <= last : i >= last; i += step) out.push(indices[i]!)
  return out
}

/**
 * Applies an index operator to a list of bits.
 *
 * @throws LoweringError for an index out of range or a multi-dimensional index
 */
function applyIndex(ctx: LoweringContext, bits: BitList, expr: IndexExpression): BitList {
  const { indices } = bits
  const index = expr.index
  if (!Array.isArray(index)) {
    const set = index as Extract<IndexExpression['index'], { kind: 'SetExpression' }>
    const picked = set.elements.map(
      (e) => indices[wrap(evaluateInteger(ctx, e), indices.length, e.span)]!,
    )
    return { indices: picked, isSingle: false }
  }
  const entries = index as readonly (Expression | RangeExpression)[]
  if (entries.length !== 1) {
    return fail('qasm3.semantic.invalid-index', 'registers take one index', expr.span)
  }
  if (bits.isSingle)
    fail('qasm3.semantic.invalid-index', 'a single bit cannot be indexed', expr.span)
  const entry = entries[0]!
  if (entry.kind === 'RangeExpression')
    return { indices: slice(ctx, indices, entry), isSingle: false }
  const i = wrap(evaluateInteger(ctx, entry), indices.length, entry.span)
  return { indices: [indices[i]!], isSingle: true }
}

function symbolOf(ctx: LoweringContext, name: string, span: TextSpan): ScopeSymbol {
  return ctx.scope.require(name, span)
}

/**
 * The qubits a gate operand names.
 *
 * @param ctx - the lowering context
 * @param operand - `q`, `q[1]`, `q[0:2]`, `q[{0, 2}]` or `$3`
 * @returns the qubits
 * @throws LoweringError for unknown names, non-qubits and bad indices
 */
export function resolveQubits(ctx: LoweringContext, operand: GateOperand | Expression): BitList {
  if (operand.kind === 'Identifier') {
    const symbol = symbolOf(ctx, operand.name, operand.span)
    if (symbol.kind !== 'qubits') {
      return fail(
        'qasm3.semantic.not-a-qubit',
        `'${operand.name}' is not a qubit or qubit register`,
        operand.span,
      )
    }
    return symbol
  }
  if (operand.kind === 'IndexExpression') {
    // The common case `q[3]`: one literal index into a register.
    const target = operand.target
    const index = operand.index
    if (target.kind === 'Identifier' && Array.isArray(index) && index.length === 1) {
      const entry = (index as readonly Expression[])[0]!
      const symbol = entry.kind === 'IntegerLiteral' ? ctx.scope.lookup(target.name) : undefined
      if (symbol?.kind === 'qubits' && !symbol.isSingle && entry.kind === 'IntegerLiteral') {
        const i = wrap(entry.value, symbol.indices.length, entry.span)
        return ctx.singleQubit(symbol.indices[i]!)
      }
    }
    return applyIndex(ctx, resolveQubits(ctx, operand.target), operand)
  }
  if (operand.kind === 'HardwareQubit') {
    return { indices: [ctx.hardwareQubitIndex(operand.index, operand.span)], isSingle: true }
  }
  return fail('qasm3.semantic.not-a-qubit', 'expected qubits', operand.span)
}

/**
 * The clbits a measurement target or condition names, or `undefined` when the name is a
 * classical value tracked at compile time (a `bit` variable not yet written by a measurement).
 *
 * @throws LoweringError for unknown names, non-bits and bad indices
 */
export function resolveClbits(ctx: LoweringContext, expr: Expression): BitList | undefined {
  if (expr.kind === 'Identifier') {
    const symbol = ctx.scope.lookup(expr.name)
    if (symbol === undefined) {
      return fail('qasm3.semantic.undefined-identifier', `'${expr.name}' is not defined`, expr.span)
    }
    if (symbol.kind === 'poisoned') throw new SilentAbort()
    if (symbol.kind === 'value') return undefined
    if (symbol.kind !== 'clbits') {
      return fail(
        'qasm3.semantic.not-a-bit',
        `'${expr.name}' is not a bit or bit register`,
        expr.span,
      )
    }
    return symbol
  }
  if (expr.kind === 'IndexExpression') {
    const target = resolveClbits(ctx, expr.target)
    return target === undefined ? undefined : applyIndex(ctx, target, expr)
  }
  return fail('qasm3.semantic.not-a-bit', 'expected bits', expr.span)
}

/** The qubits or clbits an alias (`let`) value names. */
export function resolveAlias(
  ctx: LoweringContext,
  expr: Expression,
): { kind: 'qubits'; bits: QubitsSymbol } | { kind: 'clbits'; bits: ClbitsSymbol } {
  if (expr.kind === 'ConcatenationExpression') {
    const parts = expr.parts.map((p) => resolveAlias(ctx, p))
    const kind = parts[0]!.kind
    if (parts.some((p) => p.kind !== kind)) {
      fail('qasm3.semantic.type-mismatch', 'cannot concatenate qubits with bits', expr.span)
    }
    const indices = parts.flatMap((p) => p.bits.indices)
    return kind === 'qubits'
      ? { kind, bits: { kind: 'qubits', indices, isSingle: false } }
      : { kind, bits: { kind: 'clbits', indices, isSingle: false } }
  }
  const root = rootName(expr)
  const symbol = root === undefined ? undefined : ctx.scope.lookup(root.name)
  if (symbol?.kind === 'clbits') {
    const bits = resolveClbits(ctx, expr)!
    return {
      kind: 'clbits',
      bits: { kind: 'clbits', indices: bits.indices, isSingle: bits.isSingle },
    }
  }
  const bits = resolveQubits(ctx, expr)
  return {
    kind: 'qubits',
    bits: { kind: 'qubits', indices: bits.indices, isSingle: bits.isSingle },
  }
}

/** The identifier an (indexed) operand starts with. */
export function rootName(expr: Expression): { name: string; span: TextSpan } | undefined {
  let e: Expression = expr
  while (e.kind === 'IndexExpression') e = e.target
  return e.kind === 'Identifier' ? { name: e.name, span: e.span } : undefined
}
