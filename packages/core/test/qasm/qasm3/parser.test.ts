import { describe, expect, it } from 'vitest'
import type { Program, Statement } from '../../../src/qasm/qasm3/ast.js'
import { parseProgram } from '../../../src/qasm/qasm3/parse-program.js'

/**
 * A readable outline of a syntax tree: one line per node with its kind, its span as
 * `[start,end)`, the source text the span covers, and its scalar fields.
 */
function outline(root: unknown, text: string): string {
  const lines: string[] = []
  const visit = (value: unknown, depth: number, label: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, depth, `${label}[${i}]`)
      })
      return
    }
    if (typeof value !== 'object' || value === null || !('kind' in value)) return
    const node = value as Record<string, unknown> & {
      kind: string
      span: { offset: number; length: number }
    }
    const { offset, length } = node.span
    const scalars = Object.entries(node)
      .filter(([k, v]) => k !== 'kind' && k !== 'span' && v !== undefined && typeof v !== 'object')
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    const source = JSON.stringify(text.slice(offset, offset + length))
    const head = `${'  '.repeat(depth)}${label === '' ? '' : `${label}: `}${node.kind} [${offset},${offset + length})`
    lines.push(`${head} ${[...scalars, source].join(' ')}`)
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'span' && typeof child === 'object') visit(child, depth + 1, key)
    }
  }
  visit(root, 0, '')
  return lines.join('\n')
}

function parse(text: string): Program {
  const { program, diagnostics } = parseProgram(text, 't.qasm')
  expect(diagnostics).toEqual([])
  return program
}

const first = (text: string): Statement => parse(text).statements[0]!

describe('parseProgram: AST with spans', () => {
  it('parses a gate call with modifiers, parameters and operands', () => {
    const text = 'ctrl(2) @ negctrl @ pow(-2**2) @ rz(pi / 2) q[0], q[1:2], $3;'
    expect(outline(first(text), text)).toBe(
      [
        'GateCall [0,61) "ctrl(2) @ negctrl @ pow(-2**2) @ rz(pi / 2) q[0], q[1:2], $3;"',
        '  modifiers[0]: GateModifier [0,9) modifier="ctrl" "ctrl(2) @"',
        '    argument: IntegerLiteral [5,6) value=2 "2"',
        '  modifiers[1]: GateModifier [10,19) modifier="negctrl" "negctrl @"',
        '  modifiers[2]: GateModifier [20,32) modifier="pow" "pow(-2**2) @"',
        '    argument: UnaryExpression [24,29) op="-" "-2**2"',
        '      operand: BinaryExpression [25,29) op="**" "2**2"',
        '        left: IntegerLiteral [25,26) value=2 "2"',
        '        right: IntegerLiteral [28,29) value=2 "2"',
        '  name: Identifier [33,35) name="rz" "rz"',
        '  args[0]: BinaryExpression [36,42) op="/" "pi / 2"',
        '    left: Identifier [36,38) name="pi" "pi"',
        '    right: IntegerLiteral [41,42) value=2 "2"',
        '  operands[0]: IndexExpression [44,48) "q[0]"',
        '    target: Identifier [44,45) name="q" "q"',
        '    index[0]: IntegerLiteral [46,47) value=0 "0"',
        '  operands[1]: IndexExpression [50,56) "q[1:2]"',
        '    target: Identifier [50,51) name="q" "q"',
        '    index[0]: RangeExpression [52,55) "1:2"',
        '      start: IntegerLiteral [52,53) value=1 "1"',
        '      end: IntegerLiteral [54,55) value=2 "2"',
        '  operands[2]: HardwareQubit [58,60) index=3 "$3"',
      ].join('\n'),
    )
  })

  it('follows the operator precedence of the grammar', () => {
    const text = 'x = a || b && c | d ^ e & f == g < h << i + j * -k ** l;'
    const statement = first(text)
    const shape = (e: unknown): string => {
      const n = e as {
        kind: string
        op?: string
        name?: string
        left?: unknown
        right?: unknown
        operand?: unknown
      }
      if (n.kind === 'Identifier') return n.name!
      if (n.kind === 'UnaryExpression') return `(${n.op}${shape(n.operand)})`
      return `(${shape(n.left)} ${n.op} ${shape(n.right)})`
    }
    expect(statement.kind).toBe('AssignmentStatement')
    if (statement.kind !== 'AssignmentStatement') return
    expect(shape(statement.value)).toBe(
      '(a || (b && (c | (d ^ (e & (f == (g < (h << (i + (j * (-(k ** l))))))))))))',
    )
    expect(
      shape(
        first('y = a - b - c ** d ** e;').kind === 'AssignmentStatement'
          ? (first('y = a - b - c ** d ** e;') as { value: unknown }).value
          : undefined,
      ),
    ).toBe('((a - b) - (c ** (d ** e)))')
  })

  it('parses every statement kind with its span', () => {
    const text = [
      'OPENQASM 3.1;',
      'include "stdgates.inc";',
      'defcalgrammar "openpulse";',
      'qubit[2] q;',
      'qreg r[1];',
      'creg c[2];',
      'bit b = "1";',
      'const int[32] n = 2;',
      'input float[64] theta;',
      'output bit o;',
      'let both = q ++ r;',
      'c[0] = measure q[0];',
      'n += 1;',
      'measure q[1] -> c[1];',
      'reset q;',
      'barrier;',
      'delay[100ns] q[0];',
      'nop q;',
      'box[1us] { x q[0]; }',
      'gate g(a) s, t { gphase(a); }',
      'def f(qubit k, int[8] m) -> bit { return measure k; }',
      'extern e(int[8]) -> bit;',
      'if (b) { x q[0]; } else y q[0];',
      'for int i in [0:2:4] { }',
      'for j in {1, 3} x q[0];',
      'while (b) { break; continue; }',
      'switch (n) { case 0, 1 { } default { end; } }',
      'f(q[0], 2);',
      'cal { anything }',
      'defcal x $0 { play }',
      'pragma keep this',
      '@note some text',
      'array[int[8], 2] arr = {1, 2};',
      '{ }',
    ].join('\n')
    const program = parse(text)
    expect(program.version).toBe('3.1')
    expect(program.statements.map((s) => s.kind)).toEqual([
      'IncludeStatement',
      'CalibrationGrammarStatement',
      'QubitDeclaration',
      'QubitDeclaration',
      'ClassicalDeclaration',
      'ClassicalDeclaration',
      'ConstDeclaration',
      'IoDeclaration',
      'IoDeclaration',
      'AliasDeclaration',
      'AssignmentStatement',
      'AssignmentStatement',
      'MeasureArrowStatement',
      'ResetStatement',
      'BarrierStatement',
      'DelayStatement',
      'NopStatement',
      'BoxStatement',
      'GateDefinition',
      'SubroutineDefinition',
      'ExternDeclaration',
      'IfStatement',
      'ForStatement',
      'ForStatement',
      'WhileStatement',
      'SwitchStatement',
      'ExpressionStatement',
      'CalStatement',
      'DefcalStatement',
      'PragmaStatement',
      'ClassicalDeclaration',
      'Block',
    ])
    // Each statement's span covers exactly its line.
    const lines = text.split('\n').slice(1)
    const spans = program.statements.map((s) =>
      text.slice(s.span.offset, s.span.offset + s.span.length),
    )
    expect(spans.slice(0, 30)).toEqual(lines.slice(0, 30))
    expect(spans[30]).toBe('array[int[8], 2] arr = {1, 2};')
    expect(program.statements[30]!.annotations).toEqual([
      {
        kind: 'Annotation',
        name: 'note',
        content: 'some text',
        span: { offset: text.indexOf('@note'), length: 15 },
      },
    ])
    expect(outline(program, text)).toMatchSnapshot()
  })

  it('parses the old and new declaration forms to the same shapes', () => {
    const text = 'qreg a[3]; qubit[3] b; creg c[2]; bit[2] d; qubit e;'
    const [a, b, c, d, e] = parse(text).statements
    expect(a).toMatchObject({ kind: 'QubitDeclaration', isOldStyle: true, size: { value: 3 } })
    expect(b).toMatchObject({ kind: 'QubitDeclaration', isOldStyle: false, size: { value: 3 } })
    expect(c).toMatchObject({
      kind: 'ClassicalDeclaration',
      isOldStyle: true,
      type: { name: 'bit', size: { value: 2 } },
    })
    expect(d).toMatchObject({
      kind: 'ClassicalDeclaration',
      isOldStyle: false,
      type: { name: 'bit', size: { value: 2 } },
    })
    expect(e).toMatchObject({ kind: 'QubitDeclaration', size: undefined })
  })

  it('tells gate calls, assignments and expression statements apart', () => {
    const kinds = (text: string): string[] => parse(text).statements.map((s) => s.kind)
    expect(kinds('h q; rz(0.1) q; f(1); f(1) q; x = 1; x[0] = 1; x[1] q; x;')).toEqual([
      'GateCall',
      'GateCall',
      'ExpressionStatement',
      'GateCall',
      'AssignmentStatement',
      'AssignmentStatement',
      'GateCall',
      'ExpressionStatement',
    ])
    expect(kinds('int[8](x); float y = 1.5;')).toEqual([
      'ExpressionStatement',
      'ClassicalDeclaration',
    ])
  })

  it('reads literals with their values', () => {
    const values = parse(
      'x = {1_000, 0x10, 0b11, 0o7, 1.5e2, true, "0110", 10ns, 2.5 µs, 1.5im, 9007199254740993};',
    ).statements[0] as unknown as {
      value: { elements: { kind: string; value: unknown; unit?: string; bigValue?: bigint }[] }
    }
    expect(values.value.elements.map((e) => [e.kind, e.value, e.unit ?? e.bigValue])).toEqual([
      ['IntegerLiteral', 1000, undefined],
      ['IntegerLiteral', 16, undefined],
      ['IntegerLiteral', 3, undefined],
      ['IntegerLiteral', 7, undefined],
      ['FloatLiteral', 150, undefined],
      ['BooleanLiteral', true, undefined],
      ['BitstringLiteral', '0110', undefined],
      ['DurationLiteral', 10, 'ns'],
      ['DurationLiteral', 2.5, 'µs'],
      ['ImaginaryLiteral', 1.5, undefined],
      ['IntegerLiteral', 9007199254740992, 9007199254740993n],
    ])
  })

  it('parses every official example file without diagnostics', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const dir = `${process.env['QFABRIC_SHARED']}/data/openqasm/examples`
    for (const file of readdirSync(dir)) {
      const { diagnostics, program } = parseProgram(readFileSync(`${dir}/${file}`, 'utf8'), file)
      expect(diagnostics, file).toEqual([])
      expect(program.statements.length, file).toBeGreaterThan(0)
    }
  })
})
