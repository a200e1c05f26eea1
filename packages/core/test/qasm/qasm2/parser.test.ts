import { describe, expect, it } from 'vitest'
import type { Program, Statement } from '../../../src/qasm/qasm2/ast.js'
import { DiagnosticBag } from '../../../src/qasm/qasm2/diagnostic-bag.js'
import { evaluateExpression } from '../../../src/qasm/qasm2/expression-evaluator.js'
import { parseProgram } from '../../../src/qasm/qasm2/parser.js'
import { SourceFile } from '../../../src/qasm/qasm2/source-file.js'

function parse(text: string, strict = false): { program: Program; diagnostics: string[] } {
  const bag = new DiagnosticBag()
  const program = parseProgram(new SourceFile('t.qasm', text), bag, strict)
  return { program, diagnostics: bag.items.map((d) => `${d.code}@${d.line}:${d.column}`) }
}

function statement(text: string): Statement {
  const { program, diagnostics } = parse(text)
  expect(diagnostics).toEqual([])
  expect(program.statements).toHaveLength(1)
  return program.statements[0]!
}

/** The value of `text` as a gate parameter. */
function value(text: string): number {
  const s = statement(`g(${text}) q;`)
  if (s.kind !== 'gate-call') throw new Error('not a gate call')
  return evaluateExpression(s.params[0]!, [], undefined) as number
}

describe('Parser: statements and their spans', () => {
  it('parses the version statement', () => {
    expect(statement('OPENQASM 2.0;')).toEqual({
      kind: 'version',
      major: 2,
      minor: 0,
      start: 0,
      end: 13,
    })
  })

  it('parses include', () => {
    expect(statement('include "qelib1.inc";')).toEqual({
      kind: 'include',
      path: 'qelib1.inc',
      pathStart: 8,
      pathEnd: 20,
      start: 0,
      end: 21,
    })
  })

  it('parses register declarations', () => {
    expect(statement('creg c[3];')).toEqual({
      kind: 'creg',
      name: { kind: 'identifier', name: 'c', start: 5, end: 6 },
      size: 3,
      start: 0,
      end: 10,
    })
  })

  it('parses a gate call with parameters and indexed and whole-register operands', () => {
    expect(statement('cu1(pi/2) q[0], r;')).toEqual({
      kind: 'gate-call',
      name: { kind: 'identifier', name: 'cu1', start: 0, end: 3 },
      params: [
        {
          kind: 'binary',
          operator: '/',
          left: { kind: 'pi', start: 4, end: 6 },
          right: { kind: 'number', value: 2, start: 7, end: 8 },
          start: 4,
          end: 8,
        },
      ],
      operands: [
        { kind: 'operand', name: 'q', index: 0, start: 10, end: 14 },
        { kind: 'operand', name: 'r', index: undefined, start: 16, end: 17 },
      ],
      start: 0,
      end: 18,
    })
  })

  it('parses a gate definition with its body', () => {
    const id = (name: string, start: number): object => ({
      kind: 'identifier',
      name,
      start,
      end: start + name.length,
    })
    const operand = (name: string, start: number): object => ({
      kind: 'operand',
      name,
      index: undefined,
      start,
      end: start + 1,
    })
    expect(statement('gate g(theta) a, b { rz(-theta) a; barrier a, b; }')).toEqual({
      kind: 'gate-definition',
      name: id('g', 5),
      params: [id('theta', 7)],
      qubits: [id('a', 14), id('b', 17)],
      body: [
        {
          kind: 'gate-call',
          name: id('rz', 21),
          params: [
            {
              kind: 'unary',
              operator: '-',
              operand: { kind: 'parameter', name: 'theta', start: 25, end: 30 },
              start: 24,
              end: 30,
            },
          ],
          operands: [operand('a', 32)],
          start: 21,
          end: 34,
        },
        { kind: 'barrier', operands: [operand('a', 43), operand('b', 46)], start: 35, end: 48 },
      ],
      start: 0,
      end: 50,
    })
  })

  it('parses opaque declarations', () => {
    expect(statement('opaque magic(x, y) a;')).toMatchObject({
      kind: 'opaque',
      name: { name: 'magic', start: 7, end: 12 },
      params: [{ name: 'x' }, { name: 'y' }],
      qubits: [{ name: 'a', start: 19, end: 20 }],
      start: 0,
      end: 21,
    })
  })

  it('parses measure, reset and barrier', () => {
    const { program } = parse('measure q[1] -> c[0]; reset q; barrier q, r[2]; barrier;')
    expect(program.statements.map((s) => s.kind)).toEqual([
      'measure',
      'reset',
      'barrier',
      'barrier',
    ])
    expect(program.statements[0]).toEqual({
      kind: 'measure',
      qubit: { kind: 'operand', name: 'q', index: 1, start: 8, end: 12 },
      clbit: { kind: 'operand', name: 'c', index: 0, start: 16, end: 20 },
      start: 0,
      end: 21,
    })
    expect(program.statements[3]).toEqual({ kind: 'barrier', operands: [], start: 48, end: 56 })
  })

  it('parses if statements with big values', () => {
    expect(statement('if (c == 123456789012345678901234567890) x q[0];')).toMatchObject({
      kind: 'if',
      register: { name: 'c', start: 4, end: 5 },
      value: 123456789012345678901234567890n,
      body: { kind: 'gate-call', name: { name: 'x' }, start: 41, end: 48 },
      start: 0,
      end: 48,
    })
  })
})

describe('Parser: expressions (Qiskit precedence)', () => {
  it('binds * and / tighter than + and -, both left-associative', () => {
    expect(value('1 - 2 - 3')).toBe(-4)
    expect(value('2 * 3 + 4 * 5')).toBe(26)
    expect(value('12 / 2 / 3')).toBe(2)
    expect(value('1 + 2 * 3 - 4 / 2')).toBe(5)
  })

  it('makes ^ right-associative and tighter than unary minus', () => {
    expect(value('2 ^ 3 ^ 2')).toBe(512)
    expect(value('-2 ^ 2')).toBe(-4)
    expect(value('(-2) ^ 2')).toBe(4)
    expect(value('2 * 3 ^ 2')).toBe(18)
    expect(value('2 ^ -1')).toBe(0.5)
  })

  it('evaluates pi, the functions and nested parentheses', () => {
    expect(value('pi')).toBe(Math.PI)
    expect(value('-pi/2')).toBe(-Math.PI / 2)
    expect(value('sin(pi/2)')).toBe(1)
    expect(value('ln(exp(2))')).toBe(2)
    expect(value('sqrt(16) + cos(0) + tan(0)')).toBe(5)
    expect(value('((((1 + 2))))*3')).toBe(9)
    expect(value('+1.5e-3')).toBe(0.0015)
  })

  it('keeps unary and binary nodes with their spans', () => {
    const s = statement('g(-a*2) q;')
    expect(s.kind === 'gate-call' && s.params[0]).toEqual({
      kind: 'binary',
      operator: '*',
      left: {
        kind: 'unary',
        operator: '-',
        operand: { kind: 'parameter', name: 'a', start: 3, end: 4 },
        start: 2,
        end: 4,
      },
      right: { kind: 'number', value: 2, start: 5, end: 6 },
      start: 2,
      end: 6,
    })
  })

  it('accepts a trailing comma in a function call only outside strict mode', () => {
    expect(value('sin(0,)')).toBe(0)
    expect(parse('OPENQASM 2.0;\ng(sin(0,)) q;', true).diagnostics).toEqual([
      'qasm2.parse.trailing-comma@2:8',
    ])
  })

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    const { diagnostics } = parse(`g(${'('.repeat(5000)}1${')'.repeat(5000)}) q;`)
    expect(diagnostics).toEqual(['qasm2.parse.expression-too-deep@1:259'])
  })

  it('reports a missing operand', () => {
    expect(parse('g(1 + ) q;').diagnostics).toEqual(['qasm2.parse.unexpected-token@1:7'])
    expect(parse('g(*) q;').diagnostics).toEqual(['qasm2.parse.unexpected-token@1:3'])
  })
})

describe('Parser: lenient and strict modes', () => {
  it('accepts trailing commas, empty statements and empty barriers by default', () => {
    expect(
      parse('gate g(a,) x, y, { } opaque o(b,) z,; ;; cx q, r,; barrier;').diagnostics,
    ).toEqual([])
  })

  it('refuses each of them in strict mode', () => {
    expect(
      parse('OPENQASM 2.0; gate g(a,) x, y, { } cx q, r,; ; barrier;', true).diagnostics,
    ).toEqual([
      'qasm2.parse.trailing-comma@1:23',
      'qasm2.parse.trailing-comma@1:30',
      'qasm2.parse.trailing-comma@1:43',
      'qasm2.parse.empty-statement@1:46',
      'qasm2.parse.empty-barrier@1:48',
    ])
  })

  it('needs the version statement first in strict mode, as exactly 2.0', () => {
    expect(parse('qreg q[1];', true).diagnostics).toEqual(['qasm2.parse.missing-version@1:1'])
    expect(parse('OPENQASM 2;', true).diagnostics).toEqual(['qasm2.parse.unsupported-version@1:10'])
    expect(parse('OPENQASM 2;').diagnostics).toEqual([])
    expect(parse('OPENQASM 3.0;').diagnostics).toEqual(['qasm2.parse.unsupported-version@1:10'])
  })

  it('allows the version statement only first', () => {
    expect(parse('qreg q[1]; OPENQASM 2.0;').diagnostics).toEqual([
      'qasm2.parse.misplaced-version@1:12',
    ])
  })
})

describe('Parser: recovery', () => {
  it('reports every bad statement and keeps the good ones', () => {
    const { program, diagnostics } = parse(
      'qreg q[2];\nh q[0]\nx q[0];\ncx q[0] q[1];\nmeasure q -> ;\nreset q;\n',
    )
    expect(diagnostics).toEqual([
      'qasm2.parse.missing-semicolon@2:7',
      'qasm2.parse.missing-semicolon@4:8',
      'qasm2.parse.unexpected-token@5:14',
    ])
    expect(program.statements.map((s) => s.kind)).toEqual([
      'qreg',
      'gate-call',
      'gate-call',
      'reset',
    ])
  })

  it('drops a gate definition whose body has errors but keeps what follows', () => {
    const { program, diagnostics } = parse('gate g a { h a; measure a -> c; x a; }\nqreg q[1];')
    expect(diagnostics).toEqual(['qasm2.parse.invalid-gate-body@1:17'])
    expect(program.statements.map((s) => s.kind)).toEqual(['qreg'])
  })

  it('reports an unclosed gate body at the end of the file', () => {
    expect(parse('gate g a { h a;').diagnostics).toEqual(['qasm2.parse.unexpected-eof@1:16'])
  })

  it('needs at least one qubit in gate and opaque declarations', () => {
    expect(parse('gate g() { }').diagnostics).toEqual(['qasm2.parse.no-qubits@1:6'])
    expect(parse('opaque o;').diagnostics).toEqual(['qasm2.parse.no-qubits@1:8'])
  })

  it('stops after a hundred diagnostics', () => {
    expect(parse('@;'.repeat(500)).diagnostics).toHaveLength(100)
  })

  it('keeps the expression of a parameter intact for later evaluation', () => {
    const s = statement('g(2*theta) q;')
    const param = (s as Extract<Statement, { kind: 'gate-call' }>).params[0]!
    expect(evaluateExpression(param, [0.25], new Map([['theta', 0]]))).toBe(0.5)
  })
})
