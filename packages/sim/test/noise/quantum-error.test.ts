import { ComplexMatrix } from '@qfabric/core/math'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChannelToDensityMatrix } from '../../src/noise/apply-channel.js'
import { amplitudeDampingError } from '../../src/noise/damping-errors.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { coherentUnitaryError, pauliError, resetError } from '../../src/noise/kraus-error.js'
import { NoiseError } from '../../src/noise/noise-error.js'
import { pauliMatrix } from '../../src/noise/pauli-labels.js'
import { QuantumError } from '../../src/noise/quantum-error.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import { basisState, expectClose, randomDensity, real, seeded } from './support/numeric.js'

function ry(theta: number): ComplexMatrix {
  const c = Math.cos(theta / 2)
  const s = Math.sin(theta / 2)
  return real([
    [c, -s],
    [s, c],
  ])
}

/** A pool of single-qubit errors of every kind (Pauli, unitary, resets, Kraus). */
const POOL: readonly QuantumError[] = [
  depolarizingError(0.3, 1),
  thermalRelaxationError(50e-6, 30e-6, 10e-6, 0.1),
  thermalRelaxationError(50e-6, 90e-6, 10e-6, 0.2),
  amplitudeDampingError(0.35),
  coherentUnitaryError(ry(0.7)),
  resetError(0.2, 0.1),
  pauliError([
    ['Y', 0.3],
    ['I', 0.7],
  ]),
]
const anyError = fc.constantFrom(...POOL)

describe('QuantumError algebra (checked on random density matrices)', () => {
  it('compose(b) applies this first, then b', () => {
    fc.assert(
      fc.property(anyError, anyError, fc.integer(), (a, b, seed) => {
        const rho = randomDensity(1, seeded(seed))
        const stepwise = applyChannelToDensityMatrix(
          applyChannelToDensityMatrix(rho, a, [0]),
          b,
          [0],
        )
        expectClose(applyChannelToDensityMatrix(rho, a.compose(b), [0]), stepwise, 1e-12)
        expect(a.compose(b).isCptp(1e-12)).toBe(true)
      }),
      { seed: 42, numRuns: 50 },
    )
  })

  it('tensor(b) puts b on qubit 0 and this on qubit 1; expand is the mirror', () => {
    fc.assert(
      fc.property(anyError, anyError, fc.integer(), (a, b, seed) => {
        const rho = randomDensity(2, seeded(seed))
        const stepwise = applyChannelToDensityMatrix(
          applyChannelToDensityMatrix(rho, b, [0]),
          a,
          [1],
        )
        expectClose(applyChannelToDensityMatrix(rho, a.tensor(b), [0, 1]), stepwise, 1e-12)
        expectClose(applyChannelToDensityMatrix(rho, b.expand(a), [0, 1]), stepwise, 1e-12)
      }),
      { seed: 43, numRuns: 50 },
    )
  })

  it('keeps composed Pauli channels in Pauli form with at most 4^n terms', () => {
    const d = depolarizingError(0.1, 2).compose(depolarizingError(0.2, 2))
    expect(d.isMixedUnitary).toBe(true)
    expect(d.terms.length).toBe(16)
    // two depolarizing channels compose to one: 1 − λ = (1 − λ1)(1 − λ2)
    expectClose(d.toChoi(), depolarizingError(1 - 0.9 * 0.8, 2).toChoi(), 1e-14)
    const xx = pauliError([['X', 1]]).compose(pauliError([['X', 1]]))
    expect(xx.isIdeal()).toBe(true)
  })

  it('tracks the ideal probability through composition', () => {
    const a = depolarizingError(0.2, 1)
    expect(a.compose(a).idealProbability).toBeCloseTo(0.85 ** 2 + 3 * 0.05 ** 2, 14)
    expect(a.tensor(a).idealProbability).toBeCloseTo(0.85 ** 2, 14)
  })

  it('round-trips through JSON', () => {
    for (const e of POOL) {
      const back = QuantumError.fromJSON(JSON.parse(JSON.stringify(e)))
      expect(back.numQubits).toBe(e.numQubits)
      expectClose(back.toChoi(), e.toChoi(), 1e-15)
    }
    const two = POOL[1]!.tensor(POOL[4]!)
    expectClose(QuantumError.fromJSON(two.toJSON()).toChoi(), two.toChoi(), 1e-15)
  })

  it('reads Aer-style instruction circuits: reset, x, id, pauli on chosen qubits', () => {
    const json = {
      type: 'qerror',
      operations: ['cx'],
      instructions: [
        [{ name: 'id', qubits: [0] }],
        [{ name: 'reset', qubits: [1] }],
        [
          { name: 'reset', qubits: [0] },
          { name: 'x', qubits: [0] },
        ],
        [{ name: 'pauli', qubits: [1, 0], params: ['ZX'] }],
      ],
      probabilities: [0.4, 0.3, 0.2, 0.1],
    }
    const e = QuantumError.fromJSON(json)
    expect(e.numQubits).toBe(2)
    // |11⟩: reset q1 → |01⟩ (index 1); reset q0 then x → |11⟩ (3); pauli ZX on (1, 0): X on q1, Z on q0 → −|01⟩
    const out = applyChannelToDensityMatrix(basisState(3, 2), e, [0, 1])
    expect(out.get(3, 3).re).toBeCloseTo(0.4 + 0.2, 15)
    expect(out.get(1, 1).re).toBeCloseTo(0.3 + 0.1, 15)
    const pauliTerm = e.terms.find(
      (t) => t.kind === 'unitary' && t.pauli !== null && t.pauli !== 'II',
    )
    expect(pauliTerm?.kind === 'unitary' && pauliTerm.pauli).toBe('XZ')
  })

  it('rejects malformed JSON', () => {
    const bad = [
      null,
      { instructions: [], probabilities: [1] },
      { instructions: [[{ name: 'h', qubits: [0] }]], probabilities: [1] },
      { instructions: [[{ name: 'x', qubits: [-1] }]], probabilities: [1] },
      {
        instructions: [[{ name: 'unitary', qubits: [0], params: [[[1, 0]]] }]],
        probabilities: [1],
      },
      { instructions: [[{ name: 'unitary', qubits: [0], params: ['no'] }]], probabilities: [1] },
    ]
    for (const json of bad) {
      expect(() => QuantumError.fromJSON(json)).toThrow(NoiseError)
    }
  })

  it('validates terms in the constructor', () => {
    expect(() => new QuantumError([])).toThrow(NoiseError)
    expect(
      () =>
        new QuantumError([
          { probability: 0.5, pauli: 'X' },
          { probability: 0.5, pauli: 'XX' },
        ]),
    ).toThrow(expect.objectContaining({ code: 'sim.noise.qubit-mismatch' }))
    expect(
      () =>
        new QuantumError([
          {
            probability: 1,
            kraus: [
              real([
                [1, 0],
                [0, 0],
              ]),
            ],
          },
        ]),
    ).toThrow(expect.objectContaining({ code: 'sim.noise.not-cptp' }))
    expect(() => new QuantumError([{ probability: 1.5, pauli: 'X' }])).toThrow(NoiseError)
    expect(() => POOL[0]!.compose(depolarizingError(0.1, 2))).toThrow(
      expect.objectContaining({ code: 'sim.noise.qubit-mismatch' }),
    )
  })

  it('gives Kraus operators whose completeness is the identity', () => {
    const e = POOL[1]!.tensor(POOL[2]!)
    const sum = e.toKraus().reduce((s, k) => s.add(k.adjoint().mul(k)), new ComplexMatrix(4, 4))
    expectClose(sum, ComplexMatrix.identity(4), 1e-14)
    expect(QuantumError.identity(2).isIdeal()).toBe(true)
    expect(pauliMatrix('I').equals(ComplexMatrix.identity(2))).toBe(true)
  })
})
