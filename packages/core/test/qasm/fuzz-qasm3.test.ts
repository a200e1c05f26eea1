import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QasmParseError } from '../../src/qasm/qasm-error.js'
import { analyzeQasm3, parseQasm3 } from '../../src/qasm/qasm3/parser.js'

/**
 * Fuzzing the OpenQASM 3 reader (as qsharp's `fuzz_targets/qasm.rs` does): whatever the input,
 * `parseQasm3` throws nothing but `QasmParseError`, every diagnostic points at a real line and
 * column, and `analyzeQasm3` never throws.
 */

const EXAMPLES = readdirSync(`${process.env['QFABRIC_SHARED']}/data/openqasm/examples`).map((f) =>
  readFileSync(`${process.env['QFABRIC_SHARED']}/data/openqasm/examples/${f}`, 'utf8'),
)

// Small limits keep each run fast even when a generated loop or register is large.
const OPTIONS = { maxInstructions: 2000 }

const identifier = fc.constantFrom(
  'q',
  'r',
  'c',
  'b',
  'x',
  'h',
  'cx',
  'rz',
  'theta',
  'θ',
  'i',
  'f',
  'g',
  'U',
  'π',
  '$0',
  '$3',
)
const number = fc.oneof(
  fc.nat(12).map(String),
  fc.constantFrom(
    '0.5',
    '1e-3',
    '.25',
    '0x1F',
    '0b101',
    '1_000',
    '100ns',
    '2.5 us',
    '3dt',
    '1.5im',
    '-1',
    '9999999999999999999',
  ),
)
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    identifier,
    number,
    fc.constantFrom('pi', 'tau', 'euler', 'true', 'false', '"0101"', 'c[0]', 'q[1]', 'int[4](c)'),
    fc
      .tuple(
        tie('e'),
        fc.constantFrom('+', '-', '*', '/', '**', '==', '<', '&&', '|', '<<', '%'),
        tie('e'),
      )
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', '!', '~'), tie('e')).map(([op, e]) => `${op}${e}`),
    tie('e').map((e) => `(${e})`),
    fc
      .tuple(
        fc.constantFrom('sin', 'cos', 'sqrt', 'pow', 'mod', 'popcount', 'f'),
        fc.array(tie('e'), { maxLength: 2 }),
      )
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
  ),
})).e

const operand = fc.oneof(
  identifier,
  fc.tuple(identifier, expression).map(([a, i]) => `${a}[${i}]`),
  fc.tuple(identifier, fc.nat(3), fc.nat(3)).map(([a, s, e]) => `${a}[${s}:${e}]`),
)

const statement: fc.Arbitrary<string> = fc.letrec<{ s: string }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'include "stdgates.inc";',
      'OPENQASM 3.0;',
      'barrier;',
      'end;',
      'break;',
      'continue;',
      'pragma x y',
      '@ann text\nh q;',
    ),
    fc
      .tuple(
        fc.constantFrom(
          'qubit',
          'bit',
          'qreg',
          'creg',
          'int[8]',
          'uint[4]',
          'float[64]',
          'angle',
          'bool',
          'duration',
          'stretch',
          'complex',
        ),
        fc.option(fc.nat(6)),
        identifier,
      )
      .map(([t, n, name]) =>
        t === 'qreg' || t === 'creg'
          ? `${t} ${name}[${n ?? 1}];`
          : `${t}${n === null ? '' : `[${n}]`} ${name};`,
      ),
    fc
      .tuple(
        fc.constantFrom('const int', 'float', 'bit[2]', 'input float', 'output bit', 'let'),
        identifier,
        expression,
      )
      .map(([t, n, e]) => `${t} ${n} = ${e};`),
    fc
      .tuple(
        fc.array(fc.constantFrom('ctrl @', 'negctrl @', 'inv @', 'pow(2) @', 'ctrl(2) @'), {
          maxLength: 2,
        }),
        identifier,
        fc.option(fc.array(expression, { maxLength: 3 })),
        fc.array(operand, { minLength: 1, maxLength: 3 }),
      )
      .map(
        ([mods, g, args, ops]) =>
          `${mods.join(' ')} ${g}${args === null ? '' : `(${args.join(', ')})`} ${ops.join(', ')};`,
      ),
    fc.tuple(operand, operand).map(([a, b]) => `${a} = measure ${b};`),
    fc.tuple(operand, operand).map(([a, b]) => `measure ${a} -> ${b};`),
    operand.map((a) => `reset ${a};`),
    fc.tuple(expression, operand).map(([d, a]) => `delay[${d}] ${a};`),
    fc.tuple(identifier, expression).map(([a, e]) => `${a} += ${e};`),
    fc
      .tuple(expression, tie('s'), fc.option(tie('s')))
      .map(([c, t, e]) => `if (${c}) { ${t} }${e === null ? '' : ` else { ${e} }`}`),
    fc
      .tuple(identifier, fc.nat(4), fc.nat(4), tie('s'))
      .map(([v, a, b, body]) => `for int ${v} in [${a}:${b}] { ${body} }`),
    fc
      .tuple(identifier, fc.array(fc.nat(5), { maxLength: 3 }), tie('s'))
      .map(([v, set, body]) => `for ${v} in {${set.join(', ')}} ${body}`),
    fc.tuple(expression, tie('s')).map(([c, body]) => `while (${c}) { ${body} }`),
    tie('s').map((body) => `box { ${body} }`),
    fc
      .tuple(
        identifier,
        fc.array(identifier, { maxLength: 2 }),
        fc.array(identifier, { minLength: 1, maxLength: 2 }),
        fc.array(tie('s'), { maxLength: 2 }),
      )
      .map(
        ([n, ps, qs, body]) => `gate ${n}(${ps.join(', ')}) ${qs.join(', ')} { ${body.join(' ')} }`,
      ),
    fc
      .tuple(identifier, fc.array(tie('s'), { maxLength: 2 }))
      .map(
        ([n, body]) => `def ${n}(qubit a, int[8] k) -> bit { ${body.join(' ')} return measure a; }`,
      ),
    fc
      .tuple(expression, tie('s'))
      .map(([t, body]) => `switch (${t}) { case 0 { ${body} } default { } }`),
    fc
      .tuple(identifier, fc.array(expression, { maxLength: 2 }))
      .map(([f, args]) => `${f}(${args.join(', ')});`),
  ),
})).s

/** A program of generated statements, often after a valid prelude so lowering gets exercised. */
const generated = fc
  .tuple(fc.boolean(), fc.array(statement, { maxLength: 8 }))
  .map(
    ([prelude, body]) =>
      `${prelude ? 'include "stdgates.inc";\nqubit[4] q;\nbit[4] c;\n' : ''}${body.join('\n')}`,
  )

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  ':',
  '@',
  '->',
  '++',
  '=',
  '==',
  '"',
  "'",
  '/*',
  '*/',
  '//',
  '\n',
  '$',
  '#',
  'π',
  '\u0000',
  '\uD800',
  'gate',
  'if',
  'for',
  'def',
  'defcal',
  'cal',
  'measure',
  'ctrl',
  'qubit',
  '1e',
  '0x',
  '.',
  '$99999999999',
]

/** A mutation of a real example program: characters or tokens deleted, inserted or replaced. */
const mutated = fc
  .tuple(
    fc.constantFrom(...EXAMPLES),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(12),
        fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) => {
    let out = text
    for (const [where, length, insert] of edits) {
      const at = Math.floor(where * out.length)
      out = out.slice(0, at) + insert + out.slice(at + length)
    }
    return out
  })

const soup = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), identifier, number, fc.string({ maxLength: 3 })), {
    maxLength: 40,
  })
  .map((t) => t.join(' '))

/** Programs that lowered to a circuit, and internal errors seen (which would be bugs). */
const stats = { circuits: 0, internal: [] as string[] }

function check(text: string): boolean {
  const analysis = analyzeQasm3(text, OPTIONS)
  if (analysis.circuit !== undefined) stats.circuits++
  for (const d of analysis.diagnostics) {
    if (d.code === 'qasm3.internal') stats.internal.push(`${d.message}\n${text}`)
    if (!(d.line >= 1 && d.column >= 1 && d.span.offset >= 0 && d.span.offset <= text.length))
      return false
  }
  try {
    parseQasm3(text, OPTIONS)
    return true
  } catch (error) {
    if (!(error instanceof QasmParseError)) throw error
    return (
      error.diagnostics.length > 0 && error.diagnostics.every((d) => d.line >= 1 && d.column >= 1)
    )
  }
}

describe('fuzzing parseQasm3', () => {
  it('throws only QasmParseError, with positioned diagnostics, for 10,000+ programs', () => {
    let runs = 0
    const counted = (text: string): boolean => {
      runs++
      return check(text)
    }
    fc.assert(fc.property(generated, counted), { seed: 3, numRuns: 5000 })
    fc.assert(fc.property(mutated, counted), { seed: 4, numRuns: 4000 })
    fc.assert(fc.property(soup, counted), { seed: 5, numRuns: 2000 })
    expect(runs).toBeGreaterThanOrEqual(11000)
    // A good share of the generated programs is valid all the way to a circuit.
    expect(stats.circuits).toBeGreaterThan(500)
    expect(stats.internal.slice(0, 3)).toEqual([])
  }, 60_000)

  it('survives pathological nesting and sizes', () => {
    const cases = [
      `x = ${'('.repeat(5000)}1${')'.repeat(5000)};`,
      `x = ${'-'.repeat(100000)}1;`,
      `${'if (true) '.repeat(3000)}x q;`,
      '{'.repeat(3000),
      `qubit[1000000000] q;`,
      `include "stdgates.inc"; qubit q; for int i in [0:100000000] { x q; }`,
      `include "stdgates.inc"; qubit q; while (true) { }`,
      `def f(qubit a) { f(a); } qubit q; f(q);`,
      `h $999999999999;`,
    ]
    for (const text of cases) expect(check(text), text.slice(0, 40)).toBe(true)
  })
})
