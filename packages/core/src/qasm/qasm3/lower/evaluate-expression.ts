import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import {
  addValues,
  divValues,
  mulValues,
  negValue,
  subValues,
} from '../../../circuit/parameter-functions.js'
import type { ArrayType, Expression, IndexExpression, ScalarType, TextSpan } from '../ast.js'
import { BUILTIN_CONSTANTS, callBuiltin } from './builtin-functions.js'
import type { LoweringContext } from './lowering-context.js'
import { fail, SilentAbort } from './lowering-error.js'
import { applyBinaryOperator, applyUnaryOperator } from './operators.js'
import {
  bitsValue,
  boolValue,
  castValue,
  intValue,
  parameterValue,
  realValue,
  staticInteger,
  type ClassicalType,
  type Value,
} from './values.js'

/**
 * The value of an identifier in an expression.
 *
 * @throws LoweringError for an unknown name, or one that is not a classical value known while
 *   lowering (qubits, clbits written at run time, gates)
 */
function identifierValue(ctx: LoweringContext, name: string, span: TextSpan): Value {
  const symbol = ctx.scope.lookup(name)
  if (symbol === undefined) {
    const constant = BUILTIN_CONSTANTS.get(name)
    if (constant !== undefined) return realValue(constant)
    return fail('qasm3.semantic.undefined-identifier', `'${name}' is not defined`, span)
  }
  switch (symbol.kind) {
    case 'value':
      return symbol.value
    case 'clbits':
      return fail(
        'qasm3.unsupported.runtime-value',
        `the value of '${name}' is only known at run time; it can only be used in a condition`,
        span,
      )
    case 'poisoned':
      throw new SilentAbort()
    case 'qubits':
    case 'gate':
    case 'subroutine':
    case 'extern':
      return fail('qasm3.semantic.type-mismatch', `'${name}' is not a classical value`, span)
  }
}

/** `value[i]` or `value[a:b]` of a bit string or integer. */
function indexValue(ctx: LoweringContext, expr: IndexExpression): Value {
  const target = evaluate(ctx, expr.target)
  const index = expr.index
  if (!Array.isArray(index) || index.length !== 1) {
    return fail(
      'qasm3.unsupported.array',
      'multi-dimensional and set indices of values are not supported',
      expr.span,
    )
  }
  const entry = (index as readonly Expression[])[0]!
  const width = target.kind === 'bits' ? target.width : 64
  const bits = target.kind === 'bits' ? target.value : BigInt(staticInteger(target, expr.span))
  if (entry.kind === 'RangeExpression') {
    const start =
      entry.start === undefined ? 0 : staticInteger(evaluate(ctx, entry.start), entry.span)
    const end =
      entry.end === undefined ? width - 1 : staticInteger(evaluate(ctx, entry.end), entry.span)
    if (entry.step !== undefined) {
      return fail(
        'qasm3.unsupported.array',
        'stepped slices of values are not supported',
        entry.span,
      )
    }
    return bitsValue(bits >> BigInt(start), end - start + 1)
  }
  let i = staticInteger(evaluate(ctx, entry), entry.span)
  if (i < 0) i += width
  if (i < 0 || i >= width) {
    fail(
      'qasm3.semantic.index-out-of-range',
      `index ${i} is out of range for ${width} bits`,
      entry.span,
    )
  }
  return bitsValue((bits >> BigInt(i)) & 1n, 1)
}

/**
 * A type with its designator evaluated.
 *
 * @throws LoweringError for arrays or a bad size
 */
export function classicalType(ctx: LoweringContext, type: ScalarType | ArrayType): ClassicalType {
  if (type.kind === 'ArrayType') {
    return fail('qasm3.unsupported.array', 'arrays are not supported in circuits', type.span)
  }
  if (type.size === undefined) return { name: type.name }
  const size = staticInteger(evaluate(ctx, type.size), type.size.span)
  if (size < 1)
    fail('qasm3.semantic.invalid-size', `a size must be positive, got ${size}`, type.size.span)
  return { name: type.name, size }
}

function callValue(
  ctx: LoweringContext,
  expr: Extract<Expression, { kind: 'CallExpression' }>,
): Value {
  const name = expr.callee.name
  const symbol = ctx.scope.lookup(name)
  if (symbol?.kind === 'extern') {
    return fail(
      'qasm3.unsupported.extern',
      `calls of the extern '${name}' cannot be lowered to a circuit`,
      expr.span,
    )
  }
  if (symbol?.kind === 'subroutine') {
    return fail(
      'qasm3.unsupported.subroutine-call',
      `the call of '${name}' can only be used as a statement or assigned to bits`,
      expr.span,
    )
  }
  const args = expr.args.map((a) => evaluate(ctx, a))
  return callBuiltin(name, args, expr.span)
}

/**
 * Evaluates an expression while lowering: constants, inputs and loop parameters (symbolic
 * numbers), tracked classical variables, operators, casts and built-in functions.
 *
 * @param ctx - the lowering context (scope)
 * @param expr - the expression
 * @returns its value
 * @throws LoweringError for run-time values, unsupported features and type errors;
 *   NeedsStaticError when a symbolic value is used where a concrete one is needed
 */
// eslint-disable-next-line complexity -- one case per expression kind
export function evaluate(ctx: LoweringContext, expr: Expression): Value {
  switch (expr.kind) {
    case 'IntegerLiteral':
      return intValue(expr.value)
    case 'FloatLiteral':
      return realValue(expr.value)
    case 'BooleanLiteral':
      return boolValue(expr.value)
    case 'BitstringLiteral':
      return bitsValue(expr.value === '' ? 0n : BigInt(`0b${expr.value}`), expr.value.length)
    case 'DurationLiteral':
      return { kind: 'duration', value: expr.value, unit: expr.unit === 'µs' ? 'us' : expr.unit }
    case 'Identifier':
      return identifierValue(ctx, expr.name, expr.span)
    case 'UnaryExpression':
      return applyUnaryOperator(expr.op, evaluate(ctx, expr.operand), expr.span)
    case 'BinaryExpression':
      return applyBinaryOperator(
        expr.op,
        [evaluate(ctx, expr.left), evaluate(ctx, expr.right)],
        expr.span,
      )
    case 'IndexExpression':
      return indexValue(ctx, expr)
    case 'CastExpression':
      return castValue(evaluate(ctx, expr.operand), classicalType(ctx, expr.type), expr.span)
    case 'CallExpression':
      return callValue(ctx, expr)
    case 'ImaginaryLiteral':
      return fail('qasm3.unsupported.complex', 'complex numbers are not supported', expr.span)
    case 'DurationOfExpression':
      return fail(
        'qasm3.unsupported.durationof',
        "'durationof' needs gate durations from a target",
        expr.span,
      )
    case 'ArrayLiteral':
      return fail('qasm3.unsupported.array', 'arrays are not supported in circuits', expr.span)
    case 'MeasureExpression':
      return fail(
        'qasm3.unsupported.measure-expression',
        "'measure' can only be assigned to bits",
        expr.span,
      )
    case 'ConcatenationExpression':
      return fail('qasm3.unsupported.concatenation', "'++' is only supported in aliases", expr.span)
    case 'HardwareQubit':
    case 'RangeExpression':
    case 'SetExpression':
      return fail('qasm3.semantic.invalid-expression', 'this is not a value', expr.span)
  }
}

/**
 * Evaluates a gate parameter: a fast path for literals, `pi` and arithmetic on them (the
 * common case of every gate line), the general evaluator otherwise.
 *
 * @param ctx - the lowering context
 * @param expr - the argument
 * @returns a number or a parameter expression
 */
export function evaluateParameter(ctx: LoweringContext, expr: Expression): ParameterValue {
  if (expr.kind === 'IntegerLiteral' || expr.kind === 'FloatLiteral') return expr.value
  if (expr.kind === 'UnaryExpression' && expr.op === '-') {
    return negValue(evaluateParameter(ctx, expr.operand))
  }
  if (expr.kind === 'BinaryExpression') {
    const { op } = expr
    if (op === '+' || op === '-' || op === '*' || op === '/') {
      const a = evaluateParameter(ctx, expr.left)
      const b = evaluateParameter(ctx, expr.right)
      if (op === '+') return addValues(a, b)
      if (op === '-') return subValues(a, b)
      return op === '*' ? mulValues(a, b) : divValues(a, b)
    }
  }
  return parameterValue(evaluate(ctx, expr), expr.span)
}

/**
 * Evaluates an integer (an index or size), with a fast path for literals.
 *
 * @throws LoweringError if it is not an integer; NeedsStaticError if it is symbolic
 */
export function evaluateInteger(ctx: LoweringContext, expr: Expression): number {
  if (expr.kind === 'IntegerLiteral') return expr.value
  return staticInteger(evaluate(ctx, expr), expr.span)
}
