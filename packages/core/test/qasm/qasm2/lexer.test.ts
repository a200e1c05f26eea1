import { describe, expect, it } from 'vitest'
import { DiagnosticBag } from '../../../src/qasm/qasm2/diagnostic-bag.js'
import { Lexer } from '../../../src/qasm/qasm2/lexer.js'
import { SourceFile } from '../../../src/qasm/qasm2/source-file.js'
import { TOKEN, describeTokenKind } from '../../../src/qasm/qasm2/token-kind.js'

/** Every token as `kind:text`, and the diagnostics as `code@line:column`. */
function lex(text: string, strict = false): { tokens: string[]; diagnostics: string[] } {
  const bag = new DiagnosticBag()
  const lexer = new Lexer(new SourceFile('t.qasm', text), bag, strict)
  const tokens: string[] = []
  while (lexer.kind !== TOKEN.eof) {
    tokens.push(`${describeTokenKind(lexer.kind)}:${lexer.text()}`)
    lexer.next()
  }
  return { tokens, diagnostics: bag.items.map((d) => `${d.code}@${d.line}:${d.column}`) }
}

describe('Lexer', () => {
  it('reads a statement into tokens, skipping whitespace and // comments', () => {
    expect(lex('cx q[0],\tr[12]; // the rest\r\n  measure q -> c;')).toEqual({
      tokens: [
        'an identifier:cx',
        'an identifier:q',
        "'[':[",
        'an integer:0',
        "']':]",
        "',':,",
        'an identifier:r',
        "'[':[",
        'an integer:12',
        "']':]",
        "';':;",
        "'measure':measure",
        'an identifier:q',
        "'->':->",
        'an identifier:c',
        "';':;",
      ],
      diagnostics: [],
    })
  })

  it('knows the keywords, the built-in functions and pi, and U/CX as identifiers', () => {
    const { tokens } = lex(
      'OPENQASM include qreg creg gate opaque barrier measure reset if pi sin cos tan exp ln sqrt U CX',
    )
    expect(tokens.slice(0, 17).every((t) => t.startsWith("'"))).toBe(true)
    expect(tokens.slice(17)).toEqual(['an identifier:U', 'an identifier:CX'])
  })

  it('reads integers and reals in every spelling OpenQASM 2 allows', () => {
    expect(lex('0 42 1.5 .5 5. 1.5e-3 2.E+10 7e3').tokens).toEqual([
      'an integer:0',
      'an integer:42',
      'a real number:1.5',
      'a real number:.5',
      'a real number:5.',
      'a real number:1.5e-3',
      'a real number:2.E+10',
      'a real number:7e3',
    ])
  })

  it('gives real values exactly as the decimal text denotes them', () => {
    const lexer = new Lexer(new SourceFile('t', '1.5e-3 .5 0.1'), new DiagnosticBag(), false)
    const values: number[] = []
    while (lexer.kind !== TOKEN.eof) {
      values.push(lexer.number())
      lexer.next()
    }
    expect(values).toEqual([0.0015, 0.5, 0.1])
  })

  it('refuses a float without a decimal point only in strict mode', () => {
    expect(lex('7e3').diagnostics).toEqual([])
    expect(lex('7e3', true).diagnostics).toEqual(['qasm2.lex.strict-float-format@1:1'])
  })

  it('reports malformed numbers', () => {
    expect(lex('. 1e 1.5e+ 007 2pi').diagnostics).toEqual([
      'qasm2.lex.invalid-number@1:1',
      'qasm2.lex.invalid-number@1:3',
      'qasm2.lex.invalid-number@1:6',
      'qasm2.lex.leading-zero@1:12',
      'qasm2.lex.invalid-number@1:16',
    ])
  })

  it('tells the arrow from a minus, and == from a lone =', () => {
    expect(lex('a->b - -> ==').tokens).toEqual([
      'an identifier:a',
      "'->':->",
      'an identifier:b',
      "'-':-",
      "'->':->",
      "'==':==",
    ])
    expect(lex('if (c = 1)').diagnostics).toEqual(['qasm2.lex.single-equals@1:7'])
  })

  it('reads strings in double quotes, and single quotes outside strict mode', () => {
    expect(lex('"qelib1.inc" \'x.inc\'').tokens).toEqual([
      'a string:"qelib1.inc"',
      "a string:'x.inc'",
    ])
    expect(lex("'x.inc'", true).diagnostics).toEqual(['qasm2.lex.strict-single-quote@1:1'])
    expect(lex('"never closed\nqreg').diagnostics).toEqual(['qasm2.lex.unterminated-string@1:1'])
  })

  it('refuses identifiers that start with a capital letter, except U and CX', () => {
    expect(lex('Foo U CX OPENQASM').diagnostics).toEqual(['qasm2.lex.invalid-identifier@1:1'])
  })

  it('reports runs of invalid characters once, and non-ASCII text as such', () => {
    expect(lex('h @#$ q; π').diagnostics).toEqual([
      'qasm2.lex.invalid-character@1:3',
      'qasm2.lex.non-ascii@1:10',
    ])
  })

  it('accepts non-ASCII text inside comments', () => {
    expect(lex('// θ → π\nh q;').diagnostics).toEqual([])
  })

  it('ends cleanly on a comment without a final line break', () => {
    expect(lex('h q; // done').tokens).toHaveLength(3)
  })
})
