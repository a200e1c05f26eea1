import { describe, expect, it } from 'vitest'
import { circuitToMatrix } from '../../../src/circuit/circuit-unitary.js'
import { BoxOp, ForLoopOp, IfElseOp, WhileLoopOp } from '../../../src/circuit/control-flow.js'
import { Delay } from '../../../src/circuit/directives.js'
import { Gate } from '../../../src/circuit/gate.js'
import { isStandardGate, standardGate } from '../../../src/circuit/library/standard-gates.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { ComplexMatrix } from '../../../src/math/complex-matrix.js'
import { analyzeQasm3, parseQasm3 } from '../../../src/qasm/qasm3/parser.js'
import { instanceOf } from './circuit-compare.js'

const STD = 'include "stdgates.inc";\n'

/** The matrix of a single parsed gate application on `n` qubits. */
function unitaryOf(source: string): ComplexMatrix {
  return circuitToMatrix(parseQasm3(source))
}

/** A dense matrix from a function of (row, column) → [re, im]. */
function matrix(
  dim: number,
  entry: (row: number, col: number) => readonly [number, number],
): ComplexMatrix {
  const rows = Array.from({ length: dim }, (_, r) =>
    Array.from({ length: dim }, (_, c) => entry(r, c)),
  )
  return ComplexMatrix.fromRows(rows)
}

/** The permutation matrix of a classical reversible function of the basis index. */
function permutation(dim: number, f: (k: number) => number): ComplexMatrix {
  return matrix(dim, (r, c) => (f(c) === r ? [1, 0] : [0, 0]))
}

const ops = (qc: QuantumCircuit): string[] =>
  qc.data.map((i) => `${i.operation.name} ${i.qubits.join(',')}`)

describe('lowering: gates', () => {
  it('maps stdgates.inc names, CX, phase, cphase and U onto standard gates', () => {
    const qc = parseQasm3(
      `${STD}qubit[3] q;\nh q[0]; CX q[0], q[1]; phase(0.5) q[0]; cphase(0.25) q[0], q[1]; U(1, 2, 3) q[2];\n` +
        'u1(0.1) q[0]; u2(0.1, 0.2) q[0]; u3(0.1, 0.2, 0.3) q[0]; cu(1, 2, 3, 4) q[0], q[1]; id q[0]; ccx q[0], q[1], q[2];',
    )
    expect(qc.data.map((i) => [i.operation.name, ...i.operation.params])).toEqual([
      ['h'],
      ['cx'],
      ['p', 0.5],
      ['cp', 0.25],
      ['u', 1, 2, 3],
      ['u1', 0.1],
      ['u2', 0.1, 0.2],
      ['u3', 0.1, 0.2, 0.3],
      ['cu', 1, 2, 3, 4],
      ['id'],
      ['ccx'],
    ])
    expect(qc.data.every((i) => isStandardGate(i.operation))).toBe(true)
  })

  it('knows U and CX without any include', () => {
    expect(ops(parseQasm3('qubit[2] q;\nU(0, 0, 0) q[1];\nCX q[0], q[1];'))).toEqual([
      'u 1',
      'cx 0,1',
    ])
  })

  it('broadcasts gates over registers as OpenQASM requires', () => {
    const qc = parseQasm3(
      `${STD}qubit[3] a;\nqubit[3] b;\nqubit c;\nh a;\ncx a, b;\ncx c, a;\nccx a[0], a[1], b[0:1];`,
    )
    expect(ops(qc)).toEqual([
      'h 0',
      'h 1',
      'h 2',
      'cx 0,3',
      'cx 1,4',
      'cx 2,5',
      'cx 6,0',
      'cx 6,1',
      'cx 6,2',
      'ccx 0,1,3',
      'ccx 0,1,4',
    ])
  })

  it('indexes registers with negative indices, ranges, steps and sets', () => {
    const qc = parseQasm3(
      `${STD}qubit[6] q;\nx q[-1];\nx q[1:2];\nx q[0:2:5];\nx q[{5, 0}];\nx q[4:-1:3];`,
    )
    expect(ops(qc)).toEqual(['x 5', 'x 1', 'x 2', 'x 0', 'x 2', 'x 4', 'x 5', 'x 0', 'x 4', 'x 3'])
  })

  it('applies ctrl/negctrl/inv/pow modifiers with the right matrices', () => {
    // negctrl @ x a, b: flip b when a is |0⟩ (little-endian: a is bit 0).
    expect(
      unitaryOf(`${STD}qubit[2] q;\nnegctrl @ x q[0], q[1];`).equals(
        permutation(4, (k) => ((k & 1) === 0 ? k ^ 2 : k)),
      ),
    ).toBe(true)
    // ctrl @ negctrl @ x a, b, c: flip c when a = 1 and b = 0.
    expect(
      unitaryOf(`${STD}qubit[3] q;\nctrl @ negctrl @ x q[0], q[1], q[2];`).equals(
        permutation(8, (k) => ((k & 3) === 1 ? k ^ 4 : k)),
      ),
    ).toBe(true)
    // ctrl(2) @ x = ccx, ctrl @ ctrl @ x = ccx; both standard.
    const ccx = parseQasm3(
      `${STD}qubit[3] q;\nctrl(2) @ x q[0], q[1], q[2];\nctrl @ ctrl @ x q[0], q[1], q[2];\nctrl @ x q[0], q[1];`,
    )
    expect(ccx.data.map((i) => i.operation.name)).toEqual(['ccx', 'ccx', 'cx'])
    // inv @ s = sdg; pow(2) @ s = z (up to phase); inv @ pow(2) @ t = sdg.
    const s = standardGate('s').toMatrix()
    const sdg = s.adjoint()
    expect(unitaryOf(`${STD}qubit q;\ninv @ s q;`).equals(sdg)).toBe(true)
    expect(
      unitaryOf(`${STD}qubit q;\npow(2) @ s q;`).equalsUpToPhase(standardGate('z').toMatrix()),
    ).toBe(true)
    expect(unitaryOf(`${STD}qubit q;\ninv @ pow(2) @ t q;`).equalsUpToPhase(sdg)).toBe(true)
    expect(unitaryOf(`${STD}qubit q;\npow(0.5) @ z q;`).equalsUpToPhase(s)).toBe(true)
    // ctrl @ rz(θ) = crz(θ).
    const crz = standardGate('crz', [0.7]).toMatrix()
    expect(unitaryOf(`${STD}qubit[2] q;\nctrl @ rz(0.7) q[0], q[1];`).equals(crz)).toBe(true)
  })

  it('turns gphase into global phase, and controlled gphase into a phase gate', () => {
    expect(parseQasm3('gphase(0.3);').globalPhase).toBeCloseTo(0.3)
    expect(parseQasm3('inv @ gphase(0.3);').globalPhase).toBeCloseTo(2 * Math.PI - 0.3)
    expect(parseQasm3('pow(2) @ gphase(0.3);').globalPhase).toBeCloseTo(0.6)
    const c = 0.4
    const expected = (closedOn: 0 | 1) =>
      matrix(2, (r, col) =>
        r !== col ? [0, 0] : r === closedOn ? [Math.cos(c), Math.sin(c)] : [1, 0],
      )
    expect(unitaryOf(`qubit q;\nctrl @ gphase(${c}) q;`).equals(expected(1))).toBe(true)
    expect(unitaryOf(`qubit q;\nnegctrl @ gphase(${c}) q;`).equals(expected(0))).toBe(true)
    // ctrl @ ctrl @ gphase = cp.
    expect(
      unitaryOf(`qubit[2] q;\nctrl(2) @ gphase(${c}) q[0], q[1];`).equals(
        standardGate('cp', [c]).toMatrix(),
      ),
    ).toBe(true)
  })

  it('builds custom gates from definitions, matching the same circuit built directly', () => {
    const qc = parseQasm3(
      `${STD}gate my(a, b) x, y { rz(a) x; cx x, y; ry(b + pi) y; gphase(a / 2); }\nqubit[2] q;\nmy(0.1, 0.2) q[1], q[0];`,
    )
    const op = qc.data[0]!.operation
    expect(op).toBeInstanceOf(Gate)
    expect([op.name, op.params]).toEqual(['my', [0.1, 0.2]])
    const reference = new QuantumCircuit(2)
      .rz(0.1, 1)
      .cx(1, 0)
      .ry(0.2 + Math.PI, 0)
    reference.globalPhase = 0.05
    expect(circuitToMatrix(qc).equals(circuitToMatrix(reference), 1e-12)).toBe(true)
  })

  it('builds gates whose body needs concrete parameters per call', () => {
    const qc = parseQasm3(
      `${STD}gate rep(k) a { for int i in [1:k] { x a; } }\nqubit q;\nrep(3) q;\nrep(2) q;`,
    )
    expect(qc.data.map((i) => i.operation.definition?.data.length)).toEqual([3, 2])
  })

  it('controls and inverts custom gates', () => {
    const qc = parseQasm3(
      `${STD}gate hx a { h a; x a; }\nqubit[2] q;\nctrl @ hx q[0], q[1];\ninv @ hx q[1];`,
    )
    const hx = standardGate('x').toMatrix().mul(standardGate('h').toMatrix())
    const controlled = matrix(4, (r, c) => {
      if ((c & 1) === 0) return r === c ? [1, 0] : [0, 0]
      if ((r & 1) === 0) return [0, 0]
      const e = hx.get(r >> 1, c >> 1)
      return [e.re, e.im]
    })
    expect(
      circuitToMatrix(new QuantumCircuit(2).append(qc.data[0]!.operation, [0, 1])).equals(
        controlled,
        1e-12,
      ),
    ).toBe(true)
    expect(instanceOf(qc.data[1]!.operation, Gate).toMatrix().equals(hx.adjoint(), 1e-12)).toBe(
      true,
    )
  })

  it('evaluates constants, Unicode names and compile-time arithmetic', () => {
    const qc = parseQasm3(
      `${STD}const int n = 3;\nconst float a = 2 * pi / 3;\nqubit[n * 2 - 1] q;\n` +
        'rz(π) q[0]; rz(tau) q[0]; rz(τ / 4) q[0]; rz(euler) q[0]; rz(ℇ) q[0]; rz(a) q[0]; rz(2 ** 3 % 5) q[0]; rz(sin(pi / 2) + arccos(0)) q[0];',
    )
    expect(qc.numQubits).toBe(5)
    const values = qc.data.map((i) => i.operation.params[0] as number)
    const expected = [
      Math.PI,
      2 * Math.PI,
      Math.PI / 2,
      Math.E,
      Math.E,
      (2 * Math.PI) / 3,
      3,
      1 + Math.PI / 2,
    ]
    values.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 12)
    })
  })

  it('makes inputs free parameters that can be bound later', () => {
    const qc = parseQasm3(
      `${STD}input float[64] theta;\ninput angle φ;\nqubit q;\nrx(2 * theta) q;\nrz(φ - theta) q;`,
    )
    expect(qc.parameters.map((p) => p.name)).toEqual(['theta', 'φ'])
    const bound = qc.assignParameters({ theta: 0.25, φ: 1 })
    expect(bound.data.map((i) => i.operation.params[0])).toEqual([0.5, 0.75])
  })
})

describe('lowering: measurement, reset, barrier, delay', () => {
  it('reads every measurement form', () => {
    const qc = parseQasm3(
      'qubit[2] q;\nbit[2] c;\nbit d;\nc = measure q;\nc[1] = measure q[0];\nmeasure q[1] -> d;\nmeasure q -> c;\nbit e = measure q[0];',
    )
    expect(
      qc.data.map((i) => `${i.operation.name} ${i.qubits.join()}->${i.clbits.join()}`),
    ).toEqual([
      'measure 0->0',
      'measure 1->1',
      'measure 0->1',
      'measure 1->2',
      'measure 0->0',
      'measure 1->1',
      'measure 0->3',
    ])
    expect(qc.cregs.map((r) => [r.name, r.size])).toEqual([
      ['c', 2],
      ['d', 1],
      ['e', 1],
    ])
  })

  it('resets and barriers qubits; an empty barrier covers every qubit', () => {
    const qc = parseQasm3('qubit[2] q;\nqubit r;\nreset q;\nbarrier q[1], r;\nbarrier;')
    expect(ops(qc)).toEqual(['reset 0', 'reset 1', 'barrier 1,2', 'barrier 0,1,2'])
  })

  it('keeps delay durations in their units', () => {
    const qc = parseQasm3(
      'qubit[2] q;\nduration d = 3 * 100ns;\ndelay[100ns] q[0];\ndelay[2.5 µs] q;\ndelay[10dt] q[1];\ndelay[d];\ndelay[1ms + 500us] q[0];',
    )
    const delays = qc.data.map((i) => {
      const op = instanceOf(i.operation, Delay)
      return `${op.duration as number}${op.unit} ${i.qubits.join()}`
    })
    expect(delays.slice(0, 4)).toEqual(['100ns 0', '2.5us 0', '2.5us 1', '10dt 1'])
    expect(delays.slice(4, 6)).toEqual(['300ns 0', '300ns 1'])
    expect(qc.data[6]!.operation).toBeInstanceOf(Delay)
    expect(instanceOf(qc.data[6]!.operation, Delay).unit).toBe('s')
    expect(instanceOf(qc.data[6]!.operation, Delay).duration as number).toBeCloseTo(0.0015, 15)
  })

  it('maps hardware qubits to the first, loose qubits', () => {
    const qc = parseQasm3(`${STD}h $0;\ncx $0, $2;`)
    expect(qc.numQubits).toBe(3)
    expect(qc.qregs).toEqual([])
    expect(ops(qc)).toEqual(['h 0', 'cx 0,2'])
  })
})

describe('lowering: classical control', () => {
  const prelude = `${STD}qubit[2] q;\nbit[2] c;\nbit b;\nc = measure q;\nb = measure q[0];\n`

  it('lowers conditions on bits and registers to IfElseOp', () => {
    const qc = parseQasm3(
      `${prelude}if (c == 2) x q[0];\nif (c[1]) x q[0];\nif (!c[1]) x q[0];\nif (c[0] == 0) x q[0];\n` +
        'if (3 > c) x q[0];\nif (int[2](c) != 1) x q[0];\nif (b) x q[1]; else { h q[1]; }\nif (b == 1) x q[1];',
    )
    const conditions = qc.data.slice(3).map((i) => {
      const op = instanceOf(i.operation, IfElseOp)
      const c = op.condition
      return c.kind === 'clbit'
        ? `clbit ${c.clbit}=${c.value}`
        : `${c.register.name} ${c.op} ${c.value}`
    })
    expect(conditions).toEqual([
      'c == 2',
      'clbit 1=true',
      'clbit 1=false',
      'clbit 0=false',
      'c < 3',
      'c != 1',
      'clbit 2=true',
      'clbit 2=true',
    ])
    const withElse = qc.data[9]!
    const op = instanceOf(withElse.operation, IfElseOp)
    expect(op.falseBody?.data.map((i) => i.operation.name)).toEqual(['h'])
    // Bodies hold exactly the bits used, mapped positionally to the instruction's bits.
    expect(withElse.qubits).toEqual([1])
    expect(withElse.clbits).toEqual([2])
    expect(op.trueBody.numQubits).toBe(1)
  })

  it('decides compile-time conditions while lowering', () => {
    const qc = parseQasm3(
      `${STD}qubit q;\nconst int n = 2;\nif (n > 1) x q; else y q;\nif (false) h q;\nbit[2] k = "10";\nif (k[1]) z q;`,
    )
    expect(ops(qc)).toEqual(['x 0', 'z 0'])
  })

  it('makes a ForLoopOp with the loop variable as parameter when the body allows', () => {
    const qc = parseQasm3(
      `${STD}qubit q;\nfor int i in [0:3] { rz(i * 0.5) q; }\nfor j in {1, 5} { x q; }\nfor uint k in [4:-2:0] { ry(k) q; }`,
    )
    const [a, b, c] = qc.data.map((i) => instanceOf(i.operation, ForLoopOp))
    expect(a).toBeInstanceOf(ForLoopOp)
    expect(a!.indexSet).toEqual([0, 1, 2, 3])
    expect(a!.loopParameter?.name).toBe('i')
    expect(String(a!.body.data[0]!.operation.params[0])).toContain('i')
    expect(b!.indexSet).toEqual([1, 5])
    expect(b!.loopParameter).toBeUndefined()
    expect(c!.indexSet).toEqual([4, 2, 0])
  })

  it('unrolls loops whose variable indexes qubits, with break and continue', () => {
    const qc = parseQasm3(
      `${STD}qubit[4] q;\nfor int i in [0:3] { if (i == 1) continue; if (i == 3) break; x q[i]; }\nfor int i in [0:1] { cx q[i], q[i + 1]; }`,
    )
    expect(ops(qc)).toEqual(['x 0', 'x 2', 'cx 0,1', 'cx 1,2'])
  })

  it('runs compile-time while loops, and makes WhileLoopOp for run-time ones', () => {
    const qc = parseQasm3(
      `${STD}qubit q;\nbit c;\nint i = 0;\nwhile (i < 3) { x q; i += 1; }\nwhile (c == 0) { h q; c = measure q; }`,
    )
    expect(qc.data.slice(0, 3).map((i) => i.operation.name)).toEqual(['x', 'x', 'x'])
    const loop = instanceOf(qc.data[3]!.operation, WhileLoopOp)
    expect(loop).toBeInstanceOf(WhileLoopOp)
    expect(loop.condition).toEqual({ kind: 'clbit', clbit: 0, value: false })
    expect(loop.body.data.map((i) => i.operation.name)).toEqual(['h', 'measure'])
  })

  it('peels the iterations whose condition is known (repeat-until-success)', () => {
    const qc = parseQasm3(
      `${STD}qubit[2] q;\nbit[2] f = "11";\nwhile (int[2](f) != 0) { h q; f = measure q; }`,
    )
    expect(qc.data.map((i) => i.operation.name)).toEqual([
      'h',
      'h',
      'measure',
      'measure',
      'while_loop',
    ])
  })

  it('wraps box bodies in a BoxOp', () => {
    const qc = parseQasm3(`${STD}qubit[3] q;\nbox { x q[1]; cx q[1], q[2]; }`)
    const inst = qc.data[0]!
    expect(inst.operation).toBeInstanceOf(BoxOp)
    expect(inst.qubits).toEqual([1, 2])
    expect(ops(instanceOf(inst.operation, BoxOp).body)).toEqual(['x 0', 'cx 0,1'])
  })

  it('selects a switch case known at compile time', () => {
    const qc = parseQasm3(
      `${STD}qubit q;\nconst int k = 2;\nswitch (k) { case 1 { x q; } case 2, 3 { y q; } default { z q; } }`,
    )
    expect(ops(qc)).toEqual(['y 0'])
  })

  it('tracks classical variables with their declared widths', () => {
    const qc = parseQasm3(
      `${STD}qubit q;\nuint[4] u = 17;\nu <<= 3;\nrz(u) q;\nint[8] w = 127;\nw += 1;\nrz(w) q;\nbool ok = u == 8 && !false;\nif (ok) h q;`,
    )
    expect(qc.data.map((i) => [i.operation.name, ...i.operation.params])).toEqual([
      ['rz', 8],
      ['rz', -128],
      ['h'],
    ])
  })
})

describe('lowering: subroutines, aliases, includes, custom instructions', () => {
  it('inlines subroutines with qubit and classical arguments', () => {
    const qc = parseQasm3(
      `${STD}def bell(qubit a, qubit b, float[64] t) { h a; cx a, b; rz(t) b; }\ndef lleb(float[64] t, qubit a, qubit b) { bell(a, b, t); }\nqubit[2] q;\nbell(q[0], q[1], 0.5);\nlleb(0.25) q[1], q[0];`,
    )
    expect(
      qc.data.map((i) => `${i.operation.name}(${i.operation.params.join()}) ${i.qubits.join()}`),
    ).toEqual(['h() 0', 'cx() 0,1', 'rz(0.5) 1', 'h() 1', 'cx() 1,0', 'rz(0.25) 0'])
  })

  it('writes returned measurements and local bit registers into the target bits', () => {
    const qc = parseQasm3(
      `${STD}def m(qubit a) -> bit { h a; return measure a; }\n` +
        'def syn(qubit[2] a) -> bit[2] { bit[2] r; r = measure a; return r; }\n' +
        'qubit[2] q;\nbit v;\nbit[2] w;\nv = m(q[0]);\nw = syn(q);\nif (w == 3) z q[0];',
    )
    expect(qc.numClbits).toBe(3)
    expect(
      qc.data.map((i) => `${i.operation.name} ${i.qubits.join()}->${i.clbits.join()}`),
    ).toEqual(['h 0->', 'measure 0->0', 'measure 0->1', 'measure 1->2', 'if_else 0->1,2'])
  })

  it('resolves aliases of qubits and concatenations', () => {
    const qc = parseQasm3(
      `${STD}qubit[2] q;\nqubit[2] r;\nlet all = q ++ r;\nlet mid = all[1:2];\nlet one = r[1];\ncx mid[0], mid[1];\nx one;\nh all;`,
    )
    expect(ops(qc)).toEqual(['cx 1,2', 'x 3', 'h 0', 'h 1', 'h 2', 'h 3'])
  })

  it('lowers include files from the resolver in place', () => {
    const resolver = {
      resolve: (path: string) =>
        path === 'lib/ops.inc' ? `${STD}gate both a, b { h a; h b; }` : undefined,
    }
    const qc = parseQasm3('include "lib/ops.inc";\nqubit[2] q;\nboth q[0], q[1];\ncx q[0], q[1];', {
      includeResolver: resolver,
    })
    expect(qc.data.map((i) => i.operation.name)).toEqual(['both', 'cx'])
  })

  it('uses caller-supplied custom instructions, builtin or replacing a definition', () => {
    const made: number[] = []
    const customInstructions = [
      {
        name: 'special',
        numParams: 1,
        numQubits: 1,
        builtin: true,
        constructor: (theta: unknown) => {
          made.push(theta as number)
          return standardGate('rx', [theta as number])
        },
      },
      { name: 'mine', numParams: 0, numQubits: 2, constructor: () => standardGate('cz') },
    ]
    const qc = parseQasm3(
      'gate mine a, b { U(0, 0, 0) a; }\nqubit[2] q;\nspecial(0.5) q[0];\nmine q[0], q[1];',
      { customInstructions },
    )
    expect(qc.data.map((i) => i.operation.name)).toEqual(['rx', 'cz'])
    expect(made).toEqual([0.5])
  })

  it('stops at end; and ignores pragmas, annotations and nop', () => {
    const qc = parseQasm3(`${STD}pragma whatever\nqubit q;\n@note hi\nx q;\nnop q;\nend;\ny q;`)
    expect(ops(qc)).toEqual(['x 0'])
  })

  it('names registers after declarations and keeps declaration order', () => {
    const qc = parseQasm3('qubit[2] a;\nbit[1] m;\nqubit b;\ncreg old[2];\nqreg r[3];', {
      circuitName: 'demo',
    })
    expect(qc.name).toBe('demo')
    expect(qc.qregs.map((r) => [r.name, r.size])).toEqual([
      ['a', 2],
      ['b', 1],
      ['r', 3],
    ])
    expect(qc.cregs.map((r) => [r.name, r.size])).toEqual([
      ['m', 1],
      ['old', 2],
    ])
  })

  it('reports what the circuit model cannot express, with the program still available', () => {
    const { program, circuit, diagnostics } = analyzeQasm3(
      'qubit q;\nbit c;\nc = measure q;\nint n = 0;\nif (c) { n = 1; }',
    )
    expect(program?.statements).toHaveLength(5)
    expect(circuit).toBeUndefined()
    expect(diagnostics.map((d) => d.code)).toEqual(['qasm3.unsupported.classical-assignment'])
  })

  it('keeps symbolic parameters in loop bodies and gate definitions', () => {
    const qc = parseQasm3(`${STD}input float th;\ngate g(a) r { rx(a * 2) r; }\nqubit q;\ng(th) q;`)
    const op = qc.data[0]!.operation
    expect(op.params[0]).toBeInstanceOf(Parameter)
    const bound = qc.assignParameters({ th: 0.5 })
    const def = bound.data[0]!.operation.definition!
    expect(def.data[0]!.operation.params[0]).toBeCloseTo(1, 12)
  })
})
