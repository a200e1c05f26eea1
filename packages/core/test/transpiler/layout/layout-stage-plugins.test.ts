import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { Layout } from '../../../src/transpiler/layout/layout.js'
import { getTranspileLayout } from '../../../src/transpiler/layout/transpile-layout.js'
import type { OptimizationLevel } from '../../../src/transpiler/passmanager/stage-plugin.js'
import { StagedPassManager } from '../../../src/transpiler/passmanager/staged-pass-manager.js'
import { stageRegistry } from '../../../src/transpiler/passmanager/stage-registry.js'
import { CircuitTooWideError } from '../../../src/transpiler/transpiler-error.js'
import {
  expectEquivalent,
  expectOnCouplings,
  randomRoutingCircuit,
  smallCouplings,
} from '../routing/routing-support.js'
import { isValidLayout, noisyTarget } from './layout-support.js'

const LAYOUTS = ['default', 'trivial', 'dense', 'vf2', 'sabre'] as const
const ROUTINGS = ['sabre', 'basic'] as const

describe('layout and routing stage plugins', () => {
  it('are registered in the stage registry', () => {
    for (const name of LAYOUTS) expect(stageRegistry.layout[name]).toHaveProperty('createTasks')
    for (const name of ['default', 'sabre', 'basic', 'none'] as const) {
      expect(stageRegistry.routing[name].description).toBeTypeOf('string')
    }
  })

  it('compile random circuits for every layout × routing × level: valid, mapped, equivalent', () => {
    const couplings = smallCouplings()
    fc.assert(
      fc.property(
        fc.constantFrom(...LAYOUTS),
        fc.constantFrom(...ROUTINGS),
        fc.constantFrom<OptimizationLevel>(0, 1, 2, 3),
        fc.constantFrom(...couplings),
        fc.boolean(),
        randomRoutingCircuit(5, 18),
        fc.nat(1000),
        (layout, routing, level, [, map], noisy, qc, seed) => {
          const device = noisy ? { target: noisyTarget(map, seed) } : { couplingMap: map }
          const spm = StagedPassManager.fromPlugins(
            { optimizationLevel: level, seed, ...device, layoutTrials: 2, swapTrials: 2 },
            { layout, routing },
          )
          const out = spm.run(qc)
          const transpileLayout = getTranspileLayout(out)!
          expect(isValidLayout(transpileLayout.initialLayout, map.size(), map.size())).toBe(true)
          expect(out.name).toBe(qc.name)
          expectOnCouplings(out, map)
          expectEquivalent(qc, out, transpileLayout)
        },
      ),
      { seed: 314, numRuns: 60 },
    )
  })

  it('honour a given initial layout', () => {
    const map = CouplingMap.fromLine(4)
    const qc = new QuantumCircuit(2).cx(0, 1)
    for (const layout of LAYOUTS) {
      const spm = StagedPassManager.fromPlugins(
        { optimizationLevel: 2, couplingMap: map, initialLayout: Layout.fromArray([3, 0]) },
        { layout, routing: 'sabre' },
      )
      const out = spm.run(qc)
      expect(getTranspileLayout(out)!.initialIndexLayout({ filterAncillas: true })).toEqual([3, 0])
      expectOnCouplings(out, map)
      expectEquivalent(qc, out, getTranspileLayout(out)!)
    }
  })

  it('keep a perfect trivial layout at level 1 and find a swap-free one at levels 2-3', () => {
    const map = CouplingMap.fromLine(5)
    const chain = new QuantumCircuit(3).cx(0, 1).cx(1, 2)
    const l1 = StagedPassManager.fromPlugins(
      { optimizationLevel: 1, couplingMap: map },
      { layout: 'default', routing: 'sabre' },
    ).run(chain)
    expect(getTranspileLayout(l1)!.initialIndexLayout({ filterAncillas: true })).toEqual([0, 1, 2])
    const star = new QuantumCircuit(3).cx(1, 0).cx(1, 2)
    for (const level of [2, 3] as const) {
      const spm = StagedPassManager.fromPlugins(
        { optimizationLevel: level, couplingMap: map },
        { layout: 'default', routing: 'sabre' },
      )
      const { circuit, propertySet } = spm.runWithPropertySet(star)
      expect(propertySet.get('vf2LayoutStopReason')).toBe('solution-found')
      expect(circuit.countOps().get('swap')).toBeUndefined()
    }
  })

  it('fail with CircuitTooWideError for circuits wider than the device', () => {
    for (const layout of LAYOUTS) {
      const spm = StagedPassManager.fromPlugins(
        { optimizationLevel: 1, couplingMap: CouplingMap.fromLine(3) },
        { layout, routing: 'sabre' },
      )
      expect(() => spm.run(new QuantumCircuit(4).cx(0, 3))).toThrow(CircuitTooWideError)
    }
  })

  it("routing 'none' fails when routing is needed and passes when it is not", () => {
    const map = CouplingMap.fromLine(3)
    const spm = StagedPassManager.fromPlugins(
      { optimizationLevel: 0, couplingMap: map },
      { layout: 'trivial', routing: 'none' },
    )
    expect(spm.run(new QuantumCircuit(3).cx(0, 1)).numQubits).toBe(3)
    expect(() => spm.run(new QuantumCircuit(3).cx(0, 2))).toThrow(
      expect.objectContaining({ code: 'transpiler.routing-failed', name: 'RoutingError' }),
    )
  })
})
