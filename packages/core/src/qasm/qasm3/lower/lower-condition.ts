import {
  clbitCondition,
  registerCondition,
  type Condition,
  type ConditionOperator,
} from '../../../circuit/condition.js'
import type { BinaryOperator, Expression, TextSpan } from '../ast.js'
import { evaluate } from './evaluate-expression.js'
import type { LoweringContext } from './lowering-context.js'
import { fail } from './lowering-error.js'
import { resolveClbits, rootName, type BitList } from './operands.js'
import { staticBigInt, staticBool } from './values.js'

/** A condition decided while lowering, or one the circuit checks at run time. */
export type LoweredCondition =
  | { readonly kind: 'static'; readonly value: boolean }
  | { readonly kind: 'runtime'; readonly condition: Condition }

const NEGATED: Readonly<Record<ConditionOperator, ConditionOperator>> = {
  '==': '!=',
  '!=': '==',
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
}

const MIRRORED: Readonly<Record<ConditionOperator, ConditionOperator>> = {
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
}

function isComparison(op: BinaryOperator): op is ConditionOperator {
  return op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>='
}

/**
 * The run-time bits an operand of a condition reads: `c`, `c[1]`, `int[4](c)`, `bool(c[0])`.
 * Undefined when the operand is a compile-time value.
 */
function runtimeBits(ctx: LoweringContext, expr: Expression): BitList | undefined {
  if (expr.kind === 'CastExpression') {
    const inner = runtimeBits(ctx, expr.operand)
    if (inner === undefined) return undefined
    const type = expr.type
    if (
      type.kind === 'ScalarType' &&
      (type.name === 'int' || type.name === 'uint' || type.name === 'bit' || type.name === 'bool')
    ) {
      return inner
    }
    return fail(
      'qasm3.unsupported.condition',
      `bits cannot be read as ${type.kind === 'ScalarType' ? type.name : 'an array'} in a condition`,
      expr.span,
    )
  }
  if (expr.kind !== 'Identifier' && expr.kind !== 'IndexExpression') return undefined
  const root = rootName(expr)
  if (root === undefined || ctx.scope.lookup(root.name)?.kind !== 'clbits') return undefined
  return resolveClbits(ctx, expr)
}

function compare(op: ConditionOperator, a: bigint, b: bigint): boolean {
  switch (op) {
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '>':
      return a > b
    case '>=':
      return a >= b
  }
}

/** `bits op value` as a condition. */
function compareBits(
  bits: BitList,
  comparison: { op: ConditionOperator; value: bigint },
  span: TextSpan,
): LoweredCondition {
  const { op, value } = comparison
  if (bits.isSingle || (bits.register === undefined && bits.indices.length === 1)) {
    const whenZero = compare(op, 0n, value)
    const whenOne = compare(op, 1n, value)
    if (whenZero === whenOne) return { kind: 'static', value: whenZero }
    return { kind: 'runtime', condition: clbitCondition(bits.indices[0]!, whenOne) }
  }
  if (bits.register === undefined) {
    return fail(
      'qasm3.unsupported.condition',
      'a condition can test one bit or a whole register, not part of a register',
      span,
    )
  }
  if (value < 0n) {
    // A register reads as an unsigned integer: comparisons with negatives are fixed.
    return { kind: 'static', value: compare(op, 0n, value) && compare(op, 1n << 62n, value) }
  }
  return { kind: 'runtime', condition: registerCondition(bits.register, value, op) }
}

function negate(lowered: LoweredCondition): LoweredCondition {
  if (lowered.kind === 'static') return { kind: 'static', value: !lowered.value }
  const c = lowered.condition
  if (c.kind === 'clbit') return { kind: 'runtime', condition: clbitCondition(c.clbit, !c.value) }
  return { kind: 'runtime', condition: registerCondition(c.register, c.value, NEGATED[c.op]) }
}

function logical(
  ctx: LoweringContext,
  expr: Expression & { kind: 'BinaryExpression' },
): LoweredCondition {
  const left = lowerCondition(ctx, expr.left)
  const right = lowerCondition(ctx, expr.right)
  const isAnd = expr.op === '&&'
  for (const [a, b] of [
    [left, right],
    [right, left],
  ] as const) {
    if (a.kind === 'static') {
      if (a.value === isAnd) return b
      return a
    }
  }
  return fail(
    'qasm3.unsupported.condition',
    `'${expr.op}' of two run-time conditions is not supported`,
    expr.span,
  )
}

/**
 * Lowers the condition of `if`/`while`: a single bit (`c0`, `!c0`, `c[1] == 0`), a register
 * compared with an integer (`c == 5`, `int[4](c) != 0`, `3 < c`), or a compile-time value.
 *
 * @param ctx - the lowering context
 * @param expr - the condition
 * @returns the static truth value or the run-time condition
 * @throws LoweringError for conditions the circuit model cannot express
 */
export function lowerCondition(ctx: LoweringContext, expr: Expression): LoweredCondition {
  if (expr.kind === 'UnaryExpression' && expr.op === '!')
    return negate(lowerCondition(ctx, expr.operand))
  if (expr.kind === 'BinaryExpression' && (expr.op === '&&' || expr.op === '||'))
    return logical(ctx, expr)
  if (expr.kind === 'BinaryExpression' && isComparison(expr.op)) {
    const left = runtimeBits(ctx, expr.left)
    const right = runtimeBits(ctx, expr.right)
    if (left !== undefined && right !== undefined) {
      return fail(
        'qasm3.unsupported.condition',
        'a condition cannot compare two run-time values',
        expr.span,
      )
    }
    if (left !== undefined) {
      const value = staticBigInt(evaluate(ctx, expr.right), expr.right.span)
      return compareBits(left, { op: expr.op, value }, expr.span)
    }
    if (right !== undefined) {
      const value = staticBigInt(evaluate(ctx, expr.left), expr.left.span)
      return compareBits(right, { op: MIRRORED[expr.op], value }, expr.span)
    }
  }
  const bits = runtimeBits(ctx, expr)
  if (bits !== undefined) return compareBits(bits, { op: '!=', value: 0n }, expr.span)
  return { kind: 'static', value: staticBool(evaluate(ctx, expr), expr.span) }
}
