import type { Parameter } from '../../circuit/parameter.js'
import type { ExpressionNode, ParameterValue } from '../../circuit/parameter-expression.js'
import { QasmExportError } from '../qasm-error.js'

/** Binding strengths of printed expressions: a child binding looser than needed gets `( )`. */
const SUM = 1
const PRODUCT = 2
const NEGATION = 3
const POWER = 4
const ATOM = 5

interface Printed {
  readonly text: string
  readonly precedence: number
}

/** The largest denominator and numerator tried for `n*pi/d` forms. */
const MAX_PI_DENOMINATOR = 16
const MAX_PI_NUMERATOR = 64

/**
 * Writes a number so that an OpenQASM 2 parser reads back exactly the same double: integers
 * plainly, exact `pi` multiples as `pi`, `pi/2`, `3*pi/4` (only when evaluating that form, as the
 * parser does, gives this very value), everything else in the shortest round-trip decimal with a
 * decimal point before any exponent (`1.0e-07`), as strict OpenQASM 2 requires.
 *
 * @param value - a finite number
 * @returns the literal (with a leading `-` for negative values)
 * @throws QasmExportError for NaN and infinities, which OpenQASM 2 cannot write
 */
export function formatQasm2Number(value: number): string {
  return printNumber(value).text
}

function printNumber(value: number): Printed {
  if (!Number.isFinite(value)) {
    throw new QasmExportError(`OpenQASM 2 cannot represent the parameter value ${value}`)
  }
  const magnitude = Math.abs(value)
  const text =
    Number.isInteger(magnitude) && magnitude < 1e21
      ? String(magnitude)
      : (piForm(magnitude) ?? decimal(magnitude))
  if (value < 0) return { text: `-${text}`, precedence: NEGATION }
  return { text, precedence: text.includes('*') || text.includes('/') ? PRODUCT : ATOM }
}

function piForm(magnitude: number): string | undefined {
  for (let d = 1; d <= MAX_PI_DENOMINATOR; d++) {
    const n = Math.round((magnitude * d) / Math.PI)
    if (n < 1 || n > MAX_PI_NUMERATOR) continue
    // Evaluate the candidate exactly as the parser will: left to right.
    const parsed =
      n === 1 ? (d === 1 ? Math.PI : Math.PI / d) : d === 1 ? n * Math.PI : (n * Math.PI) / d
    if (parsed !== magnitude) continue
    const numerator = n === 1 ? 'pi' : `${n}*pi`
    return d === 1 ? numerator : `${numerator}/${d}`
  }
  return undefined
}

function decimal(magnitude: number): string {
  const text = String(magnitude)
  const e = text.indexOf('e')
  if (e === -1 || text.lastIndexOf('.', e) !== -1) return text
  return `${text.slice(0, e)}.0${text.slice(e)}`
}

/**
 * Writes a parameter value (number or expression) as an OpenQASM 2 expression, naming each
 * parameter as `names` says.
 *
 * @param value - the value
 * @param names - the name to print for each parameter allowed here
 * @returns the expression text
 * @throws QasmExportError for a parameter not in `names`, a function OpenQASM 2 lacks
 *   (`asin`, `acos`, `atan`, `abs`), or a non-finite number
 */
export function formatQasm2Value(
  value: ParameterValue,
  names: ReadonlyMap<Parameter, string>,
): string {
  return typeof value === 'number' ? formatQasm2Number(value) : printNode(value.node, names).text
}

function printNode(node: ExpressionNode, names: ReadonlyMap<Parameter, string>): Printed {
  switch (node.kind) {
    case 'const':
      return printNumber(node.value)
    case 'param': {
      const name = names.get(node.param)
      if (name === undefined) {
        throw new QasmExportError(
          `OpenQASM 2 cannot represent the unbound parameter '${node.param.name}' here`,
        )
      }
      return { text: name, precedence: ATOM }
    }
    case 'unary':
      return printUnary(node, names)
    case 'binary':
      return printBinary(node, names)
  }
}

const FUNCTIONS: Readonly<Partial<Record<string, string>>> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  exp: 'exp',
  log: 'ln',
  sqrt: 'sqrt',
}

function printUnary(
  node: Extract<ExpressionNode, { kind: 'unary' }>,
  names: ReadonlyMap<Parameter, string>,
): Printed {
  const arg = printNode(node.arg, names)
  if (node.op === 'neg') {
    return {
      text: `-${arg.precedence >= POWER ? arg.text : `(${arg.text})`}`,
      precedence: NEGATION,
    }
  }
  const name = FUNCTIONS[node.op]
  if (name === undefined) throw new QasmExportError(`OpenQASM 2 has no function '${node.op}'`)
  return { text: `${name}(${arg.text})`, precedence: ATOM }
}

function printBinary(
  node: Extract<ExpressionNode, { kind: 'binary' }>,
  names: ReadonlyMap<Parameter, string>,
): Printed {
  const left = printNode(node.left, names)
  const right = printNode(node.right, names)
  const wrap = (side: Printed, needed: number): string =>
    side.precedence >= needed ? side.text : `(${side.text})`
  switch (node.op) {
    case '+':
    case '-':
      // The right side is parenthesised even for `+`: floating-point sums are not associative.
      return { text: `${wrap(left, SUM)} ${node.op} ${wrap(right, PRODUCT)}`, precedence: SUM }
    case '*':
    case '/':
      return {
        text: `${wrap(left, PRODUCT)}${node.op}${wrap(right, NEGATION)}`,
        precedence: PRODUCT,
      }
    case '**':
      return { text: `${wrap(left, ATOM)}^${wrap(right, POWER)}`, precedence: POWER }
  }
}
