import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { Layout } from '../../../src/transpiler/layout/layout.js'
import {
  getTranspileLayout,
  setTranspileLayout,
  TranspileLayout,
} from '../../../src/transpiler/layout/transpile-layout.js'

describe('TranspileLayout', () => {
  // The example of Qiskit's TranspileLayout documentation: a 3-qubit circuit laid out reversed,
  // then one swap of output qubits 0 and 1.
  const input = new QuantumCircuit(3)
  const layout = new TranspileLayout({
    initialLayout: Layout.fromArray([2, 1, 0]),
    inputQubits: input.qubits,
    finalLayout: Layout.fromArray([1, 0, 2]),
    outputQubitCount: 3,
  })

  it('gives the initial, routing and final index layouts', () => {
    expect(layout.initialIndexLayout()).toEqual([2, 1, 0])
    expect(layout.initialVirtualLayout().toArray()).toEqual([2, 1, 0])
    expect(layout.routingPermutation()).toEqual([1, 0, 2])
    expect(layout.finalIndexLayout()).toEqual([2, 0, 1])
    expect(layout.inputQubitMapping.get(input.qubits[1]!)).toBe(1)
  })

  it('filters ancillas', () => {
    const withAncillas = new TranspileLayout({
      initialLayout: Layout.fromArray([3, 0, 1, 2]), // virtual 1…3 are ancillas
      inputQubits: new QuantumCircuit(1).qubits,
      outputQubitCount: 4,
    })
    expect(withAncillas.initialIndexLayout()).toEqual([3, 0, 1, 2])
    expect(withAncillas.initialIndexLayout({ filterAncillas: true })).toEqual([3])
    expect(withAncillas.routingPermutation()).toEqual([0, 1, 2, 3])
    expect(withAncillas.finalIndexLayout()).toEqual([3])
    expect(withAncillas.finalIndexLayout({ filterAncillas: false })).toEqual([3, 0, 1, 2])
  })

  it('lives in a side table keyed by the circuit', () => {
    const circuit = new QuantumCircuit(3)
    expect(getTranspileLayout(circuit)).toBeUndefined()
    setTranspileLayout(circuit, layout)
    expect(getTranspileLayout(circuit)).toBe(layout)
    expect(getTranspileLayout(circuit.copy())).toBeUndefined()
    setTranspileLayout(circuit, undefined)
    expect(getTranspileLayout(circuit)).toBeUndefined()
  })
})
