import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import type { Target } from '../../../src/target/target.js'
import { VF2Layout } from '../../../src/transpiler/layout/vf2-layout.js'
import { analyse, isValidLayout, noisyTarget } from './layout-support.js'

/** The average error of the instructions on exactly these qargs (either order for pairs). */
function avgError(target: Target, qargs: readonly number[]): number {
  const errors: number[] = []
  for (const [, qmap] of target) {
    for (const [q, props] of qmap.entries()) {
      const same =
        q !== null &&
        q.length === qargs.length &&
        (q.every((x, i) => x === qargs[i]) ||
          (q.length === 2 && q[0] === qargs[1] && q[1] === qargs[0]))
      if (same && props?.error != null) errors.push(props.error)
    }
  }
  return errors.length === 0 ? 0 : errors.reduce((a, b) => a + b, 0) / errors.length
}

/** The expected log-infidelity of a circuit under a placement (brute-force reference). */
function score(circuit: QuantumCircuit, target: Target, placement: readonly number[]): number {
  let s = 0
  for (const inst of circuit.data) {
    const qargs = inst.qubits.map((q) => placement[q]!)
    if (inst.qubits.length === 2)
      s += -Math.log1p(-avgError(target, [Math.min(...qargs), Math.max(...qargs)]))
    else s += -Math.log1p(-avgError(target, qargs))
  }
  return s
}

/** All swap-free placements of the circuit on the device, by brute force. */
function bestBruteForce(circuit: QuantumCircuit, map: CouplingMap, target: Target): number {
  const n = map.size()
  let best = Infinity
  const placement: number[] = []
  const used = new Set<number>()
  const recurse = (): void => {
    if (placement.length === circuit.numQubits) {
      const ok = circuit.data.every(
        (d) =>
          d.qubits.length < 2 ||
          map.hasEdge(placement[d.qubits[0]!]!, placement[d.qubits[1]!]!) ||
          map.hasEdge(placement[d.qubits[1]!]!, placement[d.qubits[0]!]!),
      )
      if (ok) best = Math.min(best, score(circuit, target, placement))
      return
    }
    for (let p = 0; p < n; p++) {
      if (used.has(p)) continue
      used.add(p)
      placement.push(p)
      recurse()
      placement.pop()
      used.delete(p)
    }
  }
  recurse()
  return best
}

function randomInteractions(n: number): fc.Arbitrary<QuantumCircuit> {
  return fc
    .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()), { minLength: 1, maxLength: 8 })
    .map((ops) => {
      const qc = new QuantumCircuit(n)
      for (const [a, b, oneQ] of ops) {
        if (oneQ || a === b) qc.x(a)
        else qc.cx(a, b)
      }
      return qc
    })
}

describe('VF2Layout', () => {
  it('finds the least noisy swap-free layout (brute-force reference)', () => {
    const map = CouplingMap.fromGrid(2, 3)
    fc.assert(
      fc.property(randomInteractions(4), fc.nat(1000), (qc, seed) => {
        const target = noisyTarget(map, seed)
        const best = bestBruteForce(qc, map, target)
        const ps = analyse(qc, [new VF2Layout({ target, seed })])
        if (best === Infinity) {
          expect(ps.get('vf2LayoutStopReason')).toBe('no-solution-found')
          expect(ps.get('layout')).toBeUndefined()
          return
        }
        expect(ps.get('vf2LayoutStopReason')).toBe('solution-found')
        const layout = ps.get('layout')!
        expect(isValidLayout(layout, qc.numQubits, map.size())).toBe(true)
        expect(score(qc, target, layout.toArray())).toBeCloseTo(best, 10)
      }),
      { seed: 17, numRuns: 40 },
    )
  })

  it('prefers the better of two identical places', () => {
    const map = CouplingMap.fromLine(3)
    const target = noisyTarget(map, 3)
    const circuit = new QuantumCircuit(2).cx(0, 1)
    const layout = analyse(circuit, [new VF2Layout({ target })]).get('layout')!
    const pair = [layout.physical(0)!, layout.physical(1)!].sort()
    const e01 = avgError(target, [0, 1])
    const e12 = avgError(target, [1, 2])
    expect(pair).toEqual(e01 < e12 ? [0, 1] : [1, 2])
  })

  it('reports circuits with no embedding, and circuits with 3-qubit operations', () => {
    const line = CouplingMap.fromLine(4)
    const triangle = new QuantumCircuit(3).cx(0, 1).cx(1, 2).cx(2, 0)
    const ps = analyse(triangle, [new VF2Layout({ couplingMap: line })])
    expect(ps.get('vf2LayoutStopReason')).toBe('no-solution-found')
    expect(ps.has('layout')).toBe(false)
    const toffoli = new QuantumCircuit(3).ccx(0, 1, 2)
    expect(
      analyse(toffoli, [new VF2Layout({ couplingMap: line })]).get('vf2LayoutStopReason'),
    ).toBe('more-than-2q')
    const wide = new QuantumCircuit(5).cx(0, 1)
    expect(analyse(wide, [new VF2Layout({ couplingMap: line })]).get('vf2LayoutStopReason')).toBe(
      'no-solution-found',
    )
  })

  it('places qubits without interactions on the best remaining qubits', () => {
    const map = CouplingMap.fromLine(5)
    const target = noisyTarget(map, 11)
    const qc = new QuantumCircuit(2).x(0).x(1).x(1)
    const layout = analyse(qc, [new VF2Layout({ target })]).get('layout')!
    const byError = [0, 1, 2, 3, 4].sort((a, b) => avgError(target, [a]) - avgError(target, [b]))
    expect(layout.physical(1)).toBe(byError[0])
    expect(layout.physical(0)).toBe(byError[1])
  })

  it('works on a heavy-hex device without errors (first embedding)', () => {
    const map = CouplingMap.fromHeavyHex(3)
    const ring = new QuantumCircuit(10)
    for (let q = 0; q < 10; q++) ring.cx(q, (q + 1) % 10)
    const ps = analyse(ring, [new VF2Layout({ couplingMap: map })])
    expect(ps.get('vf2LayoutStopReason')).toBe('solution-found')
    const layout = ps.get('layout')!
    expect(isValidLayout(layout, 10, 19)).toBe(true)
    for (let q = 0; q < 10; q++) {
      expect(map.distance(layout.physical(q)!, layout.physical((q + 1) % 10)!)).toBe(1)
    }
  })
})
