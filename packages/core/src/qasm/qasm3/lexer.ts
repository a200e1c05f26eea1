import type { QasmDiagnostic } from '../qasm-error.js'
import { scanNumber } from './lexer-numbers.js'
import type { SourceFile } from './source-file.js'
import {
  charWidth,
  identifierEnd,
  isBlank,
  isDigit,
  isIdentifierPart,
  isIdentifierStart,
  isPlainNumberEnd,
  isStatementBoundary,
  mayBeKeyword,
  SINGLE,
} from './lexer-chars.js'
import { KEYWORDS, TK, type TokenKind } from './token-kind.js'

export { isIdentifierPart, isIdentifierStart } from './lexer-chars.js'

/**
 * The tokens of one source file in three parallel typed arrays (kind, start offset, end
 * offset), so that lexing allocates a handful of arrays instead of one object per token. The
 * last token is always {@link TK.Eof}.
 */
export interface TokenBuffer {
  readonly kinds: Uint8Array
  readonly starts: Int32Array
  readonly ends: Int32Array
  readonly count: number
  /**
   * One more than the largest hardware qubit `$n` outside `defcal` headers (calibrations name
   * physical qubits without using them): the number of hardware qubits the program uses.
   */
  readonly hardwareQubits: number
}

/** The lexer's mutable state, kept in one object so helpers can share it. */
class Lexer {
  readonly text: string
  readonly source: SourceFile
  readonly diagnostics: QasmDiagnostic[]
  kinds: Uint8Array
  starts: Int32Array
  ends: Int32Array
  count = 0
  pos = 0
  hardwareQubits = 0
  /** Set after `cal`/`defcal`: the next `{` opens an opaque calibration block. */
  calibrationPending = false

  constructor(source: SourceFile, diagnostics: QasmDiagnostic[]) {
    this.source = source
    this.text = source.text
    this.diagnostics = diagnostics
    // Gate lines (`cx q[0], q[1];`) have about two tokens per three characters: size for
    // that so a typical program never grows the arrays.
    const capacity = Math.max(64, Math.ceil(this.text.length * 0.7) + 16)
    this.kinds = new Uint8Array(capacity)
    this.starts = new Int32Array(capacity)
    this.ends = new Int32Array(capacity)
  }

  push(kind: TokenKind, start: number, end: number): void {
    if (this.count === this.kinds.length) this.grow()
    this.kinds[this.count] = kind
    this.starts[this.count] = start
    this.ends[this.count] = end
    this.count++
  }

  grow(): void {
    const size = this.kinds.length * 2
    const kinds = new Uint8Array(size)
    kinds.set(this.kinds)
    const starts = new Int32Array(size)
    starts.set(this.starts)
    const ends = new Int32Array(size)
    ends.set(this.ends)
    this.kinds = kinds
    this.starts = starts
    this.ends = ends
  }

  lastKind(): number {
    return this.count === 0 ? TK.Eof : this.kinds[this.count - 1]!
  }

  error(code: string, message: string, span: { offset: number; length: number }): void {
    this.diagnostics.push(this.source.diagnostic(code, message, { span }))
  }

  /** Skips whitespace and comments; returns false at the end of the text. */
  skipTrivia(): boolean {
    const text = this.text
    const n = text.length
    let i = this.pos
    while (i < n) {
      const c = text.charCodeAt(i)
      if (isBlank(c)) i++
      else if (c === 47 && text.charCodeAt(i + 1) === 47) i = this.lineCommentEnd(i)
      else if (c === 47 && text.charCodeAt(i + 1) === 42) i = this.blockCommentEnd(i)
      else break
    }
    this.pos = i
    return i < n
  }

  lineCommentEnd(start: number): number {
    const text = this.text
    let i = start + 2
    while (i < text.length) {
      const d = text.charCodeAt(i)
      if (d === 10 || d === 13) break
      i++
    }
    return i
  }

  blockCommentEnd(start: number): number {
    const close = this.text.indexOf('*/', start + 2)
    if (close >= 0) return close + 2
    this.error('qasm3.lex.unterminated-comment', 'unterminated block comment', {
      offset: start,
      length: 2,
    })
    return this.text.length
  }

  /** Lexes the rest of the current line as one {@link TK.LineContent} token, if non-empty. */
  restOfLine(): void {
    const text = this.text
    let i = this.pos
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++
    const start = i
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++
    let end = i
    while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--
    if (end > start) this.push(TK.LineContent, start, end)
    this.pos = i
  }

  identifier(start: number): void {
    const text = this.text
    const i = identifierEnd(text, start)
    this.pos = i
    // Only slice and look up words that could be keywords (by first letter and length).
    const kind = mayBeKeyword(text.charCodeAt(start), i - start)
      ? KEYWORDS.get(text.slice(start, i))
      : undefined
    if (kind === undefined) {
      this.push(TK.Identifier, start, i)
      return
    }
    this.push(kind, start, i)
    if (kind === TK.Pragma) this.restOfLine()
    else if (kind === TK.KwCal || kind === TK.KwDefcal) this.calibrationPending = true
  }

  /** After a `{` that opens a calibration block: the opaque body up to the balancing `}`. */
  calibrationBody(open: number): void {
    const text = this.text
    let depth = 1
    let i = open + 1
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 123) depth++
      else if (c === 125 && --depth === 0) break
      i++
    }
    if (i > open + 1) this.push(TK.CalibrationBody, open + 1, i)
    if (depth > 0) {
      this.error('qasm3.lex.unterminated-calibration', "calibration block has no closing '}'", {
        offset: open,
        length: 1,
      })
      this.pos = i
      return
    }
    this.push(TK.RBrace, i, i + 1)
    this.pos = i + 1
  }

  string(start: number): void {
    const text = this.text
    const quote = text.charCodeAt(start)
    let i = start + 1
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === quote || c === 10 || c === 13) break
      i++
    }
    if (text.charCodeAt(i) !== quote) {
      this.error('qasm3.lex.unterminated-string', 'unterminated string literal', {
        offset: start,
        length: i - start,
      })
      this.push(TK.String, start, i)
      this.pos = i
      return
    }
    this.push(TK.String, start, i + 1)
    this.pos = i + 1
  }

  hash(start: number): void {
    const text = this.text
    if (text.startsWith('pragma', start + 1) && !isIdentifierPart(text, start + 7)) {
      this.push(TK.Pragma, start, start + 7)
      this.pos = start + 7
      this.restOfLine()
    } else if (text.startsWith('dim', start + 1) && !isIdentifierPart(text, start + 4)) {
      this.push(TK.Dim, start, start + 4)
      this.pos = start + 4
    } else this.unexpected(start)
  }

  at(start: number): void {
    if (isStatementBoundary(this.lastKind()) && isIdentifierStart(this.text, start + 1)) {
      const text = this.text
      let i = start + 1
      for (;;) {
        while (isIdentifierPart(text, i)) i += charWidth(text, i)
        if (text.charCodeAt(i) === 46 && isIdentifierStart(text, i + 1)) i++
        else break
      }
      this.push(TK.Annotation, start, i)
      this.pos = i
      this.restOfLine()
      return
    }
    this.push(TK.At, start, start + 1)
    this.pos = start + 1
  }

  unexpected(start: number): void {
    const width = charWidth(this.text, start)
    const char = this.text.slice(start, start + width)
    this.error('qasm3.lex.unexpected-character', `unexpected character '${char}'`, {
      offset: start,
      length: width,
    })
    this.pos = start + width
  }

  number(start: number): void {
    const text = this.text
    // The common cases, `12` and `0.25`, without the general scanner.
    let i = start
    while (isDigit(text.charCodeAt(i))) i++
    let kind: TokenKind = TK.DecimalInteger
    if (i > start && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      kind = TK.Float
      i++
      while (isDigit(text.charCodeAt(i))) i++
    }
    if (i > start && isPlainNumberEnd(text.charCodeAt(i))) {
      this.push(kind, start, i)
      this.pos = i
      return
    }
    const scanned = scanNumber(text, start)
    if (scanned.error !== undefined) {
      this.error('qasm3.lex.invalid-number', scanned.error, {
        offset: start,
        length: scanned.end - start,
      })
    }
    this.push(scanned.kind, start, scanned.end)
    this.pos = scanned.end
  }

  /** Lexes one token (or reports one bad character). */
  token(): void {
    const text = this.text
    const start = this.pos
    const c = text.charCodeAt(start)
    const next = text.charCodeAt(start + 1)
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) this.identifier(start)
    else if (isDigit(c) || (c === 46 && isDigit(next))) this.number(start)
    else if (c < 128 && SINGLE[c] !== 0) this.punctuation(SINGLE[c] as TokenKind, start)
    else if (!this.special(c, start) && !this.operator(c, next, start)) {
      if (c >= 128 && isIdentifierStart(text, start)) this.identifier(start)
      else this.unexpected(start)
    }
  }

  /** One-character punctuation; `{` after `cal`/`defcal` opens an opaque block. */
  punctuation(kind: TokenKind, start: number): void {
    this.single(kind, start)
    if (kind === TK.Semicolon) this.calibrationPending = false
    else if (kind === TK.LBrace && this.calibrationPending) {
      this.calibrationPending = false
      this.calibrationBody(start)
    }
  }

  /** `@`, `~`, `$`, quotes and `#`; returns false for anything else. */
  special(c: number, start: number): boolean {
    switch (c) {
      case 64:
        this.at(start)
        return true
      case 126:
        if (this.text.charCodeAt(start + 1) === 61) this.double(TK.CompoundAssign, start)
        else this.single(TK.Tilde, start)
        return true
      case 36:
        this.hardwareQubit(start)
        return true
      case 34:
      case 39:
        this.string(start)
        return true
      case 35:
        this.hash(start)
        return true
      default:
        return false
    }
  }

  single(kind: TokenKind, start: number): void {
    this.push(kind, start, start + 1)
    this.pos = start + 1
  }

  double(kind: TokenKind, start: number): void {
    this.push(kind, start, start + 2)
    this.pos = start + 2
  }

  hardwareQubit(start: number): void {
    const text = this.text
    let i = start + 1
    while (isDigit(text.charCodeAt(i))) i++
    if (i === start + 1) {
      this.unexpected(start)
      return
    }
    this.push(TK.HardwareQubit, start, i)
    this.pos = i
    // `calibrationPending` is set from `defcal` to its body: skip the header's operands.
    if (!this.calibrationPending) {
      const n = i - start > 15 ? Number.MAX_SAFE_INTEGER : Number(text.slice(start + 1, i))
      if (n + 1 > this.hardwareQubits) this.hardwareQubits = n + 1
    }
  }

  /** Operators made of `= + - * / % | & ^ ! < >`; returns false for anything else. */
  // eslint-disable-next-line complexity -- a table of two-character operators
  operator(c: number, next: number, start: number): boolean {
    const eq = next === 61
    switch (c) {
      case 61:
        if (eq) this.double(TK.EqualEqual, start)
        else this.single(TK.Equals, start)
        return true
      case 43:
        if (next === 43) this.double(TK.DoublePlus, start)
        else if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Plus, start)
        return true
      case 45:
        if (next === 62) this.double(TK.Arrow, start)
        else if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Minus, start)
        return true
      case 42:
        if (next === 42) {
          if (this.text.charCodeAt(start + 2) === 61) this.triple(start)
          else this.double(TK.DoubleAsterisk, start)
        } else if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Asterisk, start)
        return true
      case 47:
        if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Slash, start)
        return true
      case 37:
        if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Percent, start)
        return true
      case 124:
        if (next === 124) this.double(TK.DoublePipe, start)
        else if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Pipe, start)
        return true
      case 38:
        if (next === 38) this.double(TK.DoubleAmpersand, start)
        else if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Ampersand, start)
        return true
      case 94:
        if (eq) this.double(TK.CompoundAssign, start)
        else this.single(TK.Caret, start)
        return true
      case 33:
        if (eq) this.double(TK.NotEqual, start)
        else this.single(TK.Exclamation, start)
        return true
      case 60:
        return this.angle(start, next, [TK.Less, TK.LessEqual, TK.ShiftLeft])
      case 62:
        return this.angle(start, next, [TK.Greater, TK.GreaterEqual, TK.ShiftRight])
      default:
        return false
    }
  }

  /** `<`, `<=`, `<<`, `<<=` and their `>` twins. */
  angle(start: number, next: number, kinds: readonly [TokenKind, TokenKind, TokenKind]): boolean {
    const c = this.text.charCodeAt(start)
    if (next === c) {
      if (this.text.charCodeAt(start + 2) === 61) this.triple(start)
      else this.double(kinds[2], start)
    } else if (next === 61) this.double(kinds[1], start)
    else this.single(kinds[0], start)
    return true
  }

  triple(start: number): void {
    this.push(TK.CompoundAssign, start, start + 3)
    this.pos = start + 3
  }
}

/**
 * Splits OpenQASM 3 source into tokens. Never throws: bad characters, unterminated strings,
 * comments and calibration blocks become `qasm3.lex.*` diagnostics and lexing continues.
 *
 * Context the grammar needs is handled here: `pragma` takes the rest of its line; `@name` at
 * the start of a statement is an annotation (elsewhere `@` is the modifier separator); the
 * braces after `cal`/`defcal` enclose opaque text.
 *
 * @param source - the file to lex
 * @param diagnostics - receives lexical errors
 * @returns the tokens, ending with {@link TK.Eof}
 */
export function lexQasm3(source: SourceFile, diagnostics: QasmDiagnostic[]): TokenBuffer {
  const lexer = new Lexer(source, diagnostics)
  while (lexer.skipTrivia()) lexer.token()
  lexer.push(TK.Eof, source.text.length, source.text.length)
  const { kinds, starts, ends, count, hardwareQubits } = lexer
  return { kinds, starts, ends, count, hardwareQubits }
}
