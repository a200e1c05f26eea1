import { applyBinary, applyUnary, type ParameterValue } from './parameter-expression.js'
import { formatNumber } from './expression-format.js'

/** `sin(x)`: a number for a number, else an expression. */
export function sin(x: ParameterValue): ParameterValue {
  return applyUnary('sin', x)
}
/** `cos(x)`: a number for a number, else an expression. */
export function cos(x: ParameterValue): ParameterValue {
  return applyUnary('cos', x)
}
/** `tan(x)`: a number for a number, else an expression. */
export function tan(x: ParameterValue): ParameterValue {
  return applyUnary('tan', x)
}
/** `asin(x)`: a number for a number, else an expression. */
export function asin(x: ParameterValue): ParameterValue {
  return applyUnary('asin', x)
}
/** `acos(x)`: a number for a number, else an expression. */
export function acos(x: ParameterValue): ParameterValue {
  return applyUnary('acos', x)
}
/** `atan(x)`: a number for a number, else an expression. */
export function atan(x: ParameterValue): ParameterValue {
  return applyUnary('atan', x)
}
/** `exp(x)`: a number for a number, else an expression. */
export function exp(x: ParameterValue): ParameterValue {
  return applyUnary('exp', x)
}
/** The natural logarithm: a number for a number, else an expression. */
export function log(x: ParameterValue): ParameterValue {
  return applyUnary('log', x)
}
/** `sqrt(x)`: a number for a number, else an expression. */
export function sqrt(x: ParameterValue): ParameterValue {
  return applyUnary('sqrt', x)
}
/** `|x|`: a number for a number, else an expression. */
export function abs(x: ParameterValue): ParameterValue {
  return applyUnary('abs', x)
}

/** `a + b` over parameter values: numbers stay numbers. */
export function addValues(a: ParameterValue, b: ParameterValue): ParameterValue {
  return applyBinary('+', a, b)
}
/** `a − b` over parameter values: numbers stay numbers. */
export function subValues(a: ParameterValue, b: ParameterValue): ParameterValue {
  return applyBinary('-', a, b)
}
/** `a × b` over parameter values: numbers stay numbers. */
export function mulValues(a: ParameterValue, b: ParameterValue): ParameterValue {
  return applyBinary('*', a, b)
}
/** `a ÷ b` over parameter values: numbers stay numbers. */
export function divValues(a: ParameterValue, b: ParameterValue): ParameterValue {
  return applyBinary('/', a, b)
}
/** `a ** b` over parameter values: numbers stay numbers. */
export function powValues(a: ParameterValue, b: ParameterValue): ParameterValue {
  return applyBinary('**', a, b)
}
/** `−a` over parameter values: numbers stay numbers. */
export function negValue(a: ParameterValue): ParameterValue {
  return applyUnary('neg', a)
}

/**
 * The number a value stands for.
 *
 * @param value - a number or a bound expression
 * @throws CircuitError `circuit.unbound-parameter` if the expression has free parameters
 */
export function valueToNumber(value: ParameterValue): number {
  return typeof value === 'number' ? value : value.numeric()
}

/**
 * A number for a bound expression, the value itself otherwise (folds `ParameterExpression`s
 * that no longer have free parameters).
 */
export function simplifyValue(value: ParameterValue): ParameterValue {
  return typeof value !== 'number' && value.isBound() ? value.numeric() : value
}

/** Whether `value` has free parameters. */
export function isSymbolic(value: ParameterValue): boolean {
  return typeof value !== 'number' && !value.isBound()
}

/**
 * Whether two values are equal: numbers within `1e-10`, expressions by `equals`.
 */
export function valuesEqual(a: ParameterValue, b: ParameterValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-10 || (Number.isNaN(a) && Number.isNaN(b))
  }
  return typeof a === 'number' ? (b as Exclude<ParameterValue, number>).equals(a) : a.equals(b)
}

/** The OpenQASM 3 text of a value (numbers as in `ParameterExpression.toString`). */
export function formatValue(value: ParameterValue): string {
  return typeof value === 'number' ? formatNumber(value) : value.toString()
}
