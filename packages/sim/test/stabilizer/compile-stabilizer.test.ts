import {
  clbitCondition,
  ClassicalRegister,
  Gate,
  Parameter,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  standardGate,
  UnitaryGate,
} from '@qfabric/core/circuit'
import { complex, ComplexMatrix } from '@qfabric/core/math'
import { Statevector } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileStabilizerCircuit } from '../../src/stabilizer/compile-stabilizer.js'
import { isCliffordCircuit } from '../../src/stabilizer/is-clifford-circuit.js'
import { StabilizerError } from '../../src/stabilizer/stabilizer-error.js'
import {
  cliffordCircuitArb,
  runUnitaryProgram,
  stabilizesState,
  toCircuit,
} from './clifford-circuits.js'

function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('compileStabilizerCircuit', () => {
  it('lowers random Clifford circuits (rotations, matrices, two-qubit gates) to the same state as the statevector', () => {
    fc.assert(
      fc.property(cliffordCircuitArb(5, 30), ([n, gates]) => {
        const qc = toCircuit(n, gates)
        const t = runUnitaryProgram(compileStabilizerCircuit(qc))
        expect(stabilizesState(t, Statevector.fromCircuit(qc))).toBe(true)
      }),
      { seed: 1234, numRuns: 250 },
    )
  })

  it('packs consecutive gates into one stream and drops barriers, delays, id and global phase', () => {
    const qc = new QuantumCircuit(2, 1).h(0).barrier(0, 1).id(1).delay(100, 0).cx(0, 1)
    qc.globalPhaseGate(0.3)
    qc.globalPhase = 1.2
    qc.measure(0, 0).s(1)
    const program = compileStabilizerCircuit(qc)
    expect(program.ops.map((op) => op.kind)).toEqual(['gates', 'measure', 'gates'])
    expect(program.tables).toHaveLength(0)
  })

  it('runs custom gates through their definitions, however wide', () => {
    const inner = new QuantumCircuit(5).h(0)
    for (let q = 0; q < 4; q++) inner.cx(q, q + 1)
    inner.s(4).sx(2)
    const wide = inner.toGate()
    const qc = new QuantumCircuit(6).x(5).append(wide, [5, 1, 2, 3, 4])
    const t = runUnitaryProgram(compileStabilizerCircuit(qc))
    expect(stabilizesState(t, Statevector.fromCircuit(qc))).toBe(true)
  })

  it('accepts a unitary gate whose matrix is a Clifford, and a custom gate built from non-Clifford pieces that multiply to one', () => {
    const sOfTs = new QuantumCircuit(1).t(0).t(0).toGate()
    const cliffordMatrix = new UnitaryGate(
      standardGate('iswap').toMatrix().kron(standardGate('h').toMatrix()),
    )
    const qc = new QuantumCircuit(3).h(0).h(1).append(sOfTs, [0]).append(cliffordMatrix, [0, 1, 2])
    const t = runUnitaryProgram(compileStabilizerCircuit(qc))
    expect(stabilizesState(t, Statevector.fromCircuit(qc))).toBe(true)
  })

  it('rejects a non-Clifford gate, naming it and its instruction index', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).t(1)
    const error = catchError(() => compileStabilizerCircuit(qc))
    expect(error).toBeInstanceOf(StabilizerError)
    expect(error).toMatchObject({
      code: 'sim.stabilizer.non-clifford',
      operationName: 't',
      instructionIndex: 2,
    })
    expect((error as Error).message).toContain("'t' at instruction 2")
  })

  it.each([
    ['rz(0.3)', (qc: QuantumCircuit) => qc.rz(0.3, 0)],
    ['rx(π/4)', (qc: QuantumCircuit) => qc.rx(Math.PI / 4, 0)],
    ['ch', (qc: QuantumCircuit) => qc.ch(0, 1)],
    ['ccx', (qc: QuantumCircuit) => qc.ccx(0, 1, 2)],
    ['cp(π/2)', (qc: QuantumCircuit) => qc.cp(Math.PI / 2, 0, 1)],
  ])('rejects %s as non-Clifford', (_, add) => {
    const qc = add(new QuantumCircuit(3))
    expect(() => compileStabilizerCircuit(qc)).toThrow(
      expect.objectContaining({ code: 'sim.stabilizer.non-clifford' }),
    )
  })

  it('names the inner gate and the outer instruction for a non-Clifford definition', () => {
    const inner = new QuantumCircuit(4).h(0).cx(0, 1).ccx(0, 1, 2).cx(2, 3)
    const qc = new QuantumCircuit(4).x(0).append(inner.toGate({ label: 'blk' }), [0, 1, 2, 3])
    const error = catchError(() => compileStabilizerCircuit(qc)) as StabilizerError
    expect(error.code).toBe('sim.stabilizer.non-clifford')
    expect(error.instructionIndex).toBe(1)
    expect(error.operationName).toBe('ccx')
    expect(error.message).toMatch(/'ccx' inside '.+' at instruction 1/)
  })

  it('rejects an opaque gate as unsupported', () => {
    const opaque = new Gate({ name: 'mystery', numQubits: 4 })
    const qc = new QuantumCircuit(4).append(opaque, [0, 1, 2, 3])
    expect(() => compileStabilizerCircuit(qc)).toThrow(
      expect.objectContaining({
        code: 'sim.stabilizer.unsupported-operation',
        operationName: 'mystery',
      }),
    )
  })

  it('lowers conditions over clbits and registers, in nested bodies too', () => {
    const qr = new QuantumRegister(2, 'q')
    const a = new ClassicalRegister(1, 'a')
    const b = new ClassicalRegister(2, 'b')
    const qc = new QuantumCircuit(qr, a, b)
    qc.append(standardGate('x'), [0], [], { condition: registerCondition(b, 2) })
    qc.ifTest(
      clbitCondition(0, true),
      (body) => body.z(1),
      (body) => body.h(1).measure(1, 1),
    )
    const program = compileStabilizerCircuit(qc)
    expect(program.ops[0]).toMatchObject({
      kind: 'if',
      condition: { clbits: [1, 2], op: '==', value: 2n },
    })
    expect(program.ops[1]).toMatchObject({
      kind: 'if',
      condition: { clbits: [0], op: '==', value: 1n },
      else: [{ kind: 'gates' }, { kind: 'measure', qubit: 1, clbit: 1 }],
    })
  })

  it('unrolls for loops with their parameter bound, and inlines boxes', () => {
    const theta = new Parameter('θ')
    const body = new QuantumCircuit(1).rz(theta.mul(Math.PI / 2), 0)
    const qc = new QuantumCircuit(2).h(0).forLoop([1, 2, 3], theta, body, [0], [])
    qc.box(new QuantumCircuit(2).h(0).cx(0, 1), [0, 1])
    const reference = new QuantumCircuit(2)
      .h(0)
      .rz(Math.PI / 2, 0)
      .rz(Math.PI, 0)
      .rz((3 * Math.PI) / 2, 0)
    reference.h(0).cx(0, 1)
    const t = runUnitaryProgram(compileStabilizerCircuit(qc))
    expect(stabilizesState(t, Statevector.fromCircuit(reference))).toBe(true)
    const bad = new QuantumCircuit(1).forLoop(
      [1],
      theta,
      new QuantumCircuit(1).rz(theta, 0),
      [0],
      [],
    )
    expect(() => compileStabilizerCircuit(bad)).toThrow(/'rz' inside 'for_loop' at instruction 0/)
  })
})

describe('isCliffordCircuit', () => {
  it('accepts Clifford circuits with measurements, resets and control flow', () => {
    const qc = new QuantumCircuit(2, 2)
      .h(0)
      .rz(Math.PI / 2, 0)
      .cx(0, 1)
      .measure(0, 0)
      .reset(0)
    qc.ifTest(clbitCondition(0), (body) => body.x(1))
    expect(isCliffordCircuit(qc)).toBe(true)
  })

  it('rejects non-Clifford gates, opaque gates and free parameters', () => {
    expect(isCliffordCircuit(new QuantumCircuit(1).t(0))).toBe(false)
    expect(
      isCliffordCircuit(
        new QuantumCircuit(5).append(new Gate({ name: 'g', numQubits: 5 }), [0, 1, 2, 3, 4]),
      ),
    ).toBe(false)
    expect(isCliffordCircuit(new QuantumCircuit(1).rz(new Parameter('a'), 0))).toBe(false)
  })

  it('accepts a UnitaryGate only when its matrix is a Clifford', () => {
    const s = 1 / Math.sqrt(2)
    const h = new UnitaryGate(
      ComplexMatrix.fromRows([
        [s, s],
        [s, -s],
      ]),
    )
    const t = new UnitaryGate(ComplexMatrix.diagonal([complex(1), complex(s, s)]))
    expect(isCliffordCircuit(new QuantumCircuit(1).append(h, [0]))).toBe(true)
    expect(isCliffordCircuit(new QuantumCircuit(1).append(t, [0]))).toBe(false)
  })
})
