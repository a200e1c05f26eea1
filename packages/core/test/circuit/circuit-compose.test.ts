import { describe, expect, it } from 'vitest'
import {
  ClassicalRegister,
  circuitToMatrix,
  clbitCondition,
  IfElseOp,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  standardGate,
} from '../../src/circuit/index.js'
import { as } from './fixtures/dense.js'
import { Complex } from '../../src/math/complex.js'

const summary = (qc: QuantumCircuit): (string | number)[][] =>
  qc.data.map((d) => [d.operation.name, ...d.qubits, ...d.clbits.map((c) => `c${c}`)])

describe('compose', () => {
  it('appends other on the first qubits by default, returning a new circuit', () => {
    const base = new QuantumCircuit(3).h(2)
    const bell = new QuantumCircuit(2).h(0).cx(0, 1)
    const out = base.compose(bell)
    expect(summary(out)).toEqual([
      ['h', 2],
      ['h', 0],
      ['cx', 0, 1],
    ])
    expect(summary(base)).toEqual([['h', 2]])
    expect(summary(bell)).toEqual([
      ['h', 0],
      ['cx', 0, 1],
    ])
  })

  it('maps qubits and clbits, in front or behind', () => {
    const base = new QuantumCircuit(3, 2).x(0)
    const other = new QuantumCircuit(2, 1).cx(0, 1).measure(1, 0)
    const out = base.compose(other, { qubits: [2, 0], clbits: [1] })
    expect(summary(out)).toEqual([
      ['x', 0],
      ['cx', 2, 0],
      ['measure', 0, 'c1'],
    ])
    const front = base.compose(other, { qubits: [2, 0], clbits: [1], front: true })
    expect(summary(front)).toEqual([
      ['cx', 2, 0],
      ['measure', 0, 'c1'],
      ['x', 0],
    ])
  })

  it('composes in place when asked', () => {
    const base = new QuantumCircuit(2)
    expect(base.compose(new QuantumCircuit(1).h(0), { qubits: [1], inplace: true })).toBe(base)
    expect(summary(base)).toEqual([['h', 1]])
  })

  it('adds global phases and multiplies unitaries in order (A.compose(B) = B·A)', () => {
    const a = new QuantumCircuit(2, { globalPhase: 0.3 }).h(0).cx(0, 1).rz(0.2, 1)
    const b = new QuantumCircuit(2, { globalPhase: 0.4 }).ry(0.7, 0).cz(0, 1)
    const composed = a.compose(b)
    expect(composed.globalPhase).toBeCloseTo(0.7)
    expect(circuitToMatrix(composed).equals(circuitToMatrix(b).mul(circuitToMatrix(a)))).toBe(true)
    const front = a.compose(b, { front: true })
    expect(circuitToMatrix(front).equals(circuitToMatrix(a).mul(circuitToMatrix(b)))).toBe(true)
  })

  it('rejects wider circuits and bad maps', () => {
    const base = new QuantumCircuit(2)
    expect(() => base.compose(new QuantumCircuit(3))).toThrow(RangeError)
    expect(() => base.compose(new QuantumCircuit(2), { qubits: [0] })).toThrow(RangeError)
    expect(() => base.compose(new QuantumCircuit(2), { qubits: [1, 1] })).toThrow(RangeError)
  })

  it('adopts the bits and registers of other when composing onto a circuit without bits', () => {
    const qr = new QuantumRegister(2, 'data')
    const cr = new ClassicalRegister(1, 'out')
    const other = new QuantumCircuit(qr, cr).h(0).measure(0, 0)
    const out = new QuantumCircuit().compose(other)
    expect(out.qregs.map((r) => r.name)).toEqual(['data'])
    expect(out.cregs.map((r) => r.name)).toEqual(['out'])
    expect(summary(out)).toEqual(summary(other))
  })

  it('composes a single operation onto given qubits', () => {
    const out = new QuantumCircuit(3).compose(standardGate('cx'), { qubits: [2, 1] })
    expect(summary(out)).toEqual([['cx', 2, 1]])
  })

  it('remaps conditions: clbit indices, and registers onto registers over the mapped bits', () => {
    const cr = new ClassicalRegister(2, 'flag')
    const other = new QuantumCircuit(new QuantumRegister(1, 'q'), cr)
    other.append(standardGate('x'), [0], [], { condition: registerCondition(cr, 3) })
    other.append(standardGate('z'), [0], [], { condition: clbitCondition(1) })
    const body = new QuantumCircuit(1, 2).x(0)
    other.ifElse(registerCondition(cr, 1), body, undefined, [0], [0, 1])
    const dest = new QuantumCircuit(new QuantumRegister(2, 'q'), new ClassicalRegister(3, 'c'))
    const out = dest.compose(other, { qubits: [1], clbits: [2, 0] })
    const [x, z, ifElse] = out.data
    expect(z!.condition).toEqual(clbitCondition(0))
    expect(x!.condition!.kind).toBe('register')
    const reg = (x!.condition as { register: ClassicalRegister }).register
    expect(reg.bits).toEqual([out.clbits[2], out.clbits[0]])
    expect(out.cregs).toContain(reg)
    expect(ifElse!.clbits).toEqual([2, 0])
    expect(as(ifElse!.operation, IfElseOp).condition).toMatchObject({ kind: 'register', value: 1n })
    expect(dest.cregs).toHaveLength(1)
  })

  it('keeps the phase of the unitary exact (e^{iφ} from both circuits)', () => {
    const a = new QuantumCircuit(1, { globalPhase: 1 })
    const b = new QuantumCircuit(1, { globalPhase: 2 })
    expect(circuitToMatrix(a.compose(b)).get(0, 0).equals(Complex.expi(3))).toBe(true)
  })
})
