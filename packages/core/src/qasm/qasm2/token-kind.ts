/**
 * The kinds of OpenQASM 2 tokens. Small integers rather than strings: the lexer hands the parser
 * one kind per token on the hot path and integer comparisons keep that cheap.
 */
export const TOKEN = {
  eof: 0,
  /** A token the lexer could not read; it has already reported why. */
  error: 1,
  identifier: 2,
  integer: 3,
  real: 4,
  string: 5,
  // keywords
  openqasm: 10,
  include: 11,
  qreg: 12,
  creg: 13,
  gate: 14,
  opaque: 15,
  barrier: 16,
  measure: 17,
  reset: 18,
  if: 19,
  pi: 20,
  sin: 21,
  cos: 22,
  tan: 23,
  exp: 24,
  ln: 25,
  sqrt: 26,
  // symbols
  plus: 30,
  minus: 31,
  star: 32,
  slash: 33,
  caret: 34,
  arrow: 35,
  equalsEquals: 36,
  semicolon: 37,
  comma: 38,
  lParen: 39,
  rParen: 40,
  lBracket: 41,
  rBracket: 42,
  lBrace: 43,
  rBrace: 44,
} as const

/** A token kind: one of the values of {@link TOKEN}. */
export type TokenKind = (typeof TOKEN)[keyof typeof TOKEN]

/** The keywords of OpenQASM 2 (and the built-in function names and `pi`), by spelling. */
export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['OPENQASM', TOKEN.openqasm],
  ['include', TOKEN.include],
  ['qreg', TOKEN.qreg],
  ['creg', TOKEN.creg],
  ['gate', TOKEN.gate],
  ['opaque', TOKEN.opaque],
  ['barrier', TOKEN.barrier],
  ['measure', TOKEN.measure],
  ['reset', TOKEN.reset],
  ['if', TOKEN.if],
  ['pi', TOKEN.pi],
  ['sin', TOKEN.sin],
  ['cos', TOKEN.cos],
  ['tan', TOKEN.tan],
  ['exp', TOKEN.exp],
  ['ln', TOKEN.ln],
  ['sqrt', TOKEN.sqrt],
])

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  [TOKEN.eof]: 'the end of the file',
  [TOKEN.error]: 'an invalid token',
  [TOKEN.identifier]: 'an identifier',
  [TOKEN.integer]: 'an integer',
  [TOKEN.real]: 'a real number',
  [TOKEN.string]: 'a string',
  [TOKEN.plus]: "'+'",
  [TOKEN.minus]: "'-'",
  [TOKEN.star]: "'*'",
  [TOKEN.slash]: "'/'",
  [TOKEN.caret]: "'^'",
  [TOKEN.arrow]: "'->'",
  [TOKEN.equalsEquals]: "'=='",
  [TOKEN.semicolon]: "';'",
  [TOKEN.comma]: "','",
  [TOKEN.lParen]: "'('",
  [TOKEN.rParen]: "')'",
  [TOKEN.lBracket]: "'['",
  [TOKEN.rBracket]: "']'",
  [TOKEN.lBrace]: "'{'",
  [TOKEN.rBrace]: "'}'",
}

/**
 * A human description of a token kind, for messages: `';'`, `an identifier`, `'gate'`.
 *
 * @param kind - the token kind
 * @returns the description
 */
export function describeTokenKind(kind: TokenKind): string {
  const described = DESCRIPTIONS[kind]
  if (described !== undefined) return described
  for (const [spelling, keyword] of KEYWORDS) if (keyword === kind) return `'${spelling}'`
  return 'a token'
}
