import type {
  BinaryOperator,
  Block,
  Expression,
  GateOperand,
  IndexExpression,
  RangeExpression,
  SetExpression,
} from './ast.js'
import { bitstringValue, literalNode } from './literal-values.js'
import { TypeParser } from './type-parser.js'
import { TK, type TokenKind } from './token-kind.js'

/** Binding power of each binary operator token (higher binds tighter); 0 = not binary. */
const PRECEDENCE = new Uint8Array(128)
const OPERATOR = new Map<number, BinaryOperator>()
const TABLE: readonly (readonly [TokenKind, BinaryOperator, number])[] = [
  [TK.DoublePipe, '||', 1],
  [TK.DoubleAmpersand, '&&', 2],
  [TK.Pipe, '|', 3],
  [TK.Caret, '^', 4],
  [TK.Ampersand, '&', 5],
  [TK.EqualEqual, '==', 6],
  [TK.NotEqual, '!=', 6],
  [TK.Less, '<', 7],
  [TK.LessEqual, '<=', 7],
  [TK.Greater, '>', 7],
  [TK.GreaterEqual, '>=', 7],
  [TK.ShiftLeft, '<<', 8],
  [TK.ShiftRight, '>>', 8],
  [TK.Plus, '+', 9],
  [TK.Minus, '-', 9],
  [TK.Asterisk, '*', 10],
  [TK.Slash, '/', 10],
  [TK.Percent, '%', 10],
]
for (const [kind, op, precedence] of TABLE) {
  PRECEDENCE[kind] = precedence
  OPERATOR.set(kind, op)
}

/** Tokens that start a literal value. */
function isLiteralToken(kind: TokenKind): boolean {
  return (
    (kind >= TK.DecimalInteger && kind <= TK.String) || kind === TK.KwTrue || kind === TK.KwFalse
  )
}

/**
 * The expression layer of the parser: precedence climbing over the OpenQASM 3 operator table
 * (`**` right-associative and tighter than unary minus, as in the grammar), postfix indexing,
 * casts, calls, `durationof`, sets, ranges and gate operands.
 */
export abstract class ExpressionParser extends TypeParser {
  /** A statement block: the statement layer parses those (needed by `durationof`). */
  protected abstract block(): Block

  /** Parses an expression. */
  protected expression(): Expression {
    this.enter()
    const expression = this.binary(1)
    this.depth--
    return expression
  }

  private binary(minPrecedence: number): Expression {
    const first = this.pos
    let left = this.unary()
    for (;;) {
      const kind = this.peek()
      const precedence = kind < 128 ? PRECEDENCE[kind]! : 0
      if (precedence === 0 || precedence < minPrecedence) return left
      this.pos++
      const right = this.binary(precedence + 1)
      left = {
        kind: 'BinaryExpression',
        op: OPERATOR.get(kind)!,
        left,
        right,
        span: this.spanFrom(first),
      }
    }
  }

  private unary(): Expression {
    const kind = this.peek()
    if (kind !== TK.Minus && kind !== TK.Exclamation && kind !== TK.Tilde) return this.power()
    // A loop rather than recursion: `------x` must not grow the stack.
    const operators: number[] = []
    while (this.at(TK.Minus) || this.at(TK.Exclamation) || this.at(TK.Tilde))
      operators.push(this.pos++)
    let operand = this.power()
    for (let k = operators.length - 1; k >= 0; k--) {
      const at = operators[k]!
      const token = this.kinds[at]
      const op = token === TK.Minus ? '-' : token === TK.Exclamation ? '!' : '~'
      operand = { kind: 'UnaryExpression', op, operand, span: this.spanFrom(at) }
    }
    return operand
  }

  private power(): Expression {
    const first = this.pos
    const base = this.postfix()
    if (!this.at(TK.DoubleAsterisk)) return base
    this.pos++
    const exponent = this.unary()
    return {
      kind: 'BinaryExpression',
      op: '**',
      left: base,
      right: exponent,
      span: this.spanFrom(first),
    }
  }

  private postfix(): Expression {
    const first = this.pos
    let target = this.primary()
    while (this.at(TK.LBracket)) target = this.indexSuffix(target, first)
    return target
  }

  /** `[ … ]` after `target`, whose first token is `first`. */
  protected indexSuffix(target: Expression, first: number): IndexExpression {
    this.expect(TK.LBracket)
    let index: IndexExpression['index']
    if (this.at(TK.LBrace)) index = this.setExpression()
    else {
      const items: (Expression | RangeExpression)[] = [this.rangeOrExpression()]
      while (this.eat(TK.Comma) && !this.at(TK.RBracket)) items.push(this.rangeOrExpression())
      index = items
    }
    this.expect(TK.RBracket, 'to close the index')
    return { kind: 'IndexExpression', target, index, span: this.spanFrom(first) }
  }

  /** `a`, `a:b`, `a:s:b`, `:b`, `a:`, `:`. */
  protected rangeOrExpression(): Expression | RangeExpression {
    const first = this.pos
    const start = this.at(TK.Colon) ? undefined : this.expression()
    if (!this.at(TK.Colon)) return start!
    this.pos++
    const second = this.isRangePartEnd() ? undefined : this.expression()
    let step: Expression | undefined
    let end = second
    if (this.eat(TK.Colon)) {
      step = second
      end = this.isRangePartEnd() ? undefined : this.expression()
    }
    return {
      kind: 'RangeExpression',
      start,
      step,
      end,
      span: this.spanFrom(first),
    }
  }

  private isRangePartEnd(): boolean {
    const kind = this.peek()
    return kind === TK.RBracket || kind === TK.Comma || kind === TK.Colon
  }

  /** `{ e, e, … }`. */
  protected setExpression(): SetExpression {
    const first = this.expect(TK.LBrace)
    const elements: Expression[] = []
    while (!this.at(TK.RBrace)) {
      elements.push(this.expression())
      if (!this.eat(TK.Comma)) break
    }
    this.expect(TK.RBrace, 'to close the set')
    return { kind: 'SetExpression', elements, span: this.spanFrom(first) }
  }

  /** `( e, e, … )` after a callee or gate name; the `(` is current. */
  protected argumentList(): Expression[] {
    this.expect(TK.LParen)
    const args: Expression[] = []
    while (!this.at(TK.RParen)) {
      args.push(this.expression())
      if (!this.eat(TK.Comma)) break
    }
    this.expect(TK.RParen, 'to close the argument list')
    return args
  }

  private primary(): Expression {
    const kind = this.peek()
    const first = this.pos
    if (kind === TK.Identifier) {
      this.pos++
      const identifier = {
        kind: 'Identifier',
        name: this.tokenText(first),
        span: this.tokenSpan(first),
      } as const
      if (!this.at(TK.LParen)) return identifier
      const args = this.argumentList()
      return { kind: 'CallExpression', callee: identifier, args, span: this.spanFrom(first) }
    }
    if (isLiteralToken(kind)) return this.literal(kind)
    if (kind === TK.HardwareQubit) {
      this.pos++
      const index = Number(this.tokenText(first).slice(1))
      return { kind: 'HardwareQubit', index, span: this.tokenSpan(first) }
    }
    if (kind === TK.LParen) {
      this.pos++
      const inner = this.expression()
      this.expect(TK.RParen, 'to close the parenthesis')
      return inner
    }
    if (this.isTypeStart(kind)) {
      const type = this.scalarOrArrayType()
      this.expect(TK.LParen, 'after the type of a cast')
      const operand = this.expression()
      this.expect(TK.RParen, 'to close the cast')
      return { kind: 'CastExpression', type, operand, span: this.spanFrom(first) }
    }
    if (kind === TK.KwDurationof) {
      this.pos++
      this.expect(TK.LParen, "after 'durationof'")
      const body = this.block()
      this.expect(TK.RParen, "to close 'durationof'")
      return { kind: 'DurationOfExpression', body, span: this.spanFrom(first) }
    }
    return this.fail(
      'qasm3.parse.expected-expression',
      `expected an expression, found ${this.describeCurrent()}`,
    )
  }

  /** A literal token (the current one) as its node. */
  private literal(kind: TokenKind): Expression {
    const first = this.pos++
    const span = this.tokenSpan(first)
    if (kind === TK.DecimalInteger) {
      const value = this.smallInteger(first)
      if (value >= 0) return { kind: 'IntegerLiteral', value, bigValue: undefined, span }
    }
    if (kind !== TK.String) return literalNode(this.tokenText(first), kind, span)
    const value = bitstringValue(this.tokenText(first))
    if (value === undefined) {
      this.report(
        'qasm3.parse.invalid-bitstring',
        `${this.tokenText(first)} is not a bit string of 0s and 1s`,
        span,
      )
    }
    return { kind: 'BitstringLiteral', value: value ?? '', span }
  }

  /** The value of a short plain decimal token (`12`) read in place, or -1. */
  private smallInteger(i: number): number {
    const start = this.starts[i]!
    const end = this.ends[i]!
    if (end - start > 9) return -1
    let value = 0
    for (let k = start; k < end; k++) {
      const digit = this.text.charCodeAt(k) - 48
      if (digit < 0 || digit > 9) return -1
      value = value * 10 + digit
    }
    return value
  }

  /** A gate operand: `q`, `q[1]`, `q[0:2]`, `$3`. */
  protected gateOperand(): GateOperand {
    const first = this.pos
    if (this.at(TK.HardwareQubit)) {
      this.pos++
      return {
        kind: 'HardwareQubit',
        index: Number(this.tokenText(first).slice(1)),
        span: this.tokenSpan(first),
      }
    }
    if (!this.at(TK.Identifier)) {
      return this.fail(
        'qasm3.parse.expected-operand',
        `expected a qubit operand, found ${this.describeCurrent()}`,
      )
    }
    this.pos++
    let operand: GateOperand = {
      kind: 'Identifier',
      name: this.tokenText(first),
      span: this.tokenSpan(first),
    }
    while (this.at(TK.LBracket)) operand = this.indexSuffix(operand, first)
    return operand
  }

  /** `q0, q1[2], $3` up to (not including) `;`. */
  protected gateOperandList(): GateOperand[] {
    const operands = [this.gateOperand()]
    while (this.eat(TK.Comma) && !this.at(TK.Semicolon)) operands.push(this.gateOperand())
    return operands
  }

  /** Whether the current token can start a gate operand. */
  protected atOperandStart(): boolean {
    const kind = this.peek()
    return kind === TK.Identifier || kind === TK.HardwareQubit
  }
}
