import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Qubit } from '../../../src/circuit/bit.js'
import { circuitToMatrix } from '../../../src/circuit/circuit-unitary.js'
import { clbitCondition, registerCondition } from '../../../src/circuit/condition.js'
import { Delay } from '../../../src/circuit/directives.js'
import { Gate } from '../../../src/circuit/gate.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { ClassicalRegister, QuantumRegister } from '../../../src/circuit/register.js'
import { QasmExportError } from '../../../src/qasm/qasm-error.js'
import { formatQasm2Number } from '../../../src/qasm/qasm2/format-qasm2-value.js'
import { parseQasm2 } from '../../../src/qasm/qasm2/parse-qasm2.js'
import { toQasm2 } from '../../../src/qasm/qasm2/to-qasm2.js'

/** Exports, then parses the result back in strict mode. */
const roundTrip = (c: QuantumCircuit): QuantumCircuit => parseQasm2(toQasm2(c), { strict: true })

function expectSameUnitary(a: QuantumCircuit, b: QuantumCircuit): void {
  expect(circuitToMatrix(b).equalsUpToPhase(circuitToMatrix(a), 1e-9)).toBe(true)
}

describe('toQasm2: layout of the program', () => {
  it('writes Qiskit’s qasm2.dumps text for a Bell circuit', () => {
    const c = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)
    expect(toQasm2(c)).toBe(
      [
        'OPENQASM 2.0;',
        'include "qelib1.inc";',
        'qreg q[2];',
        'creg c[2];',
        'h q[0];',
        'cx q[0],q[1];',
        'measure q[0] -> c[0];',
        'measure q[1] -> c[1];',
      ].join('\n'),
    )
  })

  it('writes barriers, resets and qelib1 names of standard gates', () => {
    const c = new QuantumCircuit(5)
      .barrier(0, 2)
      .reset(1)
      .rcccx(0, 1, 2, 3)
      .c3sx(0, 1, 2, 3)
      .mcx([0, 1, 2, 3], 4)
    expect(toQasm2(c).split('\n').slice(3)).toEqual([
      'barrier q[0],q[2];',
      'reset q[1];',
      'rc3x q[0],q[1],q[2],q[3];',
      'c3sqrtx q[0],q[1],q[2],q[3];',
      'c4x q[0],q[1],q[2],q[3],q[4];',
    ])
  })

  it('puts bits outside any register into generated registers', () => {
    const c = new QuantumCircuit(new QuantumRegister(1, 'q'))
    c.addBits([new Qubit(), new Qubit()])
    c.cx(0, 2)
    expect(toQasm2(c).split('\n').slice(2)).toEqual([
      'qreg q[1];',
      'qreg qregless[2];',
      'cx q[0],qregless[1];',
    ])
  })

  it('escapes register names and keeps them clear of gate names and keywords', () => {
    const c = new QuantumCircuit(
      new QuantumRegister(1, 'h'),
      new QuantumRegister(1, 'Data-1'),
      new ClassicalRegister(1, 'gate'),
    )
    c.x(0).cx(0, 1)
    const text = toQasm2(c)
    expect(text).toContain('qreg h_1[1];')
    expect(text).toContain('qreg reg_Data_1[1];')
    expect(text).toContain('creg reg_gate[1];')
    expect(ops(roundTrip(c))).toEqual(ops(c))
  })

  it('drops the global phase, which OpenQASM 2 cannot express', () => {
    const c = new QuantumCircuit(1).globalPhaseGate(0.3).x(0)
    c.globalPhase = 1
    expect(toQasm2(c).split('\n').slice(3)).toEqual(['x q[0];'])
  })
})

const ops = (c: QuantumCircuit): [string, readonly number[]][] =>
  c.data.map((i) => [i.operation.name, i.qubits])

describe('toQasm2: numbers', () => {
  it('writes exact multiples of pi as pi fractions', () => {
    expect(
      [Math.PI, Math.PI / 2, -Math.PI / 4, (3 * Math.PI) / 4, 2 * Math.PI, Math.PI / 16].map(
        formatQasm2Number,
      ),
    ).toEqual(['pi', 'pi/2', '-pi/4', '3*pi/4', '2*pi', 'pi/16'])
  })

  it('writes other values in round-trip decimal with a point before any exponent', () => {
    expect(
      [0, 3, -2, 0.1, 1e-7, 1.5e-10, 2.5e22, Math.PI / 2 + 1e-15].map(formatQasm2Number),
    ).toEqual(['0', '3', '-2', '0.1', '1.0e-7', '1.5e-10', '2.5e+22', String(Math.PI / 2 + 1e-15)])
  })

  it('refuses values OpenQASM 2 cannot write', () => {
    expect(() => formatQasm2Number(Number.NaN)).toThrow(QasmExportError)
    expect(() => toQasm2(new QuantumCircuit(1).rz(Number.POSITIVE_INFINITY, 0))).toThrow(
      QasmExportError,
    )
  })

  it('round-trips every double exactly (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = roundTrip(new QuantumCircuit(1).rz(x, 0))
        expect(
          Object.is(back.data[0]!.operation.params[0], x === 0 ? Math.abs(x) : x) ||
            back.data[0]!.operation.params[0] === x,
        ).toBe(true)
      }),
      { seed: 42, numRuns: 2000 },
    )
  })
})

describe('toQasm2: gates outside qelib1.inc', () => {
  it('declares every other standard gate from its definition, once, and round-trips its unitary', () => {
    const c = new QuantumCircuit(6)
      .ecr(0, 1)
      .rzx(0.3, 1, 2)
      .rzx(-1.1, 2, 3)
      .iswap(3, 4)
      .dcx(4, 5)
      .ryy(0.7, 0, 5)
      .xxPlusYy(0.4, 0.2, 1, 3)
      .xxMinusYy(0.5, -0.3, 2, 4)
      .cs(0, 2)
      .csdg(1, 3)
      .ccz(0, 1, 2)
      .r(0.2, 0.9, 5)
      .mcx([0, 1, 2, 3, 4], 5)
      .mcp(0.6, [0, 1, 2], 3)
    const text = toQasm2(c)
    expect(text.match(/^gate rzx\b/gm)).toHaveLength(1)
    expect(text).toContain('rzx(0.3) q[1],q[2];')
    const back = parseQasm2(text, { strict: true })
    expect(back.data.map((i) => i.operation.name)).toEqual([
      'ecr',
      'rzx',
      'rzx',
      'iswap',
      'dcx',
      'ryy',
      'xx_plus_yy',
      'xx_minus_yy',
      'cs',
      'csdg',
      'ccz',
      'r',
      'mcx_5',
      'mcp_3',
    ])
    expectSameUnitary(c, back)
  })

  it('declares a custom gate once, parameterised when it can be rebuilt with symbols', () => {
    const theta = new Parameter('theta')
    const sub = new QuantumCircuit(2).rx(theta, 0).cx(0, 1).rz(theta.mul(2), 1)
    const g = sub.toGate()
    const c = new QuantumCircuit(3)
    c.append(g.withParams([0.5]), [0, 1])
    c.append(g.withParams([1.5]), [1, 2])
    const text = toQasm2(c)
    expect(text.match(/^gate /gm)).toHaveLength(1)
    expect(text).toMatch(/\(param0\) q0,q1 \{ rx\(param0\) q0; cx q0,q1; rz\(param0\*2\) q1; \}/)
    expectSameUnitary(c, roundTrip(c))
  })

  it('bakes the parameters into separate declarations when a gate cannot be rebuilt', () => {
    const def = new QuantumCircuit(1).rx(0.25, 0)
    const a = new Gate({ name: 'fixed', numQubits: 1, params: [0.25], definition: def })
    const b = new Gate({
      name: 'fixed',
      numQubits: 1,
      params: [0.75],
      definition: new QuantumCircuit(1).rx(0.75, 0),
    })
    const c = new QuantumCircuit(1)
    c.append(a, [0]).append(b, [0]).append(a, [0])
    const text = toQasm2(c)
    expect(text).toContain('gate fixed q0 { rx(0.25) q0; }')
    expect(text).toContain('gate fixed_1 q0 { rx(0.75) q0; }')
    expect(text.split('\n').slice(-3)).toEqual(['fixed q[0];', 'fixed_1 q[0];', 'fixed q[0];'])
    expectSameUnitary(c, roundTrip(c))
  })

  it('keeps names clash-free: a custom gate named like a qelib1 gate, a keyword or an invalid identifier', () => {
    const custom = (name: string, body: QuantumCircuit): Gate =>
      new Gate({ name, numQubits: 1, definition: body })
    const c = new QuantumCircuit(1)
    c.append(custom('h', new QuantumCircuit(1).x(0)), [0])
    c.append(custom('measure', new QuantumCircuit(1).y(0)), [0])
    c.append(custom('My Gate', new QuantumCircuit(1).z(0)), [0])
    c.h(0)
    const text = toQasm2(c)
    expect(text.split('\n').slice(-4)).toEqual([
      'h_1 q[0];',
      'gate_measure q[0];',
      'gate_My_Gate q[0];',
      'h q[0];',
    ])
    expectSameUnitary(c, roundTrip(c))
  })

  it('declares nested custom gates before their users, and a gate named like its inner gate', () => {
    const inner = new Gate({ name: 'g', numQubits: 1, definition: new QuantumCircuit(1).sx(0) })
    const outer = new Gate({
      name: 'g',
      numQubits: 2,
      definition: new QuantumCircuit(2).append(inner, [1]).cx(0, 1),
    })
    const c = new QuantumCircuit(2).append(outer, [0, 1]).append(inner, [0])
    const text = toQasm2(c)
    expect(text.split('\n').slice(2, 4)).toEqual([
      'gate g q0 { sx q0; }',
      'gate g_1 q0,q1 { g q1; cx q0,q1; }',
    ])
    expectSameUnitary(c, roundTrip(c))
  })

  it('round-trips gates parsed from OpenQASM with their parameterised bodies', () => {
    const source =
      'OPENQASM 2.0;\ninclude "qelib1.inc";\ngate my(a, b) x, y { rz(a/2 - b) x; cx x, y; u3(a, -b, pi^2) y; }\nqreg q[2];\nmy(0.3, 1.2) q[0], q[1];\nmy(-0.5, 0) q[1], q[0];'
    const c = parseQasm2(source)
    const text = toQasm2(c)
    expect(text).toContain(
      'gate my(param0,param1) q0,q1 { rz(param0/2 - param1) q0; cx q0,q1; u3(param0,-param1,9.869604401089358) q1; }',
    )
    expectSameUnitary(c, roundTrip(c))
  })

  it('writes gates without a definition as opaque', () => {
    const c = new QuantumCircuit(2)
    c.append(new Gate({ name: 'magic', numQubits: 2, params: [0.5] }), [0, 1])
    c.append(new Delay(100), [1])
    expect(toQasm2(c).split('\n')).toEqual([
      'OPENQASM 2.0;',
      'include "qelib1.inc";',
      'opaque magic(param0) q0,q1;',
      'opaque delay(param0) q0;',
      'qreg q[2];',
      'magic(0.5) q[0],q[1];',
      'delay(100) q[1];',
    ])
    expect(roundTrip(c).data.map((i) => [i.operation.name, i.operation.params])).toEqual([
      ['magic', [0.5]],
      ['delay', [100]],
    ])
  })
})

describe('toQasm2: conditions and control flow', () => {
  it('writes register conditions as if(c==n), and single-bit ones on one-bit registers', () => {
    const cr = new ClassicalRegister(2, 'c')
    const flag = new ClassicalRegister(1, 'flag')
    const c = new QuantumCircuit(new QuantumRegister(1, 'q'), cr, flag)
    c.append(standardGate('x'), [0], [], { condition: registerCondition(cr, 3) })
    c.append(standardGate('z'), [0], [], { condition: clbitCondition(2, true) })
    c.ifElse(registerCondition(cr, 1), new QuantumCircuit(1, 2).h(0), undefined, [0], [0, 1])
    const text = toQasm2(c)
    expect(text.split('\n').slice(-3)).toEqual([
      'if(c==3) x q[0];',
      'if(flag==1) z q[0];',
      'if(c==1) h q[0];',
    ])
    const back = roundTrip(c)
    expect(
      back.data.map((i) => [
        i.operation.name,
        i.condition?.kind === 'register' && [i.condition.register.name, i.condition.value],
      ]),
    ).toEqual([
      ['x', ['c', 3n]],
      ['z', ['flag', 1n]],
      ['h', ['c', 1n]],
    ])
  })

  it('refuses what OpenQASM 2 cannot say', () => {
    const cr = new ClassicalRegister(2, 'c')
    const circuit = (): QuantumCircuit => new QuantumCircuit(new QuantumRegister(2, 'q'), cr)
    const cases: [string, QuantumCircuit][] = [
      ['unbound parameter', new QuantumCircuit(1).rx(new Parameter('t'), 0)],
      [
        'single-bit condition in a wider register',
        circuit().append(standardGate('x'), [0], [], { condition: clbitCondition(0) }),
      ],
      [
        'comparison other than ==',
        circuit().append(standardGate('x'), [0], [], { condition: registerCondition(cr, 1, '<') }),
      ],
      [
        'while loop',
        circuit().whileLoop(registerCondition(cr, 0), new QuantumCircuit(1, 2).x(0), [0], [0, 1]),
      ],
      [
        'if_else with an else branch',
        circuit().ifElse(
          registerCondition(cr, 0),
          new QuantumCircuit(1, 2).x(0),
          new QuantumCircuit(1, 2).y(0),
          [0],
          [0, 1],
        ),
      ],
      [
        'if_else with two instructions',
        circuit().ifElse(
          registerCondition(cr, 0),
          new QuantumCircuit(1, 2).x(0).y(0),
          undefined,
          [0],
          [0, 1],
        ),
      ],
      [
        'measure inside a gate',
        circuit().append(new QuantumCircuit(1, 1).measure(0, 0).toInstruction(), [0], [0]),
      ],
      [
        'asin in a parameter expression',
        (() => {
          const t = new Parameter('t')
          const g = new QuantumCircuit(1).rx(t.asin(), 0).toGate()
          return circuit().append(g.withParams([0.5]), [0])
        })(),
      ],
    ]
    for (const [name, c] of cases) {
      expect(() => toQasm2(c), name).toThrow(QasmExportError)
    }
  })
})

describe('toQasm2: unitary gates', () => {
  it('synthesises one- and two-qubit unitary gates into their declarations', () => {
    const c = new QuantumCircuit(3).h(0).cx(0, 1).ry(0.4, 2).crx(1.1, 2, 0).s(1)
    const oneQubit = circuitToMatrix(new QuantumCircuit(1).rx(0.3, 0).rz(1.2, 0))
    const twoQubit = circuitToMatrix(new QuantumCircuit(2).rxx(0.7, 0, 1).h(0).cry(0.3, 1, 0))
    c.unitary(oneQubit, [2]).unitary(twoQubit, [2, 0]).unitary(oneQubit, [1])
    const text = toQasm2(c)
    expect(text.match(/^gate unitary/gm)).toHaveLength(2)
    expectSameUnitary(c, roundTrip(c))
  })

  it('refuses larger unitary gates, which need a transpiler', () => {
    const c = new QuantumCircuit(3)
    c.unitary(circuitToMatrix(new QuantumCircuit(3).ccx(0, 1, 2)), [0, 1, 2])
    expect(() => toQasm2(c)).toThrow(QasmExportError)
  })
})
