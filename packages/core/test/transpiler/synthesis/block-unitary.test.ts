import { describe, expect, it } from 'vitest'
import { circuitToMatrix } from '../../../src/circuit/circuit-unitary.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { blockUnitary } from '../../../src/transpiler/synthesis/block-unitary.js'

describe('blockUnitary', () => {
  it('agrees with the dense circuit unitary, in either qubit order', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).rz(0.3, 1).cx(1, 0).sx(0).crx(0.9, 1, 0)
    const nodes = circuitToDag(qc).topologicalOpNodes()
    expect(blockUnitary(nodes, [0, 1]).equals(circuitToMatrix(qc), 1e-12)).toBe(true)
    const swapped = new QuantumCircuit(2).append(qc.toGate(), [1, 0])
    expect(blockUnitary(nodes, [1, 0]).equals(circuitToMatrix(swapped), 1e-12)).toBe(true)
  })
})
