// Imports `gate.ts` before anything else: the ES-module graph must still initialise `Gate`
// before `StandardGate extends Gate` runs (see circuit-factory.ts).
import { Gate } from '../../../src/circuit/gate.js'
import { describe, expect, it } from 'vitest'
import {
  QuantumCircuit,
  StandardGate,
  circuitToMatrix,
  standardGate,
} from '../../../src/circuit/index.js'

describe('module initialisation order', () => {
  it('works when gate.ts is imported first', () => {
    expect(standardGate('h')).toBeInstanceOf(StandardGate)
    expect(standardGate('h')).toBeInstanceOf(Gate)
    const g = new Gate({ name: 'g', numQubits: 1, definition: new QuantumCircuit(1).h(0) })
    expect(g.control(1).definition!.size()).toBe(1)
    expect(circuitToMatrix(new QuantumCircuit(1).append(g, [0])).isUnitary()).toBe(true)
  })
})
