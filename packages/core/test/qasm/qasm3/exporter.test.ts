import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Qubit } from '../../../src/circuit/bit.js'
import { clbitCondition, registerCondition } from '../../../src/circuit/condition.js'
import { Gate } from '../../../src/circuit/gate.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { ParameterVector } from '../../../src/circuit/parameter-vector.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { ClassicalRegister, QuantumRegister } from '../../../src/circuit/register.js'
import { QasmExportError } from '../../../src/qasm/qasm-error.js'
import { toQasm3 } from '../../../src/qasm/qasm3/exporter.js'
import { parseQasm3 } from '../../../src/qasm/qasm3/parser.js'
import { sameUnitary, structuralDifference } from './circuit-compare.js'

/** Export, read back, and check the circuit came back the same. */
function roundTrip(circuit: QuantumCircuit): QuantumCircuit {
  const text = toQasm3(circuit)
  const back = parseQasm3(text)
  expect(structuralDifference(circuit, back), text).toBeUndefined()
  return back
}

describe('toQasm3', () => {
  it('writes gates the reader built from a definition back parametrically', () => {
    const source =
      'include "stdgates.inc";\ngate my(a) x { rz(2 * a) x; }\nqubit q;\nmy(0.25) q;\nmy(0.5) q;'
    const text = toQasm3(parseQasm3(source))
    expect(text).toContain('gate my(_gate_p_0) _gate_q_0 {\n  rz(2*_gate_p_0) _gate_q_0;\n}')
    expect(text.match(/^gate /gm)).toHaveLength(1)
    expect(text).toContain('my(0.25) q[0];\nmy(0.5) q[0];')
  })

  it('writes a circuit as Qiskit does', () => {
    const qc = new QuantumCircuit(2, 2)
    qc.h(0)
      .cx(0, 1)
      .rz(Math.PI / 4, 1)
      .measure(0, 0)
      .measure(1, 1)
    expect(toQasm3(qc)).toBe(
      [
        'OPENQASM 3.0;',
        'include "stdgates.inc";',
        'qubit[2] q;',
        'bit[2] c;',
        'h q[0];',
        'cx q[0], q[1];',
        'rz(pi/4) q[1];',
        'c[0] = measure q[0];',
        'c[1] = measure q[1];',
        '',
      ].join('\n'),
    )
  })

  it('declares free parameters as inputs, with valid names', () => {
    const theta = new Parameter('theta')
    const v = new ParameterVector('v', 2)
    const qc = new QuantumCircuit(1)
    qc.rx(theta.mul(2).add(1), 0).ry(v.get(1), 0).rz(v.get(0).sin(), 0)
    const text = toQasm3(qc)
    expect(text).toContain('input float[64] theta;')
    expect(text).toContain('input float[64] v_0_;')
    expect(text).toContain('input float[64] v_1_;')
    expect(text).toContain('ry(v_1_) q[0];')
    expect(text).toContain('rz(sin(v_0_)) q[0];')
    const back = parseQasm3(text)
    expect(back.parameters.map((p) => p.name)).toEqual(['theta', 'v_0_', 'v_1_'])
    const values = { theta: 0.3, v_0_: 0.7, v_1_: -1.1 }
    const bound = qc.assignParameters(
      new Map([
        [theta, 0.3],
        [v.get(0), 0.7],
        [v.get(1), -1.1],
      ]),
    )
    expect(sameUnitary(bound, back.assignParameters(values))).toBe(true)
  })

  it('writes gates outside stdgates.inc from their definitions, once each', () => {
    const qc = new QuantumCircuit(4)
    qc.rzz(0.5, 0, 1)
      .rzz(0.7, 1, 2)
      .ecr(0, 1)
      .append(standardGate('sxdg'), [3])
      .mcx([0, 1, 2], 3)
      .rccx(0, 1, 2)
      .cu1(0.3, 2, 3)
    const text = toQasm3(qc)
    expect(text.match(/^gate rzz\(/gm)).toHaveLength(1)
    expect(text).toContain('rzz(0.5) q[0], q[1];')
    expect(text).toContain('rzz(0.7) q[1], q[2];')
    const back = roundTrip(qc)
    expect(sameUnitary(qc, back)).toBe(true)
  })

  it('writes controlled gates with ctrl and negctrl modifiers', () => {
    const qc = new QuantumCircuit(4)
    qc.append(standardGate('h').control(2, 1), [0, 1, 2]).append(
      standardGate('ry', [0.3]).control(3, '010'),
      [0, 1, 2, 3],
    )
    const text = toQasm3(qc)
    expect(text).toContain('ctrl @ negctrl @ h q[0], q[1], q[2];')
    expect(text).toContain('negctrl @ ctrl @ negctrl @ ry(0.3) q[0], q[1], q[2], q[3];')
    expect(sameUnitary(qc, roundTrip(qc))).toBe(true)
  })

  it('keeps custom gate names, renaming clashes and differing definitions', () => {
    const defA = new QuantumCircuit(1)
    defA.x(0)
    const defB = new QuantumCircuit(1)
    defB.y(0)
    const qc = new QuantumCircuit(1)
    qc.append(new Gate({ name: 'h', numQubits: 1, definition: defA }), [0])
    qc.append(new Gate({ name: 'mine', numQubits: 1, definition: defA }), [0])
    qc.append(new Gate({ name: 'mine', numQubits: 1, definition: defB }), [0])
    qc.append(new Gate({ name: 'mine', numQubits: 1, definition: defA }), [0])
    const text = toQasm3(qc)
    expect(text).toContain('gate h_1 _gate_q_0 {')
    expect(text).toContain('gate mine _gate_q_0 {')
    expect(text).toContain('gate mine_1 _gate_q_0 {')
    expect(text.split('\n').slice(-5)).toEqual([
      'h_1 q[0];',
      'mine q[0];',
      'mine_1 q[0];',
      'mine q[0];',
      '',
    ])
    expect(sameUnitary(qc, parseQasm3(text))).toBe(true)
  })

  it('writes each bound instance of a parametrised custom gate with its own body', () => {
    const a = new Parameter('a')
    const sub = new QuantumCircuit(2, { name: 'layer' })
    sub.rx(a, 0).cx(0, 1).rz(a.mul(2), 1)
    const gate = sub.toGate()
    const qc = new QuantumCircuit(2)
    qc.append(gate.withParams([0.25]), [0, 1]).append(gate.withParams([0.5]), [1, 0])
    const text = toQasm3(qc)
    // As Qiskit does: the bound definitions differ, so each instance gets its own gate.
    expect(text).toContain('gate layer(_gate_p_0) _gate_q_0, _gate_q_1 {\n  rx(0.25) _gate_q_0;')
    expect(text).toContain('gate layer_1(_gate_p_0) _gate_q_0, _gate_q_1 {\n  rx(0.5) _gate_q_0;')
    expect(text).toContain('layer(0.25) q[0], q[1];\nlayer_1(0.5) q[1], q[0];')
    expect(sameUnitary(qc, parseQasm3(text))).toBe(true)
  })

  it('writes conditions and control flow that reads back the same', () => {
    const qr = new QuantumRegister(2, 'q')
    const cr = new ClassicalRegister(2, 'c')
    const qc = new QuantumCircuit(qr, cr)
    const loop = new Parameter('k')
    qc.h(0).measure(0, 0).measure(1, 1)
    qc.ifTest(
      registerCondition(cr, 2),
      (b) => b.x(1),
      (b) => b.z(1),
    )
    qc.ifTest(clbitCondition(1, false), (b) => b.h(0))
    qc.whileLoop(clbitCondition(0), (b) => b.h(0).measure(0, 0))
    qc.forLoop([0, 1, 2], loop, (b) => b.rx(loop.mul(0.5), 1))
    qc.forLoop([3, 1], undefined, (b) => b.x(0))
    qc.box((b) => b.cx(0, 1))
    qc.append(standardGate('x'), [1], [], { condition: registerCondition(cr, 1) })
    const text = toQasm3(qc)
    expect(text).toContain('if (c == 2) {\n  x q[1];\n} else {\n  z q[1];\n}')
    expect(text).toContain('if (!c[1]) {\n  h q[0];\n}')
    expect(text).toContain('while (c[0]) {\n  h q[0];\n  c[0] = measure q[0];\n}')
    expect(text).toContain('for int k in [0:2] {\n  rx(k*0.5) q[1];\n}')
    expect(text).toContain('for int _ in [3:-2:1] {\n  x q[0];\n}')
    expect(text).toContain('box {\n  cx q[0], q[1];\n}')
    expect(text).toContain('if (c == 1) {\n  x q[1];\n}')
    roundTrip(qc)
  })

  it('writes nested control flow that reads back to the same circuit and the same text', () => {
    const source = [
      'include "stdgates.inc";',
      'qubit[3] q;',
      'bit[2] c;',
      'bit d;',
      'c = measure q[0:1];',
      'for int i in [0:2] {',
      '  rz(i * 0.1) q[2];',
      '  if (c == 1) { x q[2]; if (d) { h q[0]; } else { while (c[1]) { c[1] = measure q[1]; } } }',
      '  box { cx q[0], q[1]; }',
      '}',
      'while (!d) { d = measure q[2]; if (c[0] == 0) { y q[1]; } }',
    ].join('\n')
    const circuit = parseQasm3(source)
    const text = toQasm3(circuit)
    expect(text).toContain(
      '  if (c == 1) {\n    x q[2];\n    if (d[0]) {\n      h q[0];\n    } else {\n      while (c[1]) {',
    )
    const back = roundTrip(circuit)
    expect(toQasm3(back)).toBe(text)
  })

  it('writes delays with units (ps as ns), resets, barriers and the global phase', () => {
    const qc = new QuantumCircuit(2)
    qc.globalPhase = 0.5
    qc.reset(0).barrier(0, 1).delay(100, 0, 'ns').delay(2500, 1, 'ps').delay(16, 0, 'dt')
    const text = toQasm3(qc)
    expect(text).toContain(
      'gphase(0.5);\nreset q[0];\nbarrier q[0], q[1];\ndelay[100ns] q[0];\ndelay[2.5ns] q[1];\ndelay[16dt] q[0];',
    )
    const back = parseQasm3(text)
    expect(back.globalPhase).toBeCloseTo(0.5, 12)
    expect(back.data.map((i) => i.operation.name)).toEqual([
      'reset',
      'barrier',
      'delay',
      'delay',
      'delay',
    ])
  })

  it('writes circuits without quantum registers on hardware qubits, loose bits one by one', () => {
    const loose = new QuantumCircuit([new Qubit(), new Qubit()])
    loose.cx(0, 1)
    expect(toQasm3(loose)).toContain('cx $0, $1;')
    roundTrip(loose)
    const mixed = new QuantumCircuit(new QuantumRegister(1, 'a'), [new Qubit()])
    mixed.cx(0, 1)
    expect(toQasm3(mixed)).toContain('qubit[1] a;\nqubit _qubit1;\ncx a[0], _qubit1;')
    roundTrip(mixed)
  })

  it('renames registers whose names are keywords or not identifiers', () => {
    const qc = new QuantumCircuit(
      new QuantumRegister(1, 'gate'),
      new QuantumRegister(1, 'my reg'),
      new QuantumRegister(1, 'cx'),
    )
    qc.h(0).h(1).h(2)
    const text = toQasm3(qc)
    expect(text).toContain('qubit[1] gate_1;\nqubit[1] my_reg;\nqubit[1] cx_1;')
    roundTrip(qc)
  })

  it('refuses what OpenQASM 3 cannot express', () => {
    const opaque = new QuantumCircuit(1)
    opaque.append(new Gate({ name: 'black_box', numQubits: 1 }), [0])
    expect(() => toQasm3(opaque)).toThrow(QasmExportError)
    const symbolic = new QuantumCircuit(1)
    symbolic.delay(new Parameter('t'), 0, 'ns')
    expect(() => toQasm3(symbolic)).toThrow(QasmExportError)
  })

  it('reads back random circuits to the same circuit (property)', () => {
    const oneQubit = ['h', 'x', 'y', 'z', 's', 'sdg', 't', 'tdg', 'sx', 'sxdg', 'id'] as const
    const rotations = ['rx', 'ry', 'rz', 'p', 'u1'] as const
    const twoQubit = ['cx', 'cy', 'cz', 'ch', 'swap', 'iswap', 'ecr', 'dcx', 'cs', 'csx'] as const
    const twoRot = ['crx', 'cry', 'crz', 'cp', 'rxx', 'ryy', 'rzz', 'rzx'] as const
    const angle = fc.double({ min: -10, max: 10, noNaN: true })
    const instruction = fc.oneof(
      fc.record({
        kind: fc.constant('1q' as const),
        name: fc.constantFrom(...oneQubit),
        q: fc.nat(3),
      }),
      fc.record({
        kind: fc.constant('rot' as const),
        name: fc.constantFrom(...rotations),
        q: fc.nat(3),
        a: angle,
      }),
      fc.record({
        kind: fc.constant('2q' as const),
        name: fc.constantFrom(...twoQubit),
        q: fc.nat(3),
        r: fc.nat(2),
      }),
      fc.record({
        kind: fc.constant('2rot' as const),
        name: fc.constantFrom(...twoRot),
        q: fc.nat(3),
        r: fc.nat(2),
        a: angle,
      }),
      fc.record({ kind: fc.constant('u' as const), q: fc.nat(3), a: angle, b: angle, c: angle }),
    )
    fc.assert(
      fc.property(
        fc.array(instruction, { maxLength: 25 }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        (list, phase) => {
          const qc = new QuantumCircuit(4)
          qc.globalPhase = phase
          for (const inst of list) {
            if (inst.kind === '1q') qc.append(standardGate(inst.name), [inst.q])
            else if (inst.kind === 'rot') qc.append(standardGate(inst.name, [inst.a]), [inst.q])
            else if (inst.kind === 'u') qc.u(inst.a, inst.b, inst.c, inst.q)
            else {
              const other = (inst.q + 1 + inst.r) % 4
              const params = inst.kind === '2rot' ? [inst.a] : []
              qc.append(standardGate(inst.name, params), [inst.q, other])
            }
          }
          const back = parseQasm3(toQasm3(qc))
          return structuralDifference(qc, back) === undefined && sameUnitary(qc, back)
        },
      ),
      { seed: 20251121, numRuns: 60 },
    )
  })
})
