import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { randomCircuit } from '../../circuit/fixtures/random-circuit.js'

describe('circuitToDag / dagToCircuit', () => {
  it('round-trips random circuits (control flow, conditions, barriers, custom gates)', () => {
    fc.assert(
      fc.property(randomCircuit(), (qc) => {
        const back = dagToCircuit(circuitToDag(qc))
        expect(back.equals(qc)).toBe(true)
        expect(back.name).toBe(qc.name)
        expect(back.metadata).toEqual(qc.metadata)
        expect(back.qubits).toEqual(qc.qubits)
        expect(back.clbits).toEqual(qc.clbits)
        expect(back.qregs).toEqual(qc.qregs)
        expect(back.cregs).toEqual(qc.cregs)
      }),
      { seed: 20240601, numRuns: 150 },
    )
  })

  it('round-trips through a DAG copy with the same node ids', () => {
    fc.assert(
      fc.property(randomCircuit(), (qc) => {
        const dag = circuitToDag(qc)
        const copy = dag.copy()
        expect(copy.opNodes().map((n) => n.id)).toEqual(dag.opNodes().map((n) => n.id))
        expect(dagToCircuit(copy).equals(qc)).toBe(true)
      }),
      { seed: 7, numRuns: 50 },
    )
  })

  it('keeps the instruction order as node id order', () => {
    const qc = new QuantumCircuit(3, 1).h(2).cx(0, 1).x(2).measure(1, 0).cz(2, 0)
    const dag = circuitToDag(qc)
    expect(dag.topologicalOpNodes().map((n) => n.operation.name)).toEqual([
      'h',
      'cx',
      'x',
      'measure',
      'cz',
    ])
    expect(dag.numOpNodes).toBe(5)
    expect(dag.size()).toBe(5)
  })

  it('does not modify the input circuit', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1)
    const dag = circuitToDag(qc)
    dag.removeOpNode(dag.opNodes({ name: 'h' })[0]!)
    expect(qc.data.map((i) => i.operation.name)).toEqual(['h', 'cx'])
    expect(dagToCircuit(dag).data.map((i) => i.operation.name)).toEqual(['cx'])
  })
})
