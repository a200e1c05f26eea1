import type { Parameter } from '../../../circuit/parameter.js'
import type {
  BinaryOperator,
  ExpressionNode,
  ParameterValue,
  UnaryOperator,
} from '../../../circuit/parameter-expression.js'
import { QasmExportError } from '../../qasm-error.js'

/** Binding strength, matching the parser: unary minus binds looser than `**`. */
const SUM = 1
const PRODUCT = 2
const NEGATION = 3
const POWER = 4
const ATOM = 5

const FUNCTIONS: Readonly<Record<Exclude<UnaryOperator, 'neg'>, string>> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  asin: 'arcsin',
  acos: 'arccos',
  atan: 'arctan',
  exp: 'exp',
  log: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
}

const BINARY: Readonly<Record<BinaryOperator, number>> = {
  '+': SUM,
  '-': SUM,
  '*': PRODUCT,
  '/': PRODUCT,
  '**': POWER,
}

interface Formatted {
  readonly text: string
  readonly precedence: number
}

/** `n*pi/d` when that evaluates (as the parser will) to exactly `magnitude`. */
function piFraction(magnitude: number): string | undefined {
  const ratio = magnitude / Math.PI
  for (let d = 1; d <= 16; d++) {
    const n = Math.round(ratio * d)
    if (n < 1 || n > 64 * d) continue
    const value = n === 1 ? Math.PI / d : (n * Math.PI) / d
    if (value !== magnitude) continue
    const numerator = n === 1 ? 'pi' : `${n}*pi`
    return d === 1 ? numerator : `${numerator}/${d}`
  }
  return undefined
}

function formatConstant(value: number): Formatted {
  if (!Number.isFinite(value))
    throw new QasmExportError(`cannot write the number ${value} in OpenQASM 3`)
  const magnitude = Math.abs(value)
  const text = Number.isInteger(magnitude)
    ? String(magnitude)
    : (piFraction(magnitude) ?? String(magnitude))
  if (value < 0) return { text: `-${text}`, precedence: NEGATION }
  return { text, precedence: text.includes('/') ? PRODUCT : text.includes('*') ? PRODUCT : ATOM }
}

/**
 * Writes a number so that the parser reads back exactly the same value: integers plainly,
 * exact rational multiples of π as `n*pi/d`, anything else in the shortest round-trip form.
 *
 * @param value - a finite number
 * @returns the OpenQASM 3 text
 * @throws QasmExportError for NaN or an infinity
 */
export function formatNumber(value: number): string {
  return formatConstant(value).text
}

function wrap(f: Formatted, atLeast: number): string {
  return f.precedence < atLeast ? `(${f.text})` : f.text
}

function format(node: ExpressionNode, name: (p: Parameter) => string): Formatted {
  switch (node.kind) {
    case 'const':
      return formatConstant(node.value)
    case 'param':
      return { text: name(node.param), precedence: ATOM }
    case 'unary': {
      const arg = format(node.arg, name)
      if (node.op !== 'neg') return { text: `${FUNCTIONS[node.op]}(${arg.text})`, precedence: ATOM }
      return { text: `-${wrap(arg, NEGATION + 1)}`, precedence: NEGATION }
    }
    case 'binary': {
      const p = BINARY[node.op]
      const left = format(node.left, name)
      const right = format(node.right, name)
      const leftText = wrap(left, node.op === '**' ? p + 1 : p)
      const rightMin = node.op === '-' || node.op === '/' ? p + 1 : p
      const rightText = right.precedence === NEGATION ? `(${right.text})` : wrap(right, rightMin)
      const separator = node.op === '+' || node.op === '-' ? ` ${node.op} ` : node.op
      return { text: `${leftText}${separator}${rightText}`, precedence: p }
    }
  }
}

/**
 * Writes a gate parameter: a number, or an expression with each parameter under the name the
 * exporter gave it.
 *
 * @param value - the value
 * @param name - the identifier of each parameter
 * @returns the OpenQASM 3 expression
 */
export function formatValue(value: ParameterValue, name: (p: Parameter) => string): string {
  if (typeof value === 'number') return formatConstant(value).text
  return format(value.node, name).text
}
