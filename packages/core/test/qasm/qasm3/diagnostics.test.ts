import { describe, expect, it } from 'vitest'
import { QasmParseError } from '../../../src/qasm/qasm-error.js'
import { analyzeQasm3, parseQasm3 } from '../../../src/qasm/qasm3/parser.js'

/** Golden cases: source → the diagnostics it must produce, as `code line:column`. */
const GOLDEN: readonly (readonly [string, readonly string[]])[] = [
  // syntax
  ['qubit q\nh q;', ['qasm3.parse.missing-semicolon 1:8']],
  ['qubit q;\nh q\nx q;', ['qasm3.parse.missing-semicolon 2:4']],
  ['qubit[2] q;\ncx q[0] q[1];', ['qasm3.parse.missing-semicolon 2:8']],
  ['gate g a { h a; \n', ['qasm3.parse.unclosed-block 1:10']],
  ['qubit q;\n}\n', ['qasm3.parse.unexpected-token 2:1']],
  ['x = (1 + ;\ny = 2;', ['qasm3.parse.expected-expression 1:10']],
  ['OPENQASM 2.0;', ['qasm3.parse.unsupported-version 1:1']],
  ['qubit q; OPENQASM 3;', ['qasm3.parse.misplaced-version 1:10']],
  ['include stdgates.inc;', ['qasm3.parse.expected-string 1:9']],
  ['bit b = "012";', ['qasm3.parse.invalid-bitstring 1:9']],
  ['for int i in [0:2 { }', ['qasm3.parse.unexpected-token 1:19']],
  ['if c == 1 x q;', ['qasm3.parse.unexpected-token 1:4']],
  ['qubit q;\nmeasure q -> $1;', ['qasm3.parse.unexpected-token 2:14']],
  ['gate g(a q { }', ['qasm3.parse.unexpected-token 1:10']],
  ['def f(qubit) { }', ['qasm3.parse.expected-identifier 1:12']],
  // lexical
  ['qubit q;\n  ? x;', ['qasm3.lex.unexpected-character 2:3']],
  [
    'include "stdgates.inc',
    ['qasm3.lex.unterminated-string 1:9', 'qasm3.parse.missing-semicolon 1:22'],
  ],
  // semantic
  ['qubit q;\nh q;', ['qasm3.semantic.undefined-gate 2:1']],
  [
    'include "stdgates.inc";\nqubit[2] q;\ncx q[0], q[0];\ncx q[0], q[2];\nrx q[0];\nrx(1, 2) q[0];\nfoo q;\nh r;',
    [
      'qasm3.semantic.duplicate-qubit 3:1',
      'qasm3.semantic.index-out-of-range 4:12',
      'qasm3.semantic.wrong-parameter-count 5:1',
      'qasm3.semantic.wrong-parameter-count 6:1',
      'qasm3.semantic.undefined-gate 7:1',
      'qasm3.semantic.undefined-identifier 8:3',
    ],
  ],
  [
    'include "stdgates.inc";\nqubit[2] q;\nqubit[3] r;\ncx q, r;',
    ['qasm3.semantic.broadcast-mismatch 4:1'],
  ],
  ['include "stdgates.inc";\nqubit q;\ncx q;', ['qasm3.semantic.wrong-qubit-count 3:1']],
  ['include "missing.inc";', ['qasm3.semantic.include-not-found 1:1']],
  ['int y = 1;\nint y = 2;', ['qasm3.semantic.redeclaration 2:5']],
  ['const int n = 1;\nn = 2;', ['qasm3.semantic.assign-to-const 2:1']],
  ['qubit[2] q;\nbit[3] c;\nc = measure q;', ['qasm3.semantic.measure-size-mismatch 3:1']],
  ['break;', ['qasm3.semantic.jump-outside-loop 1:1']],
  ['qubit q;\nreturn;', ['qasm3.semantic.return-outside-subroutine 2:1']],
  ['qubit[2] q;\nU(0,0,0) q[5];', ['qasm3.semantic.index-out-of-range 2:12']],
  ['gate g a { reset a; }', ['qasm3.semantic.invalid-gate-body 1:12']],
  ['def f() { qubit q; }\nf();', ['qasm3.semantic.qubit-not-global 1:11']],
  ['delay[100] $0;', ['qasm3.semantic.type-mismatch 1:7']],
  ['qubit q;\nx = 1;', ['qasm3.semantic.undefined-identifier 2:1']],
  ['qubit q;\nU(0, 0, 0) q;\ninput float t;\nqubit r;\nq r;', ['qasm3.semantic.not-a-gate 5:1']],
  // unsupported
  ['stretch s;', ['qasm3.unsupported.stretch 1:1']],
  ['array[int[8], 2] a;', ['qasm3.unsupported.array 1:1']],
  ['defcal x $0 { }', ['qasm3.unsupported.calibration 1:1']],
  ['extern f(int) -> bit;\nbit b;\nb = f(1);', ['qasm3.unsupported.extern 3:5']],
  [
    'qubit q;\nbit[2] c;\nmeasure q -> c[0];\nif (c[0:1] == 1) U(0,0,0) q;',
    ['qasm3.unsupported.condition 4:5'],
  ],
  [
    'qubit q;\nbit c;\nc = measure q;\nint x = 0;\nwhile (c) { x += 1; }',
    ['qasm3.unsupported.classical-assignment 5:13'],
  ],
  ['qubit q;\nbit[2] c;\nc = measure q;', ['qasm3.semantic.measure-size-mismatch 3:1']],
  ['qubit q;\nmeasure q;', ['qasm3.unsupported.measure-without-target 2:1']],
  ['qubit q;\nduration d = durationof({ U(0, 0, 0) q; });', ['qasm3.unsupported.durationof 2:14']],
  ['complex c;', ['qasm3.unsupported.complex 1:1']],
  ['qubit q;\nU(0, 0, 0)[100ns] q;', ['qasm3.unsupported.gate-duration 2:12']],
]

describe('diagnostics', () => {
  it.each(GOLDEN.map(([source, expected]) => [JSON.stringify(source), source, expected] as const))(
    '%s',
    (_, source, expected) => {
      const { diagnostics } = analyzeQasm3(source, { fileName: 'g.qasm' })
      expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(expected)
      for (const d of diagnostics) {
        expect(d.severity).toBe('error')
        expect(d.span.file).toBe('g.qasm')
        expect(d.span.line).toBe(d.line)
        expect(source.split('\n')[d.line - 1]).toBe(d.excerpt)
      }
    },
  )

  it('collects several independent syntax errors in one run', () => {
    const source = 'qubit q;\nh q q;\nx = ;\ngate { }\nreset q;\nmeasure -> c;\n'
    const { diagnostics, program } = analyzeQasm3(source)
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      'qasm3.parse.missing-semicolon 2:4',
      'qasm3.parse.expected-expression 3:5',
      'qasm3.parse.expected-identifier 4:6',
      'qasm3.parse.expected-operand 6:9',
    ])
    // The statements around the errors still parse.
    expect(program?.statements.map((s) => s.kind)).toEqual(['QubitDeclaration', 'ResetStatement'])
  })

  it('throws one QasmParseError carrying every diagnostic', () => {
    let caught: unknown
    try {
      parseQasm3('qubit q;\nfoo q;\nbar q;', { fileName: 'p.qasm' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(QasmParseError)
    const error = caught as QasmParseError
    expect(error.code).toBe('qasm.parse')
    expect(error.diagnostics.map((d) => d.code)).toEqual([
      'qasm3.semantic.undefined-gate',
      'qasm3.semantic.undefined-gate',
    ])
    expect(error.line).toBe(2)
    expect(error.column).toBe(1)
    expect(error.message).toContain('p.qasm:2:1')
  })

  it('reports only syntax errors when there are some (no follow-on semantic noise)', () => {
    const { diagnostics } = analyzeQasm3('qubit q;\nundefined_gate q;\nh q q;')
    expect(diagnostics.map((d) => d.code)).toEqual(['qasm3.parse.missing-semicolon'])
  })

  it('does not repeat errors for the uses of a failed declaration', () => {
    const { diagnostics } = analyzeQasm3('stretch s;\nqubit q;\ndelay[s] q;\ndelay[2 * s] q;')
    expect(diagnostics.map((d) => d.code)).toEqual(['qasm3.unsupported.stretch'])
  })

  it('points errors inside include files at the included file', () => {
    const resolver = {
      resolve: (path: string) => (path === 'lib.inc' ? 'gate g a {\n  nope a;\n}' : undefined),
    }
    const { diagnostics } = analyzeQasm3('include "lib.inc";', {
      includeResolver: resolver,
      fileName: 'main.qasm',
    })
    expect(diagnostics.map((d) => [d.code, d.span.file, d.line, d.column])).toEqual([
      ['qasm3.semantic.undefined-gate', 'lib.inc', 2, 3],
    ])
  })

  it('stops at an aborted signal by throwing its reason unchanged', () => {
    const reason = new Error('stop')
    expect(() => parseQasm3('qubit q;', { signal: { aborted: true, reason } })).toThrow(reason)
  })
})
