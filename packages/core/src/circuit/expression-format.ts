import type { BinaryOperator, ExpressionNode, UnaryOperator } from './parameter-expression.js'

/** Binding strength: higher binds tighter. */
const PRECEDENCE = { sum: 1, product: 2, negation: 3, power: 4, atom: 5 } as const

/** OpenQASM 3 spellings of the unary functions. */
const FUNCTION_NAMES: Record<Exclude<UnaryOperator, 'neg'>, string> = {
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

const BINARY_PRECEDENCE: Record<BinaryOperator, number> = {
  '+': PRECEDENCE.sum,
  '-': PRECEDENCE.sum,
  '*': PRECEDENCE.product,
  '/': PRECEDENCE.product,
  '**': PRECEDENCE.power,
}

interface Formatted {
  readonly text: string
  readonly precedence: number
}

/**
 * Writes a number as an OpenQASM literal: integers plainly, simple rational multiples of π as
 * `pi` fractions (Qiskit's `pi_check`, denominators up to 16), other values with enough digits
 * to round-trip (`1.0e-7` rather than `1e-7`, which OpenQASM 2 would not accept).
 *
 * @param value - the number
 * @returns the literal
 */
export function formatNumber(value: number): string {
  return formatConstant(value).text
}

function formatConstant(value: number): Formatted {
  if (Number.isNaN(value)) return { text: 'nan', precedence: PRECEDENCE.atom }
  if (!Number.isFinite(value)) {
    return value > 0
      ? { text: 'inf', precedence: PRECEDENCE.atom }
      : { text: '-inf', precedence: PRECEDENCE.negation }
  }
  const negative = value < 0 || Object.is(value, -0)
  const magnitude = Math.abs(value)
  const text = Number.isInteger(magnitude)
    ? String(magnitude)
    : (piFraction(magnitude) ?? decimal(magnitude))
  if (negative && magnitude !== 0) return { text: `-${text}`, precedence: PRECEDENCE.negation }
  const precedence = text.includes('/') || text.includes('*') ? PRECEDENCE.product : PRECEDENCE.atom
  return { text, precedence }
}

function piFraction(magnitude: number): string | undefined {
  const ratio = magnitude / Math.PI
  for (let d = 1; d <= 16; d++) {
    const n = Math.round(ratio * d)
    if (n === 0 || n > 64 * d || Math.abs(ratio * d - n) > 1e-12 * d) continue
    const num = n === 1 ? 'pi' : `${n}*pi`
    return d === 1 ? num : `${num}/${d}`
  }
  return undefined
}

function decimal(magnitude: number): string {
  const text = String(magnitude)
  const e = text.indexOf('e')
  if (e >= 0 && !text.slice(0, e).includes('.')) return `${text.slice(0, e)}.0${text.slice(e)}`
  return text
}

function wrap(f: Formatted, atLeast: number): string {
  return f.precedence < atLeast ? `(${f.text})` : f.text
}

function format(node: ExpressionNode): Formatted {
  switch (node.kind) {
    case 'const':
      return formatConstant(node.value)
    case 'param':
      return { text: node.param.name, precedence: PRECEDENCE.atom }
    case 'unary': {
      const arg = format(node.arg)
      if (node.op !== 'neg') {
        return { text: `${FUNCTION_NAMES[node.op]}(${arg.text})`, precedence: PRECEDENCE.atom }
      }
      // `--x` would read as a decrement in C-like grammars: parenthesize any nested negation.
      return { text: `-${wrap(arg, PRECEDENCE.negation + 1)}`, precedence: PRECEDENCE.negation }
    }
    case 'binary':
      return formatBinary(node.op, format(node.left), format(node.right))
  }
}

function formatBinary(op: BinaryOperator, left: Formatted, right: Formatted): Formatted {
  const p = BINARY_PRECEDENCE[op]
  // `**` is right-associative; `-` and `/` are not associative; a negative right operand is
  // parenthesized everywhere (`x - (-2)`, `x**(-y)`).
  const leftText = wrap(left, op === '**' ? p + 1 : p)
  const rightMin = op === '**' ? p : op === '-' || op === '/' ? p + 1 : p
  const rightText =
    right.precedence === PRECEDENCE.negation ? `(${right.text})` : wrap(right, rightMin)
  const sep = op === '+' || op === '-' ? ` ${op} ` : op
  return { text: `${leftText}${sep}${rightText}`, precedence: p }
}

/**
 * Writes an expression tree in OpenQASM 3 syntax.
 *
 * @param node - the tree
 * @returns the expression text
 */
export function formatNode(node: ExpressionNode): string {
  return format(node).text
}
