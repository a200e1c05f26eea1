import { describe, expect, it } from 'vitest'
import {
  CircuitError,
  circuitToMatrix,
  QuantumCircuit,
  UnitaryGate,
} from '../../src/circuit/index.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { H, kronQubits, T } from './fixtures/dense.js'

describe('UnitaryGate', () => {
  it('is named unitary, sized by its matrix, and keeps a copy of it', () => {
    const m = kronQubits([H, T])
    const g = new UnitaryGate(m, 'ht')
    expect([g.name, g.numQubits, g.label]).toEqual(['unitary', 2, 'ht'])
    m.set(0, 0, 5)
    expect(g.toMatrix().get(0, 0).re).not.toBe(5)
    expect(g.definition).toBeUndefined()
  })

  it('is applied little-endian in its qubits by qc.unitary', () => {
    const m = kronQubits([H, T]) // H on qargs[0], T on qargs[1]
    const qc = new QuantumCircuit(3).unitary(m, [2, 0])
    const expected = circuitToMatrix(new QuantumCircuit(3).h(2).t(0))
    expect(circuitToMatrix(qc).equals(expected)).toBe(true)
  })

  it('rejects non-unitary and badly shaped matrices', () => {
    expect(
      () =>
        new UnitaryGate(
          ComplexMatrix.fromRows([
            [1, 1],
            [0, 1],
          ]),
        ),
    ).toThrow(CircuitError)
    expect(() => new UnitaryGate(ComplexMatrix.identity(3))).toThrow(RangeError)
  })

  it('inverts to the adjoint and compares by matrix', () => {
    const g = new UnitaryGate(T)
    expect(g.inverse().toMatrix().equals(T.adjoint())).toBe(true)
    expect(g.equals(new UnitaryGate(T))).toBe(true)
    expect(g.equals(new UnitaryGate(H))).toBe(false)
  })

  it('controls to a block matrix', () => {
    const cg = new UnitaryGate(H).control(1)
    expect(circuitToMatrix(cg.definition!).equals(cg.toMatrix())).toBe(true)
  })
})
