import type {
  Block,
  Expression,
  ForStatement,
  Identifier,
  IfStatement,
  IndexExpression,
  RangeExpression,
  ScalarType,
  Statement,
  SwitchCase,
  SwitchStatement,
} from './ast.js'
import { DeclarationParser } from './declaration-parser.js'
import { TK } from './token-kind.js'

/**
 * The control-flow and quantum-directive layer of the parser: `if`, `for`, `while`, `switch`,
 * `box`, jumps, `measure … -> …`, `reset`, `barrier`, `delay` and `nop`.
 */
export abstract class ControlFlowParser extends DeclarationParser {
  /** A statement or a block (the body of `if` and loops). */
  protected abstract statement(): Statement

  /** `expression;` starting at token `first`. */
  protected abstract expressionStatement(first: number): Statement

  /** `measure q -> c;` / `measure q;`. */
  protected measureArrow(first: number): Statement {
    this.expect(TK.KwMeasure)
    const operand = this.gateOperand()
    let target: Identifier | IndexExpression | undefined
    if (this.eat(TK.Arrow)) {
      const parsed = this.gateOperand()
      if (parsed.kind === 'HardwareQubit') {
        this.fail('qasm3.parse.unexpected-token', 'a measurement target must be a bit', parsed.span)
      }
      target = parsed
    }
    this.expectSemicolon()
    return {
      kind: 'MeasureArrowStatement',
      operand,
      target,
      span: this.spanFrom(first),
    }
  }

  /** `reset q;`, `barrier [q, …];`, `delay[d] [q, …];`, `nop [q, …];`. */
  protected quantumDirective(first: number): Statement {
    const kind = this.peek()
    this.pos++
    if (kind === TK.KwReset) {
      const operand = this.gateOperand()
      this.expectSemicolon()
      return { kind: 'ResetStatement', operand, span: this.spanFrom(first) }
    }
    const duration = kind === TK.KwDelay ? this.delayDesignator() : undefined
    const operands = this.at(TK.Semicolon) ? [] : this.gateOperandList()
    this.expectSemicolon()
    const span = this.spanFrom(first)
    if (duration !== undefined) return { kind: 'DelayStatement', duration, operands, span }
    if (kind === TK.KwNop) return { kind: 'NopStatement', operands, span }
    return { kind: 'BarrierStatement', operands, span }
  }

  private delayDesignator(): Expression {
    if (!this.at(TK.LBracket)) {
      this.fail(
        'qasm3.parse.unexpected-token',
        `expected '[' and a duration after 'delay', found ${this.describeCurrent()}`,
      )
    }
    return this.designator()
  }

  /** Control-flow statements; anything else is an expression statement. */
  protected controlStatement(first: number): Statement {
    switch (this.peek() as number) {
      case TK.KwIf:
        return this.ifStatement(first)
      case TK.KwFor:
        return this.forStatement(first)
      case TK.KwWhile: {
        this.pos++
        const condition = this.parenthesized('while')
        const body = this.statement()
        return { kind: 'WhileStatement', condition, body, span: this.spanFrom(first) }
      }
      case TK.KwSwitch:
        return this.switchStatement(first)
      case TK.KwBox: {
        this.pos++
        const duration = this.at(TK.LBracket) ? this.designator() : undefined
        const body = this.block()
        return {
          kind: 'BoxStatement',
          duration,
          body,
          span: this.spanFrom(first),
        }
      }
      case TK.KwBreak:
      case TK.KwContinue:
      case TK.KwEnd: {
        const kind = this.peek()
        this.pos++
        this.expectSemicolon()
        const span = this.spanFrom(first)
        if (kind === TK.KwBreak) return { kind: 'BreakStatement', span }
        if (kind === TK.KwContinue) return { kind: 'ContinueStatement', span }
        return { kind: 'EndStatement', span }
      }
      case TK.KwReturn: {
        this.pos++
        const value = this.at(TK.Semicolon) ? undefined : this.declarationValue()
        this.expectSemicolon()
        return {
          kind: 'ReturnStatement',
          value,
          span: this.spanFrom(first),
        }
      }
      default:
        return this.expressionStatement(first)
    }
  }

  private parenthesized(keyword: string): Expression {
    this.expect(TK.LParen, `after '${keyword}'`)
    const condition = this.expression()
    this.expect(TK.RParen, `to close the '${keyword}' condition`)
    return condition
  }

  private ifStatement(first: number): IfStatement {
    this.pos++
    const condition = this.parenthesized('if')
    const then = this.statement()
    const otherwise = this.eat(TK.KwElse) ? this.statement() : undefined
    return {
      kind: 'IfStatement',
      condition,
      then,
      else: otherwise,
      span: this.spanFrom(first),
    }
  }

  private forStatement(first: number): ForStatement {
    this.pos++
    let variableType: ScalarType | undefined
    if (!(this.at(TK.Identifier) && this.peek(1) === TK.KwIn)) variableType = this.scalarType()
    const variable = this.identifierAt(this.expectIdentifier('as the loop variable'))
    this.expect(TK.KwIn, 'after the loop variable')
    let iterable: RangeExpression | Expression
    if (this.at(TK.LBrace)) iterable = this.setExpression()
    else if (this.at(TK.LBracket)) {
      const open = this.pos++
      const range = this.rangeOrExpression()
      this.expect(TK.RBracket, 'to close the range')
      iterable = range.kind === 'RangeExpression' ? { ...range, span: this.spanFrom(open) } : range
    } else iterable = this.expression()
    const body = this.statement()
    return {
      kind: 'ForStatement',
      variableType,
      variable,
      iterable,
      body,
      span: this.spanFrom(first),
    }
  }

  private switchStatement(first: number): SwitchStatement {
    this.pos++
    const target = this.parenthesized('switch')
    const open = this.expect(TK.LBrace, 'to open the switch cases')
    const cases: SwitchCase[] = []
    let fallback: Block | undefined
    while (!this.at(TK.RBrace)) {
      const caseFirst = this.pos
      if (this.eat(TK.KwDefault)) {
        fallback = this.block()
        continue
      }
      if (!this.eat(TK.KwCase)) {
        if (this.at(TK.Eof)) {
          this.fail(
            'qasm3.parse.unclosed-block',
            "this '{' has no matching '}'",
            this.tokenSpan(open),
          )
        }
        this.fail(
          'qasm3.parse.unexpected-token',
          `expected 'case' or 'default', found ${this.describeCurrent()}`,
        )
      }
      const values = [this.expression()]
      while (this.eat(TK.Comma) && !this.at(TK.LBrace)) values.push(this.expression())
      const body = this.block()
      cases.push({ kind: 'SwitchCase', values, body, span: this.spanFrom(caseFirst) })
    }
    this.pos++
    return {
      kind: 'SwitchStatement',
      target,
      cases,
      default: fallback,
      span: this.spanFrom(first),
    }
  }
}
