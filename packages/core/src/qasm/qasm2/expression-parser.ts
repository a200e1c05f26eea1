import type { BinaryOperator, Expression, Qasm2Function } from './ast.js'
import { MAX_EXPRESSION_DEPTH, ParserBase } from './parser-base.js'
import { TOKEN, type TokenKind } from './token-kind.js'

/** Left and right binding powers of the binary operators (Qiskit's; `^` right-associative). */
const BINARY: Readonly<Partial<Record<TokenKind, readonly [number, number, BinaryOperator]>>> = {
  [TOKEN.plus]: [1, 2, '+'],
  [TOKEN.minus]: [1, 2, '-'],
  [TOKEN.star]: [3, 4, '*'],
  [TOKEN.slash]: [3, 4, '/'],
  [TOKEN.caret]: [8, 7, '^'],
}

/** Binding power of unary `+`/`-`: looser than `^`, so `-2^2` is `-(2^2)`. */
const PREFIX_POWER = 5

const FUNCTIONS: Readonly<Partial<Record<TokenKind, Qasm2Function>>> = {
  [TOKEN.sin]: 'sin',
  [TOKEN.cos]: 'cos',
  [TOKEN.tan]: 'tan',
  [TOKEN.exp]: 'exp',
  [TOKEN.ln]: 'ln',
  [TOKEN.sqrt]: 'sqrt',
}

/**
 * The operator-precedence (Pratt) parser for parameter expressions, with Qiskit's precedence:
 * `+ -` < `* /` < unary `+ -` < `^` (right-associative), functions and parentheses binding
 * tightest.
 */
export class ExpressionParser extends ParserBase {
  #depth = 0

  /**
   * Parses one expression.
   *
   * @param minPower - the binding power an operator needs to extend the expression
   * @returns the expression node
   */
  protected expression(minPower = 0): Expression {
    if (++this.#depth > MAX_EXPRESSION_DEPTH) {
      this.#depth = 0
      this.fail(
        'qasm2.parse.expression-too-deep',
        `expressions may nest at most ${MAX_EXPRESSION_DEPTH} deep`,
      )
    }
    let left = this.#primary()
    const lexer = this.lexer
    for (;;) {
      const binary = BINARY[lexer.kind]
      if (binary === undefined || binary[0] < minPower) break
      lexer.next()
      const right = this.expression(binary[1])
      left = { kind: 'binary', operator: binary[2], left, right, start: left.start, end: right.end }
    }
    this.#depth--
    return left
  }

  /** Resets the nesting guard after an abandoned statement. */
  protected resetExpressionDepth(): void {
    this.#depth = 0
  }

  #primary(): Expression {
    const lexer = this.lexer
    const start = lexer.start
    const end = lexer.end
    // A plain number: every other token kind goes to `default` (a function call, or an error).
    const kind: number = lexer.kind
    switch (kind) {
      case TOKEN.integer:
      case TOKEN.real: {
        const value = lexer.number()
        lexer.next()
        return { kind: 'number', value, start, end }
      }
      case TOKEN.pi:
        lexer.next()
        return { kind: 'pi', start, end }
      case TOKEN.identifier: {
        const name = lexer.text()
        lexer.next()
        return { kind: 'parameter', name, start, end }
      }
      case TOKEN.lParen: {
        lexer.next()
        const inner = this.expression()
        this.expect(TOKEN.rParen, "')'")
        return inner
      }
      case TOKEN.minus:
      case TOKEN.plus: {
        const operator = kind === TOKEN.minus ? '-' : '+'
        lexer.next()
        const operand = this.expression(PREFIX_POWER)
        return { kind: 'unary', operator, operand, start, end: operand.end }
      }
      default:
        return this.#call()
    }
  }

  #call(): Expression {
    const lexer = this.lexer
    const callee = FUNCTIONS[lexer.kind]
    if (callee === undefined) this.unexpected('an expression')
    const start = lexer.start
    lexer.next()
    this.expect(TOKEN.lParen, "'('")
    const argument = this.expression()
    this.continueList(TOKEN.rParen)
    const end = lexer.end
    this.expect(TOKEN.rParen, "')'")
    return { kind: 'call', callee, argument, start, end }
  }
}
