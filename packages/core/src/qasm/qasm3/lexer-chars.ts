import { KEYWORDS, TK } from './token-kind.js'

/**
 * Character classes of the OpenQASM 3 lexer, decided by comparing character codes (no regular
 * expression runs per character; only non-ASCII letters fall back to a Unicode property test).
 *
 * @module
 */

const UNICODE_ID_START = /[\p{L}\p{Nl}_]/u
const UNICODE_ID_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u

/**
 * Whether a character code may start an identifier. ASCII is decided by comparisons; only
 * non-ASCII letters (`θ`, `π`, `ℇ`) fall back to a Unicode property test.
 *
 * @param text - the source
 * @param i - the offset of the character
 * @returns whether it starts an identifier
 */
export function isIdentifierStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95
  if (Number.isNaN(c)) return false
  return UNICODE_ID_START.test(String.fromCodePoint(text.codePointAt(i) ?? c))
}

/**
 * Whether the character at `i` may continue an identifier.
 *
 * @param text - the source
 * @param i - the offset of the character
 * @returns whether it continues an identifier
 */
export function isIdentifierPart(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57)
  }
  if (Number.isNaN(c)) return false
  return UNICODE_ID_PART.test(String.fromCodePoint(text.codePointAt(i) ?? c))
}

/** The width in UTF-16 units of the code point at `i`. */
export function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i)
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1
}

/** Whether a character code is an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/**
 * Whether a number can end before this character without the general scanner: not an
 * exponent, separator, suffix (`ns`, `im`, after optional blanks) or base prefix.
 */
export function isPlainNumberEnd(c: number): boolean {
  return !(
    (c >= 97 && c <= 122) ||
    c === 46 ||
    c === 95 ||
    c === 69 ||
    c === 32 ||
    c === 9 ||
    c === 0xb5
  )
}

/** Bit `n` of entry `c`: some keyword starts with character code `c` and has length `n`. */
const KEYWORD_SHAPES = new Uint16Array(128)
for (const word of KEYWORDS.keys()) {
  const c = word.charCodeAt(0)
  KEYWORD_SHAPES[c] = KEYWORD_SHAPES[c]! | (1 << word.length)
}

/** Token kinds of the one-character punctuation, by character code (0: not punctuation). */
export const SINGLE = new Uint8Array(128)
SINGLE[59] = TK.Semicolon
SINGLE[44] = TK.Comma
SINGLE[91] = TK.LBracket
SINGLE[93] = TK.RBracket
SINGLE[40] = TK.LParen
SINGLE[41] = TK.RParen
SINGLE[123] = TK.LBrace
SINGLE[125] = TK.RBrace
SINGLE[58] = TK.Colon
SINGLE[46] = TK.Dot

/** Token kinds after which `@name` starts an annotation rather than being a modifier's `@`. */
export function isStatementBoundary(kind: number): boolean {
  return (
    kind === TK.Eof ||
    kind === TK.Semicolon ||
    kind === TK.LBrace ||
    kind === TK.RBrace ||
    kind === TK.LineContent ||
    kind === TK.Annotation ||
    kind === TK.Pragma
  )
}

/**
 * Whether a word of this first character and length could be a keyword: only those are sliced
 * out of the source and looked up.
 *
 * @param first - the first character code
 * @param length - the word's length
 * @returns false when no keyword has this shape
 */
export function mayBeKeyword(first: number, length: number): boolean {
  return first < 128 && length <= 13 && (KEYWORD_SHAPES[first]! & (1 << length)) !== 0
}

/**
 * The end of the identifier starting at `start` (whose first character was checked).
 *
 * @param text - the source
 * @param start - the identifier's first character
 * @returns the offset just past it
 */
export function identifierEnd(text: string, start: number): number {
  let i = start + charWidth(text, start)
  for (;;) {
    const c = text.charCodeAt(i)
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57)) i++
    else if (c >= 128 && isIdentifierPart(text, i)) i += charWidth(text, i)
    else return i
  }
}

/** Whether a character code is blank space (including the Unicode spaces QASM files carry). */
export function isBlank(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029
  )
}
