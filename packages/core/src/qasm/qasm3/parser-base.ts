import type { QasmDiagnostic } from '../qasm-error.js'
import type { TextSpan } from './source-file.js'
import type { SourceFile } from './source-file.js'
import type { TokenBuffer } from './lexer.js'
import { describeTokenKind, TK, type TokenKind } from './token-kind.js'

/** Thrown inside the parser after a diagnostic was recorded, to unwind to a statement boundary. */
export class ParseAbort extends Error {
  constructor() {
    super('parse aborted')
    this.name = 'ParseAbort'
  }
}

/** More diagnostics than this from one file are dropped: the first ones matter. */
const MAX_DIAGNOSTICS = 100

/** Expressions and statements nest at most this deep (deeper input would exhaust the stack). */
const MAX_NESTING = 200

/**
 * Token navigation and error reporting shared by the parser's layers (expressions, declarations,
 * statements), each a subclass in its own file.
 */
export class ParserBase {
  protected readonly source: SourceFile
  protected readonly text: string
  protected readonly kinds: Uint8Array
  protected readonly starts: Int32Array
  protected readonly ends: Int32Array
  protected readonly count: number
  protected readonly diagnostics: QasmDiagnostic[]
  /** The index of the current token. */
  protected pos = 0
  /** How deeply the expression or statement being parsed is nested. */
  protected depth = 0

  constructor(source: SourceFile, tokens: TokenBuffer, diagnostics: QasmDiagnostic[]) {
    this.source = source
    this.text = source.text
    this.kinds = tokens.kinds
    this.starts = tokens.starts
    this.ends = tokens.ends
    this.count = tokens.count
    this.diagnostics = diagnostics
  }

  /** The kind of the current token (`offset` tokens ahead). */
  protected peek(offset = 0): TokenKind {
    const i = this.pos + offset
    return (i < this.count ? this.kinds[i]! : TK.Eof) as TokenKind
  }

  /** Whether the current token is `kind`. */
  protected at(kind: TokenKind): boolean {
    return this.kinds[this.pos] === kind
  }

  /** Consumes the current token if it is `kind`. */
  protected eat(kind: TokenKind): boolean {
    if (this.kinds[this.pos] !== kind) return false
    this.pos++
    return true
  }

  /** Moves past the current token (never past end of file). */
  protected advance(): void {
    if (this.pos < this.count - 1) this.pos++
  }

  /** The source text of token `i` (default: the current one). */
  protected tokenText(i = this.pos): string {
    return this.text.slice(this.starts[i], this.ends[i])
  }

  /** The span of token `i`. */
  protected tokenSpan(i = this.pos): TextSpan {
    return { offset: this.starts[i]!, length: this.ends[i]! - this.starts[i]! }
  }

  /** The span from the start of token `first` to the end of the last consumed token. */
  protected spanFrom(first: number): TextSpan {
    const offset = this.starts[first]!
    const last = Math.max(first, this.pos - 1)
    return { offset, length: Math.max(0, this.ends[last]! - offset) }
  }

  /** Enters one level of nesting, failing beyond {@link MAX_NESTING}. */
  protected enter(): void {
    if (++this.depth > MAX_NESTING) {
      this.depth = 0
      this.fail('qasm3.parse.too-deep', `the program nests more than ${MAX_NESTING} levels deep`)
    }
  }

  /** Records a diagnostic. */
  protected report(code: string, message: string, span: TextSpan): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) return
    this.diagnostics.push(this.source.diagnostic(code, message, { span }))
  }

  /** Records a diagnostic and unwinds to the enclosing statement. */
  protected fail(code: string, message: string, span: TextSpan = this.tokenSpan()): never {
    this.report(code, message, span)
    throw new ParseAbort()
  }

  /** A description of the current token for messages: `'gate'`, `identifier 'foo'`. */
  protected describeCurrent(): string {
    const kind = this.peek()
    if (kind === TK.Identifier) return `identifier '${this.tokenText()}'`
    if (kind === TK.Eof) return 'end of file'
    const text = this.tokenText()
    return text.length <= 20 ? `'${text}'` : describeTokenKind(kind)
  }

  /** Consumes a token of `kind` or fails with `qasm3.parse.unexpected-token`. */
  protected expect(kind: TokenKind, context?: string): number {
    if (this.kinds[this.pos] === kind) return this.pos++
    const where = context === undefined ? '' : ` ${context}`
    return this.fail(
      'qasm3.parse.unexpected-token',
      `expected ${describeTokenKind(kind)}${where}, found ${this.describeCurrent()}`,
    )
  }

  /** Consumes an identifier and returns its token index, or fails. */
  protected expectIdentifier(context: string): number {
    if (this.kinds[this.pos] === TK.Identifier) return this.pos++
    return this.fail(
      'qasm3.parse.expected-identifier',
      `expected an identifier ${context}, found ${this.describeCurrent()}`,
    )
  }

  /**
   * Consumes the `;` ending a statement. When it is missing but the next token starts a new
   * line, the diagnostic is recorded and parsing carries on as if it were there.
   */
  protected expectSemicolon(): void {
    if (this.kinds[this.pos] === TK.Semicolon) {
      this.pos++
      return
    }
    const previousEnd = this.pos > 0 ? this.ends[this.pos - 1]! : 0
    const span = { offset: previousEnd, length: 0 }
    const message = `expected ';' after the statement, found ${this.describeCurrent()}`
    const gap = this.text.slice(previousEnd, this.starts[this.pos])
    if (this.peek() !== TK.Eof && !gap.includes('\n') && !gap.includes('\r')) {
      this.fail('qasm3.parse.missing-semicolon', message, span)
    }
    this.report('qasm3.parse.missing-semicolon', message, span)
  }

  /**
   * After an error: skips to just past the next `;` or balanced `}` at this nesting level, or
   * to a `}` that closes the enclosing block (left for the block to consume).
   */
  protected synchronize(): void {
    let depth = 0
    for (;;) {
      const kind = this.peek()
      if (kind === TK.Eof) return
      if (kind === TK.LBrace) depth++
      else if (kind === TK.RBrace) {
        if (depth === 0) return
        depth--
        if (depth === 0) {
          this.pos++
          return
        }
      } else if (kind === TK.Semicolon && depth === 0) {
        this.pos++
        return
      }
      this.pos++
    }
  }
}

/**
 * Whether a thrown value is the parser's internal unwind signal.
 *
 * @param error - the caught value
 * @returns whether it is a {@link ParseAbort}
 */
export function isParseAbort(error: unknown): error is ParseAbort {
  return error instanceof ParseAbort
}
