import { describe, expect, it } from 'vitest'
import {
  ClassicalRegister,
  clbitCondition,
  QuantumCircuit,
  QuantumRegister,
  standardGate,
} from '../../src/circuit/index.js'

const names = (qc: QuantumCircuit): string[] => qc.data.map((d) => d.operation.name)

describe('removeFinalMeasurements', () => {
  it('removes the final barrier and measurements of measureAll, and the meas register', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).measureAll()
    const out = qc.removeFinalMeasurements()
    expect(names(out)).toEqual(['h', 'cx'])
    expect(out.cregs).toEqual([])
    expect(out.numClbits).toBe(0)
    expect(names(qc)).toHaveLength(5)
  })

  it('keeps mid-circuit measurements, and registers that are still used', () => {
    const q = new QuantumRegister(2, 'q')
    const c = new ClassicalRegister(2, 'c')
    const qc = new QuantumCircuit(q, c).measure(0, 0).x(0).measure(1, 1)
    const out = qc.removeFinalMeasurements()
    expect(names(out)).toEqual(['measure', 'x'])
    expect(out.cregs.map((r) => r.name)).toEqual(['c'])
    expect(out.numClbits).toBe(2)
  })

  it('keeps a barrier followed by gates on some of its qubits', () => {
    const qc = new QuantumCircuit(2, 2).h(0).barrier().x(1).measure(0, 0).measure(1, 1)
    expect(names(qc.removeFinalMeasurements())).toEqual(['h', 'barrier', 'x'])
  })

  it('drops idle loose clbits and reindexes the others, conditions included', () => {
    const a = new ClassicalRegister(1, 'a')
    const b = new ClassicalRegister(1, 'b')
    const qc = new QuantumCircuit(new QuantumRegister(2, 'q'), a, b).measure(0, 1)
    qc.append(standardGate('x'), [1], [], { condition: clbitCondition(1) })
    qc.measure(1, 0)
    const out = qc.removeFinalMeasurements()
    expect(out.cregs.map((r) => r.name)).toEqual(['b'])
    expect(names(out)).toEqual(['measure', 'x'])
    expect(out.data[0]!.clbits).toEqual([0])
    expect(out.data[1]!.condition).toEqual(clbitCondition(0))
  })

  it('works in place', () => {
    const qc = new QuantumCircuit(1).h(0).measureAll()
    expect(qc.removeFinalMeasurements({ inplace: true })).toBe(qc)
    expect(names(qc)).toEqual(['h'])
    expect(qc.numClbits).toBe(0)
  })
})
