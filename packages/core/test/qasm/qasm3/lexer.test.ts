import { describe, expect, it } from 'vitest'
import type { QasmDiagnostic } from '../../../src/qasm/qasm-error.js'
import { lexQasm3 } from '../../../src/qasm/qasm3/lexer.js'
import { SourceFile } from '../../../src/qasm/qasm3/source-file.js'
import { describeTokenKind, TK, type TokenKind } from '../../../src/qasm/qasm3/token-kind.js'

function lex(text: string): { tokens: [string, string][]; diagnostics: QasmDiagnostic[] } {
  const diagnostics: QasmDiagnostic[] = []
  const buffer = lexQasm3(new SourceFile('t.qasm', text), diagnostics)
  const tokens: [string, string][] = []
  for (let i = 0; i < buffer.count; i++) {
    const kind = buffer.kinds[i] as TokenKind
    const name = Object.entries(TK).find(([, v]) => v === kind)![0]
    tokens.push([name, text.slice(buffer.starts[i], buffer.ends[i])])
  }
  return { tokens, diagnostics }
}

const kinds = (text: string): string[] => lex(text).tokens.map(([k]) => k)
const texts = (text: string): string[] => lex(text).tokens.map(([, t]) => t)

describe('lexQasm3', () => {
  it('splits a gate line into tokens with exact offsets', () => {
    expect(lex('cx q[0], q[1];').tokens).toEqual([
      ['Identifier', 'cx'],
      ['Identifier', 'q'],
      ['LBracket', '['],
      ['DecimalInteger', '0'],
      ['RBracket', ']'],
      ['Comma', ','],
      ['Identifier', 'q'],
      ['LBracket', '['],
      ['DecimalInteger', '1'],
      ['RBracket', ']'],
      ['Semicolon', ';'],
      ['Eof', ''],
    ])
  })

  it('reads numbers in every base and form', () => {
    expect(lex('1_000 0x1F 0b1_01 0o17 1.5e-3 .5 1. 2E+4 12').tokens.slice(0, -1)).toEqual([
      ['DecimalInteger', '1_000'],
      ['HexInteger', '0x1F'],
      ['BinaryInteger', '0b1_01'],
      ['OctalInteger', '0o17'],
      ['Float', '1.5e-3'],
      ['Float', '.5'],
      ['Float', '1.'],
      ['Float', '2E+4'],
      ['DecimalInteger', '12'],
    ])
  })

  it('reads timing and imaginary literals, with blanks before the unit', () => {
    expect(lex('100ns 2.5 us 3µs 4 ms 1s 10dt 1.5im 2 im').tokens.slice(0, -1)).toEqual([
      ['Timing', '100ns'],
      ['Timing', '2.5 us'],
      ['Timing', '3µs'],
      ['Timing', '4 ms'],
      ['Timing', '1s'],
      ['Timing', '10dt'],
      ['Imaginary', '1.5im'],
      ['Imaginary', '2 im'],
    ])
    // A unit must end the word: `2 sx` is a number and a gate name.
    expect(kinds('2 sx')).toEqual(['DecimalInteger', 'Identifier', 'Eof'])
  })

  it('separates keywords from identifiers, including Unicode names', () => {
    expect(
      lex('gate θ qubit ctrl negctrl inv pow π ℇ input inputs _x').tokens.slice(0, -1),
    ).toEqual([
      ['KwGate', 'gate'],
      ['Identifier', 'θ'],
      ['KwQubit', 'qubit'],
      ['KwCtrl', 'ctrl'],
      ['KwNegctrl', 'negctrl'],
      ['KwInv', 'inv'],
      ['KwPow', 'pow'],
      ['Identifier', 'π'],
      ['Identifier', 'ℇ'],
      ['KwInput', 'input'],
      ['Identifier', 'inputs'],
      ['Identifier', '_x'],
    ])
  })

  it('reads operators longest first', () => {
    expect(texts('a <<= b ** c **= d -> e ++ f == g != h <= i >> j && k || l ~= m')).toEqual([
      'a',
      '<<=',
      'b',
      '**',
      'c',
      '**=',
      'd',
      '->',
      'e',
      '++',
      'f',
      '==',
      'g',
      '!=',
      'h',
      '<=',
      'i',
      '>>',
      'j',
      '&&',
      'k',
      '||',
      'l',
      '~=',
      'm',
      '',
    ])
    expect(
      kinds('+= -= *= /= %= &= |= ^= >>=')
        .slice(0, -1)
        .every((k) => k === 'CompoundAssign'),
    ).toBe(true)
  })

  it('tells annotations from the modifier separator', () => {
    expect(lex('@bind a.b extra words\nctrl @ x q;').tokens).toEqual([
      ['Annotation', '@bind'],
      ['LineContent', 'a.b extra words'],
      ['KwCtrl', 'ctrl'],
      ['At', '@'],
      ['Identifier', 'x'],
      ['Identifier', 'q'],
      ['Semicolon', ';'],
      ['Eof', ''],
    ])
    // Right after a modifier keyword, `@x` is still the separator and a gate name.
    expect(kinds('inv @x q;')).toEqual([
      'KwInv',
      'At',
      'Identifier',
      'Identifier',
      'Semicolon',
      'Eof',
    ])
  })

  it('takes the rest of the line after pragma and #pragma', () => {
    expect(lex('pragma  qiskit.simulator noise  \n#pragma x y\nh q;').tokens.slice(0, 4)).toEqual([
      ['Pragma', 'pragma'],
      ['LineContent', 'qiskit.simulator noise'],
      ['Pragma', '#pragma'],
      ['LineContent', 'x y'],
    ])
  })

  it('keeps calibration bodies opaque, braces balanced', () => {
    const { tokens } = lex('defcal x $0 { play d($0), g(...); { nested } }\ncal { a } h q;')
    expect(tokens.map(([k]) => k)).toEqual([
      'KwDefcal',
      'Identifier',
      'HardwareQubit',
      'LBrace',
      'CalibrationBody',
      'RBrace',
      'KwCal',
      'LBrace',
      'CalibrationBody',
      'RBrace',
      'Identifier',
      'Identifier',
      'Semicolon',
      'Eof',
    ])
    expect(tokens[4]![1]).toBe(' play d($0), g(...); { nested } ')
  })

  it('skips line and block comments', () => {
    expect(texts('h /* a\nb */ q; // rest\nx q;')).toEqual(['h', 'q', ';', 'x', 'q', ';', ''])
  })

  it('reads strings in both quotes', () => {
    expect(lex(`include "a b.inc"; '0101'`).tokens.slice(0, 4)).toEqual([
      ['KwInclude', 'include'],
      ['String', '"a b.inc"'],
      ['Semicolon', ';'],
      ['String', "'0101'"],
    ])
  })

  it('reports bad input with codes, 1-based lines and columns, and keeps going', () => {
    const { diagnostics, tokens } = lex('h q;\n  ? x;\n"open\n/* never closed')
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['qasm3.lex.unexpected-character', 2, 3],
      ['qasm3.lex.unterminated-string', 3, 1],
      ['qasm3.lex.unterminated-comment', 4, 1],
    ])
    expect(diagnostics[0]!.excerpt).toBe('  ? x;')
    expect(diagnostics[0]!.span).toEqual({
      file: 't.qasm',
      offset: 7,
      length: 1,
      line: 2,
      column: 3,
    })
    expect(tokens.map(([, t]) => t)).toContain('x')
  })

  it('reports malformed numbers, a lone $ and an unclosed calibration block', () => {
    const { diagnostics } = lex('0x; $; cal { x')
    expect(diagnostics.map((d) => d.code)).toEqual([
      'qasm3.lex.invalid-number',
      'qasm3.lex.unexpected-character',
      'qasm3.lex.unterminated-calibration',
    ])
  })

  it('counts columns in UTF-16 units and handles CRLF line breaks', () => {
    const { diagnostics } = lex('θ = 1;\r\nπ ?')
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[2, 3]])
  })

  it('names token kinds for messages', () => {
    expect(describeTokenKind(TK.Semicolon)).toBe("';'")
    expect(describeTokenKind(TK.KwGate)).toBe("'gate'")
    expect(describeTokenKind(TK.Identifier)).toBe('an identifier')
    expect(describeTokenKind(TK.Eof)).toBe('end of file')
  })
})
