/**
 * The token kinds of the OpenQASM 3 lexer, as small integers so that a whole file's tokens fit
 * in typed arrays (see {@link TokenBuffer}). Keywords have their own kinds; `pi`, `π`, gate names
 * and types' names that are not keywords are plain identifiers.
 *
 * @module
 */

/** Token kinds. Values are stable only within one build: compare against these names. */
export const TK = {
  Eof: 0,
  Identifier: 1,
  HardwareQubit: 2,
  DecimalInteger: 3,
  BinaryInteger: 4,
  OctalInteger: 5,
  HexInteger: 6,
  Float: 7,
  Imaginary: 8,
  Timing: 9,
  String: 10,
  /** The text after `pragma` up to the end of the line. */
  LineContent: 11,
  /** `@name` or `@name.sub` at the start of a statement. */
  Annotation: 12,
  /** The opaque text between the braces of a `cal` or `defcal` block. */
  CalibrationBody: 13,
  Pragma: 14,
  Dim: 15,
  // punctuation
  LBracket: 20,
  RBracket: 21,
  LBrace: 22,
  RBrace: 23,
  LParen: 24,
  RParen: 25,
  Colon: 26,
  Semicolon: 27,
  Dot: 28,
  Comma: 29,
  Equals: 30,
  Arrow: 31,
  Plus: 32,
  DoublePlus: 33,
  Minus: 34,
  Asterisk: 35,
  DoubleAsterisk: 36,
  Slash: 37,
  Percent: 38,
  Pipe: 39,
  DoublePipe: 40,
  Ampersand: 41,
  DoubleAmpersand: 42,
  Caret: 43,
  At: 44,
  Tilde: 45,
  Exclamation: 46,
  EqualEqual: 47,
  NotEqual: 48,
  Less: 49,
  LessEqual: 50,
  Greater: 51,
  GreaterEqual: 52,
  ShiftLeft: 53,
  ShiftRight: 54,
  /** `+=`, `-=`, `<<=`, …: the operator is the token's text. */
  CompoundAssign: 55,
  // keywords
  KwOpenqasm: 60,
  KwInclude: 61,
  KwDefcalgrammar: 62,
  KwDef: 63,
  KwCal: 64,
  KwDefcal: 65,
  KwGate: 66,
  KwExtern: 67,
  KwBox: 68,
  KwLet: 69,
  KwBreak: 70,
  KwContinue: 71,
  KwIf: 72,
  KwElse: 73,
  KwEnd: 74,
  KwReturn: 75,
  KwFor: 76,
  KwWhile: 77,
  KwIn: 78,
  KwSwitch: 79,
  KwCase: 80,
  KwDefault: 81,
  KwNop: 82,
  KwInput: 83,
  KwOutput: 84,
  KwConst: 85,
  KwReadonly: 86,
  KwMutable: 87,
  KwQreg: 88,
  KwQubit: 89,
  KwCreg: 90,
  KwBool: 91,
  KwBit: 92,
  KwInt: 93,
  KwUint: 94,
  KwFloat: 95,
  KwAngle: 96,
  KwComplex: 97,
  KwArray: 98,
  KwVoid: 99,
  KwDuration: 100,
  KwStretch: 101,
  KwGphase: 102,
  KwInv: 103,
  KwPow: 104,
  KwCtrl: 105,
  KwNegctrl: 106,
  KwDurationof: 107,
  KwDelay: 108,
  KwReset: 109,
  KwMeasure: 110,
  KwBarrier: 111,
  KwTrue: 112,
  KwFalse: 113,
} as const

/** One token kind. */
export type TokenKind = (typeof TK)[keyof typeof TK]

/** The reserved words of OpenQASM 3 and their token kinds. */
export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['OPENQASM', TK.KwOpenqasm],
  ['include', TK.KwInclude],
  ['defcalgrammar', TK.KwDefcalgrammar],
  ['def', TK.KwDef],
  ['cal', TK.KwCal],
  ['defcal', TK.KwDefcal],
  ['gate', TK.KwGate],
  ['extern', TK.KwExtern],
  ['box', TK.KwBox],
  ['let', TK.KwLet],
  ['break', TK.KwBreak],
  ['continue', TK.KwContinue],
  ['if', TK.KwIf],
  ['else', TK.KwElse],
  ['end', TK.KwEnd],
  ['return', TK.KwReturn],
  ['for', TK.KwFor],
  ['while', TK.KwWhile],
  ['in', TK.KwIn],
  ['switch', TK.KwSwitch],
  ['case', TK.KwCase],
  ['default', TK.KwDefault],
  ['nop', TK.KwNop],
  ['pragma', TK.Pragma],
  ['input', TK.KwInput],
  ['output', TK.KwOutput],
  ['const', TK.KwConst],
  ['readonly', TK.KwReadonly],
  ['mutable', TK.KwMutable],
  ['qreg', TK.KwQreg],
  ['qubit', TK.KwQubit],
  ['creg', TK.KwCreg],
  ['bool', TK.KwBool],
  ['bit', TK.KwBit],
  ['int', TK.KwInt],
  ['uint', TK.KwUint],
  ['float', TK.KwFloat],
  ['angle', TK.KwAngle],
  ['complex', TK.KwComplex],
  ['array', TK.KwArray],
  ['void', TK.KwVoid],
  ['duration', TK.KwDuration],
  ['stretch', TK.KwStretch],
  ['gphase', TK.KwGphase],
  ['inv', TK.KwInv],
  ['pow', TK.KwPow],
  ['ctrl', TK.KwCtrl],
  ['negctrl', TK.KwNegctrl],
  ['durationof', TK.KwDurationof],
  ['delay', TK.KwDelay],
  ['reset', TK.KwReset],
  ['measure', TK.KwMeasure],
  ['barrier', TK.KwBarrier],
  ['true', TK.KwTrue],
  ['false', TK.KwFalse],
])

const NAMES = new Map<TokenKind, string>()
for (const [word, kind] of KEYWORDS) NAMES.set(kind, `'${word}'`)
const PUNCTUATION: readonly (readonly [TokenKind, string])[] = [
  [TK.LBracket, '['],
  [TK.RBracket, ']'],
  [TK.LBrace, '{'],
  [TK.RBrace, '}'],
  [TK.LParen, '('],
  [TK.RParen, ')'],
  [TK.Colon, ':'],
  [TK.Semicolon, ';'],
  [TK.Dot, '.'],
  [TK.Comma, ','],
  [TK.Equals, '='],
  [TK.Arrow, '->'],
  [TK.Plus, '+'],
  [TK.DoublePlus, '++'],
  [TK.Minus, '-'],
  [TK.Asterisk, '*'],
  [TK.DoubleAsterisk, '**'],
  [TK.Slash, '/'],
  [TK.Percent, '%'],
  [TK.Pipe, '|'],
  [TK.DoublePipe, '||'],
  [TK.Ampersand, '&'],
  [TK.DoubleAmpersand, '&&'],
  [TK.Caret, '^'],
  [TK.At, '@'],
  [TK.Tilde, '~'],
  [TK.Exclamation, '!'],
  [TK.EqualEqual, '=='],
  [TK.NotEqual, '!='],
  [TK.Less, '<'],
  [TK.LessEqual, '<='],
  [TK.Greater, '>'],
  [TK.GreaterEqual, '>='],
  [TK.ShiftLeft, '<<'],
  [TK.ShiftRight, '>>'],
  [TK.Dim, '#dim'],
]
for (const [kind, text] of PUNCTUATION) NAMES.set(kind, `'${text}'`)
NAMES.set(TK.Eof, 'end of file')
NAMES.set(TK.Identifier, 'an identifier')
NAMES.set(TK.HardwareQubit, 'a hardware qubit')
NAMES.set(TK.DecimalInteger, 'an integer')
NAMES.set(TK.BinaryInteger, 'an integer')
NAMES.set(TK.OctalInteger, 'an integer')
NAMES.set(TK.HexInteger, 'an integer')
NAMES.set(TK.Float, 'a number')
NAMES.set(TK.Imaginary, 'an imaginary number')
NAMES.set(TK.Timing, 'a duration')
NAMES.set(TK.String, 'a string')
NAMES.set(TK.LineContent, 'text')
NAMES.set(TK.Annotation, 'an annotation')
NAMES.set(TK.CalibrationBody, 'a calibration block')
NAMES.set(TK.CompoundAssign, 'a compound assignment')

/**
 * A readable name of a token kind for diagnostics: `';'`, `'gate'`, `an identifier`.
 *
 * @param kind - the token kind
 * @returns its description
 */
export function describeTokenKind(kind: TokenKind): string {
  return NAMES.get(kind) ?? 'a token'
}
