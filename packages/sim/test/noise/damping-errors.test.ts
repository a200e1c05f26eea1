import type { ComplexMatrix } from '@qfabric/core/math'
import { describe, expect, it } from 'vitest'
import { applyChannelToDensityMatrix } from '../../src/noise/apply-channel.js'
import {
  amplitudeDampingError,
  phaseAmplitudeDampingError,
  phaseDampingError,
} from '../../src/noise/damping-errors.js'
import { NoiseError } from '../../src/noise/noise-error.js'
import {
  expectClose,
  matrixFromPairs,
  PY_HELPERS,
  pythonJson,
  randomDensity,
  real,
  seeded,
} from './support/numeric.js'

type Pairs = number[][][]

const CASES: [number, number, number][] = [
  [0.1, 0, 0],
  [0.3, 0.2, 0],
  [0.25, 0.5, 0.3],
  [0, 0.4, 0.2],
  [1, 0, 0],
  [0, 0.36, 0],
]

/** Aer's Kraus operators of `phase_amplitude_damping_error` for each case, as Choi matrices (numpy, one run). */
const AER_CHOI = pythonJson<Pairs[]>(`${PY_HELPERS}
out = []
for g, l, p1 in ${JSON.stringify(CASES)}:
    c0, c1, q = np.sqrt(1 - p1), np.sqrt(p1), 1 - g - l
    ops = [c0*np.array([[1,0],[0,np.sqrt(q)]]), c0*np.array([[0,np.sqrt(g)],[0,0]]),
           c0*np.array([[0,0],[0,np.sqrt(l)]]), c1*np.array([[np.sqrt(q),0],[0,1]]),
           c1*np.array([[0,0],[np.sqrt(g),0]]), c1*np.array([[np.sqrt(l),0],[0,0]])]
    out.append(cm(sum(np.outer(k.flatten(order='F'), k.flatten(order='F').conj()) for k in ops)))
print(json.dumps(out))`).map(matrixFromPairs)

function aerChoi(g: number, l: number, p1: number): ComplexMatrix {
  const i = CASES.findIndex(([a, b, c]) => a === g && b === l && c === p1)
  return AER_CHOI[i]!
}

describe('damping errors', () => {
  for (const [g, l, p1] of CASES.slice(0, 5)) {
    it(`phaseAmplitudeDampingError(${g}, ${l}, p₁ = ${p1}) is Aer's channel`, () => {
      const e = phaseAmplitudeDampingError(g, l, { excitedStatePopulation: p1 })
      expectClose(e.toChoi(), aerChoi(g, l, p1), 1e-12)
      expect(e.isCptp(1e-12)).toBe(true)
    })
  }

  it('amplitude damping has Kraus operators [[1,0],[0,√(1−γ)]] and [[0,√γ],[0,0]] (as a channel)', () => {
    const g = 0.37
    const e = amplitudeDampingError(g)
    const rho = randomDensity(1, seeded(3))
    const k0 = real([
      [1, 0],
      [0, Math.sqrt(1 - g)],
    ])
    const k1 = real([
      [0, Math.sqrt(g)],
      [0, 0],
    ])
    const expected = k0.mul(rho).mul(k0.adjoint()).add(k1.mul(rho).mul(k1.adjoint()))
    expectClose(applyChannelToDensityMatrix(rho, e, [0]), expected, 1e-12)
    // canonical Kraus: as few operators as the Choi rank, mutually orthogonal
    expect(e.terms).toHaveLength(1)
    const t = e.terms[0]!
    expect(t.kind === 'kraus' && t.operators.length).toBe(2)
  })

  it('amplitude damping towards an excited thermal state moves |0⟩ up by γ·p₁', () => {
    const e = amplitudeDampingError(0.4, 0.25)
    const out = applyChannelToDensityMatrix(
      real([
        [1, 0],
        [0, 0],
      ]),
      e,
      [0],
    )
    expect(out.get(1, 1).re).toBeCloseTo(0.4 * 0.25, 14)
  })

  it('phase damping shrinks coherences by √(1−λ) and is stored as a Z mixture', () => {
    const l = 0.36
    const e = phaseDampingError(l)
    expect(e.isMixedUnitary).toBe(true)
    const z = e.terms.find((t) => t.kind === 'unitary' && t.pauli === 'Z')
    expect(z?.probability).toBeCloseTo((1 - Math.sqrt(1 - l)) / 2, 15)
    const rho = real([
      [0.5, 0.5],
      [0.5, 0.5],
    ])
    expectClose(
      applyChannelToDensityMatrix(rho, e, [0]),
      real([
        [0.5, 0.5 * 0.8],
        [0.5 * 0.8, 0.5],
      ]),
      1e-14,
    )
    expectClose(e.toChoi(), aerChoi(0, l, 0), 1e-12)
  })

  it('rejects parameters out of range, naming them', () => {
    const cases: [() => unknown, string][] = [
      [() => amplitudeDampingError(-0.1), 'paramAmp'],
      [() => amplitudeDampingError(1.1), 'paramAmp'],
      [() => amplitudeDampingError(0.1, 2), 'excitedStatePopulation'],
      [() => phaseDampingError(-1), 'paramPhase'],
      [() => phaseAmplitudeDampingError(0.6, 0.5), 'paramPhase'],
    ]
    for (const [run, argument] of cases) {
      expect(run).toThrow(NoiseError)
      try {
        run()
      } catch (e) {
        expect(e).toMatchObject({ code: 'sim.noise.invalid-parameter', argument })
      }
    }
  })
})
