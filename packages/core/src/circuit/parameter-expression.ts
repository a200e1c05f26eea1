import { DEFAULT_ATOL } from '../math/tolerances.js'
import { CircuitError } from './circuit-error.js'
import { formatNode } from './expression-format.js'
import type { Parameter } from './parameter.js'

/** A gate parameter: a number, or a symbolic expression over {@link Parameter}s. */
export type ParameterValue = number | ParameterExpression

/** The one-argument functions of an expression tree (`neg` is unary minus). */
export const UNARY_OPERATORS = [
  'neg',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'exp',
  'log',
  'sqrt',
  'abs',
] as const

/** A one-argument function of an expression tree. */
export type UnaryOperator = (typeof UNARY_OPERATORS)[number]

/** The two-argument operators of an expression tree (`**` is power). */
export const BINARY_OPERATORS = ['+', '-', '*', '/', '**'] as const

/** A two-argument operator of an expression tree. */
export type BinaryOperator = (typeof BINARY_OPERATORS)[number]

/**
 * A node of a parameter expression tree. Trees are immutable and shared between expressions;
 * `param` leaves hold the {@link Parameter} object itself.
 */
export type ExpressionNode =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'param'; readonly param: Parameter }
  | { readonly kind: 'unary'; readonly op: UnaryOperator; readonly arg: ExpressionNode }
  | {
      readonly kind: 'binary'
      readonly op: BinaryOperator
      readonly left: ExpressionNode
      readonly right: ExpressionNode
    }

const UNARY_FUNCTIONS: Record<UnaryOperator, (x: number) => number> = {
  neg: (x) => -x,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
}

const BINARY_FUNCTIONS: Record<BinaryOperator, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '**': (a, b) => a ** b,
}

const constNode = (value: number): ExpressionNode => ({ kind: 'const', value })

/** Builds a unary node, folding constants and double negation. */
function unaryNode(op: UnaryOperator, arg: ExpressionNode): ExpressionNode {
  if (arg.kind === 'const') return constNode(UNARY_FUNCTIONS[op](arg.value))
  if (op === 'neg' && arg.kind === 'unary' && arg.op === 'neg') return arg.arg
  return { kind: 'unary', op, arg }
}

const isConst = (n: ExpressionNode, v: number): boolean => n.kind === 'const' && n.value === v

/** The identities of 0 and 1 for each operator: a simpler node, or `undefined` if none applies. */
const SIMPLIFY: Record<
  BinaryOperator,
  (left: ExpressionNode, right: ExpressionNode) => ExpressionNode | undefined
> = {
  '+': (l, r) => (isConst(l, 0) ? r : isConst(r, 0) ? l : undefined),
  '-': (l, r) => (isConst(r, 0) ? l : isConst(l, 0) ? unaryNode('neg', r) : undefined),
  '*': (l, r) => {
    if (isConst(l, 0) || isConst(r, 0)) return constNode(0)
    if (isConst(l, 1)) return r
    if (isConst(r, 1)) return l
    if (isConst(l, -1)) return unaryNode('neg', r)
    return isConst(r, -1) ? unaryNode('neg', l) : undefined
  },
  '/': (l, r) => (isConst(r, 1) ? l : isConst(l, 0) ? constNode(0) : undefined),
  '**': (l, r) => (isConst(r, 1) ? l : isConst(r, 0) ? constNode(1) : undefined),
}

/** Builds a binary node, folding constants and the identities of 0 and 1. */
function binaryNode(
  op: BinaryOperator,
  left: ExpressionNode,
  right: ExpressionNode,
): ExpressionNode {
  if (left.kind === 'const' && right.kind === 'const') {
    return constNode(BINARY_FUNCTIONS[op](left.value, right.value))
  }
  return SIMPLIFY[op](left, right) ?? { kind: 'binary', op, left, right }
}

/** Rebuilds `node` with each parameter leaf replaced by `replace(param)` (kept if undefined). */
function substituteNode(
  node: ExpressionNode,
  replace: (p: Parameter) => ExpressionNode | undefined,
): ExpressionNode {
  switch (node.kind) {
    case 'const':
      return node
    case 'param':
      return replace(node.param) ?? node
    case 'unary':
      return unaryNode(node.op, substituteNode(node.arg, replace))
    case 'binary':
      return binaryNode(
        node.op,
        substituteNode(node.left, replace),
        substituteNode(node.right, replace),
      )
  }
}

/** Evaluates `node` with parameter values from `valueOf`; throws if one is missing. */
function evaluateNode(node: ExpressionNode, valueOf: (p: Parameter) => number): number {
  switch (node.kind) {
    case 'const':
      return node.value
    case 'param':
      return valueOf(node.param)
    case 'unary':
      return UNARY_FUNCTIONS[node.op](evaluateNode(node.arg, valueOf))
    case 'binary':
      return BINARY_FUNCTIONS[node.op](
        evaluateNode(node.left, valueOf),
        evaluateNode(node.right, valueOf),
      )
  }
}

function collectParameters(node: ExpressionNode, into: Map<string, Parameter>): void {
  switch (node.kind) {
    case 'const':
      return
    case 'param':
      if (!into.has(node.param.id)) into.set(node.param.id, node.param)
      return
    case 'unary':
      collectParameters(node.arg, into)
      return
    case 'binary':
      collectParameters(node.left, into)
      collectParameters(node.right, into)
  }
}

function sameNode(a: ExpressionNode, b: ExpressionNode): boolean {
  switch (a.kind) {
    case 'const':
      return b.kind === 'const' && Math.abs(a.value - b.value) <= DEFAULT_ATOL
    case 'param':
      return b.kind === 'param' && a.param.id === b.param.id
    case 'unary':
      return b.kind === 'unary' && a.op === b.op && sameNode(a.arg, b.arg)
    case 'binary':
      return (
        b.kind === 'binary' &&
        a.op === b.op &&
        sameNode(a.left, b.left) &&
        sameNode(a.right, b.right)
      )
  }
}

/** The node of a value: a constant leaf for numbers. */
export function valueToNode(value: ParameterValue): ExpressionNode {
  return typeof value === 'number' ? constNode(value) : value.node
}

/**
 * A symbolic expression over {@link Parameter}s (Qiskit's `ParameterExpression`): a small
 * immutable tree of constants, parameters, `+ − × ÷ **`, negation and the functions
 * `sin cos tan asin acos atan exp log sqrt abs`. Constants fold as the tree is built.
 *
 * @example
 * ```ts
 * const theta = new Parameter('theta')
 * const e = theta.mul(2).add(Math.PI / 4)
 * e.toString()                          // 'theta*2 + pi/4'
 * e.bind(new Map([[theta, 1]]))         // 2.785…
 * ```
 */
export class ParameterExpression {
  /** The expression tree. */
  readonly node: ExpressionNode
  #parameters: ReadonlySet<Parameter> | undefined

  /**
   * Wraps an expression tree. `Parameter` calls this without a node to become its own leaf.
   *
   * @param node - the tree (omitted only by `Parameter`)
   */
  constructor(node?: ExpressionNode) {
    this.node = node ?? { kind: 'param', param: this as unknown as Parameter }
  }

  /** The free parameters, one per id, in order of first appearance. */
  get parameters(): ReadonlySet<Parameter> {
    if (this.#parameters === undefined) {
      const found = new Map<string, Parameter>()
      collectParameters(this.node, found)
      this.#parameters = new Set(found.values())
    }
    return this.#parameters
  }

  /** `this + other`. */
  add(other: ParameterValue): ParameterExpression {
    return this.binary('+', other)
  }

  /** `this − other`. */
  sub(other: ParameterValue): ParameterExpression {
    return this.binary('-', other)
  }

  /** `this × other`. */
  mul(other: ParameterValue): ParameterExpression {
    return this.binary('*', other)
  }

  /** `this ÷ other`. */
  div(other: ParameterValue): ParameterExpression {
    return this.binary('/', other)
  }

  /** `this ** exponent`. */
  pow(exponent: ParameterValue): ParameterExpression {
    return this.binary('**', exponent)
  }

  /** `−this`. */
  neg(): ParameterExpression {
    return this.unary('neg')
  }
  /** `sin(this)`. */
  sin(): ParameterExpression {
    return this.unary('sin')
  }
  /** `cos(this)`. */
  cos(): ParameterExpression {
    return this.unary('cos')
  }
  /** `tan(this)`. */
  tan(): ParameterExpression {
    return this.unary('tan')
  }
  /** `asin(this)`. */
  asin(): ParameterExpression {
    return this.unary('asin')
  }
  /** `acos(this)`. */
  acos(): ParameterExpression {
    return this.unary('acos')
  }
  /** `atan(this)`. */
  atan(): ParameterExpression {
    return this.unary('atan')
  }
  /** `exp(this)`. */
  exp(): ParameterExpression {
    return this.unary('exp')
  }
  /** The natural logarithm of `this`. */
  log(): ParameterExpression {
    return this.unary('log')
  }
  /** `sqrt(this)`. */
  sqrt(): ParameterExpression {
    return this.unary('sqrt')
  }
  /** `|this|`. */
  abs(): ParameterExpression {
    return this.unary('abs')
  }

  /**
   * Binds parameters to numbers. Parameters are matched by id, so a parameter read back from
   * JSON binds like the original; values for parameters not in the expression are ignored.
   *
   * @param values - numbers for some or all of the free parameters
   * @returns a number when every parameter is bound, else the partly bound expression
   */
  bind(values: ReadonlyMap<Parameter, number>): ParameterValue {
    return this.subs(values)
  }

  /**
   * Substitutes values or expressions for parameters (matched by id).
   *
   * @param map - replacements for some of the free parameters
   * @returns a number when the result has no free parameter, else an expression
   */
  subs(map: ReadonlyMap<Parameter, ParameterValue>): ParameterValue {
    const byId = new Map<string, ExpressionNode>()
    for (const [p, v] of map) byId.set(p.id, valueToNode(v))
    return valueFromNode(substituteNode(this.node, (p) => byId.get(p.id)))
  }

  /** Whether the expression has no free parameter. */
  isBound(): boolean {
    return this.parameters.size === 0
  }

  /**
   * The value of a bound expression.
   *
   * @throws CircuitError `circuit.unbound-parameter` if a parameter is still free
   */
  numeric(): number {
    return evaluateNode(this.node, (p) => {
      throw new CircuitError(
        'circuit.unbound-parameter',
        `expression '${this.toString()}' has the unbound parameter '${p.name}'`,
      )
    })
  }

  /**
   * The expression in OpenQASM 3 syntax (`theta*2 + pi/4`): parameters by name, rational
   * multiples of π as `pi` fractions, `asin` as `arcsin` (and so on), `log` the natural logarithm.
   */
  toString(): string {
    return formatNode(this.node)
  }

  /**
   * Whether `other` is the same expression: structurally after constant folding (parameters by
   * id, constants within `DEFAULT_ATOL`), or, failing that, numerically equal at a few fixed
   * points over the same parameters (so `a + b` equals `b + a`).
   *
   * @param other - a number or an expression
   */
  equals(other: ParameterValue): boolean {
    const otherNode = valueToNode(other)
    if (sameNode(this.node, otherNode)) return true
    const mine = [...this.parameters].map((p) => p.id).sort()
    const theirs = new Map<string, Parameter>()
    collectParameters(otherNode, theirs)
    if (mine.length !== theirs.size || mine.some((id) => !theirs.has(id))) return false
    return SAMPLE_POINTS.every((point) => {
      const valueOf = (p: Parameter): number => point * (1 + mine.indexOf(p.id) * 0.7548776662)
      const a = evaluateNode(this.node, valueOf)
      const b = evaluateNode(otherNode, valueOf)
      return Number.isFinite(a) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
    })
  }

  private unary(op: UnaryOperator): ParameterExpression {
    return new ParameterExpression(unaryNode(op, this.node))
  }

  private binary(op: BinaryOperator, other: ParameterValue): ParameterExpression {
    return new ParameterExpression(binaryNode(op, this.node, valueToNode(other)))
  }
}

/** Irrational-ish sample points for the numeric equality fallback. */
const SAMPLE_POINTS = [0.3183098861, 0.5772156649, 1.2020569032]

/** Whether `value` is a symbolic expression (a `Parameter` is one). */
export function isParameterExpression(value: unknown): value is ParameterExpression {
  return value instanceof ParameterExpression
}

/** A number for a constant, the `Parameter` itself for a lone parameter, else an expression. */
export function valueFromNode(node: ExpressionNode): ParameterValue {
  if (node.kind === 'const') return node.value
  return node.kind === 'param' ? node.param : new ParameterExpression(node)
}

/**
 * Applies a unary operator to a value: numbers stay numbers.
 *
 * @param op - the operator
 * @param x - the operand
 */
export function applyUnary(op: UnaryOperator, x: ParameterValue): ParameterValue {
  return valueFromNode(unaryNode(op, valueToNode(x)))
}

/**
 * Applies a binary operator to two values: numbers stay numbers, constants fold.
 *
 * @param op - the operator
 * @param a - the left operand
 * @param b - the right operand
 */
export function applyBinary(
  op: BinaryOperator,
  a: ParameterValue,
  b: ParameterValue,
): ParameterValue {
  return valueFromNode(binaryNode(op, valueToNode(a), valueToNode(b)))
}

/**
 * Evaluates a tree with the given parameter values (matched by id).
 *
 * @internal
 */
export function evaluateExpression(
  node: ExpressionNode,
  valueOf: (p: Parameter) => number,
): number {
  return evaluateNode(node, valueOf)
}
