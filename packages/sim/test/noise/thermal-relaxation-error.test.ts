import { ComplexMatrix } from '@qfabric/core/math'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChannelToDensityMatrix } from '../../src/noise/apply-channel.js'
import { NoiseError } from '../../src/noise/noise-error.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import { expectClose, randomDensity, real, seeded } from './support/numeric.js'

/** The analytic solution: populations relax to the thermal state as e^{−t/T1}, coherences decay as e^{−t/T2}. */
function relaxed(
  rho: ComplexMatrix,
  params: { t1: number; t2: number; time: number; p1: number },
): ComplexMatrix {
  const { t1, t2, time, p1 } = params
  const a1 = Math.exp(-time / t1)
  const a2 = Math.exp(-time / t2)
  const excited = p1 + (rho.get(1, 1).re - p1) * a1
  const out = new ComplexMatrix(2, 2)
  out.set(0, 0, 1 - excited)
  out.set(1, 1, excited)
  out.set(0, 1, rho.get(0, 1).mul(a2))
  out.set(1, 0, rho.get(1, 0).mul(a2))
  return out
}

/** Aer's Choi matrix of the channel (input index major). */
function aerChoi(params: { t1: number; t2: number; time: number; p1: number }): ComplexMatrix {
  const { t1, t2, time, p1 } = params
  const r = 1 - Math.exp(-time / t1)
  const c = Math.exp(-time / t2)
  const p0 = 1 - p1
  return real([
    [1 - p1 * r, 0, 0, c],
    [0, p1 * r, 0, 0],
    [0, 0, p0 * r, 0],
    [c, 0, 0, 1 - p0 * r],
  ])
}

const regimes = {
  'T2 ≤ T1 (mixture of I, Z and resets)': { t1: 100e-6, t2: 60e-6 },
  'T1 < T2 ≤ 2·T1 (Kraus form)': { t1: 50e-6, t2: 90e-6 },
  'T2 = 2·T1 (pure amplitude damping)': { t1: 40e-6, t2: 80e-6 },
}

describe('thermalRelaxationError', () => {
  for (const [name, { t1, t2 }] of Object.entries(regimes)) {
    it(`follows e^{−t/T1} and e^{−t/T2} on random states, with and without excitation: ${name}`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 3e-4, noNaN: true }),
          fc.constantFrom(0, 0.07, 0.5, 1),
          fc.integer(),
          (time, p1, seed) => {
            const rho = randomDensity(1, seeded(seed))
            const error = thermalRelaxationError(t1, t2, time, p1)
            const out = applyChannelToDensityMatrix(rho, error, [0])
            expectClose(out, relaxed(rho, { t1, t2, time, p1 }), 1e-12)
            expectClose(error.toChoi(), aerChoi({ t1, t2, time, p1 }), 1e-12)
            expect(error.isCptp(1e-12)).toBe(true)
          },
        ),
        { seed: 7, numRuns: 40 },
      )
    })
  }

  it('keeps the mixed form for T2 ≤ T1 with Aer’s probabilities', () => {
    const [t1, t2, time, p1] = [100e-6, 60e-6, 2e-6, 0.1]
    const e = thermalRelaxationError(t1, t2, time, p1)
    const pReset = 1 - Math.exp(-time / t1)
    const pZ = ((1 - pReset) * (1 - Math.exp(-time * (1 / t2 - 1 / t1)))) / 2
    expect(e.terms.map((t) => t.kind)).toEqual(['unitary', 'unitary', 'kraus', 'kraus'])
    expect(e.probabilities[0]).toBeCloseTo(1 - pZ - pReset, 15)
    expect(e.probabilities[1]).toBeCloseTo(pZ, 15)
    expect(e.probabilities[2]).toBeCloseTo(pReset * (1 - p1), 15)
    expect(e.probabilities[3]).toBeCloseTo(pReset * p1, 15)
    expect(e.idealProbability).toBeCloseTo(1 - pZ - pReset, 15)
  })

  it('is one Kraus term of orthogonal operators for T2 > T1', () => {
    const e = thermalRelaxationError(50e-6, 90e-6, 1e-6, 0.2)
    expect(e.terms).toHaveLength(1)
    const term = e.terms[0]!
    expect(term.kind).toBe('kraus')
    if (term.kind !== 'kraus') return
    for (let i = 0; i < term.operators.length; i++) {
      for (let j = i + 1; j < term.operators.length; j++) {
        const ip = term.operators[i]!.adjoint().mul(term.operators[j]!).trace()
        expect(ip.abs()).toBeLessThan(1e-12)
      }
    }
  })

  it('is ideal for a zero duration or infinite times', () => {
    expect(thermalRelaxationError(1e-4, 5e-5, 0).isIdeal()).toBe(true)
    expect(thermalRelaxationError(Infinity, Infinity, 1e-6).isIdeal()).toBe(true)
    const dephasingOnly = thermalRelaxationError(Infinity, 1e-4, 1e-6)
    expectClose(
      applyChannelToDensityMatrix(
        real([
          [0.5, 0.5],
          [0.5, 0.5],
        ]),
        dephasingOnly,
        [0],
      ),
      real([
        [0.5, 0.5 * Math.exp(-0.01)],
        [0.5 * Math.exp(-0.01), 0.5],
      ]),
    )
  })

  it('rejects invalid times and populations, naming the argument', () => {
    const cases: [number, number, number, number, string][] = [
      [0, 1e-6, 1e-7, 0, 't1'],
      [-1e-6, 1e-6, 1e-7, 0, 't1'],
      [1e-6, 0, 1e-7, 0, 't2'],
      [1e-6, 2.0000001e-6, 1e-7, 0, 't2'],
      [1e-6, 1e-6, -1e-9, 0, 'time'],
      [1e-6, 1e-6, 1e-7, -0.1, 'excitedStatePopulation'],
      [1e-6, 1e-6, 1e-7, 1.1, 'excitedStatePopulation'],
      [Number.NaN, 1e-6, 1e-7, 0, 't1'],
    ]
    for (const [t1, t2, time, p1, argument] of cases) {
      expect(() => thermalRelaxationError(t1, t2, time, p1)).toThrow(NoiseError)
      try {
        thermalRelaxationError(t1, t2, time, p1)
      } catch (e) {
        expect(e).toMatchObject({ code: 'sim.noise.invalid-parameter', argument })
      }
    }
  })
})
