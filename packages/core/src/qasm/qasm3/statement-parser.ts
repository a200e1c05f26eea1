import type {
  Annotation,
  AssignmentOperator,
  Block,
  Expression,
  GateCall,
  GateModifier,
  Identifier,
  IndexExpression,
  Program,
  Statement,
} from './ast.js'
import { ControlFlowParser } from './control-flow-parser.js'
import { isParseAbort } from './parser-base.js'
import { TK } from './token-kind.js'

/** Shared by every unmodified gate call (the AST is immutable). */
const NO_MODIFIERS: readonly GateModifier[] = Object.freeze([])

/**
 * The statement layer and entry point of the parser: dispatches on the first token of each
 * statement, disambiguates gate calls, assignments and expression statements, and recovers
 * from errors at statement boundaries so one run reports every independent problem.
 */
export class StatementParser extends ControlFlowParser {
  /**
   * Parses the whole token stream. With `onStatement`, each top-level statement is handed over
   * as soon as it is parsed (so a caller can lower it and let it go); `keepStatements: false`
   * then leaves the program's statement list empty.
   */
  program(
    options: { onStatement?: (statement: Statement) => void; keepStatements?: boolean } = {},
  ): Program {
    let version: string | undefined
    let seen = 0
    const statements: Statement[] = []
    const keep = options.keepStatements ?? true
    const onStatement = options.onStatement
    while (!this.at(TK.Eof)) {
      if (this.at(TK.RBrace)) {
        this.report('qasm3.parse.unexpected-token', "unmatched '}'", this.tokenSpan())
        this.pos++
        continue
      }
      if (this.at(TK.KwOpenqasm)) {
        const parsed = this.versionStatement(seen === 0 && version === undefined)
        if (parsed !== undefined) version = parsed
        continue
      }
      const statement = this.recoveringStatement()
      seen++
      if (statement === undefined) continue
      if (keep) statements.push(statement)
      onStatement?.(statement)
    }
    const length = this.text.length
    return {
      kind: 'Program',
      version,
      statements,
      span: { offset: 0, length },
    }
  }

  /** `OPENQASM 3.0;` — only valid as the first statement. */
  private versionStatement(isFirst: boolean): string | undefined {
    const first = this.pos++
    try {
      const kind = this.peek()
      if (kind !== TK.DecimalInteger && kind !== TK.Float) {
        this.fail(
          'qasm3.parse.invalid-version',
          `expected a version number, found ${this.describeCurrent()}`,
        )
      }
      const version = this.tokenText(this.pos++)
      this.expectSemicolon()
      if (!isFirst) {
        this.report(
          'qasm3.parse.misplaced-version',
          "'OPENQASM' must be the first statement",
          this.spanFrom(first),
        )
        return undefined
      }
      if (!/^3(\.\d+)?$/.test(version)) {
        this.report(
          'qasm3.parse.unsupported-version',
          `OpenQASM ${version} is not OpenQASM 3`,
          this.spanFrom(first),
        )
      }
      return version
    } catch (error) {
      if (!isParseAbort(error)) throw error
      this.synchronize()
      return undefined
    }
  }

  /** One statement, or undefined after an error (recorded, tokens skipped). */
  protected recoveringStatement(): Statement | undefined {
    const start = this.pos
    const depth = this.depth
    try {
      return this.statement()
    } catch (error) {
      if (!isParseAbort(error)) throw error
      this.depth = depth
      if (this.pos === start && !this.at(TK.RBrace)) this.pos++
      this.synchronize()
      return undefined
    }
  }

  /** `{ statements }`. */
  protected block(): Block {
    const first = this.pos
    if (!this.at(TK.LBrace)) {
      this.fail('qasm3.parse.expected-block', `expected '{', found ${this.describeCurrent()}`)
    }
    this.pos++
    const statements: Statement[] = []
    while (!this.at(TK.RBrace)) {
      if (this.at(TK.Eof)) {
        this.fail(
          'qasm3.parse.unclosed-block',
          "this '{' has no matching '}'",
          this.tokenSpan(first),
        )
      }
      const statement = this.recoveringStatement()
      if (statement !== undefined) statements.push(statement)
    }
    this.pos++
    return { kind: 'Block', statements, span: this.spanFrom(first) }
  }

  /** A statement with its leading annotations. */
  protected statement(): Statement {
    this.enter()
    const statement = this.annotatedStatement()
    this.depth--
    return statement
  }

  private annotatedStatement(): Statement {
    if (!this.at(TK.Annotation)) return this.bareStatement()
    const annotations: Annotation[] = []
    while (this.at(TK.Annotation)) {
      const i = this.pos++
      const name = this.tokenText(i).slice(1)
      const content = this.at(TK.LineContent) ? this.tokenText(this.pos++) : undefined
      annotations.push({
        kind: 'Annotation',
        name,
        content,
        span: this.spanFrom(i),
      })
    }
    return { ...this.bareStatement(), annotations }
  }

  // eslint-disable-next-line complexity -- the dispatch table of statement keywords
  private bareStatement(): Statement {
    const first = this.pos
    const kind = this.peek()
    switch (kind as number) {
      case TK.LBrace:
        return this.block()
      case TK.Identifier:
        return this.identifierStatement(first)
      case TK.KwQubit:
        return this.qubitDeclaration(first)
      case TK.KwQreg:
      case TK.KwCreg:
        return this.oldStyleDeclaration(first)
      case TK.KwInv:
      case TK.KwPow:
      case TK.KwCtrl:
      case TK.KwNegctrl:
      case TK.KwGphase:
        return this.gateCall(first, this.modifiers())
      case TK.KwMeasure:
        return this.measureArrow(first)
      case TK.KwReset:
      case TK.KwBarrier:
      case TK.KwDelay:
      case TK.KwNop:
        return this.quantumDirective(first)
      case TK.KwConst:
        return this.constDeclaration(first)
      case TK.KwInput:
      case TK.KwOutput:
        return this.ioDeclaration(first)
      case TK.KwLet:
        return this.aliasDeclaration(first)
      case TK.KwGate:
        return this.gateDefinition(first)
      case TK.KwDef:
        return this.subroutineDefinition(first)
      case TK.KwExtern:
        return this.externDeclaration(first)
      case TK.KwCal:
        return this.calStatement(first)
      case TK.KwDefcal:
        return this.defcalStatement(first)
      case TK.KwInclude:
      case TK.KwDefcalgrammar:
        return this.stringStatement(first)
      case TK.Pragma: {
        this.pos++
        const content = this.at(TK.LineContent) ? this.tokenText(this.pos++) : ''
        return { kind: 'PragmaStatement', content, span: this.spanFrom(first) }
      }
      default:
        if (this.isTypeStart(kind)) return this.typedStatement(first)
        return this.controlStatement(first)
    }
  }

  /** `include "path";` / `defcalgrammar "name";`. */
  private stringStatement(first: number): Statement {
    const isInclude = this.at(TK.KwInclude)
    this.pos++
    if (!this.at(TK.String)) {
      this.fail(
        'qasm3.parse.expected-string',
        `expected a quoted file name, found ${this.describeCurrent()}`,
      )
    }
    const raw = this.tokenText(this.pos++)
    const value = raw.slice(1, raw.length > 1 && raw.endsWith(raw[0]!) ? -1 : undefined)
    this.expectSemicolon()
    const span = this.spanFrom(first)
    return isInclude
      ? { kind: 'IncludeStatement', path: value, span }
      : { kind: 'CalibrationGrammarStatement', name: value, span }
  }

  /** A statement starting with a type: a declaration, or a cast in an expression statement. */
  private typedStatement(first: number): Statement {
    const type = this.scalarOrArrayType()
    if (this.at(TK.Identifier)) return this.classicalDeclaration(first, type)
    this.pos = first
    return this.expressionStatement(first)
  }

  /** `expression;`. */
  protected expressionStatement(first: number): Statement {
    const expression = this.expression()
    this.expectSemicolon()
    return { kind: 'ExpressionStatement', expression, span: this.spanFrom(first) }
  }

  /**
   * A statement starting with an identifier: a gate call (`h q;`, `rz(t) q;`, `f(x) q;`), an
   * assignment (`x = e;`, `c[0] = measure q;`, `n += 1;`) or an expression statement (`f(x);`).
   */
  private identifierStatement(first: number): Statement {
    const next = this.peek(1)
    if (next === TK.Identifier || next === TK.HardwareQubit)
      return this.gateCall(first, NO_MODIFIERS)
    if (next === TK.Equals || next === TK.CompoundAssign) return this.assignment(first)
    if (next === TK.LBracket) {
      const target = this.indexedIdentifier()
      if (this.at(TK.Equals) || this.at(TK.CompoundAssign)) return this.assignmentTo(first, target)
      if (this.atOperandStart() && target.kind === 'IndexExpression') {
        this.pos = first
        return this.gateCall(first, NO_MODIFIERS)
      }
      this.pos = first
      return this.expressionStatement(first)
    }
    if (next === TK.LParen) {
      this.pos++
      this.argumentList()
      const isGate = this.atOperandStart() || this.at(TK.LBracket)
      this.pos = first
      return isGate ? this.gateCall(first, NO_MODIFIERS) : this.expressionStatement(first)
    }
    return this.expressionStatement(first)
  }

  /** `name[i][j]…` as an assignment target. */
  private indexedIdentifier(): Identifier | IndexExpression {
    const first = this.pos
    let target: Identifier | IndexExpression = this.identifierAt(
      this.expectIdentifier('as a target'),
    )
    while (this.at(TK.LBracket)) target = this.indexSuffix(target, first)
    return target
  }

  private assignment(first: number): Statement {
    return this.assignmentTo(first, this.indexedIdentifier())
  }

  private assignmentTo(first: number, target: Identifier | IndexExpression): Statement {
    const op = (this.at(TK.Equals) ? '=' : this.tokenText()) as AssignmentOperator
    this.pos++
    const value: Expression = this.declarationValue()
    this.expectSemicolon()
    return { kind: 'AssignmentStatement', target, op, value, span: this.spanFrom(first) }
  }

  /** `inv @ pow(2) @ ctrl(2) @ …` before a gate name. */
  private modifiers(): readonly GateModifier[] {
    const modifiers: GateModifier[] = []
    for (;;) {
      const kind = this.peek()
      if (kind !== TK.KwInv && kind !== TK.KwPow && kind !== TK.KwCtrl && kind !== TK.KwNegctrl) {
        return modifiers
      }
      const first = this.pos++
      const modifier =
        kind === TK.KwInv
          ? 'inv'
          : kind === TK.KwPow
            ? 'pow'
            : kind === TK.KwCtrl
              ? 'ctrl'
              : 'negctrl'
      let argument: Expression | undefined
      if (modifier === 'pow') {
        this.expect(TK.LParen, "after 'pow'")
        argument = this.expression()
        this.expect(TK.RParen, "to close 'pow'")
      } else if (modifier !== 'inv' && this.eat(TK.LParen)) {
        argument = this.expression()
        this.expect(TK.RParen, `to close '${modifier}'`)
      }
      this.expect(TK.At, 'after a gate modifier')
      modifiers.push({
        kind: 'GateModifier',
        modifier,
        argument,
        span: this.spanFrom(first),
      })
    }
  }

  /** The gate name onwards: `name(args)[duration] operands;`. */
  private gateCall(first: number, modifiers: readonly GateModifier[]): GateCall {
    const isGphase = this.at(TK.KwGphase)
    if (!isGphase && !this.at(TK.Identifier)) {
      this.expectIdentifier('naming a gate after the modifiers')
    }
    const name = this.identifierAt(this.pos++)
    const args = this.at(TK.LParen) ? this.argumentList() : undefined
    const duration = this.at(TK.LBracket) ? this.designator() : undefined
    const operands = isGphase && this.at(TK.Semicolon) ? [] : this.gateOperandList()
    this.expectSemicolon()
    return {
      kind: 'GateCall',
      modifiers,
      name,
      args,
      duration,
      operands,
      span: this.spanFrom(first),
    }
  }
}
