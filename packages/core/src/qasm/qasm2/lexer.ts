import type { DiagnosticBag } from './diagnostic-bag.js'
import type { SourceFile } from './source-file.js'
import { KEYWORDS, TOKEN, type TokenKind } from './token-kind.js'

const CH_TAB = 9
const CH_LF = 10
const CH_CR = 13
const CH_SPACE = 32
const CH_DQUOTE = 34
const CH_SQUOTE = 39
const CH_LPAREN = 40
const CH_RPAREN = 41
const CH_STAR = 42
const CH_PLUS = 43
const CH_COMMA = 44
const CH_MINUS = 45
const CH_DOT = 46
const CH_SLASH = 47
const CH_0 = 48
const CH_9 = 57
const CH_SEMI = 59
const CH_EQ = 61
const CH_GT = 62
const CH_A = 65
const CH_E = 69
const CH_Z = 90
const CH_LBRACKET = 91
const CH_RBRACKET = 93
const CH_CARET = 94
const CH_UNDERSCORE = 95
const CH_LA = 97
const CH_LE = 101
const CH_LZ = 122
const CH_LBRACE = 123
const CH_RBRACE = 125

/** By first character code, a bit mask of the lengths of the keywords starting with it. */
const KEYWORD_LENGTHS: Uint16Array = (() => {
  const table = new Uint16Array(128)
  for (const word of KEYWORDS.keys()) table[word.charCodeAt(0)]! |= 1 << word.length
  return table
})()

/** Single-character symbol tokens, indexed by character code. */
const SYMBOLS: readonly (TokenKind | undefined)[] = (() => {
  const table: (TokenKind | undefined)[] = []
  table[CH_LPAREN] = TOKEN.lParen
  table[CH_RPAREN] = TOKEN.rParen
  table[CH_STAR] = TOKEN.star
  table[CH_PLUS] = TOKEN.plus
  table[CH_COMMA] = TOKEN.comma
  table[CH_SEMI] = TOKEN.semicolon
  table[CH_LBRACKET] = TOKEN.lBracket
  table[CH_RBRACKET] = TOKEN.rBracket
  table[CH_CARET] = TOKEN.caret
  table[CH_LBRACE] = TOKEN.lBrace
  table[CH_RBRACE] = TOKEN.rBrace
  return table
})()

/** 1 for the ASCII characters that begin a token or whitespace: where an invalid run stops. */
const STARTS_TOKEN: Uint8Array = (() => {
  const table = new Uint8Array(128)
  for (const c of ' \t\r\n.-/="\'') table[c.charCodeAt(0)] = 1
  for (let c = 0; c < 128; c++) if (SYMBOLS[c] !== undefined || isWordChar(c)) table[c] = 1
  return table
})()

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9
}

function isWordChar(c: number): boolean {
  return (
    (c >= CH_LA && c <= CH_LZ) ||
    (c >= CH_A && c <= CH_Z) ||
    (c >= CH_0 && c <= CH_9) ||
    c === CH_UNDERSCORE
  )
}

/**
 * The OpenQASM 2 lexer: a cursor over the text that exposes the *current* token as plain fields
 * (`kind`, `start`, `end`), so that scanning allocates nothing per token. Call {@link next} to
 * advance. Problems are reported to the diagnostic bag and come out as `TOKEN.error` tokens
 * (or, where the intent is clear, as the intended token), so the parser can carry on.
 */
export class Lexer {
  /** The kind of the current token. */
  kind: TokenKind = TOKEN.eof
  /** Offset of the current token's first character. */
  start = 0
  /** Offset just past the current token. */
  end = 0
  /** The end of the previous token: where a missing `;` belongs. */
  previousEnd = 0

  readonly file: SourceFile
  readonly #text: string
  readonly #diagnostics: DiagnosticBag
  readonly #strict: boolean

  /**
   * @param file - the source to scan
   * @param diagnostics - where lexical problems are reported
   * @param strict - whether to apply the OpenQASM 2.0 letter-of-the-spec rules
   */
  constructor(file: SourceFile, diagnostics: DiagnosticBag, strict: boolean) {
    this.file = file
    this.#text = file.text
    this.#diagnostics = diagnostics
    this.#strict = strict
    // A byte-order mark is not part of the program (editors on Windows like to write one).
    if (file.text.charCodeAt(0) === 0xfeff) this.end = 1
    this.next()
  }

  /**
   * The current kind, read through a call: after `next()` TypeScript would otherwise keep a
   * narrowing of `kind` from before the call.
   */
  current(): TokenKind {
    return this.kind
  }

  /** The text of the current token. */
  text(): string {
    return this.#text.slice(this.start, this.end)
  }

  /** The numeric value of the current integer or real token. */
  number(): number {
    return Number(this.#text.slice(this.start, this.end))
  }

  /** Advances to the next token, skipping whitespace and `//` comments. */
  next(): void {
    this.previousEnd = this.end
    const pos = this.#skipTrivia(this.end)
    this.start = pos
    if (pos >= this.#text.length) {
      this.kind = TOKEN.eof
      this.end = pos
      return
    }
    const c = this.#text.charCodeAt(pos)
    const symbol = SYMBOLS[c]
    if (symbol !== undefined) {
      this.kind = symbol
      this.end = pos + 1
    } else if ((c >= CH_LA && c <= CH_LZ) || (c >= CH_A && c <= CH_Z)) {
      this.#word(pos + 1)
    } else if (isDigit(c) || c === CH_DOT) {
      this.#number(pos)
    } else {
      this.#other(c, pos)
    }
  }

  /** The offset of the first character after whitespace and comments from `from`. */
  #skipTrivia(from: number): number {
    const text = this.#text
    const length = text.length
    let pos = from
    while (pos < length) {
      const c = text.charCodeAt(pos)
      if (c === CH_SPACE || c === CH_LF || c === CH_CR || c === CH_TAB) {
        pos++
      } else if (c === CH_SLASH && text.charCodeAt(pos + 1) === CH_SLASH) {
        const newline = text.indexOf('\n', pos)
        pos = newline === -1 ? length : newline + 1
      } else {
        break
      }
    }
    return pos
  }

  #word(from: number): void {
    const text = this.#text
    let pos = from
    while (pos < text.length && isWordChar(text.charCodeAt(pos))) pos++
    this.end = pos
    const first = text.charCodeAt(this.start)
    // Most words are gate and register names: rule keywords out by first letter and length
    // before paying for a map lookup.
    const length = pos - this.start
    if (length < 16 && ((KEYWORD_LENGTHS[first] ?? 0) & (1 << length)) !== 0) {
      const keyword = KEYWORDS.get(text.slice(this.start, pos))
      if (keyword !== undefined) {
        this.kind = keyword
        return
      }
    }
    this.kind = TOKEN.identifier
    if (first <= CH_Z) this.#checkCapitalised(text.slice(this.start, pos))
  }

  #checkCapitalised(word: string): void {
    if (word !== 'U' && word !== 'CX') {
      this.#error(
        'qasm2.lex.invalid-identifier',
        `identifiers cannot start with a capital letter (except the built-ins 'U' and 'CX'), but saw '${word}'`,
      )
    }
  }

  #number(from: number): void {
    const text = this.#text
    let pos = from
    let isReal = false
    while (isDigit(text.charCodeAt(pos))) pos++
    const integerDigits = pos - from
    if (text.charCodeAt(pos) === CH_DOT) {
      isReal = true
      pos = this.#fraction(pos + 1, integerDigits > 0)
      if (pos < 0) return
    }
    const e = text.charCodeAt(pos)
    if (e === CH_LE || e === CH_E) {
      if (!isReal && this.#strict) {
        this.end = pos
        this.#error(
          'qasm2.lex.strict-float-format',
          '[strict] all floats must include a decimal point',
        )
      }
      isReal = true
      pos = this.#exponent(pos + 1)
      if (pos < 0) return
    }
    this.end = pos
    this.kind = isReal ? TOKEN.real : TOKEN.integer
    if (isWordChar(text.charCodeAt(pos))) this.#glued(from, pos)
    else if (!isReal && integerDigits > 1 && text.charCodeAt(from) === CH_0) {
      this.#error('qasm2.lex.leading-zero', 'integers cannot have leading zeroes')
    }
  }

  /** A number running into a word (`2pi`): one invalid token up to the word's end. */
  #glued(from: number, numberEnd: number): void {
    const text = this.#text
    let end = numberEnd
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++
    this.end = end
    this.kind = TOKEN.error
    this.#error(
      'qasm2.lex.invalid-number',
      `expected a word boundary after the number '${text.slice(from, numberEnd)}'`,
    )
  }

  /** Scans the digits after a decimal point; -1 (reported) for a bare `.`. */
  #fraction(from: number, hasIntegerPart: boolean): number {
    const text = this.#text
    let pos = from
    while (isDigit(text.charCodeAt(pos))) pos++
    if (hasIntegerPart || pos > from) return pos
    this.end = pos
    this.kind = TOKEN.error
    this.#error('qasm2.lex.invalid-number', 'expected digits after the bare decimal point')
    return -1
  }

  /** Scans the sign and digits of an exponent; -1 (reported) if it has no digits. */
  #exponent(from: number): number {
    const text = this.#text
    let pos = from
    const sign = text.charCodeAt(pos)
    if (sign === CH_PLUS || sign === CH_MINUS) pos++
    const digitsStart = pos
    while (isDigit(text.charCodeAt(pos))) pos++
    if (pos > digitsStart) return pos
    this.end = pos
    this.kind = TOKEN.error
    this.#error('qasm2.lex.invalid-number', 'expected the digits of an exponent')
    return -1
  }

  #other(c: number, pos: number): void {
    const text = this.#text
    if (c === CH_MINUS) {
      const isArrow = text.charCodeAt(pos + 1) === CH_GT
      this.kind = isArrow ? TOKEN.arrow : TOKEN.minus
      this.end = pos + (isArrow ? 2 : 1)
    } else if (c === CH_SLASH) {
      this.kind = TOKEN.slash
      this.end = pos + 1
    } else if (c === CH_EQ) {
      const isDouble = text.charCodeAt(pos + 1) === CH_EQ
      this.kind = TOKEN.equalsEquals
      this.end = pos + (isDouble ? 2 : 1)
      if (!isDouble) this.#error('qasm2.lex.single-equals', "a single '=' is never valid; use '=='")
    } else if (c === CH_DQUOTE || c === CH_SQUOTE) {
      this.#string(c, pos)
    } else {
      this.#invalid(pos)
    }
  }

  #string(quote: number, pos: number): void {
    const text = this.#text
    let end = pos + 1
    while (end < text.length) {
      const c = text.charCodeAt(end)
      if (c === quote || c === CH_LF || c === CH_CR) break
      end++
    }
    this.kind = TOKEN.string
    if (text.charCodeAt(end) !== quote) {
      this.end = end
      this.#error('qasm2.lex.unterminated-string', 'this string is not closed on its line')
      return
    }
    this.end = end + 1
    if (quote === CH_SQUOTE && this.#strict) {
      this.#error('qasm2.lex.strict-single-quote', '[strict] paths must be in double quotes')
    }
  }

  /** Swallows a run of characters no token starts with, and reports it once. */
  #invalid(pos: number): void {
    const text = this.#text
    let end = pos
    let hasNonAscii = false
    while (end < text.length) {
      const c = text.charCodeAt(end)
      if (c < 128 && STARTS_TOKEN[c] === 1) break
      if (c > 127) hasNonAscii = true
      end++
    }
    this.kind = TOKEN.error
    this.end = Math.max(end, pos + 1)
    const seen = text.slice(pos, this.end)
    if (hasNonAscii) {
      this.#error('qasm2.lex.non-ascii', `OpenQASM 2 is ASCII only, but saw '${seen}'`)
    } else {
      this.#error('qasm2.lex.invalid-character', `'${seen}' does not start any valid token`)
    }
  }

  #error(code: string, message: string): void {
    this.#diagnostics.error(code, message, { file: this.file, start: this.start, end: this.end })
  }
}
