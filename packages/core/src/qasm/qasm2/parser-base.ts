import type { Identifier, Operand } from './ast.js'
import type { DiagnosticBag } from './diagnostic-bag.js'
import { Lexer } from './lexer.js'
import type { SourceFile } from './source-file.js'
import { TOKEN, describeTokenKind, type TokenKind } from './token-kind.js'

/**
 * Thrown inside the parser to abandon the statement being parsed once its error is recorded;
 * caught at the statement boundary, never seen outside the parser.
 */
export class StatementAborted extends Error {
  /** Whether the thrower already skipped to the next statement. */
  readonly isSynchronized: boolean

  constructor(isSynchronized = false) {
    super('statement aborted')
    this.name = 'StatementAborted'
    this.isSynchronized = isSynchronized
  }
}

const ABORTED = new StatementAborted()

/** Nesting deeper than this in expressions is refused rather than risking the call stack. */
export const MAX_EXPRESSION_DEPTH = 256

/**
 * What every part of the OpenQASM 2 parser shares: the lexer cursor, the diagnostics, and the
 * `expect`/`fail` helpers.
 */
export class ParserBase {
  protected readonly lexer: Lexer
  protected readonly diagnostics: DiagnosticBag
  protected readonly strict: boolean

  /**
   * @param file - the source to parse
   * @param diagnostics - where problems are reported
   * @param strict - whether to apply the OpenQASM 2.0 letter-of-the-spec rules
   */
  constructor(file: SourceFile, diagnostics: DiagnosticBag, strict: boolean) {
    this.diagnostics = diagnostics
    this.strict = strict
    this.lexer = new Lexer(file, diagnostics, strict)
  }

  /** The source being parsed. */
  get file(): SourceFile {
    return this.lexer.file
  }

  /**
   * Records an error at `[start, end)` and abandons the current statement.
   *
   * @param code - the stable code
   * @param message - what is wrong
   * @param span - the offsets it points at (default: the current token)
   * @throws StatementAborted always
   */
  protected fail(
    code: string,
    message: string,
    span: { start: number; end: number } = this.lexer,
  ): never {
    this.error(code, message, span)
    throw ABORTED
  }

  /** Records an error without abandoning the statement. */
  protected error(code: string, message: string, span: { start: number; end: number }): void {
    this.diagnostics.error(code, message, {
      file: this.lexer.file,
      start: span.start,
      end: span.end,
    })
  }

  /**
   * Fails because the current token is not what the grammar needs here. A lexer error token has
   * already been reported, so it only abandons the statement.
   *
   * @param what - a description of what was needed, e.g. `'an identifier'`
   */
  protected unexpected(what: string): never {
    const lexer = this.lexer
    if (lexer.kind === TOKEN.error) throw ABORTED
    if (lexer.kind === TOKEN.eof) {
      this.fail('qasm2.parse.unexpected-eof', `expected ${what}, but the file ended`, {
        start: lexer.previousEnd,
        end: lexer.previousEnd,
      })
    }
    const found = describeFound(lexer)
    if (what === "';'") {
      this.fail(
        'qasm2.parse.missing-semicolon',
        `expected ';' after the statement, but found ${found}`,
        {
          start: lexer.previousEnd,
          end: lexer.previousEnd,
        },
      )
    }
    this.fail('qasm2.parse.unexpected-token', `expected ${what}, but found ${found}`)
  }

  /**
   * Consumes a token of `kind` or fails.
   *
   * @param kind - the token kind needed
   * @param what - its description for the message (default from the kind)
   * @returns the start offset of the consumed token
   */
  protected expect(kind: TokenKind, what: string = describeTokenKind(kind)): number {
    const lexer = this.lexer
    if (lexer.kind !== kind) this.unexpected(what)
    const start = lexer.start
    lexer.next()
    return start
  }

  /** Consumes the current token if it is of `kind`; returns whether it did. */
  protected accept(kind: TokenKind): boolean {
    if (this.lexer.kind !== kind) return false
    this.lexer.next()
    return true
  }

  /** Reads an identifier token into a node. */
  protected identifier(what = 'an identifier'): Identifier {
    const lexer = this.lexer
    if (lexer.kind !== TOKEN.identifier) this.unexpected(what)
    const node: Identifier = {
      kind: 'identifier',
      name: lexer.text(),
      start: lexer.start,
      end: lexer.end,
    }
    lexer.next()
    return node
  }

  /** Reads a non-negative integer token. */
  protected integer(what = 'an integer'): number {
    const lexer = this.lexer
    if (lexer.kind !== TOKEN.integer) this.unexpected(what)
    const value = lexer.number()
    lexer.next()
    return value
  }

  /** Reads `name` or `name[index]`. */
  protected operand(what: string): Operand {
    const lexer = this.lexer
    if (lexer.kind !== TOKEN.identifier) this.unexpected(what)
    const start = lexer.start
    const name = lexer.text()
    let end = lexer.end
    lexer.next()
    let index: number | undefined
    if (lexer.current() === TOKEN.lBracket) {
      lexer.next()
      index = this.integer('an integer index')
      end = lexer.end
      this.expect(TOKEN.rBracket, "']'")
    }
    return { kind: 'operand', name, index, start, end }
  }

  /**
   * After a comma-separated item: consumes a comma and says whether another item follows. A
   * comma followed by `closer` is a trailing comma, an error only in strict mode.
   */
  protected continueList(closer: TokenKind): boolean {
    const lexer = this.lexer
    if (lexer.kind !== TOKEN.comma) return false
    const commaStart = lexer.start
    lexer.next()
    if (lexer.kind !== closer) return true
    if (this.strict) {
      this.error('qasm2.parse.trailing-comma', '[strict] trailing commas in lists are forbidden', {
        start: commaStart,
        end: commaStart + 1,
      })
    }
    return false
  }
}

function describeFound(lexer: Lexer): string {
  const kind = lexer.kind
  if (kind === TOKEN.identifier || kind === TOKEN.integer || kind === TOKEN.real) {
    return `${describeTokenKind(kind)} '${lexer.text()}'`
  }
  return describeTokenKind(kind)
}
