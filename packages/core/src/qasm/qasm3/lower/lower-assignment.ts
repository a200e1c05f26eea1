import type { AssignmentStatement, BinaryOperator, Expression, TextSpan } from '../ast.js'
import { evaluate, evaluateInteger } from './evaluate-expression.js'
import { calledSubroutine } from './lower-declarations.js'
import { emitMeasure, writableClbits } from './lower-measure.js'
import { inlineSubroutine } from './lower-subroutine.js'
import type { LoweringContext } from './lowering-context.js'
import { fail, needsStatic } from './lowering-error.js'
import { resolveQubits, rootName } from './operands.js'
import { applyBinaryOperator } from './operators.js'
import type { ValueSymbol } from './scope.js'
import { bitsValue, castValue, staticBigInt, type Value } from './values.js'

/** `x op= y` → the binary operator. */
function compoundOperator(op: AssignmentStatement['op'], span: TextSpan): BinaryOperator {
  const binary = op.slice(0, -1)
  if (binary === '~')
    fail('qasm3.semantic.invalid-operator', "'~=' is not a binary operation", span)
  return binary as BinaryOperator
}

/** Writes `value` into bit `index` of a tracked bit string or integer. */
function withBit(current: Value, write: { index: number; value: Value }, span: TextSpan): Value {
  const { index, value } = write
  const bit = staticBigInt(value, span) & 1n
  const width = current.kind === 'bits' ? current.width : 64
  const i = index < 0 ? index + width : index
  if (i < 0 || i >= width)
    fail('qasm3.semantic.index-out-of-range', `index ${index} is out of range`, span)
  const cleared = staticBigInt(current, span) & ~(1n << BigInt(i))
  const updated = cleared | (bit << BigInt(i))
  return current.kind === 'bits'
    ? bitsValue(updated, current.width)
    : { kind: 'number', value: Number(updated), isInt: true }
}

/** Assigns to a classical variable tracked at compile time. */
function assignValue(ctx: LoweringContext, symbol: ValueSymbol, node: AssignmentStatement): void {
  const name = rootName(node.target)!.name
  if (symbol.isConst)
    fail('qasm3.semantic.assign-to-const', `'${name}' is a constant`, node.target.span)
  if (symbol.level !== ctx.dynamicLevel) {
    needsStatic(
      `'${name}' cannot change inside a body that runs conditionally at run time`,
      node.span,
      'qasm3.unsupported.classical-assignment',
    )
  }
  let value = evaluate(ctx, node.value)
  const target = node.target
  if (target.kind === 'IndexExpression') {
    const entries = Array.isArray(target.index) ? (target.index as readonly Expression[]) : []
    const entry = entries[0]
    if (
      target.target.kind !== 'Identifier' ||
      entries.length !== 1 ||
      entry === undefined ||
      entry.kind === 'RangeExpression'
    ) {
      return fail(
        'qasm3.unsupported.array',
        'only single bits of a variable can be assigned',
        target.span,
      )
    }
    if (node.op !== '=')
      fail('qasm3.unsupported.classical-assignment', 'compound assignment to a bit', node.span)
    symbol.value = withBit(symbol.value, { index: evaluateInteger(ctx, entry), value }, node.span)
    return
  }
  if (node.op !== '=')
    value = applyBinaryOperator(
      compoundOperator(node.op, node.span),
      [symbol.value, value],
      node.span,
    )
  symbol.value = symbol.type === undefined ? value : castValue(value, symbol.type, node.value.span)
}

/**
 * Lowers an assignment: a measurement or a subroutine result into bits, or a compile-time
 * update of a classical variable. Bits cannot be set from classical values in a circuit.
 *
 * @param ctx - the lowering context
 * @param node - the assignment
 * @throws LoweringError for constants, run-time values and unsupported targets
 */
export function lowerAssignment(ctx: LoweringContext, node: AssignmentStatement): void {
  const value = node.value
  if (value.kind === 'MeasureExpression') {
    if (node.op !== '=')
      fail(
        'qasm3.semantic.invalid-operator',
        "a measurement can only be assigned with '='",
        node.span,
      )
    const qubits = resolveQubits(ctx, value.operand)
    emitMeasure(ctx, { qubits, clbits: writableClbits(ctx, node.target) }, node.span)
    return
  }
  const subroutine = calledSubroutine(ctx, value)
  if (subroutine !== undefined && value.kind === 'CallExpression') {
    if (node.op !== '=')
      fail(
        'qasm3.semantic.invalid-operator',
        "a call result can only be assigned with '='",
        node.span,
      )
    const target = writableClbits(ctx, node.target)
    inlineSubroutine(ctx, subroutine, { args: value.args, target, span: value.span })
    return
  }
  if (value.kind === 'CallExpression' && ctx.scope.lookup(value.callee.name)?.kind === 'extern') {
    fail(
      'qasm3.unsupported.extern',
      `calls of the extern '${value.callee.name}' cannot be lowered to a circuit`,
      value.span,
    )
  }
  const root = rootName(node.target)!
  const symbol = ctx.scope.require(root.name, root.span)
  if (symbol.kind === 'clbits') {
    fail(
      'qasm3.unsupported.classical-assignment',
      `'${root.name}' holds run-time bits: only measurements can write it in a circuit`,
      node.span,
    )
  }
  if (symbol.kind !== 'value')
    fail('qasm3.semantic.not-assignable', `'${root.name}' cannot be assigned`, root.span)
  assignValue(ctx, symbol, node)
}
