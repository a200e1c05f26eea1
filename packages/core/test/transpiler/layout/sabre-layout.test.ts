import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { getTranspileLayout } from '../../../src/transpiler/layout/transpile-layout.js'
import { SabreLayout } from '../../../src/transpiler/layout/sabre-layout.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import { CircuitTooWideError, LayoutError } from '../../../src/transpiler/transpiler-error.js'
import {
  expectEquivalent,
  expectOnCouplings,
  randomRoutingCircuit,
  smallCouplings,
} from '../routing/routing-support.js'
import { analyse, isValidLayout } from './layout-support.js'

describe('SabreLayout', () => {
  it('lays out and routes random circuits: injective, on couplings, equivalent', () => {
    for (const [, map] of smallCouplings()) {
      fc.assert(
        fc.property(randomRoutingCircuit(5, 20), fc.nat(100), (qc, seed) => {
          const pm = new PassManager([
            new SabreLayout({ couplingMap: map, seed, layoutTrials: 3, swapTrials: 2 }),
          ])
          const { circuit, propertySet } = pm.runWithPropertySet(qc)
          const layout = propertySet.get('layout')!
          expect(isValidLayout(layout, map.size(), map.size())).toBe(true)
          expect(circuit.numQubits).toBe(map.size())
          expectOnCouplings(circuit, map)
          expectEquivalent(qc, circuit, getTranspileLayout(circuit)!)
        }),
        { seed: 23, numRuns: 6 },
      )
    }
  })

  it('needs no swap for a circuit that embeds in the device', () => {
    const map = CouplingMap.fromHeavyHex(3)
    const chain = new QuantumCircuit(8)
    for (let q = 0; q < 7; q++) chain.cx(q, q + 1).cx(q + 1, q)
    const ps = analyse(chain, [new SabreLayout({ couplingMap: map, seed: 2, layoutTrials: 20 })])
    expect(ps.get('sabreLayoutSwaps')).toBe(0)
    expect(ps.get('routingSwaps')).toBe(0)
  })

  it('only chooses the layout with skipRouting', () => {
    const map = CouplingMap.fromLine(5)
    const qc = new QuantumCircuit(3).cx(0, 2).cx(1, 2).cx(0, 1)
    const pm = new PassManager([new SabreLayout({ couplingMap: map, skipRouting: true })])
    const { circuit, propertySet } = pm.runWithPropertySet(qc)
    expect(circuit.equals(qc)).toBe(true)
    expect(propertySet.has('finalLayout')).toBe(false)
    expect(isValidLayout(propertySet.get('layout')!, 3, 5)).toBe(true)
  })

  it('places groups of interacting qubits inside the components of a disconnected device', () => {
    const map = new CouplingMap([
      [0, 1],
      [1, 2],
      [3, 4],
      [4, 5],
    ]).makeSymmetric()
    const qc = new QuantumCircuit(5).cx(0, 1).cx(1, 2).cx(2, 0).cx(3, 4)
    const out = new PassManager([new SabreLayout({ couplingMap: map, seed: 1 })]).run(qc)
    expectOnCouplings(out, map)
    expectEquivalent(qc, out, getTranspileLayout(out)!)
    const four = new QuantumCircuit(4).cx(0, 1).cx(1, 2).cx(2, 3)
    expect(() => new PassManager([new SabreLayout({ couplingMap: map })]).run(four)).toThrow(
      expect.objectContaining({ code: 'transpiler.disconnected', name: 'LayoutError' }),
    )
    expect(() => new PassManager([new SabreLayout({ couplingMap: map })]).run(four)).toThrow(
      LayoutError,
    )
  })

  it('rejects circuits wider than the device', () => {
    expect(() =>
      new PassManager([new SabreLayout({ couplingMap: CouplingMap.fromLine(3) })]).run(
        new QuantumCircuit(4),
      ),
    ).toThrow(CircuitTooWideError)
  })
})
