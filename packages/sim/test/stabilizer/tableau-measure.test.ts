import { Statevector } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/engine/random/seeded-rng.js'
import { compileStabilizerCircuit } from '../../src/stabilizer/compile-stabilizer.js'
import { StabilizerTableau } from '../../src/stabilizer/stabilizer-tableau.js'
import { ChpReference } from './chp-reference.js'
import {
  cliffordCircuitArb,
  runUnitaryProgram,
  stabilizesState,
  toCircuit,
} from './clifford-circuits.js'

/** P(qubit q reads 1). */
function probabilityOfOne(state: Statevector, q: number): number {
  const p = state.probabilities([q])
  return p[1]!
}

/** The state projected onto qubit q = outcome, renormalised. */
function project(state: Statevector, q: number, outcome: number): Statevector {
  const data = state.data.slice()
  let norm = 0
  for (let i = 0; i < data.length / 2; i++) {
    if (((i >>> q) & 1) !== outcome) {
      data[2 * i] = 0
      data[2 * i + 1] = 0
    } else norm += data[2 * i]! ** 2 + data[2 * i + 1]! ** 2
  }
  const s = 1 / Math.sqrt(norm)
  return new Statevector(data.map((v) => v * s))
}

describe('tableau measurement', () => {
  it('collapses like the statevector: deterministic outcomes match, random ones are 50/50 and leave the projected state', () => {
    fc.assert(
      fc.property(
        cliffordCircuitArb(5, 25).chain(([n, gates]) =>
          fc.tuple(
            fc.constant(n),
            fc.constant(gates),
            fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 8 }),
            fc.nat(),
          ),
        ),
        ([n, gates, measured, seed]) => {
          const qc = toCircuit(n, gates)
          const t = runUnitaryProgram(compileStabilizerCircuit(qc))
          let state = Statevector.fromCircuit(qc)
          const rng = createRng(seed)
          for (const q of measured) {
            const p1 = probabilityOfOne(state, q)
            const expected = t.expectationZ(q)
            const outcome = t.measure(q, rng)
            if (Math.abs(p1 - 0.5) < 1e-9) {
              expect(expected).toBe(0)
            } else {
              expect(Math.min(p1, 1 - p1)).toBeLessThan(1e-9)
              expect(outcome).toBe(Math.round(p1))
              expect(expected).toBe(outcome === 0 ? 1 : -1)
            }
            state = project(state, q, outcome)
            expect(stabilizesState(t, state)).toBe(true)
            expect(t.expectationZ(q)).toBe(outcome === 0 ? 1 : -1)
          }
        },
      ),
      { seed: 99, numRuns: 200 },
    )
  })

  it('draws random outcomes from the generator (both outcomes occur, reproducibly)', () => {
    const outcomes = (seed: number): number[] => {
      const rng = createRng(seed)
      return Array.from({ length: 64 }, () => new StabilizerTableau(1).h(0).measure(0, rng))
    }
    const a = outcomes(5)
    expect(outcomes(5)).toEqual(a)
    expect(a).toContain(0)
    expect(a).toContain(1)
  })

  it('resets to |0⟩ whatever the state, keeping entangled partners consistent', () => {
    const rng = createRng(3)
    for (let i = 0; i < 20; i++) {
      const t = new StabilizerTableau(2).h(0).cx(0, 1)
      t.reset(0, rng)
      expect(t.expectationZ(0)).toBe(1)
      // Qubit 1 was collapsed by the reset's hidden measurement: it is now deterministic.
      expect(t.expectationZ(1)).not.toBe(0)
    }
  })

  it('measures deterministic outcomes on wide states (bits beyond one word)', () => {
    const n = 100
    const t = new StabilizerTableau(n)
    for (let q = 0; q < n; q += 3) t.x(q)
    t.h(50).cx(50, 99).cx(99, 70)
    const rng = createRng(1)
    const first = t.measure(70, rng)
    // Qubit 99 (= 3·33) started in |1⟩: the branches are (q50, q99, q70) = (0, 1, 1) and (1, 0, 0).
    expect(t.measure(50, rng)).toBe(first ^ 1)
    expect(t.measure(99, rng)).toBe(first)
    for (let q = 0; q < n; q++) {
      if (q === 50 || q === 70 || q === 99) continue
      expect(t.measure(q, rng)).toBe(q % 3 === 0 ? 1 : 0)
    }
  })
})

describe('tableau measurement on wide states (against a textbook CHP reference)', () => {
  it('gives the same outcomes and generators as AG’s algorithm, across word boundaries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 33, max: 97 }), fc.nat(), (n, seed) => {
        const pick = createRng(seed)
        const t = new StabilizerTableau(n)
        const ref = new ChpReference(n)
        const rngA = createRng(seed + 1)
        const rngB = createRng(seed + 1)
        for (let step = 0; step < 6 * n; step++) {
          const kind = Math.floor(pick.nextDouble() * 10)
          const a = Math.floor(pick.nextDouble() * n)
          const b = (a + 1 + Math.floor(pick.nextDouble() * (n - 1))) % n
          if (kind < 3) {
            t.h(a)
            ref.h(a)
          } else if (kind < 5) {
            t.s(a)
            ref.s(a)
          } else if (kind < 8) {
            t.cx(a, b)
            ref.cx(a, b)
          } else {
            expect(t.measure(a, rngA)).toBe(ref.measure(a, rngB))
          }
        }
        expect(t.stabilizers()).toEqual(ref.stabilizers())
        expect(t.destabilizers().map((l) => l.slice(1))).toEqual(ref.destabilizers())
      }),
      { seed: 4242, numRuns: 25 },
    )
  })
})
