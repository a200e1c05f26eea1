import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InMemoryIncludeResolver } from '../../src/qasm/include-resolver.js'
import { QasmParseError } from '../../src/qasm/qasm-error.js'
import { parseQasm2 } from '../../src/qasm/qasm2/parse-qasm2.js'

/**
 * Fuzzing the OpenQASM 2 parser (qsharp's `fuzz_targets/qasm.rs` idea): valid programs from a
 * generator, then random character and token insertions, deletions and truncations. Whatever
 * the input, the parser returns a circuit or throws a QasmParseError whose diagnostics point at
 * real places (line and column ≥ 1) — never anything else.
 */

const qarg = fc.constantFrom('q[0]', 'q[1]', 'q[2]', 'r[0]', 'r[2]', 'q', 'r', 'e')
const carg = fc.constantFrom('c[0]', 'c[1]', 'c', 'd', 'd[0]')

const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('pi', '0', '1', '2', '0.5', '.25', '1.5e-3', '3.', '7e2', 'theta'),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('e').map((a) => `-${a}`),
    tie('e').map((a) => `(${a})`),
    fc
      .tuple(fc.constantFrom('sin', 'cos', 'tan', 'exp', 'ln', 'sqrt'), tie('e'))
      .map(([f, a]) => `${f}(${a})`),
  ),
})).e

const statement: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom('h', 'x', 'y', 'z', 's', 'sdg', 't', 'sx', 'id'), qarg)
    .map(([g, a]) => `${g} ${a};`),
  fc
    .tuple(fc.constantFrom('cx', 'cz', 'swap', 'ch', 'CX', 'rxx(0.1)', 'cu1(pi/4)'), qarg, qarg)
    .map(([g, a, b]) => `${g} ${a}, ${b};`),
  fc
    .tuple(fc.constantFrom('rx', 'ry', 'rz', 'p', 'u1'), expression, qarg)
    .map(([g, e, a]) => `${g}(${e}) ${a};`),
  fc
    .tuple(expression, expression, expression, qarg)
    .map(([x, y, z, a]) => `u3(${x}, ${y}, ${z}) ${a};`),
  fc.tuple(qarg, carg).map(([a, c]) => `measure ${a} -> ${c};`),
  qarg.map((a) => `reset ${a};`),
  fc.array(qarg, { maxLength: 3 }).map((args) => `barrier ${args.join(', ')};`),
  fc.tuple(fc.nat({ max: 9 }), qarg).map(([n, a]) => `if (c == ${n}) x ${a};`),
  fc.tuple(expression, qarg, qarg).map(([e, a, b]) => `mine(${e}, 0.5) ${a}, ${b};`),
  fc.constantFrom(
    'gate mine(theta, phi) a, b { rz(theta * phi) a; cx a, b; barrier a; u3(theta, -phi, pi/2) b; }',
    'gate solo a { h a; t a; }',
    'opaque magic(k) a;',
    'solo q[1];',
    'magic(2) r[1];',
    'include "lib.inc";',
    'include "loop.inc";',
    'qreg extra[2];',
    'creg flags[1];',
  ),
)

const program = fc
  .tuple(fc.boolean(), fc.array(statement, { maxLength: 14 }))
  .map(([hasHeader, body]) =>
    [
      hasHeader ? 'OPENQASM 2.0;\ninclude "qelib1.inc";' : 'include "qelib1.inc";',
      'qreg q[3];\nqreg r[3];\nqreg e[0];\ncreg c[3];\ncreg d[1];',
      ...body,
    ].join('\n'),
  )

const TOKENS = [
  ';',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '->',
  '==',
  '=',
  '"',
  "'",
  '-',
  '+',
  '*',
  '/',
  '^',
  '.',
  'e',
  'pi',
  'gate',
  'opaque',
  'qreg',
  'creg',
  'if',
  'measure',
  'reset',
  'barrier',
  'include',
  'OPENQASM 2.0;',
  'OPENQASM 3;',
  'U',
  'CX',
  'Q',
  '1e999',
  '99999999999999999999',
  '007',
  '0',
  '\n',
  '//',
  ' ',
  'π',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '((((((((',
  'sin(',
  'h q;',
  '}',
  'gate g a {',
  'qreg big[2000000];',
]

type Mutation = (text: string) => string
const position = (text: string, n: number): number =>
  text.length === 0 ? 0 : n % (text.length + 1)

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([n, token]) => (t: string) => {
    const at = position(t, n)
    return t.slice(0, at) + token + t.slice(at)
  }),
  fc
    .tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }))
    .map(([n, chars]) => (t: string) => {
      const at = position(t, n)
      return t.slice(0, at) + chars + t.slice(at)
    }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(([n, length]) => (t: string) => {
    const at = position(t, n)
    return t.slice(0, at) + t.slice(at + length)
  }),
  fc.nat().map((n) => (t: string) => t.slice(0, position(t, n))),
  fc
    .tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 30 }))
    .map(([n, m, length]) => (t: string) => {
      const from = position(t, m)
      const at = position(t, n)
      return t.slice(0, at) + t.slice(from, from + length) + t.slice(at)
    }),
)

const resolver = new InMemoryIncludeResolver({
  'lib.inc': 'gate libg(a) x { rx(a) x; }\n',
  'loop.inc': 'include "loop.inc";\n',
})

/** Parses; returns `'ok'` or the diagnostics of the QasmParseError; anything else fails. */
function check(text: string, strict: boolean): void {
  let error: unknown
  try {
    parseQasm2(text, { strict, includeResolver: resolver, fileName: 'fuzz.qasm' })
    return
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(QasmParseError)
  const diagnostics = (error as QasmParseError).diagnostics
  expect(diagnostics.length).toBeGreaterThan(0)
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.column).toBeGreaterThanOrEqual(1)
    expect(d.span.line).toBe(d.line)
    expect(d.span.column).toBe(d.column)
    expect(d.code).toMatch(/^qasm2\.(lex|parse|semantic)\./)
    expect(d.code).not.toBe('qasm2.internal')
    if (d.span.file === 'fuzz.qasm') {
      expect(d.span.offset + d.span.length).toBeLessThanOrEqual(text.length)
    }
  }
}

describe('fuzzing parseQasm2', () => {
  it('parses the generated programs before mutation (mostly) without internal errors', () => {
    let parsed = 0
    fc.assert(
      fc.property(program, (text) => {
        try {
          parseQasm2(text, { includeResolver: resolver })
          parsed++
        } catch (error) {
          expect(error).toBeInstanceOf(QasmParseError)
        }
      }),
      { seed: 1, numRuns: 1000 },
    )
    expect(parsed).toBeGreaterThan(100)
  })

  it('throws nothing but QasmParseError, with valid positions, on 10,000 mutated programs', () => {
    fc.assert(
      fc.property(
        program,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (text, mutations, strict) => {
          check(
            mutations.reduce((t, mutate) => mutate(t), text),
            strict,
          )
        },
      ),
      { seed: 20240611, numRuns: 10_000 },
    )
  })

  it('survives arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.boolean(), (text, strict) => {
        check(text, strict)
      }),
      { seed: 7, numRuns: 2000 },
    )
  })
})
