import { TK, type TokenKind } from './token-kind.js'

/** What {@link scanNumber} found. */
export interface ScannedNumber {
  readonly kind: TokenKind
  readonly end: number
  readonly error?: string
}

/** The time units of timing literals, longest first so `ms` wins over `s`. */
export const TIME_UNITS = ['dt', 'ns', 'us', 'µs', 'ms', 's'] as const

/** One time unit of a duration literal. */
export type TimeUnit = (typeof TIME_UNITS)[number]

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c >= 128
  )
}

/** Digits (decided by `accept`) with single `_` separators between them. */
function digitRun(text: string, start: number, accept: (c: number) => boolean): number {
  let i = start
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (accept(c)) i++
    else if (c === 95 && i > start && accept(text.charCodeAt(i + 1))) i++
    else break
  }
  return i
}

const isBinary = (c: number): boolean => c === 48 || c === 49
const isOctal = (c: number): boolean => c >= 48 && c <= 55
const isHex = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)

/** `0x…`, `0b…`, `0o…`: returns undefined when `start` holds no such prefix. */
function prefixedInteger(text: string, start: number): ScannedNumber | undefined {
  if (text.charCodeAt(start) !== 48) return undefined
  const p = text.charCodeAt(start + 1) | 32
  let kind: TokenKind
  let accept: (c: number) => boolean
  if (p === 120) {
    kind = TK.HexInteger
    accept = isHex
  } else if (p === 98) {
    kind = TK.BinaryInteger
    accept = isBinary
  } else if (p === 111) {
    kind = TK.OctalInteger
    accept = isOctal
  } else return undefined
  const end = digitRun(text, start + 2, accept)
  if (end === start + 2) return { kind, end, error: 'integer literal has no digits' }
  return { kind, end }
}

/** An optional `e[+-]digits` exponent; returns `i` unchanged when there is none. */
function exponent(text: string, i: number): number {
  const e = text.charCodeAt(i)
  if (e !== 101 && e !== 69) return i
  let j = i + 1
  const sign = text.charCodeAt(j)
  if (sign === 43 || sign === 45) j++
  if (!isDigit(text.charCodeAt(j))) return i
  return digitRun(text, j, isDigit)
}

/** After a number: `[ \t]*` then a time unit or `im` not followed by a word character. */
function suffix(text: string, i: number): { kind: TokenKind; end: number } | undefined {
  let j = i
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++
  const c = text.charCodeAt(j)
  // Only d, n, u, µ, m, s and i can start a suffix.
  if (c !== 100 && c !== 110 && c !== 117 && c !== 0xb5 && c !== 109 && c !== 115 && c !== 105) {
    return undefined
  }
  if (text.startsWith('im', j) && !isWordChar(text.charCodeAt(j + 2))) {
    return { kind: TK.Imaginary, end: j + 2 }
  }
  for (const unit of TIME_UNITS) {
    if (text.startsWith(unit, j) && !isWordChar(text.charCodeAt(j + unit.length))) {
      return { kind: TK.Timing, end: j + unit.length }
    }
  }
  return undefined
}

/**
 * Scans a numeric literal starting at `start` (a digit, or `.` before a digit): integers in
 * four bases with `_` separators, floats, and the imaginary (`1.5im`) and timing (`100ns`,
 * `2.5 us`) literals built on them.
 *
 * @param text - the source
 * @param start - the offset of the first character
 * @returns the token kind, its end offset and an error message if malformed
 */
export function scanNumber(text: string, start: number): ScannedNumber {
  const prefixed = prefixedInteger(text, start)
  if (prefixed !== undefined) return prefixed
  let i = digitRun(text, start, isDigit)
  let kind: TokenKind = TK.DecimalInteger
  if (text.charCodeAt(i) === 46) {
    kind = TK.Float
    i = digitRun(text, i + 1, isDigit)
  }
  const afterExponent = exponent(text, i)
  if (afterExponent !== i) kind = TK.Float
  i = afterExponent
  const tail = suffix(text, i)
  if (tail !== undefined) return tail
  return { kind, end: i }
}
