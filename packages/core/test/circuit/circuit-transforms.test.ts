import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CircuitError,
  circuitToJson,
  circuitToMatrix,
  ControlledGate,
  Gate,
  Instruction,
  Parameter,
  QuantumCircuit,
  QuantumRegister,
  standardGate,
  UnitaryGate,
} from '../../src/circuit/index.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { fromPairs, numpy } from './fixtures/dense.js'
import { randomCircuit, theta } from './fixtures/random-circuit.js'

const sample = (): QuantumCircuit =>
  new QuantumCircuit(3, { globalPhase: 0.3, name: 'sample' })
    .h(0)
    .cx(0, 1)
    .rz(0.4, 2)
    .ry(-1.2, 1)
    .ccx(0, 1, 2)
    .u(0.1, 0.2, 0.3, 0)
    .cp(0.9, 2, 0)
    .sx(1)

describe('inverse', () => {
  it('reverses and inverts: U·U⁻¹ = I, including the global phase', () => {
    const qc = sample()
    const inv = qc.inverse()
    expect(inv.name).toBe('sample_dg')
    expect(circuitToMatrix(inv).mul(circuitToMatrix(qc)).equals(ComplexMatrix.identity(8))).toBe(
      true,
    )
    expect(inv.data.map((d) => d.operation.name)[0]).toBe(qc.data.at(-1)!.operation.inverse().name)
    expect(qc.data[0]!.operation.name).toBe('h')
  })

  it('throws circuit.not-invertible for measurements, resets and opaque gates', () => {
    const codes = [
      new QuantumCircuit(1, 1).measure(0, 0),
      new QuantumCircuit(1).reset(0),
      new QuantumCircuit(1).append(new Gate({ name: 'opaque', numQubits: 1 }), [0]),
    ].map((qc) => {
      try {
        qc.inverse()
      } catch (e) {
        return (e as CircuitError).code
      }
      return undefined
    })
    expect(codes).toEqual([
      'circuit.not-invertible',
      'circuit.not-invertible',
      'circuit.not-invertible',
    ])
  })

  it('keeps barriers and negates symbolic global phases', () => {
    const a = new Parameter('a')
    const inv = new QuantumCircuit(2, { globalPhase: a }).h(0).barrier().x(1).inverse()
    expect(inv.data.map((d) => d.operation.name)).toEqual(['x', 'barrier', 'h'])
    expect(inv.globalPhase.toString()).toBe('-a')
  })
})

describe('copy and copyEmptyLike', () => {
  it('copies are independent: building on the copy leaves the original alone', () => {
    const qc = sample()
    const copy = qc.copy('other')
    copy.x(0)
    copy.metadata['k'] = 1
    expect(copy.name).toBe('other')
    expect(copy.data).toHaveLength(qc.data.length + 1)
    expect(qc.metadata).toEqual({})
    expect(copy.qubits).toEqual(qc.qubits)
    expect(copy.equals(qc)).toBe(false)
    expect(qc.copy().equals(qc)).toBe(true)
  })

  it('copyEmptyLike keeps bits, registers, phase', () => {
    const qc = sample()
    const empty = qc.copyEmptyLike()
    expect(empty.data).toHaveLength(0)
    expect(empty.qregs).toEqual(qc.qregs)
    expect(empty.globalPhase).toBe(qc.globalPhase)
  })
})

describe('power, repeat, control', () => {
  it('repeat(n) appends n copies of the circuit as one gate each', () => {
    const qc = sample()
    const r = qc.repeat(3)
    expect(r.name).toBe('sample**3')
    expect(r.size()).toBe(3)
    const u = circuitToMatrix(qc)
    expect(circuitToMatrix(r).equals(u.mul(u).mul(u))).toBe(true)
    expect(qc.repeat(0).size()).toBe(0)
  })

  it('power(k) for integer k, negative k through the inverse, real k through the matrix', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).t(1)
    const u = circuitToMatrix(qc)
    expect(circuitToMatrix(qc.power(2)).equals(u.mul(u))).toBe(true)
    expect(circuitToMatrix(qc.power(-2)).mul(u).mul(u).equals(ComplexMatrix.identity(4))).toBe(true)
    const half = circuitToMatrix(new QuantumCircuit(1).x(0).power(0.5))
    expect(half.mul(half).equals(circuitToMatrix(new QuantumCircuit(1).x(0)), 1e-9)).toBe(true)
    // the principal square root of X is √X (Qiskit's sx)
    expect(half.equals(circuitToMatrix(new QuantumCircuit(1).sx(0)), 1e-9)).toBe(true)
  })

  it('a real power agrees with numpy (eigendecomposition)', () => {
    const qc = new QuantumCircuit(2).rx(0.3, 0).cx(0, 1).ry(0.7, 1).rz(1.3, 0)
    const got = circuitToMatrix(qc.power(0.37))
    const u = circuitToMatrix(qc).toArray()
    const expected = fromPairs(
      numpy(`
u = np.array(${JSON.stringify(u)}); u = u[..., 0] + 1j * u[..., 1]
w, v = np.linalg.eig(u)
out(v @ np.diag(np.exp(1j * 0.37 * np.angle(w))) @ np.linalg.inv(v))`),
    )
    expect(got.equals(expected, 1e-8)).toBe(true)
  })

  it('control(n) puts new controls first and acts only on the all-ones control state', () => {
    const qc = new QuantumCircuit(new QuantumRegister(2, 'q'), { name: 'bell' }).h(0).cx(0, 1)
    const c = qc.control(1)
    expect(c.numQubits).toBe(3)
    expect(c.name).toBe('c_bell')
    expect(c.qregs.map((r) => r.name)).toEqual(['control', 'q'])
    const m = circuitToMatrix(c)
    const u = circuitToMatrix(qc)
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) {
        const expected = (i & 1) === 1 && (j & 1) === 1 ? u.get(i >> 1, j >> 1) : i === j ? 1 : 0
        expect(m.get(i, j).equals(typeof expected === 'number' ? expected : expected, 1e-12)).toBe(
          true,
        )
      }
    }
  })
})

describe('toGate and toInstruction', () => {
  it('toGate carries the parameters in order and the circuit as definition', () => {
    const a = new Parameter('a')
    const b = new Parameter('b')
    const qc = new QuantumCircuit(2, { name: 'ansatz' }).ry(b, 0).rx(a, 1).cx(0, 1)
    const g = qc.toGate({ label: 'A' })
    expect(g.name).toBe('ansatz')
    expect(g.label).toBe('A')
    expect(g.params).toEqual([a, b])
    qc.x(0)
    expect(g.definition!.data).toHaveLength(3)
    const bound = g.withParams([0.5, 0.25])
    const direct = new QuantumCircuit(2).ry(0.25, 0).rx(0.5, 1).cx(0, 1)
    expect(bound.toMatrix().equals(circuitToMatrix(direct))).toBe(true)
  })

  it('toGate refuses clbits and non-unitary operations; toInstruction takes them', () => {
    const qc = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    expect(() => qc.toGate()).toThrow(CircuitError)
    expect(() => new QuantumCircuit(1).reset(0).toGate()).toThrow(CircuitError)
    const inst = qc.toInstruction()
    expect(inst).toBeInstanceOf(Instruction)
    expect([inst.numQubits, inst.numClbits]).toEqual([1, 1])
  })

  it('controlled gates built from circuits match their block matrices', () => {
    const g = new QuantumCircuit(1).ry(0.3, 0).rz(0.2, 0).toGate()
    const cg = g.control(2, 1)
    expect(cg).toBeInstanceOf(ControlledGate)
    const viaDefinition = circuitToMatrix(cg.definition!)
    expect(viaDefinition.equals(cg.toMatrix(), 1e-12)).toBe(true)
  })

  it('unitary gates power by matrix', () => {
    const u = new UnitaryGate(
      ComplexMatrix.fromRows([
        [0, 1],
        [1, 0],
      ]),
    )
    expect(u.power(3).toMatrix().equals(u.toMatrix())).toBe(true)
    expect(u.inverse().toMatrix().equals(u.toMatrix())).toBe(true)
  })
})

describe('value semantics and algebra on random circuits (fast-check)', () => {
  it('transformations never modify their input', () => {
    fc.assert(
      fc.property(randomCircuit(), (qc) => {
        const before = JSON.stringify(circuitToJson(qc))
        qc.copy().h(0)
        qc.compose(qc, { front: true })
        qc.removeFinalMeasurements()
        qc.assignParameters(new Map([[theta, 0.5]]), { allowUnknown: true })
        qc.repeat(2)
        try {
          qc.inverse()
        } catch {
          // measurements and control flow are not invertible
        }
        expect(JSON.stringify(circuitToJson(qc))).toBe(before)
      }),
      { seed: 11, numRuns: 40 },
    )
  })

  it('inverse undoes unitary circuits and compose multiplies them', () => {
    const unitary = fc
      .array(
        fc.tuple(
          fc.constantFrom('h', 't', 'sx', 'cx', 'rzz', 'ccx', 'ry'),
          fc.double({ min: -3, max: 3, noNaN: true }),
        ),
        {
          maxLength: 12,
        },
      )
      .map((steps) => {
        const qc = new QuantumCircuit(3, { globalPhase: steps.length / 7 })
        steps.forEach(([g, x], i) => {
          const a = i % 3
          const b = (i + 1) % 3
          if (g === 'cx') qc.cx(a, b)
          else if (g === 'rzz') qc.rzz(x, a, b)
          else if (g === 'ccx') qc.ccx(a, b, (i + 2) % 3)
          else if (g === 'ry') qc.ry(x, a)
          else qc.append(standardGate(g), [a])
        })
        return qc
      })
    fc.assert(
      fc.property(unitary, unitary, (a, b) => {
        const ua = circuitToMatrix(a)
        expect(
          circuitToMatrix(a.compose(a.inverse())).equals(ComplexMatrix.identity(8), 1e-9),
        ).toBe(true)
        expect(circuitToMatrix(a.compose(b)).equals(circuitToMatrix(b).mul(ua), 1e-9)).toBe(true)
      }),
      { seed: 5, numRuns: 40 },
    )
  })
})
