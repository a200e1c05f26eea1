import {
  applyBinary,
  applyUnary,
  type BinaryOperator as CircuitBinaryOperator,
  type ParameterValue,
  type UnaryOperator as CircuitUnaryOperator,
} from '../../circuit/parameter-expression.js'
import type { BinaryOperator, Expression, Qasm2Function } from './ast.js'

const NUMERIC_FUNCTIONS: Readonly<Record<Qasm2Function, (x: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  ln: Math.log,
  sqrt: Math.sqrt,
}

const SYMBOLIC_FUNCTIONS: Readonly<Record<Qasm2Function, CircuitUnaryOperator>> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  exp: 'exp',
  ln: 'log',
  sqrt: 'sqrt',
}

const SYMBOLIC_OPERATORS: Readonly<Record<BinaryOperator, CircuitBinaryOperator>> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '^': '**',
}

function numericBinary(operator: BinaryOperator, a: number, b: number): number {
  switch (operator) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return a / b
    case '^':
      return a ** b
  }
}

/**
 * Evaluates an expression of a gate body, with the gate's parameters bound to `args` (numbers
 * fold to numbers; symbolic arguments give a `ParameterExpression`). Names were checked when the
 * gate was defined, so an unknown name here is a bug.
 *
 * @param expression - the expression
 * @param args - the parameter values, by position
 * @param scope - parameter name → position (`undefined` at top level, where there are none)
 * @returns the value
 * @throws Error if a name is not in `scope` (checked beforehand by {@link foldExpression})
 */
export function evaluateExpression(
  expression: Expression,
  args: readonly ParameterValue[],
  scope: ReadonlyMap<string, number> | undefined,
): ParameterValue {
  switch (expression.kind) {
    case 'number':
      return expression.value
    case 'pi':
      return Math.PI
    case 'parameter': {
      const index = scope?.get(expression.name)
      const value = index === undefined ? undefined : args[index]
      if (value === undefined) throw new Error(`unbound parameter '${expression.name}'`)
      return value
    }
    case 'unary': {
      const operand = evaluateExpression(expression.operand, args, scope)
      if (expression.operator === '+') return operand
      return typeof operand === 'number' ? -operand : applyUnary('neg', operand)
    }
    case 'binary': {
      const left = evaluateExpression(expression.left, args, scope)
      const right = evaluateExpression(expression.right, args, scope)
      if (typeof left === 'number' && typeof right === 'number') {
        return numericBinary(expression.operator, left, right)
      }
      return applyBinary(SYMBOLIC_OPERATORS[expression.operator], left, right)
    }
    case 'call': {
      const argument = evaluateExpression(expression.argument, args, scope)
      return typeof argument === 'number'
        ? NUMERIC_FUNCTIONS[expression.callee](argument)
        : applyUnary(SYMBOLIC_FUNCTIONS[expression.callee], argument)
    }
  }
}

/** A problem found while folding: where, and the diagnostic to report. */
export interface FoldProblem {
  readonly code: string
  readonly message: string
  readonly start: number
  readonly end: number
}

/**
 * Checks an expression and folds its constant part, as Qiskit does while parsing: names must be
 * parameters in `scope`, and constant divisions by zero, `ln` of a non-positive number and
 * `sqrt` of a negative one are errors.
 *
 * @param expression - the expression
 * @param scope - the gate's parameter names (`undefined` at top level: no names allowed)
 * @param report - receives each problem
 * @returns the value if the expression is constant and valid, else `undefined`
 */
export function foldExpression(
  expression: Expression,
  scope: ReadonlyMap<string, number> | undefined,
  report: (problem: FoldProblem) => void,
): number | undefined {
  switch (expression.kind) {
    case 'number':
      return expression.value
    case 'pi':
      return Math.PI
    case 'parameter':
      if (scope?.has(expression.name) !== true) {
        report({
          code: 'qasm2.semantic.undefined-identifier',
          message:
            scope === undefined
              ? `'${expression.name}' is not defined: expressions outside gate bodies must be constant`
              : `'${expression.name}' is not a parameter of this gate`,
          start: expression.start,
          end: expression.end,
        })
      }
      return undefined
    case 'unary': {
      const operand = foldExpression(expression.operand, scope, report)
      if (operand === undefined) return undefined
      return expression.operator === '-' ? -operand : operand
    }
    case 'binary':
      return foldBinary(expression, scope, report)
    case 'call':
      return foldCall(expression, scope, report)
  }
}

function foldBinary(
  expression: Extract<Expression, { kind: 'binary' }>,
  scope: ReadonlyMap<string, number> | undefined,
  report: (problem: FoldProblem) => void,
): number | undefined {
  const left = foldExpression(expression.left, scope, report)
  const right = foldExpression(expression.right, scope, report)
  if (expression.operator === '/' && right === 0) {
    report({
      code: 'qasm2.semantic.division-by-zero',
      message: 'cannot divide by zero',
      start: expression.start,
      end: expression.end,
    })
    return undefined
  }
  if (left === undefined || right === undefined) return undefined
  return numericBinary(expression.operator, left, right)
}

function foldCall(
  expression: Extract<Expression, { kind: 'call' }>,
  scope: ReadonlyMap<string, number> | undefined,
  report: (problem: FoldProblem) => void,
): number | undefined {
  const argument = foldExpression(expression.argument, scope, report)
  if (argument === undefined) return undefined
  const isOutOfDomain =
    (expression.callee === 'ln' && !(argument > 0)) ||
    (expression.callee === 'sqrt' && !(argument >= 0))
  if (isOutOfDomain) {
    const what = expression.callee === 'ln' ? 'ln of the non-positive' : 'sqrt of the negative'
    report({
      code: 'qasm2.semantic.math-domain',
      message: `cannot take ${what} number ${argument}`,
      start: expression.start,
      end: expression.end,
    })
    return undefined
  }
  return NUMERIC_FUNCTIONS[expression.callee](argument)
}
