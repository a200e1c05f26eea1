import { describe, expect, it } from 'vitest'
import { InMemoryIncludeResolver } from '../../../src/qasm/include-resolver.js'
import { QasmParseError, type QasmDiagnostic } from '../../../src/qasm/qasm-error.js'
import { parseQasm2 } from '../../../src/qasm/qasm2/parse-qasm2.js'
import type { Qasm2ParseOptions } from '../../../src/qasm/qasm2/qasm2-parse-options.js'

const H = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n'

/** `[code, line, column]` of every diagnostic `parseQasm2` throws (it must throw). */
function diagnosticsOf(text: string, options: Qasm2ParseOptions = {}): [string, number, number][] {
  try {
    parseQasm2(text, options)
  } catch (error) {
    expect(error).toBeInstanceOf(QasmParseError)
    return (error as QasmParseError).diagnostics.map((d) => [d.code, d.line, d.column])
  }
  throw new Error('expected a QasmParseError')
}

/** Golden cases: program (lines 1–2 are the header `H` where used) → expected diagnostics. */
const GOLDEN: readonly (readonly [
  string,
  string,
  readonly [string, number, number][],
  Qasm2ParseOptions?,
])[] = [
  [
    'missing semicolon at a line end',
    `${H}qreg q[2]\nh q[0];`,
    [['qasm2.parse.missing-semicolon', 3, 10]],
  ],
  [
    'missing semicolon mid-line',
    `${H}qreg q[2];\nh q[0] x q[1];`,
    [['qasm2.parse.missing-semicolon', 4, 7]],
  ],
  [
    'several syntax errors',
    `${H}qreg q[2];\nh q[0]\nx q[1]\ncx q[0] q[1];`,
    [
      ['qasm2.parse.missing-semicolon', 4, 7],
      ['qasm2.parse.missing-semicolon', 5, 7],
      ['qasm2.parse.missing-semicolon', 6, 8],
    ],
  ],
  [
    'unexpected token',
    `${H}qreg q[2];\nmeasure q[0] c[0];`,
    [['qasm2.parse.unexpected-token', 4, 14]],
  ],
  ['unexpected end of file', `${H}qreg q[2];\ncx q[0],`, [['qasm2.parse.unexpected-eof', 4, 9]]],
  ['invalid character', `${H}qreg q[1];\nh q[0]; $`, [['qasm2.lex.invalid-character', 4, 9]]],
  ['non-ASCII text', `${H}qreg q[1];\nrz(π) q[0];`, [['qasm2.lex.non-ascii', 4, 4]]],
  ['capitalised identifier', `${H}qreg Q[1];`, [['qasm2.lex.invalid-identifier', 3, 6]]],
  [
    'unsupported version',
    'OPENQASM 3.0;\nqreg q[1];',
    [['qasm2.parse.unsupported-version', 1, 10]],
  ],
  ['version not first', 'qreg q[1];\nOPENQASM 2.0;', [['qasm2.parse.misplaced-version', 2, 1]]],
  [
    'statement in a gate body',
    `${H}gate g a { reset a; }`,
    [['qasm2.parse.invalid-gate-body', 3, 12]],
  ],
  ['undefined gate', `${H}qreg q[1];\nfoo q[0];`, [['qasm2.semantic.undefined-gate', 4, 1]]],
  [
    'gate used before its include',
    'qreg q[1];\nh q[0];\ninclude "qelib1.inc";',
    [['qasm2.semantic.undefined-gate', 2, 1]],
  ],
  ['undefined register', `${H}qreg q[1];\nh r[0];`, [['qasm2.semantic.undefined-register', 4, 3]]],
  [
    'register of the wrong kind',
    `${H}qreg q[1];\ncreg c[1];\nh c[0];\nmeasure q[0] -> q[0];`,
    [
      ['qasm2.semantic.wrong-kind', 5, 3],
      ['qasm2.semantic.wrong-kind', 6, 17],
    ],
  ],
  ['a gate used as a register', `${H}qreg q[1];\nh h;`, [['qasm2.semantic.wrong-kind', 4, 3]]],
  ['index out of range', `${H}qreg q[2];\nh q[2];`, [['qasm2.semantic.index-out-of-range', 4, 3]]],
  ['too few parameters', `${H}qreg q[1];\nu3(1, 2) q[0];`, [['qasm2.semantic.param-count', 4, 1]]],
  [
    'too many qubits',
    `${H}qreg q[3];\ncx q[0], q[1], q[2];`,
    [['qasm2.semantic.qubit-count', 4, 1]],
  ],
  [
    'mismatched broadcast',
    `${H}qreg q[2];\nqreg r[3];\ncx q, r;`,
    [['qasm2.semantic.broadcast-mismatch', 5, 1]],
  ],
  [
    'mismatched measurement',
    `${H}qreg q[2];\ncreg c[3];\nmeasure q -> c;`,
    [['qasm2.semantic.broadcast-mismatch', 5, 1]],
  ],
  ['duplicate qubit', `${H}qreg q[2];\ncx q[1], q[1];`, [['qasm2.semantic.duplicate-qubit', 4, 1]]],
  [
    'duplicate qubit in a broadcast',
    `${H}qreg q[2];\ncx q[0], q;`,
    [['qasm2.semantic.duplicate-qubit', 4, 1]],
  ],
  ['register redefinition', `${H}qreg q[2];\ncreg q[2];`, [['qasm2.semantic.redefinition', 4, 6]]],
  ['gate redefinition', `${H}gate h a { x a; }`, [['qasm2.semantic.redefinition', 3, 6]]],
  ['duplicate gate parameter', `${H}gate g(a, a) b { }`, [['qasm2.semantic.redefinition', 3, 11]]],
  [
    'undefined name in a gate body',
    `${H}gate g(a) b { rz(c) b; h d; }`,
    [
      ['qasm2.semantic.undefined-identifier', 3, 18],
      ['qasm2.semantic.undefined-qubit', 3, 26],
    ],
  ],
  [
    'indexed gate qubit',
    `${H}gate g a { h a[0]; }`,
    [['qasm2.semantic.indexed-gate-qubit', 3, 14]],
  ],
  [
    'non-constant parameter',
    `${H}qreg q[1];\nrz(theta) q[0];`,
    [['qasm2.semantic.undefined-identifier', 4, 4]],
  ],
  [
    'division by zero',
    `${H}qreg q[1];\nrz(1/(2-2)) q[0];`,
    [['qasm2.semantic.division-by-zero', 4, 4]],
  ],
  ['logarithm of zero', `${H}qreg q[1];\nrz(ln(0)) q[0];`, [['qasm2.semantic.math-domain', 4, 4]]],
  [
    'if on a quantum register',
    `${H}qreg q[1];\nif (q == 1) x q[0];`,
    [['qasm2.semantic.wrong-kind', 4, 5]],
  ],
  ['include not found', `${H}include "missing.inc";`, [['qasm2.semantic.include-not-found', 3, 9]]],
  [
    'errors collected across statements',
    `${H}qreg q[1];\nfoo q[0];\nh r[0];\nrx q[0];`,
    [
      ['qasm2.semantic.undefined-gate', 4, 1],
      ['qasm2.semantic.undefined-register', 5, 3],
      ['qasm2.semantic.param-count', 6, 1],
    ],
  ],
  [
    'strict: version required',
    'include "qelib1.inc";',
    [['qasm2.parse.missing-version', 1, 1]],
    { strict: true },
  ],
  [
    'strict: trailing comma',
    `${H}qreg q[2];\ncx q[0], q[1],;`,
    [['qasm2.parse.trailing-comma', 4, 14]],
    { strict: true },
  ],
  ['strict: empty statement', `${H};`, [['qasm2.parse.empty-statement', 3, 1]], { strict: true }],
  [
    'strict: argument-less barrier',
    `${H}qreg q[1];\nbarrier;`,
    [['qasm2.parse.empty-barrier', 4, 1]],
    { strict: true },
  ],
  [
    'strict: float without a point',
    `${H}qreg q[1];\nrz(1e-3) q[0];`,
    [['qasm2.lex.strict-float-format', 4, 4]],
    { strict: true },
  ],
  [
    'strict: version 2 without minor',
    'OPENQASM 2;',
    [['qasm2.parse.unsupported-version', 1, 10]],
    { strict: true },
  ],
]

describe('parseQasm2 diagnostics (golden)', () => {
  for (const [name, text, expected, options] of GOLDEN) {
    it(name, () => {
      expect(diagnosticsOf(text, options)).toEqual(expected)
    })
  }

  it('gives each diagnostic a span, a message and the source line', () => {
    const [d] = (() => {
      try {
        parseQasm2(`${H}qreg q[2];\n  h q[7];`, { fileName: 'main.qasm' })
      } catch (error) {
        return (error as QasmParseError).diagnostics
      }
      return []
    })() as QasmDiagnostic[]
    expect(d).toEqual({
      code: 'qasm2.semantic.index-out-of-range',
      message: "index 7 is out of range for register 'q' of size 2",
      severity: 'error',
      line: 4,
      column: 5,
      span: { file: 'main.qasm', offset: 51, length: 4, line: 4, column: 5 },
      excerpt: '  h q[7];',
    })
  })

  it('puts file:line:column of the first diagnostics in the error message', () => {
    expect(() => parseQasm2(`${H}qreg q[1];\nfoo q[0];`, { fileName: 'a.qasm' })).toThrow(
      "a.qasm:4:1: 'foo' is not defined in this scope",
    )
  })

  it('points errors inside an included file into that file', () => {
    const resolver = new InMemoryIncludeResolver({
      'lib.inc': 'gate good a { h a; }\ngate bad a { nope a; }\n',
    })
    const error = (() => {
      try {
        parseQasm2(`${H}include "lib.inc";\nqreg q[1];`, {
          includeResolver: resolver,
          fileName: 'main.qasm',
        })
      } catch (e) {
        return e as QasmParseError
      }
      throw new Error('expected an error')
    })()
    expect(
      error.diagnostics.map((d) => [d.code, d.span.file, d.line, d.column, d.excerpt]),
    ).toEqual([['qasm2.semantic.undefined-gate', 'lib.inc', 2, 14, 'gate bad a { nope a; }']])
  })

  it('reports a syntax error in an included file, and an include cycle', () => {
    const resolver = new InMemoryIncludeResolver({
      'a.inc': 'include "b.inc";',
      'b.inc': 'include "a.inc";',
      'c.inc': 'gate g a { h a }',
    })
    expect(
      diagnosticsOf(`${H}include "a.inc";`, { includeResolver: resolver }).map(([code]) => code),
    ).toEqual(['qasm2.semantic.include-cycle'])
    expect(diagnosticsOf(`${H}include "c.inc";`, { includeResolver: resolver })).toEqual([
      ['qasm2.parse.missing-semicolon', 1, 15],
    ])
  })

  it('wraps a failing include resolver into a diagnostic', () => {
    const resolver = {
      resolve(): string {
        throw new Error('disk on fire')
      },
    }
    expect(diagnosticsOf(`${H}include "x.inc";`, { includeResolver: resolver })).toEqual([
      ['qasm2.semantic.include-failed', 3, 9],
    ])
  })
})
