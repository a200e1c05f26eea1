import { Complex, ComplexMatrix } from '@qfabric/core/math'
import { describe, expect, it } from 'vitest'
import { applyChannelToDensityMatrix } from '../../src/noise/apply-channel.js'
import {
  coherentUnitaryError,
  krausError,
  mixedUnitaryError,
  pauliError,
  resetError,
} from '../../src/noise/kraus-error.js'
import { NoiseError } from '../../src/noise/noise-error.js'
import { pauliMatrix } from '../../src/noise/pauli-labels.js'
import { basisState, expectClose, randomDensity, real, seeded } from './support/numeric.js'

function rx(theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return ComplexMatrix.fromRows([
    [c, [0, -s]],
    [[0, -s], c],
  ])
}

function expectNoiseError(run: () => unknown, code: string, argument?: string): void {
  expect(run).toThrow(NoiseError)
  try {
    run()
  } catch (e) {
    expect(e).toMatchObject(argument === undefined ? { code } : { code, argument })
  }
}

describe('pauliError', () => {
  it('reads labels with qubit 0 rightmost: XI flips qubit 1', () => {
    const out = applyChannelToDensityMatrix(basisState(0, 2), pauliError([['XI', 1]]), [0, 1])
    expectClose(out, basisState(2, 2))
  })

  it('is the Pauli mixture Σ p·PρP', () => {
    const rho = randomDensity(1, seeded(1))
    const e = pauliError([
      ['I', 0.7],
      ['X', 0.1],
      ['Y', 0.15],
      ['Z', 0.05],
    ])
    const expected = [
      ['I', 0.7],
      ['X', 0.1],
      ['Y', 0.15],
      ['Z', 0.05],
    ].reduce(
      (acc, [l, p]) => {
        const m = pauliMatrix(l as string)
        return acc.add(
          m
            .mul(rho)
            .mul(m)
            .scale(p as number),
        )
      },
      new ComplexMatrix(2, 2),
    )
    expectClose(applyChannelToDensityMatrix(rho, e, [0]), expected, 1e-14)
    expect(e.idealProbability).toBe(0.7)
  })

  it('merges repeated labels and rejects bad ones', () => {
    expect(
      pauliError([
        ['X', 0.5],
        ['X', 0.25],
        ['I', 0.25],
      ]).terms,
    ).toHaveLength(2)
    expectNoiseError(() => pauliError([['Q', 1]]), 'sim.noise.invalid-parameter')
    expectNoiseError(
      () =>
        pauliError([
          ['X', 0.5],
          ['XX', 0.5],
        ]),
      'sim.noise.invalid-parameter',
      'noiseOps',
    )
    expectNoiseError(
      () =>
        pauliError([
          ['X', 0.5],
          ['I', 0.4],
        ]),
      'sim.noise.not-cptp',
      'probabilities',
    )
    expectNoiseError(
      () =>
        pauliError([
          ['X', -0.1],
          ['I', 1.1],
        ]),
      'sim.noise.not-cptp',
    )
  })
})

describe('mixedUnitaryError and coherentUnitaryError', () => {
  it('mixes unitaries and keeps them as unitary terms', () => {
    const u = rx(0.3)
    const e = mixedUnitaryError([
      [ComplexMatrix.identity(2), 0.6],
      [u, 0.4],
    ])
    expect(e.isMixedUnitary).toBe(true)
    const rho = randomDensity(1, seeded(2))
    const expected = rho.scale(0.6).add(u.mul(rho).mul(u.adjoint()).scale(0.4))
    expectClose(applyChannelToDensityMatrix(rho, e, [0]), expected, 1e-14)
    expect(e.idealProbability).toBeCloseTo(0.6, 15)
  })

  it('treats a global phase as the identity', () => {
    const phased = ComplexMatrix.identity(2).scale(Complex.expi(0.7))
    expect(coherentUnitaryError(phased).isIdeal()).toBe(true)
    const c = coherentUnitaryError(rx(0.01))
    expect(c.isIdeal()).toBe(false)
    expect(c.averageGateFidelity()).toBeCloseTo((2 * Math.cos(0.005) ** 2 + 1) / 3, 14)
  })

  it('rejects non-unitary matrices and mismatched sizes', () => {
    expectNoiseError(
      () =>
        coherentUnitaryError(
          real([
            [1, 0],
            [0, 0.5],
          ]),
        ),
      'sim.noise.not-cptp',
      'unitary',
    )
    expectNoiseError(() => coherentUnitaryError(ComplexMatrix.identity(3)), 'sim.noise.not-cptp')
    expectNoiseError(
      () =>
        mixedUnitaryError([
          [ComplexMatrix.identity(2), 0.5],
          [ComplexMatrix.identity(4), 0.5],
        ]),
      'sim.noise.qubit-mismatch',
    )
  })
})

describe('krausError', () => {
  const g = 0.2
  const amp = [
    real([
      [1, 0],
      [0, Math.sqrt(1 - g)],
    ]),
    real([
      [0, Math.sqrt(g)],
      [0, 0],
    ]),
  ]

  it('keeps a general channel as one Kraus term (canonical on request)', () => {
    const e = krausError(amp)
    expect(e.terms.map((t) => t.kind)).toEqual(['kraus'])
    const c = krausError(amp, { canonical: true })
    expectClose(c.toChoi(), e.toChoi(), 1e-14)
  })

  it('stores a Pauli channel given as Kraus operators in Pauli form', () => {
    const p = 0.1
    const e = krausError([
      ComplexMatrix.identity(2).scale(Math.sqrt(1 - p)),
      pauliMatrix('X').scale(Math.sqrt(p)),
    ])
    expect(e.isMixedUnitary).toBe(true)
    expect(e.terms.map((t) => (t.kind === 'unitary' ? t.pauli : null))).toEqual(['I', 'X'])
    expect(e.probabilities[1]).toBeCloseTo(p, 14)
    const kept = krausError(
      [ComplexMatrix.identity(2).scale(Math.sqrt(1 - p)), pauliMatrix('X').scale(Math.sqrt(p))],
      {
        detectPauli: false,
      },
    )
    expect(kept.terms[0]!.kind).toBe('kraus')
    expectClose(kept.toChoi(), e.toChoi(), 1e-14)
  })

  it('turns a single unitary operator into a unitary term', () => {
    const e = krausError([rx(0.4)])
    expect(e.terms[0]!.kind).toBe('unitary')
  })

  it('rejects operators that are not CPTP', () => {
    expectNoiseError(() => krausError([amp[0]!]), 'sim.noise.not-cptp', 'operators')
    expectNoiseError(() => krausError([]), 'sim.noise.not-cptp', 'operators')
    expectNoiseError(
      () => krausError([ComplexMatrix.identity(3)]),
      'sim.noise.not-cptp',
      'operators',
    )
    expectNoiseError(() => krausError([new ComplexMatrix(2, 4)]), 'sim.noise.not-cptp', 'operators')
  })
})

describe('resetError', () => {
  it('resets to |0⟩ with prob0 and to |1⟩ with prob1', () => {
    const e = resetError(0.3, 0.2)
    const out = applyChannelToDensityMatrix(basisState(1, 1), e, [0])
    expectClose(
      out,
      real([
        [0.3, 0],
        [0, 0.7],
      ]),
      1e-15,
    )
    const plus = real([
      [0.5, 0.5],
      [0.5, 0.5],
    ])
    const o2 = applyChannelToDensityMatrix(plus, e, [0])
    expect(o2.get(0, 1).re).toBeCloseTo(0.5 * 0.5, 15)
    expect(o2.get(0, 0).re).toBeCloseTo(0.5 * 0.5 + 0.3, 15)
    expect(resetError(0).isIdeal()).toBe(true)
  })

  it('rejects probabilities out of range', () => {
    expectNoiseError(() => resetError(-0.1), 'sim.noise.invalid-parameter', 'prob0')
    expectNoiseError(() => resetError(0.2, 1.2), 'sim.noise.invalid-parameter', 'prob1')
    expectNoiseError(() => resetError(0.6, 0.6), 'sim.noise.invalid-parameter', 'prob1')
  })
})
