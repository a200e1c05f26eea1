import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { circuitToMatrix } from '../../../src/circuit/circuit-unitary.js'
import { Gate } from '../../../src/circuit/gate.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { ComplexMatrix } from '../../../src/math/complex-matrix.js'
import { InMemoryIncludeResolver } from '../../../src/qasm/include-resolver.js'
import { QELIB1_INC } from '../../../src/qasm/include-resolver-sources.js'
import { QasmParseError } from '../../../src/qasm/qasm-error.js'
import { analyzeQasm2, parseQasm2 } from '../../../src/qasm/qasm2/parse-qasm2.js'
import { Qasm2Gate } from '../../../src/qasm/qasm2/qasm2-gate.js'

const H = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n'

/** `value`, checked to be an instance of `type`. */
function instanceOf<TClass>(
  value: unknown,
  type: abstract new (...args: never[]) => TClass,
): TClass {
  if (!(value instanceof type)) throw new TypeError(`expected a ${type.name}`)
  return value
}

const ops = (c: QuantumCircuit): [string, readonly number[], readonly number[]][] =>
  c.data.map((i) => [i.operation.name, i.qubits, i.clbits])

function codes(text: string, options = {}): string[] {
  try {
    parseQasm2(text, options)
  } catch (error) {
    expect(error).toBeInstanceOf(QasmParseError)
    return (error as QasmParseError).diagnostics.map((d) => d.code)
  }
  return []
}

describe('parseQasm2: registers and instructions', () => {
  it('builds the Bell circuit with its registers', () => {
    const c = parseQasm2(`${H}qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;`)
    expect(c.qregs.map((r) => [r.name, r.size])).toEqual([['q', 2]])
    expect(c.cregs.map((r) => [r.name, r.size])).toEqual([['c', 2]])
    expect(ops(c)).toEqual([
      ['h', [0], []],
      ['cx', [0, 1], []],
      ['measure', [0], [0]],
      ['measure', [1], [1]],
    ])
    const bell = circuitToMatrix(c.removeFinalMeasurements())
    const s = Math.SQRT1_2
    // Little-endian: column 0 (|00⟩) maps to (|00⟩ + |11⟩)/√2.
    const column = [0, 1, 2, 3].map((r) => bell.get(r, 0).re)
    column.forEach((v, r) => {
      expect(v).toBeCloseTo([s, 0, 0, s][r]!, 12)
    })
  })

  it('numbers qubits and clbits across registers in declaration order', () => {
    const c = parseQasm2(
      `${H}qreg a[2];\ncreg m[1];\nqreg b[3];\ncreg n[2];\ncx a[1], b[2];\nmeasure b[0] -> n[1];`,
    )
    expect(c.numQubits).toBe(5)
    expect(c.numClbits).toBe(3)
    expect(ops(c)).toEqual([
      ['cx', [1, 4], []],
      ['measure', [2], [2]],
    ])
  })

  it('broadcasts gates, measurements and resets over registers, as Qiskit does', () => {
    const c = parseQasm2(
      `${H}qreg q[3];\nqreg r[3];\ncreg c[3];\nh q;\ncx q, r;\ncx q[0], r;\nmeasure r -> c;\nreset q;`,
    )
    expect(ops(c)).toEqual([
      ['h', [0], []],
      ['h', [1], []],
      ['h', [2], []],
      ['cx', [0, 3], []],
      ['cx', [1, 4], []],
      ['cx', [2, 5], []],
      ['cx', [0, 3], []],
      ['cx', [0, 4], []],
      ['cx', [0, 5], []],
      ['measure', [3], [0]],
      ['measure', [4], [1]],
      ['measure', [5], [2]],
      ['reset', [0], []],
      ['reset', [1], []],
      ['reset', [2], []],
    ])
  })

  it('makes one barrier over the union of its operands, or every qubit without operands', () => {
    const c = parseQasm2(`${H}qreg q[2];\nqreg r[2];\nbarrier r, q[1], r[0];\nbarrier;`)
    expect(ops(c)).toEqual([
      ['barrier', [2, 3, 1], []],
      ['barrier', [0, 1, 2, 3], []],
    ])
  })

  it('broadcasts over empty registers to nothing', () => {
    expect(
      parseQasm2(`${H}qreg e[0];\nqreg q[1];\nh e;\ncx q[0], e;\nbarrier e;`).data,
    ).toHaveLength(0)
  })

  it('turns if (c == n) into a register condition on every broadcast instruction', () => {
    const c = parseQasm2(
      `${H}qreg q[2];\ncreg c[2];\ncreg d[1];\nif (c == 2) x q;\nif (d == 1) measure q[0] -> c[1];\nif (c == 0) reset q[1];`,
    )
    expect(c.data.map((i) => [i.operation.name, i.qubits, i.condition])).toEqual([
      ['x', [0], { kind: 'register', register: c.cregs[0], op: '==', value: 2n }],
      ['x', [1], { kind: 'register', register: c.cregs[0], op: '==', value: 2n }],
      ['measure', [0], { kind: 'register', register: c.cregs[1], op: '==', value: 1n }],
      ['reset', [1], { kind: 'register', register: c.cregs[0], op: '==', value: 0n }],
    ])
  })

  it('folds constant parameter expressions', () => {
    const c = parseQasm2(`${H}qreg q[1];\nu3(pi/2, -pi/4 + 0.5, 2^-1*sqrt(4)) q[0];`)
    expect(c.data[0]!.operation.params).toEqual([Math.PI / 2, -Math.PI / 4 + 0.5, 1])
  })
})

describe('parseQasm2: the qelib1.inc gates', () => {
  const names = [...QELIB1_INC.matchAll(/^gate (\w+)/gm)].map((m) => m[1]!)
  const arity = new Map(
    [...QELIB1_INC.matchAll(/^gate (\w+)(?:\(([^)]*)\))? ([\w, ]+?)\s*(?:\{|$)/gm)].map((m) => [
      m[1]!,
      { params: m[2] === undefined ? 0 : m[2].split(',').length, qubits: m[3]!.split(',').length },
    ]),
  )

  it('knows every gate of the file', () => {
    expect(names).toHaveLength(42)
    expect(arity.size).toBe(42)
  })

  it('maps them to the standard gates as Qiskit does', () => {
    const expected: Record<string, string> = {
      rc3x: 'rcccx',
      c3sqrtx: 'c3sx',
      c4x: 'mcx',
      u0: 'u0',
    }
    for (const name of names) {
      const { params, qubits } = arity.get(name)!
      const args =
        params === 0 ? '' : `(${Array.from({ length: params }, (_, i) => 0.1 * (i + 1)).join(',')})`
      const c = parseQasm2(
        `${H}qreg q[5];\n${name}${args} ${Array.from({ length: qubits }, (_, i) => `q[${i}]`).join(',')};`,
      )
      expect(c.data[0]!.operation.name).toBe(expected[name] ?? name)
    }
  })

  it('gives each the unitary of its qelib1.inc definition (up to global phase)', () => {
    // The file's own definitions, renamed my_*, are an independent reference built from U and CX.
    const renamed = QELIB1_INC.replace(new RegExp(`\\b(${names.join('|')})\\b`, 'g'), 'my_$1')
    const resolver = new InMemoryIncludeResolver({ 'mine.inc': renamed })
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (name, values) => {
          const { params, qubits } = arity.get(name)!
          const args = params === 0 ? '' : `(${values.slice(0, params).join(',')})`
          const targets = Array.from({ length: qubits }, (_, i) => `q[${i}]`).join(',')
          const body = `qreg q[${qubits}];\n`
          const ours = parseQasm2(`${H}${body}${name}${args} ${targets};`)
          const reference = parseQasm2(
            `OPENQASM 2.0;\ninclude "mine.inc";\n${body}my_${name}${args} ${targets};`,
            {
              includeResolver: resolver,
            },
          )
          expect(circuitToMatrix(ours).equalsUpToPhase(circuitToMatrix(reference), 1e-9)).toBe(true)
        },
      ),
      { seed: 20240601, numRuns: 150 },
    )
  })

  it('maps the built-ins U and CX to u and cx', () => {
    expect(ops(parseQasm2('qreg q[2];\nU(1,2,3) q[0];\nCX q[0], q[1];'))).toEqual([
      ['u', [0], []],
      ['cx', [0, 1], []],
    ])
  })

  it('shares one operation object among the applications of a parameterless gate', () => {
    const c = parseQasm2(`${H}qreg q[2];\nh q[0];\nh q[1];`)
    expect(c.data[0]!.operation).toBe(c.data[1]!.operation)
  })

  it('lets a program define a gate that only Qiskit’s longer qelib1.inc has (sx), as programs for the paper’s file do', () => {
    const c = parseQasm2(`${H}gate sx a { sdg a; h a; sdg a; }\nqreg q[1];\nsx q[0];`)
    expect(c.data[0]!.operation).toBeInstanceOf(Qasm2Gate)
    expect(codes(`${H}gate h a { x a; }`)).toEqual(['qasm2.semantic.redefinition'])
  })

  it('warns about (lenient) or refuses (strict) including qelib1.inc twice', () => {
    const twice = `${H}include "qelib1.inc";\nqreg q[1];\nh q[0];`
    const analysis = analyzeQasm2(twice)
    expect(analysis.circuit?.data).toHaveLength(1)
    expect(analysis.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['qasm2.semantic.duplicate-include', 'warning'],
    ])
    expect(codes(twice, { strict: true })).toEqual(['qasm2.semantic.redefinition'])
  })
})

describe('parseQasm2: gate and opaque declarations', () => {
  const program = `${H}gate my(theta, phi) a, b { rz(theta/2) a; cx a, b; barrier a; ry(-phi) b; }\nqreg q[3];\nmy(0.3, 0.5) q[2], q[0];`

  it('makes a custom gate whose definition follows its parameters', () => {
    const c = parseQasm2(program)
    const op = instanceOf(c.data[0]!.operation, Qasm2Gate)
    expect([op.name, op.params, c.data[0]!.qubits]).toEqual(['my', [0.3, 0.5], [2, 0]])
    expect(ops(op.definition!)).toEqual([
      ['rz', [0], []],
      ['cx', [0, 1], []],
      ['barrier', [0], []],
      ['ry', [1], []],
    ])
    expect(op.definition!.data.map((i) => i.operation.params)).toEqual([[0.15], [], [], [-0.5]])
    const reference = new QuantumCircuit(2).rz(0.15, 0).cx(0, 1).ry(-0.5, 1)
    expect(op.toMatrix().equalsUpToPhase(circuitToMatrix(reference))).toBe(true)
  })

  it('rebuilds the definition for new parameters, symbolic ones too', () => {
    const op = instanceOf(parseQasm2(program).data[0]!.operation, Qasm2Gate)
    expect(op.withParams([1, 2]).definition!.data[0]!.operation.params).toEqual([0.5])
    const theta = new Parameter('theta')
    const symbolic = op.withParams([theta, 0]).definition!
    expect(symbolic.parameters).toEqual([theta])
    expect(symbolic.assignParameters([0.8]).data[0]!.operation.params).toEqual([0.4])
  })

  it('declares opaque gates without a definition', () => {
    const c = parseQasm2(`${H}opaque magic(x) a, b;\nqreg q[2];\nmagic(1.5) q[0], q[1];`)
    const op = c.data[0]!.operation
    expect([op.name, op.numQubits, op.params, op.definition]).toEqual([
      'magic',
      2,
      [1.5],
      undefined,
    ])
    expect(() => instanceOf(op, Gate).toMatrix()).toThrow(/opaque/)
  })

  it('uses a gate inside a later gate, and nests definitions', () => {
    const c = parseQasm2(
      `${H}gate a1(t) x { rx(t) x; }\ngate a2(t) x, y { a1(2*t) y; cx x, y; }\nqreg q[2];\na2(0.25) q[0], q[1];`,
    )
    const inner = c.data[0]!.operation.definition!.data[0]!.operation
    expect([inner.name, inner.params]).toEqual(['a1', [0.5]])
    expect(
      circuitToMatrix(c).equalsUpToPhase(
        circuitToMatrix(new QuantumCircuit(2).rx(0.5, 1).cx(0, 1)),
      ),
    ).toBe(true)
  })
})

describe('parseQasm2: custom instructions (Qiskit’s custom_instructions)', () => {
  class MyGate extends Gate {
    constructor(theta: number | Parameter) {
      super({ name: 'my', numQubits: 2, params: [theta] })
    }
  }

  it('uses a builtin custom instruction without a declaration', () => {
    const c = parseQasm2('qreg q[2];\nmy(0.5) q[0], q[1];', {
      customInstructions: [
        {
          name: 'my',
          numParams: 1,
          numQubits: 2,
          constructor: (t) => new MyGate(t as number),
          builtin: true,
        },
      ],
    })
    expect(c.data[0]!.operation).toBeInstanceOf(MyGate)
  })

  it('replaces a compatible declaration with the constructor, and refuses a mismatched one', () => {
    const custom = [
      {
        name: 'my',
        numParams: 1,
        numQubits: 2,
        constructor: (t: unknown) => new MyGate(t as number),
      },
    ]
    const c = parseQasm2('opaque my(t) a, b;\nqreg q[2];\nmy(0.5) q[0], q[1];', {
      customInstructions: custom,
    })
    expect(c.data[0]!.operation).toBeInstanceOf(MyGate)
    expect(codes('opaque my(t) a;', { customInstructions: custom })).toEqual([
      'qasm2.semantic.custom-instruction-mismatch',
    ])
    expect(codes('qreg q[2];\nmy(0.5) q[0], q[1];', { customInstructions: custom })).toEqual([
      'qasm2.semantic.undefined-gate',
    ])
  })

  it('switches rz to the phase convention of u1, as in Qiskit’s documentation', () => {
    const c = parseQasm2(`${H}qreg q[1];\nrz(pi/2) q[0];`, {
      customInstructions: [
        { name: 'rz', numParams: 1, numQubits: 1, constructor: (l) => standardGate('p', [l]) },
      ],
    })
    const m = circuitToMatrix(c)
    expect(
      m.equals(
        ComplexMatrix.fromRows([
          [1, 0],
          [0, [0, 1]],
        ]),
        1e-12,
      ),
    ).toBe(true)
  })

  it('reports a constructor that throws or builds the wrong shape, and duplicate names', () => {
    const failing = {
      name: 'bad',
      numParams: 0,
      numQubits: 1,
      builtin: true,
      constructor: (): Gate => {
        throw new Error('nope')
      },
    }
    const wrong = {
      name: 'wrong',
      numParams: 0,
      numQubits: 1,
      builtin: true,
      constructor: () => standardGate('cx'),
    }
    expect(
      codes('qreg q[1];\nbad q[0];\nwrong q[0];', { customInstructions: [failing, wrong] }),
    ).toEqual([
      'qasm2.semantic.custom-instruction-failed',
      'qasm2.semantic.custom-instruction-mismatch',
    ])
    expect(codes('qreg q[1];', { customInstructions: [wrong, wrong] })).toEqual([
      'qasm2.semantic.duplicate-custom-instruction',
    ])
  })
})

describe('parseQasm2: modes, includes and the abort signal', () => {
  it('accepts a program without a version statement outside strict mode', () => {
    expect(parseQasm2('qreg q[1];\nU(0,0,0) q[0];').data).toHaveLength(1)
  })

  it('finds includes through includePath and the resolver, and lowers them in place', () => {
    const resolver = new InMemoryIncludeResolver({
      'lib/gates.inc': 'gate g a { x a; }',
      'lib/more.inc': 'include "gates.inc";',
    })
    const c = parseQasm2(`${H}include "more.inc";\nqreg q[1];\ng q[0];`, {
      includeResolver: resolver,
      includePath: ['lib'],
    })
    expect(c.data[0]!.operation.name).toBe('g')
  })

  it('always uses the built-in qelib1.inc, whatever the resolver has', () => {
    const resolver = new InMemoryIncludeResolver(
      { 'qelib1.inc': 'gate h a { x a; }' },
      { withStandardIncludes: false },
    )
    expect(
      parseQasm2(`${H}qreg q[1];\nh q[0];`, { includeResolver: resolver }).data[0]!.operation.name,
    ).toBe('h')
  })

  it('throws the abort reason, unwrapped, between statements', () => {
    const reason = new Error('stop')
    expect(() => parseQasm2('qreg q[1];', { signal: { aborted: true, reason } })).toThrow(reason)
    let reads = 0
    const signal = {
      get aborted(): boolean {
        return ++reads > 1
      },
      reason,
    }
    expect(() => parseQasm2(`${H}qreg q[1];\n${'x q[0];\n'.repeat(5000)}`, { signal })).toThrow(
      reason,
    )
  })

  it('analyzeQasm2 returns the syntax tree and the diagnostics instead of throwing', () => {
    const a = analyzeQasm2(`${H}qreg q[1];\nh q[0]\nfoo q[0];`)
    expect(a.circuit).toBeUndefined()
    expect(a.program.statements.map((s) => s.kind)).toEqual([
      'version',
      'include',
      'qreg',
      'gate-call',
      'gate-call',
    ])
    expect(a.diagnostics.map((d) => d.code)).toEqual(['qasm2.parse.missing-semicolon'])
    const ok = analyzeQasm2(`${H}qreg q[1];\nh q[0];`)
    expect(ok.circuit?.data).toHaveLength(1)
    expect(ok.diagnostics).toEqual([])
  })
})

describe('parseQasm2: expression values agree with Python', () => {
  type Tree = { op: string; args: Tree[] } | number | 'pi'
  const leaf = fc.oneof(
    fc.constantFrom<Tree>('pi', 0.5, 2, 3, 1.25, 0.1),
    fc.integer({ min: 1, max: 9 }),
  )
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({
        op: fc.constantFrom('+', '-', '*', '/', '^'),
        args: fc.tuple(tie('t'), tie('t')),
      }) as fc.Arbitrary<Tree>,
      fc.record({
        op: fc.constantFrom('neg', 'sin', 'cos', 'exp', 'sqrt', 'ln'),
        args: fc.tuple(tie('t')),
      }) as fc.Arbitrary<Tree>,
    ),
  })).t

  /** Writes a tree with minimal parentheses, so precedence and associativity are what is tested. */
  function write(t: Tree, python: boolean): string {
    if (t === 'pi') return python ? 'math.pi' : 'pi'
    if (typeof t === 'number') return String(t)
    const [a, b] = t.args.map((x) => `(${write(x, python)})`)
    const bare = t.args.map((x) => write(x, python))
    switch (t.op) {
      case 'neg':
        return `-${a}`
      case 'sin':
      case 'cos':
      case 'exp':
      case 'sqrt':
        return `${python ? 'math.' : ''}${t.op}(${bare[0]})`
      case 'ln':
        return python ? `math.log(${bare[0]})` : `ln(${bare[0]})`
      case '^':
        return `${a}${python ? '**' : '^'}${b}`
      default:
        return `${bare[0]} ${t.op} ${b}`
    }
  }

  it('for random expression trees (precedence, associativity, functions)', () => {
    const samples = fc.sample(tree, { seed: 7, numRuns: 300 })
    const python = execFileSync(
      'python3',
      [
        '-c',
        `import math, sys, json
out = []
for line in sys.stdin.read().splitlines():
    try:
        v = eval(line)
        out.append(v if isinstance(v, float) or isinstance(v, int) else None)
    except Exception:
        out.append(None)
print(json.dumps([x if x is None or math.isfinite(x) else None for x in out]))`,
      ],
      { input: samples.map((t) => write(t, true)).join('\n') },
    )
    const expected = JSON.parse(python.toString()) as (number | null)[]
    let compared = 0
    samples.forEach((t, i) => {
      const want = expected[i]
      if (want === null || want === undefined) return
      const a = analyzeQasm2(`qreg q[1];\nU(${write(t, false)}, 0, 0) q[0];`)
      if (a.circuit === undefined) return
      const got = a.circuit.data[0]!.operation.params[0] as number
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)))
      compared++
    })
    expect(compared).toBeGreaterThan(150)
  })
})
