// Imports `quantum-circuit` first, to check the ES-module graph initialises in that order too.
import * as first from '../../../src/circuit/quantum-circuit.js'
import { describe, expect, it } from 'vitest'
import { QuantumCircuit, circuitToMatrix } from '../../../src/circuit/index.js'

describe('module initialisation order', () => {
  it('works when quantum-circuit is imported first', () => {
    expect(Object.keys(first).length).toBeGreaterThan(0)
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).measureAll()
    expect(circuitToMatrix(qc.removeFinalMeasurements()).isUnitary()).toBe(true)
  })
})
