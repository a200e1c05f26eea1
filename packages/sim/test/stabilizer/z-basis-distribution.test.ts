import { Statevector } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/engine/random/seeded-rng.js'
import { compileStabilizerCircuit } from '../../src/stabilizer/compile-stabilizer.js'
import { StabilizerTableau } from '../../src/stabilizer/stabilizer-tableau.js'
import type { RandomBits } from '../../src/stabilizer/tableau-measure.js'
import {
  zBasisDistribution,
  type ZBasisDistribution,
} from '../../src/stabilizer/z-basis-distribution.js'
import {
  cliffordCircuitArb,
  exactDistribution,
  runUnitaryProgram,
  toCircuit,
} from './clifford-circuits.js'

function bit(v: Uint32Array, q: number): number {
  return (v[q >>> 5]! >>> (q & 31)) & 1
}

/** The offset plus the basis vectors `take` selects. */
function element(d: ZBasisDistribution, take: (i: number) => boolean): Uint32Array {
  const v = d.offset.slice()
  d.basis.forEach((b, i) => {
    if (take(i)) for (let w = 0; w < v.length; w++) v[w]! ^= b[w]!
  })
  return v
}

function label(v: Uint32Array, n: number): string {
  let s = ''
  for (let q = n - 1; q >= 0; q--) s += String(bit(v, q))
  return s
}

/** Supplies chosen outcomes for random measurements, and counts them. */
class ForcedOutcomes implements RandomBits {
  next = 0
  draws = 0
  nextUint32(): number {
    this.draws++
    return this.next === 1 ? 0x80000000 : 0
  }
}

/** Measures every qubit of a copy, forcing outcome `v`; false if some deterministic outcome disagrees. */
function reachable(t: StabilizerTableau, v: Uint32Array, rng: ForcedOutcomes): boolean {
  const copy = t.clone()
  for (let q = 0; q < t.numQubits; q++) {
    rng.next = bit(v, q)
    if (copy.measure(q, rng) !== rng.next) return false
  }
  return true
}

describe('zBasisDistribution', () => {
  it('is exactly the statevector’s outcome distribution on random Clifford circuits (≤ 8 qubits)', async () => {
    await fc.assert(
      fc.asyncProperty(cliffordCircuitArb(8, 40), async ([n, gates]) => {
        const qc = toCircuit(n, gates)
        const d = await zBasisDistribution(runUnitaryProgram(compileStabilizerCircuit(qc)))
        const support = new Map<string, number>()
        for (let mask = 0; mask < 2 ** d.basis.length; mask++)
          support.set(
            label(
              element(d, (i) => ((mask >>> i) & 1) === 1),
              n,
            ),
            2 ** -d.basis.length,
          )
        const exact = exactDistribution(Statevector.fromCircuit(qc), n)
        expect([...support.keys()].sort()).toEqual([...exact.keys()].sort())
        for (const [key, p] of exact) expect(p).toBeCloseTo(support.get(key)!, 9)
      }),
      { seed: 77, numRuns: 150 },
    )
  })

  it('gives |0…0⟩ a single outcome and |+…+⟩ every outcome', async () => {
    const zero = await zBasisDistribution(new StabilizerTableau(40))
    expect(zero.basis).toHaveLength(0)
    expect([...zero.offset]).toEqual([0, 0])
    const plus = new StabilizerTableau(40)
    for (let q = 0; q < 40; q++) plus.h(q)
    plus.x(39)
    expect((await zBasisDistribution(plus)).basis).toHaveLength(40)
  })

  it('on wide random states, spans exactly the outcomes sequential measurement can reach', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 33, max: 90 }), fc.nat(), async (n, seed) => {
        const pick = createRng(seed)
        const t = new StabilizerTableau(n)
        for (let step = 0; step < 4 * n; step++) {
          const a = Math.floor(pick.nextDouble() * n)
          const b = (a + 1 + Math.floor(pick.nextDouble() * (n - 1))) % n
          const kind = Math.floor(pick.nextDouble() * 6)
          if (kind === 0) t.h(a)
          else if (kind === 1) t.s(a)
          else if (kind === 2) t.x(a)
          else if (kind === 3) t.cz(a, b)
          else t.cx(a, b)
        }
        const d = await zBasisDistribution(t)
        // The number of random outcomes when measuring every qubit is log2 of the support size.
        const counter = new ForcedOutcomes()
        expect(reachable(t, d.offset, counter)).toBe(true)
        expect(counter.draws).toBe(d.basis.length)
        for (let i = 0; i < 5; i++) {
          const v = element(d, () => pick.nextDouble() < 0.5)
          expect(reachable(t, v, new ForcedOutcomes())).toBe(true)
        }
      }),
      { seed: 31337, numRuns: 30 },
    )
  })
})
