import { ComplexMatrix } from '@qfabric/core/math'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChannelToDensityMatrix } from '../../src/noise/apply-channel.js'
import { depolarizingError, maxDepolarizingParameter } from '../../src/noise/depolarizing-error.js'
import { NoiseError } from '../../src/noise/noise-error.js'
import { basisState, expectClose, randomDensity, seeded } from './support/numeric.js'

/** Aer's definition: E(ρ) = (1 − λ)ρ + λ·Tr(ρ)·I/d. */
function depolarized(rho: ComplexMatrix, lambda: number): ComplexMatrix {
  const d = rho.rows
  return rho.scale(1 - lambda).add(ComplexMatrix.identity(d).scale((lambda * rho.trace().re) / d))
}

describe('depolarizingError', () => {
  it('maps |0⟩⟨0| to (1 − p)ρ + p·I/2 (Qiskit: p is the probability of the maximally mixed state)', () => {
    const p = 0.2
    const out = applyChannelToDensityMatrix(basisState(0, 1), depolarizingError(p, 1), [0])
    expectClose(
      out,
      ComplexMatrix.fromRows([
        [1 - p / 2, 0],
        [0, p / 2],
      ]),
    )
  })

  it('matches the analytic channel on random states, 1 and 2 qubits, over the whole range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (n, t, seed) => {
          const lambda = t * maxDepolarizingParameter(n)
          const rho = randomDensity(n, seeded(seed))
          const qargs = n === 1 ? [0] : [0, 1]
          const out = applyChannelToDensityMatrix(rho, depolarizingError(lambda, n), qargs)
          expectClose(out, depolarized(rho, lambda), 1e-12)
        },
      ),
      { seed: 20240601, numRuns: 60 },
    )
  })

  it('uses the Pauli form: identity 1 − λ(4^n − 1)/4^n, every other Pauli λ/4^n', () => {
    const e = depolarizingError(0.08, 2)
    expect(e.isMixedUnitary).toBe(true)
    expect(e.terms).toHaveLength(16)
    const first = e.terms[0]!
    expect(first.kind === 'unitary' && first.pauli).toBe('II')
    expect(e.idealProbability).toBeCloseTo(1 - (0.08 * 15) / 16, 15)
    for (const t of e.terms.slice(1)) expect(t.probability).toBeCloseTo(0.08 / 16, 15)
  })

  it('has average gate fidelity 1 − λ(d − 1)/d', () => {
    expect(depolarizingError(0.03, 1).averageGateFidelity()).toBeCloseTo(1 - 0.03 / 2, 14)
    expect(depolarizingError(0.03, 2).averageGateFidelity()).toBeCloseTo(1 - (0.03 * 3) / 4, 14)
  })

  it('accepts λ up to 4^n/(4^n − 1), where no identity is left', () => {
    const e = depolarizingError(4 / 3, 1)
    expect(e.idealProbability).toBe(0)
    expect(e.probabilities).toEqual([1 / 3, 1 / 3, 1 / 3])
    expect(depolarizingError(0, 1).isIdeal()).toBe(true)
  })

  it('rejects a parameter out of range or a bad width, naming the argument', () => {
    const bad: [number, number, string][] = [
      [-0.01, 1, 'param'],
      [4 / 3 + 1e-9, 1, 'param'],
      [16 / 15 + 1e-9, 2, 'param'],
      [Number.NaN, 1, 'param'],
      [0.1, 0, 'numQubits'],
      [0.1, 1.5, 'numQubits'],
    ]
    for (const [p, n, argument] of bad) {
      const run = (): unknown => depolarizingError(p, n)
      expect(run).toThrow(NoiseError)
      try {
        run()
      } catch (e) {
        expect(e).toMatchObject({ code: 'sim.noise.invalid-parameter', argument })
      }
    }
  })
})
