import type { Expression, TextSpan, TimeUnit } from './ast.js'
import { TIME_UNITS } from './lexer-numbers.js'
import { TK, type TokenKind } from './token-kind.js'

function stripUnderscores(text: string): string {
  return text.includes('_') ? text.replaceAll('_', '') : text
}

/** Splits `2.5 us` into its number and unit. */
function duration(text: string): { value: number; unit: TimeUnit } {
  for (const unit of TIME_UNITS) {
    if (text.endsWith(unit)) {
      const value = Number(stripUnderscores(text.slice(0, text.length - unit.length).trimEnd()))
      return { value, unit }
    }
  }
  return { value: Number(text), unit: 'dt' }
}

/**
 * The bits of a bit-string literal token (`"01_10"` → `0110`), or undefined if it holds
 * anything but 0, 1 and separators.
 *
 * @param raw - the token's text with its quotes
 * @returns the bits, most significant first
 */
export function bitstringValue(raw: string): string | undefined {
  const body = raw.slice(1, raw.length > 1 && raw.endsWith(raw[0]!) ? -1 : undefined)
  const bits = stripUnderscores(body)
  for (let i = 0; i < bits.length; i++) {
    const c = bits.charCodeAt(i)
    if (c !== 48 && c !== 49) return undefined
  }
  return bits.length === 0 ? undefined : bits
}

/**
 * The AST node of one literal token (bit strings excepted: see {@link bitstringValue}).
 *
 * @param raw - the token's text
 * @param kind - the token's kind
 * @param span - the token's span
 * @returns the literal expression
 */
export function literalNode(raw: string, kind: TokenKind, span: TextSpan): Expression {
  switch (kind as number) {
    case TK.DecimalInteger:
      if (raw.length < 16 && !raw.includes('_'))
        return { kind: 'IntegerLiteral', value: Number(raw), bigValue: undefined, span }
      return integer(raw, span)
    case TK.BinaryInteger:
    case TK.OctalInteger:
    case TK.HexInteger:
      return integer(raw, span)
    case TK.Float:
      return { kind: 'FloatLiteral', value: Number(stripUnderscores(raw)), span }
    case TK.Imaginary:
      return {
        kind: 'ImaginaryLiteral',
        value: Number(stripUnderscores(raw.slice(0, -2).trimEnd())),
        span,
      }
    case TK.Timing: {
      const { value, unit } = duration(raw)
      return { kind: 'DurationLiteral', value, unit, span }
    }
    default:
      return { kind: 'BooleanLiteral', value: kind === TK.KwTrue, span }
  }
}

/** An integer in any base: a number, plus the exact bigint when beyond 2^53. */
function integer(raw: string, span: TextSpan): Expression {
  const digits = stripUnderscores(raw)
  // `0x` alone was already reported by the lexer; its value does not matter.
  if (digits.length <= 2 && /^0[xbo]?$/i.test(digits) && digits !== '0') {
    return { kind: 'IntegerLiteral', value: 0, bigValue: undefined, span }
  }
  const big = BigInt(digits)
  const value = Number(big)
  return {
    kind: 'IntegerLiteral',
    value,
    bigValue: Number.isSafeInteger(value) ? undefined : big,
    span,
  }
}
