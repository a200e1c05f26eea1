import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import {
  MinimumPoint,
  ResetMinimumPoint,
} from '../../../src/transpiler/optimization/minimum-point.js'
import { PropertySet } from '../../../src/transpiler/passmanager/property-set.js'

describe('MinimumPoint', () => {
  it('stops after `patience` rounds without improvement and returns the best round', () => {
    const propertySet = new PropertySet()
    const context = { propertySet }
    new ResetMinimumPoint().run(circuitToDag(new QuantumCircuit(1)), context)
    const good = circuitToDag(new QuantumCircuit(2).cx(0, 1))
    const worse = circuitToDag(new QuantumCircuit(2).cx(0, 1).cx(1, 0))
    const mp = new MinimumPoint(2)
    expect(mp.run(worse, context)).toBe(worse)
    expect(mp.run(good, context)).toBe(good)
    expect(mp.run(worse, context)).toBe(worse)
    expect(propertySet.get('minimumPoint')?.done).toBe(false)
    expect(mp.run(worse, context)).toBe(good)
    expect(propertySet.get('minimumPoint')?.done).toBe(true)
  })
})
