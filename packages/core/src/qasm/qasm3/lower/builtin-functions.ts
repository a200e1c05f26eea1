import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import {
  acos,
  asin,
  atan,
  cos,
  exp,
  log,
  powValues,
  sin,
  sqrt,
  tan,
} from '../../../circuit/parameter-functions.js'
import type { TextSpan } from '../ast.js'
import { fail } from './lowering-error.js'
import {
  bitsValue,
  intValue,
  realValue,
  staticBigInt,
  staticInteger,
  staticNumber,
  type Value,
} from './values.js'

/** The constants OpenQASM 3 predefines (unless a program shadows them). */
export const BUILTIN_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['π', Math.PI],
  ['tau', 2 * Math.PI],
  ['τ', 2 * Math.PI],
  ['euler', Math.E],
  ['ℇ', Math.E],
])

const SYMBOLIC: ReadonlyMap<string, (x: ParameterValue) => ParameterValue> = new Map([
  ['sin', sin],
  ['cos', cos],
  ['tan', tan],
  ['arcsin', asin],
  ['arccos', acos],
  ['arctan', atan],
  ['exp', exp],
  ['log', log],
  ['sqrt', sqrt],
])

/** Whether `name` is one of the built-in functions. */
export function isBuiltinFunction(name: string): boolean {
  return SYMBOLIC.has(name) || STATIC.has(name)
}

function arity(
  name: string,
  args: readonly Value[],
  expected: { count: number; span: TextSpan },
): void {
  const { count, span } = expected
  if (args.length !== count) {
    fail(
      'qasm3.semantic.wrong-argument-count',
      `'${name}' takes ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`,
      span,
    )
  }
}

function rotate(args: readonly Value[], span: TextSpan, isLeft: boolean): Value {
  const [bits, amount] = args as [Value, Value]
  if (bits.kind !== 'bits') {
    return fail('qasm3.semantic.type-mismatch', 'rotl/rotr take a bit register', span)
  }
  const width = BigInt(bits.width)
  const n = ((BigInt(staticInteger(amount, span)) % width) + width) % width
  const k = isLeft ? n : (width - n) % width
  return bitsValue((bits.value << k) | (bits.value >> (width - k)), bits.width)
}

const STATIC: ReadonlyMap<
  string,
  { arity: number; apply: (args: readonly Value[], span: TextSpan) => Value }
> = new Map([
  ['ceiling', { arity: 1, apply: (a, s) => intValue(Math.ceil(staticNumber(a[0]!, s))) }],
  ['floor', { arity: 1, apply: (a, s) => intValue(Math.floor(staticNumber(a[0]!, s))) }],
  [
    'mod',
    {
      arity: 2,
      apply: (a, s) => {
        const [x, y] = [staticNumber(a[0]!, s), staticNumber(a[1]!, s)]
        const m = x - y * Math.floor(x / y)
        return Number.isInteger(m) ? intValue(m) : realValue(m)
      },
    },
  ],
  [
    'popcount',
    {
      arity: 1,
      apply: (a, s) =>
        intValue([...staticBigInt(a[0]!, s).toString(2)].filter((c) => c === '1').length),
    },
  ],
  ['rotl', { arity: 2, apply: (a, s) => rotate(a, s, true) }],
  ['rotr', { arity: 2, apply: (a, s) => rotate(a, s, false) }],
])

/**
 * Calls a built-in function: the math functions (symbolic where their argument is), `pow`,
 * `ceiling`, `floor`, `mod`, `popcount`, `rotl`, `rotr`.
 *
 * @param name - the function
 * @param args - the evaluated arguments
 * @param span - the call, for errors
 * @returns the result
 * @throws LoweringError for a wrong argument count or an unsupported function
 */
export function callBuiltin(name: string, args: readonly Value[], span: TextSpan): Value {
  const symbolic = SYMBOLIC.get(name)
  if (symbolic !== undefined) {
    arity(name, args, { count: 1, span })
    const x = args[0]!
    return realValue(symbolic(x.kind === 'number' ? x.value : staticNumber(x, span)))
  }
  if (name === 'pow') {
    arity(name, args, { count: 2, span })
    const [x, y] = args as [Value, Value]
    const base = x.kind === 'number' ? x.value : staticNumber(x, span)
    const exponent = y.kind === 'number' ? y.value : staticNumber(y, span)
    const isInt = x.kind === 'number' && x.isInt && y.kind === 'number' && y.isInt
    const value = powValues(base, exponent)
    return {
      kind: 'number',
      value,
      isInt: isInt && typeof value === 'number' && Number.isInteger(value),
    }
  }
  const fixed = STATIC.get(name)
  if (fixed === undefined) {
    return fail('qasm3.unsupported.function', `the function '${name}' is not supported`, span)
  }
  arity(name, args, { count: fixed.arity, span })
  return fixed.apply(args, span)
}
