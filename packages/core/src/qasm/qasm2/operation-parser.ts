import type { Barrier, Expression, GateCall, Measure, Operand, Reset } from './ast.js'
import { ExpressionParser } from './expression-parser.js'
import { TOKEN, type TokenKind } from './token-kind.js'

/** Tokens that can only start a statement: recovery stops in front of them. */
export const STATEMENT_KEYWORDS: ReadonlySet<TokenKind> = new Set<TokenKind>([
  TOKEN.openqasm,
  TOKEN.include,
  TOKEN.qreg,
  TOKEN.creg,
  TOKEN.gate,
  TOKEN.opaque,
  TOKEN.measure,
  TOKEN.reset,
  TOKEN.barrier,
  TOKEN.if,
])

/** Shared by every parameterless gate call, so they allocate no list. */
const NO_EXPRESSIONS: readonly Expression[] = Object.freeze([])

/**
 * The statements that act on bits — gate calls, `measure`, `reset`, `barrier` — which appear at
 * top level and (gate calls and barriers) in gate bodies, plus the statement-end and recovery
 * helpers every statement parser uses.
 */
export class OperationParser extends ExpressionParser {
  /** `name(params) operands;` */
  protected gateCall(): GateCall {
    const lexer = this.lexer
    const name = this.identifier()
    let params: readonly Expression[] = NO_EXPRESSIONS
    if (this.accept(TOKEN.lParen)) {
      const list: Expression[] = []
      if (lexer.kind !== TOKEN.rParen) {
        do list.push(this.expression())
        while (this.continueList(TOKEN.rParen))
      }
      this.expect(TOKEN.rParen, "')'")
      params = list
    }
    const operands = this.operandList('a quantum argument')
    const end = this.semicolon()
    return { kind: 'gate-call', name, params, operands, start: name.start, end }
  }

  protected operandList(what: string): Operand[] {
    const operands: Operand[] = []
    if (this.lexer.kind === TOKEN.identifier) {
      do operands.push(this.operand(what))
      while (this.continueList(TOKEN.semicolon))
    }
    return operands
  }

  protected measureStatement(): Measure {
    const start = this.expect(TOKEN.measure)
    const qubit = this.operand('a quantum argument')
    this.expect(TOKEN.arrow, "'->'")
    const clbit = this.operand('a classical argument')
    const end = this.semicolon()
    return { kind: 'measure', qubit, clbit, start, end }
  }

  protected resetStatement(): Reset {
    const start = this.expect(TOKEN.reset)
    const qubit = this.operand('a quantum argument')
    const end = this.semicolon()
    return { kind: 'reset', qubit, start, end }
  }

  protected barrierStatement(): Barrier {
    const lexer = this.lexer
    const start = lexer.start
    const keywordEnd = lexer.end
    this.expect(TOKEN.barrier)
    const operands = this.operandList('a quantum argument')
    if (operands.length === 0 && this.strict) {
      this.error('qasm2.parse.empty-barrier', '[strict] barriers must have at least one argument', {
        start,
        end: keywordEnd,
      })
    }
    const end = this.semicolon()
    return { kind: 'barrier', operands, start, end }
  }

  /** Consumes the `;` ending a statement and returns the statement's end offset. */
  protected semicolon(): number {
    const lexer = this.lexer
    if (lexer.kind === TOKEN.semicolon) {
      const end = lexer.end
      lexer.next()
      return end
    }
    if (this.#startsNextLine()) {
      // Most likely a forgotten ';' at the end of a line: report it and take the next line as
      // the next statement instead of skipping it.
      const at = { start: lexer.previousEnd, end: lexer.previousEnd }
      this.error('qasm2.parse.missing-semicolon', "expected ';' at the end of the statement", at)
      return lexer.previousEnd
    }
    return this.unexpected("';'")
  }

  /** Whether the current token could start a statement and sits on a later line. */
  #startsNextLine(): boolean {
    const lexer = this.lexer
    const kind = lexer.kind
    if (kind !== TOKEN.identifier && !STATEMENT_KEYWORDS.has(kind)) return false
    return this.file.text.lastIndexOf('\n', lexer.start) >= lexer.previousEnd
  }

  /**
   * Skips to a statement boundary after an error: past the next `;`, or in front of a token
   * that starts a statement, or (in a gate body) in front of its `}`. Braces are skipped whole.
   */
  protected synchronize(statementStart: number, isInGateBody: boolean): void {
    const lexer = this.lexer
    let depth = 0
    let isFirst = true
    for (; lexer.kind !== TOKEN.eof; lexer.next(), isFirst = false) {
      const kind = lexer.kind
      const isProgress = !isFirst || lexer.start !== statementStart
      if (depth === 0 && isProgress && STATEMENT_KEYWORDS.has(kind)) return
      if (kind === TOKEN.lBrace) depth++
      else if (kind === TOKEN.rBrace) {
        if (depth === 0 && isInGateBody) return
        if (depth > 0 && --depth === 0 && !isInGateBody) {
          lexer.next()
          return
        }
      } else if (kind === TOKEN.semicolon && depth === 0) {
        lexer.next()
        return
      }
    }
  }
}
