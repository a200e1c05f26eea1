import type {
  Barrier,
  GateCall,
  GateDefinition,
  Identifier,
  IfStatement,
  IncludeStatement,
  Measure,
  OpaqueDeclaration,
  Program,
  RegisterDeclaration,
  Reset,
  Statement,
  VersionStatement,
} from './ast.js'
import type { DiagnosticBag } from './diagnostic-bag.js'
import { OperationParser, STATEMENT_KEYWORDS } from './operation-parser.js'
import { StatementAborted } from './parser-base.js'
import type { SourceFile } from './source-file.js'
import { TOKEN, type TokenKind } from './token-kind.js'

const VERSION_PATTERN = /^(\d+)(?:\.(\d+))?$/

/**
 * The OpenQASM 2 recursive-descent parser. It is pulled one statement at a time
 * ({@link Parser.nextStatement}), so that lowering can consume statements as they come and a
 * large program never has to exist as a whole tree; {@link parseProgram} collects them all.
 * Syntax errors are reported to the diagnostic bag; the parser then skips to the next statement
 * boundary and goes on, so one run reports every syntax error it can.
 */
export class Parser extends OperationParser {
  #isFirst = true

  /**
   * The next well-formed statement, or `undefined` at the end of the file. Statements with
   * syntax errors are reported and skipped.
   *
   * @returns the statement, or `undefined` when the file is done
   */
  nextStatement(): Statement | undefined {
    const lexer = this.lexer
    for (;;) {
      if (this.diagnostics.isFull) return undefined
      if (this.#isFirst) {
        this.#isFirst = false
        if (this.strict && lexer.kind !== TOKEN.openqasm) {
          this.error(
            'qasm2.parse.missing-version',
            "[strict] the first statement must be 'OPENQASM 2.0;'",
            lexer,
          )
        }
        if (lexer.kind === TOKEN.openqasm) {
          const version = this.#guard(() => this.#version())
          if (version !== undefined) return version
          continue
        }
      }
      if (lexer.kind === TOKEN.eof) return undefined
      const statement = this.#guard(() => this.#statement())
      if (statement !== undefined) return statement
    }
  }

  /** Runs one statement parser; on an abandoned statement, resynchronises and returns undefined. */
  #guard<TNode>(parse: () => TNode | undefined): TNode | undefined {
    const start = this.lexer.start
    try {
      return parse()
    } catch (error) {
      if (!(error instanceof StatementAborted)) throw error
      this.resetExpressionDepth()
      if (!error.isSynchronized) this.synchronize(start, false)
      return undefined
    }
  }

  #statement(): Statement | undefined {
    const lexer = this.lexer
    // A plain number: the token kinds that cannot start a statement all go to `default`.
    const kind: number = lexer.kind
    switch (kind) {
      case TOKEN.identifier:
        return this.gateCall()
      case TOKEN.qreg:
      case TOKEN.creg:
        return this.#register()
      case TOKEN.include:
        return this.#include()
      case TOKEN.gate:
        return this.#gateDefinition()
      case TOKEN.opaque:
        return this.#opaque()
      case TOKEN.measure:
        return this.measureStatement()
      case TOKEN.reset:
        return this.resetStatement()
      case TOKEN.barrier:
        return this.barrierStatement()
      case TOKEN.if:
        return this.#if()
      case TOKEN.semicolon:
        if (this.strict) {
          this.error(
            'qasm2.parse.empty-statement',
            '[strict] empty statements are forbidden',
            lexer,
          )
        }
        lexer.next()
        return undefined
      case TOKEN.openqasm:
        return this.fail(
          'qasm2.parse.misplaced-version',
          'only the first statement may be a version declaration',
        )
      default:
        return this.unexpected('a statement')
    }
  }

  #version(): VersionStatement {
    const lexer = this.lexer
    const start = this.expect(TOKEN.openqasm)
    if (lexer.kind !== TOKEN.integer && lexer.kind !== TOKEN.real)
      this.unexpected('a version number')
    const text = lexer.text()
    const match = VERSION_PATTERN.exec(text)
    const major = match === null ? Number.NaN : Number(match[1])
    const minor = match?.[2] === undefined ? undefined : Number(match[2])
    const isSupported = major === 2 && (minor === 0 || (minor === undefined && !this.strict))
    if (!isSupported) {
      this.fail(
        'qasm2.parse.unsupported-version',
        `can only handle OpenQASM 2.0, but given '${text}'`,
      )
    }
    lexer.next()
    const end = this.semicolon()
    return { kind: 'version', major, minor, start, end }
  }

  #include(): IncludeStatement {
    const lexer = this.lexer
    const start = this.expect(TOKEN.include)
    if (lexer.kind !== TOKEN.string) this.unexpected('a file name in double quotes')
    const pathStart = lexer.start
    const pathEnd = lexer.end
    const path = this.file.text.slice(pathStart + 1, pathEnd - 1)
    lexer.next()
    const end = this.semicolon()
    return { kind: 'include', path, pathStart, pathEnd, start, end }
  }

  #register(): RegisterDeclaration {
    const kind = this.lexer.kind === TOKEN.qreg ? 'qreg' : 'creg'
    const start = this.lexer.start
    this.lexer.next()
    const name = this.identifier('a register name')
    this.expect(TOKEN.lBracket, "'['")
    const size = this.integer('the register size')
    this.expect(TOKEN.rBracket, "']'")
    const end = this.semicolon()
    return { kind, name, size, start, end }
  }

  /** `name(params) qubits` of `gate` and `opaque`. */
  #signature(closer: TokenKind): { name: Identifier; params: Identifier[]; qubits: Identifier[] } {
    const name = this.identifier('a gate name')
    const params: Identifier[] = []
    if (this.accept(TOKEN.lParen)) {
      if (this.lexer.kind !== TOKEN.rParen) {
        do params.push(this.identifier('a parameter name'))
        while (this.continueList(TOKEN.rParen))
      }
      this.expect(TOKEN.rParen, "')'")
    }
    const qubits: Identifier[] = []
    if (this.lexer.kind === TOKEN.identifier) {
      do qubits.push(this.identifier('a qubit name'))
      while (this.continueList(closer))
    }
    if (qubits.length === 0) {
      const isEof = this.lexer.kind === TOKEN.eof
      if (isEof) this.unexpected('a qubit name')
      this.fail('qasm2.parse.no-qubits', 'gates must act on at least one qubit', name)
    }
    return { name, params, qubits }
  }

  #opaque(): OpaqueDeclaration {
    const start = this.expect(TOKEN.opaque)
    const { name, params, qubits } = this.#signature(TOKEN.semicolon)
    const end = this.semicolon()
    return { kind: 'opaque', name, params, qubits, start, end }
  }

  #gateDefinition(): GateDefinition {
    const start = this.expect(TOKEN.gate)
    const { name, params, qubits } = this.#signature(TOKEN.lBrace)
    this.expect(TOKEN.lBrace, "'{' and the gate body")
    const body = this.#gateBody()
    const end = this.lexer.end
    this.expect(TOKEN.rBrace, "'}'")
    return { kind: 'gate-definition', name, params, qubits, body, start, end }
  }

  /** The statements of a gate body, up to (not including) its `}`. */
  #gateBody(): (GateCall | Barrier)[] {
    const lexer = this.lexer
    const body: (GateCall | Barrier)[] = []
    let hasErrors = false
    while (lexer.kind !== TOKEN.rBrace && lexer.kind !== TOKEN.eof && !this.diagnostics.isFull) {
      const start = lexer.start
      try {
        if (lexer.kind === TOKEN.identifier) body.push(this.gateCall())
        else if (lexer.kind === TOKEN.barrier) body.push(this.barrierStatement())
        else if (lexer.kind === TOKEN.semicolon && !this.strict) lexer.next()
        else this.#invalidInBody()
      } catch (error) {
        if (!(error instanceof StatementAborted)) throw error
        hasErrors = true
        this.resetExpressionDepth()
        this.synchronize(start, true)
      }
    }
    if (lexer.kind === TOKEN.eof) this.unexpected("'}' closing the gate body")
    if (hasErrors) {
      // The body's errors are reported; consume its brace so the definition is dropped whole.
      lexer.next()
      throw new StatementAborted(true)
    }
    return body
  }

  #invalidInBody(): never {
    const lexer = this.lexer
    if (lexer.kind === TOKEN.semicolon) {
      this.fail('qasm2.parse.empty-statement', '[strict] empty statements are forbidden')
    }
    if (STATEMENT_KEYWORDS.has(lexer.kind)) {
      this.fail(
        'qasm2.parse.invalid-gate-body',
        `only gate applications and barriers are valid in a gate body, but saw '${lexer.text()}'`,
      )
    }
    this.unexpected('a gate application or a barrier')
  }

  #if(): IfStatement {
    const lexer = this.lexer
    const start = this.expect(TOKEN.if)
    this.expect(TOKEN.lParen, "'('")
    const register = this.identifier('a classical register')
    this.expect(TOKEN.equalsEquals, "'=='")
    if (lexer.kind !== TOKEN.integer) this.unexpected('an integer')
    const value = BigInt(lexer.text())
    lexer.next()
    this.expect(TOKEN.rParen, "')'")
    let body: GateCall | Measure | Reset
    const kind = lexer.current()
    if (kind === TOKEN.identifier) body = this.gateCall()
    else if (kind === TOKEN.measure) body = this.measureStatement()
    else if (kind === TOKEN.reset) body = this.resetStatement()
    else this.unexpected('a gate application, measurement or reset')
    return { kind: 'if', register, value, body, start, end: body.end }
  }
}

/**
 * Parses a whole file into a {@link Program}, reporting syntax errors to `diagnostics`.
 *
 * @param file - the source
 * @param diagnostics - where problems go
 * @param strict - whether to apply the OpenQASM 2.0 letter-of-the-spec rules
 * @returns the program (its well-formed statements)
 */
export function parseProgram(
  file: SourceFile,
  diagnostics: DiagnosticBag,
  strict: boolean,
): Program {
  const parser = new Parser(file, diagnostics, strict)
  const statements: Statement[] = []
  for (let s = parser.nextStatement(); s !== undefined; s = parser.nextStatement())
    statements.push(s)
  return { kind: 'program', file: file.name, statements, start: 0, end: file.text.length }
}
