import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { RemoveDiagonalGatesBeforeMeasure } from '../../../src/transpiler/optimization/remove-diagonal-gates-before-measure.js'
import { RemoveIdentityEquivalent } from '../../../src/transpiler/optimization/remove-identity-equivalent.js'
import { RemoveResetInZeroState } from '../../../src/transpiler/optimization/remove-reset-in-zero-state.js'

const names = (qc: QuantumCircuit): string[] => qc.data.map((i) => i.operation.name)

describe('RemoveResetInZeroState', () => {
  it('removes resets at the start of wires only', () => {
    const qc = new QuantumCircuit(2).reset(0).reset(0).h(0).reset(0).reset(1)
    const out = dagToCircuit(new RemoveResetInZeroState().run(circuitToDag(qc)))
    expect(names(out)).toEqual(['h', 'reset'])
  })
})

describe('RemoveDiagonalGatesBeforeMeasure', () => {
  it('removes chains of diagonal gates before measurements', () => {
    const qc = new QuantumCircuit(2, 2)
      .h(0)
      .h(1)
      .t(0)
      .s(0)
      .cz(0, 1)
      .rz(0.3, 1)
      .measure(0, 0)
      .measure(1, 1)
    const out = dagToCircuit(new RemoveDiagonalGatesBeforeMeasure().run(circuitToDag(qc)))
    expect(names(out)).toEqual(['h', 'h', 'measure', 'measure'])
  })

  it('keeps a 2-qubit diagonal gate when only one of its qubits is measured next', () => {
    const qc = new QuantumCircuit(2, 1).h(0).cz(0, 1).measure(0, 0).h(1)
    const out = dagToCircuit(new RemoveDiagonalGatesBeforeMeasure().run(circuitToDag(qc)))
    expect(names(out)).toContain('cz')
  })
})

describe('RemoveIdentityEquivalent', () => {
  it('removes identity-equivalent gates and keeps the phase', () => {
    const qc = new QuantumCircuit(2)
      .rz(0, 0)
      .rz(2 * Math.PI, 1)
      .p(0, 0)
      .id(1)
      .rzz(0, 0, 1)
      .h(0)
    const out = dagToCircuit(new RemoveIdentityEquivalent().run(circuitToDag(qc)))
    expect(names(out)).toEqual(['h'])
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })
})
