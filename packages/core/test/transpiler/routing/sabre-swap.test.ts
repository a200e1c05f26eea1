import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { ApplyLayout } from '../../../src/transpiler/layout/apply-layout.js'
import { FullAncillaAllocation } from '../../../src/transpiler/layout/full-ancilla-allocation.js'
import { getTranspileLayout } from '../../../src/transpiler/layout/transpile-layout.js'
import { TrivialLayout } from '../../../src/transpiler/layout/trivial-layout.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import { SabreSwap } from '../../../src/transpiler/routing/sabre-swap.js'
import { RoutingError } from '../../../src/transpiler/transpiler-error.js'
import {
  expectEquivalent,
  expectOnCouplings,
  randomRoutingCircuit,
  smallCouplings,
} from './routing-support.js'

function routeTrivially(
  circuit: QuantumCircuit,
  couplingMap: CouplingMap,
  options: { seed?: number; trials?: number; heuristic?: 'basic' | 'lookahead' | 'decay' } = {},
): QuantumCircuit {
  return new PassManager([
    new TrivialLayout({ couplingMap }),
    new FullAncillaAllocation({ couplingMap }),
    new ApplyLayout(),
    new SabreSwap({ couplingMap, ...options }),
  ]).run(circuit)
}

describe('SabreSwap', () => {
  for (const [name, map] of smallCouplings()) {
    it(`routes random circuits onto ${name}, equivalent up to the permutation`, () => {
      fc.assert(
        fc.property(
          randomRoutingCircuit(Math.min(map.size(), 6), 25),
          fc.constantFrom('basic' as const, 'lookahead' as const, 'decay' as const),
          fc.nat(1000),
          (qc, heuristic, seed) => {
            const out = routeTrivially(qc, map, { heuristic, seed, trials: 2 })
            expectOnCouplings(out, map)
            expect(out.name).toBe(qc.name)
            const layout = getTranspileLayout(out)!
            expectEquivalent(qc, out, layout)
          },
        ),
        { seed: 42, numRuns: 10 },
      )
    })
  }

  it('routes on the full 19-qubit heavy-hex lattice (statevector check)', () => {
    const map = CouplingMap.fromHeavyHex(3)
    fc.assert(
      fc.property(randomRoutingCircuit(12, 20), (qc) => {
        const out = routeTrivially(qc, map, { seed: 3 })
        expectOnCouplings(out, map)
        expectEquivalent(qc, out, getTranspileLayout(out)!)
      }),
      { seed: 9, numRuns: 1 },
    )
  })

  it('inserts no swap when every gate is already on a coupling', () => {
    const qc = new QuantumCircuit(4).cx(0, 1).cx(1, 2).cz(2, 3).h(0)
    const out = routeTrivially(qc, CouplingMap.fromLine(4))
    expect(out.countOps().get('swap')).toBeUndefined()
    expect(getTranspileLayout(out)!.routingPermutation()).toEqual([0, 1, 2, 3])
  })

  it('keeps measurements, conditions and clbits in order', () => {
    const qc = new QuantumCircuit(4, 2).h(0).cx(0, 3).measure(3, 0)
    qc.x(1).cx(1, 3).measure(1, 1)
    const out = routeTrivially(qc, CouplingMap.fromLine(4), { seed: 1 })
    expectOnCouplings(out, CouplingMap.fromLine(4))
    expect(out.numClbits).toBe(2)
    expect(out.cregs.map((r) => r.name)).toEqual(['c'])
    const measures = out.data.filter((d) => d.operation.name === 'measure')
    expect(measures.map((m) => m.clbits[0])).toEqual([0, 1])
  })

  it('is deterministic for a seed', () => {
    const qc = new QuantumCircuit(6).cx(0, 5).cx(1, 4).cx(2, 3).cx(0, 3).cx(5, 1)
    const map = CouplingMap.fromLine(6)
    const a = routeTrivially(qc, map, { seed: 11, trials: 3 })
    const b = routeTrivially(qc, map, { seed: 11, trials: 3 })
    expect(a.equals(b)).toBe(true)
  })

  it('fails on gates across disconnected components', () => {
    const map = new CouplingMap([
      [0, 1],
      [2, 3],
    ]).makeSymmetric()
    const qc = new QuantumCircuit(4).cx(0, 2)
    expect(() => routeTrivially(qc, map)).toThrow(RoutingError)
    try {
      routeTrivially(qc, map)
    } catch (error) {
      expect((error as RoutingError).code).toBe('transpiler.disconnected')
    }
  })

  it('rejects operations on three qubits', () => {
    const qc = new QuantumCircuit(3).ccx(0, 1, 2)
    expect(() => routeTrivially(qc, CouplingMap.fromLine(3))).toThrow(
      expect.objectContaining({ code: 'transpiler.multi-qubit-operation' }),
    )
  })
})
