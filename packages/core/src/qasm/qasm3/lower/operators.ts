import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import {
  addValues,
  divValues,
  mulValues,
  negValue,
  powValues,
  subValues,
} from '../../../circuit/parameter-functions.js'
import type { BinaryOperator, TextSpan, UnaryOperator } from '../ast.js'
import { fail } from './lowering-error.js'
import {
  bitsValue,
  boolValue,
  intValue,
  realValue,
  staticBigInt,
  staticBool,
  staticNumber,
  type DurationUnit,
  type Value,
} from './values.js'

/** Two operands of a binary operator. */
type Operands = readonly [Value, Value]

const SECONDS: Readonly<Record<DurationUnit, number>> = {
  dt: Number.NaN,
  s: 1,
  ms: 1e-3,
  us: 1e-6,
  ns: 1e-9,
  ps: 1e-12,
}

const COMPARISONS: Readonly<Record<string, (a: number | bigint, b: number | bigint) => boolean>> = {
  '==': (a, b) => a === b || (typeof a !== typeof b && Number(a) === Number(b)),
  '!=': (a, b) => !(a === b || (typeof a !== typeof b && Number(a) === Number(b))),
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
}

const BITWISE: Readonly<Record<string, (a: bigint, b: bigint) => bigint>> = {
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => a << b,
  '>>': (a, b) => a >> b,
}

/** Arithmetic over parameter values (symbolic where an operand is). */
const ARITHMETIC: Readonly<
  Record<string, (a: ParameterValue, b: ParameterValue) => ParameterValue>
> = {
  '+': addValues,
  '-': subValues,
  '*': mulValues,
  '/': divValues,
  '**': powValues,
}

/**
 * Applies a unary operator to a value.
 *
 * @throws LoweringError `qasm3.semantic.type-mismatch`; NeedsStaticError for `!`/`~` of a
 *   symbolic value
 */
export function applyUnaryOperator(op: UnaryOperator, value: Value, span: TextSpan): Value {
  if (op === '!') return boolValue(!staticBool(value, span))
  if (op === '~') {
    if (value.kind === 'bits') return bitsValue(~value.value, value.width)
    return intValue(Number(~staticBigInt(value, span)))
  }
  if (value.kind === 'number') return { ...value, value: negValue(value.value) }
  if (value.kind === 'duration') return { ...value, value: -value.value }
  return intValue(-staticNumber(value, span))
}

/** Durations in a common unit: the same unit as given, else seconds. */
function durationPair(operands: Operands, span: TextSpan): [number, number, DurationUnit] {
  const [a, b] = operands
  if (a.kind !== 'duration' || b.kind !== 'duration') {
    return fail(
      'qasm3.semantic.type-mismatch',
      'cannot combine a duration with a number here',
      span,
    )
  }
  if (a.unit === b.unit) return [a.value, b.value, a.unit]
  if (a.unit === 'dt' || b.unit === 'dt') {
    return fail('qasm3.unsupported.duration-units', "cannot mix 'dt' with SI durations", span)
  }
  return [a.value * SECONDS[a.unit], b.value * SECONDS[b.unit], 's']
}

function durationArithmetic(op: BinaryOperator, operands: Operands, span: TextSpan): Value {
  const [a, b] = operands
  const comparison = COMPARISONS[op]
  if (comparison !== undefined) {
    const [x, y] = durationPair(operands, span)
    return boolValue(comparison(x, y))
  }
  if (op === '+' || op === '-') {
    const [x, y, unit] = durationPair(operands, span)
    return { kind: 'duration', value: op === '+' ? x + y : x - y, unit }
  }
  if (op === '*' && a.kind === 'duration' && b.kind !== 'duration') {
    return { ...a, value: a.value * staticNumber(b, span) }
  }
  if (op === '*' && b.kind === 'duration' && a.kind !== 'duration') {
    return { ...b, value: b.value * staticNumber(a, span) }
  }
  if (op === '/' && a.kind === 'duration') {
    if (b.kind !== 'duration') return { ...a, value: a.value / staticNumber(b, span) }
    const [x, y] = durationPair(operands, span)
    return realValue(x / y)
  }
  return fail('qasm3.semantic.type-mismatch', `'${op}' does not apply to durations`, span)
}

function isIntegral(value: Value): boolean {
  return value.kind === 'bits' || (value.kind === 'number' && value.isInt)
}

function arithmetic(op: BinaryOperator, operands: Operands, span: TextSpan): Value {
  const [a, b] = operands
  const isInt = isIntegral(a) && isIntegral(b)
  if (op === '%') {
    return { kind: 'number', value: staticNumber(a, span) % staticNumber(b, span), isInt }
  }
  const x = a.kind === 'number' ? a.value : staticNumber(a, span)
  const y = b.kind === 'number' ? b.value : staticNumber(b, span)
  const value = ARITHMETIC[op]!(x, y)
  if (op !== '/' && op !== '**') return { kind: 'number', value, isInt }
  // A quotient or power of integers that is exact stays an integer (so `(d - 3) / 2` can
  // index); other results are real, as Qiskit's importer evaluates `3 / 5`.
  return {
    kind: 'number',
    value,
    isInt: isInt && typeof value === 'number' && Number.isInteger(value),
  }
}

/**
 * Applies a binary operator: arithmetic (symbolic where the operands are), comparisons and
 * logic (compile-time values only), bitwise operations, and duration arithmetic.
 *
 * @param op - the operator
 * @param operands - the left and right values
 * @param span - the expression, for errors
 * @returns the result
 * @throws LoweringError `qasm3.semantic.type-mismatch`; NeedsStaticError for a comparison of
 *   symbolic values
 */
export function applyBinaryOperator(op: BinaryOperator, operands: Operands, span: TextSpan): Value {
  const [a, b] = operands
  if (a.kind === 'duration' || b.kind === 'duration') return durationArithmetic(op, operands, span)
  if (op === '&&') return boolValue(staticBool(a, span) && staticBool(b, span))
  if (op === '||') return boolValue(staticBool(a, span) || staticBool(b, span))
  const bitwise = BITWISE[op]
  if (bitwise !== undefined) {
    const r = bitwise(staticBigInt(a, span), staticBigInt(b, span))
    return a.kind === 'bits' ? bitsValue(r, a.width) : intValue(Number(r))
  }
  const comparison = COMPARISONS[op]
  if (comparison !== undefined) {
    if (a.kind === 'bits' || b.kind === 'bits') {
      return boolValue(comparison(staticBigInt(a, span), staticBigInt(b, span)))
    }
    return boolValue(comparison(staticNumber(a, span), staticNumber(b, span)))
  }
  return arithmetic(op, operands, span)
}
