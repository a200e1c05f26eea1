import { ComplexMatrix } from '@qfabric/core/math'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { channelOp, RESET_SUPEROP, superopFromKraus } from '../../src/density/superoperator.js'
import { simulateDensityMatrix } from '../../src/density/simulate-density-matrix.js'
import type { DensityOp } from '../../src/density/density-program.js'
import { applyChannelToDensityMatrix } from '../../src/noise/apply-channel.js'
import {
  amplitudeDampingError,
  phaseAmplitudeDampingError,
} from '../../src/noise/damping-errors.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { krausError, pauliError, resetError } from '../../src/noise/kraus-error.js'
import type { QuantumError } from '../../src/noise/quantum-error.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import { runReference, zeroState } from '../helpers/dense-reference.js'
import { mulberry32, randomOps, randomUnitary } from '../helpers/random-ops.js'
import { maxDiff, outerProduct, toMatrix } from './support/matrices.js'

/** A random k-qubit CPTP map with `count` Kraus operators (blocks of a random isometry). */
function randomKraus(k: number, count: number, seed: number): QuantumError {
  const d = 2 ** k
  const big = d * count
  const u = randomUnitary(big, mulberry32(seed))
  const ops = Array.from({ length: count }, (_, j) => {
    const m = new ComplexMatrix(d, d)
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        // rows j·d … of the first d columns of U
        m.data[2 * (r * d + c)] = u[2 * ((j * d + r) * big + c)]!
        m.data[2 * (r * d + c) + 1] = u[2 * ((j * d + r) * big + c) + 1]!
      }
    }
    return m
  })
  return krausError(ops)
}

const ERRORS: readonly (readonly [string, (seed: number) => QuantumError])[] = [
  ['depolarizing 1q', () => depolarizingError(0.3, 1)],
  ['depolarizing 2q', () => depolarizingError(0.2, 2)],
  ['thermal T2 < T1', () => thermalRelaxationError(50e-6, 30e-6, 4e-6, 0.1)],
  ['thermal T2 > T1', () => thermalRelaxationError(50e-6, 90e-6, 7e-6)],
  ['amplitude damping', () => amplitudeDampingError(0.35, 0.2)],
  ['phase-amplitude damping', () => phaseAmplitudeDampingError(0.2, 0.3)],
  [
    'pauli 2q',
    () =>
      pauliError([
        ['XY', 0.1],
        ['ZI', 0.2],
        ['II', 0.7],
      ]),
  ],
  ['reset error', () => resetError(0.1, 0.05)],
  ['random Kraus 1q', (seed) => randomKraus(1, 3, seed)],
  ['random Kraus 2q', (seed) => randomKraus(2, 2, seed)],
]

describe('channels on the density matrix', () => {
  it('match the dense reference Σ KρK† for every kind of error, on any qubits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: ERRORS.length - 1 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer(),
        async (which, n, seed) => {
          const error = ERRORS[which]![1](seed)
          const rnd = mulberry32(seed)
          const pool = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5)
          const qubits = pool.slice(0, error.numQubits)
          const prep = randomOps(n, 12, seed ^ 0x5a5a)
          const ops: DensityOp[] = [...prep, channelOp(error, qubits)]
          const { densityMatrix } = await simulateDensityMatrix({ numQubits: n, numClbits: 0, ops })
          const rho = toMatrix(outerProduct(runReference(n, prep, zeroState(n))))
          const expected = applyChannelToDensityMatrix(rho, error, qubits)
          expect(maxDiff(densityMatrix, expected.data)).toBeLessThan(1e-12)
        },
      ),
      { seed: 99, numRuns: 80 },
    )
  })

  it('is the Qiskit superoperator Σ conj(K) ⊗ K (column stacking)', () => {
    const error = randomKraus(1, 2, 5)
    expect(maxDiff(superopFromKraus(error.toKraus()), error.toSuperop().data)).toBeLessThan(1e-14)
    const two = depolarizingError(0.1, 2).compose(randomKraus(2, 2, 8))
    expect(maxDiff(superopFromKraus(two.toKraus()), two.toSuperop().data)).toBeLessThan(1e-14)
  })

  it('resets any state to |0⟩⟨0|', () => {
    // vec(ρ) = (ρ00, ρ10, ρ01, ρ11) → (ρ00 + ρ11, 0, 0, 0)
    const expected = new Float64Array(32)
    expected[0] = 1
    expected[2 * 3] = 1
    expect([...RESET_SUPEROP]).toEqual([...expected])
  })

  it('depolarizes |1⟩ to (1 − p)|1⟩⟨1| + p·I/2', async () => {
    const p = 0.37
    const { densityMatrix } = await simulateDensityMatrix({
      numQubits: 1,
      numClbits: 0,
      ops: [
        { kind: 'permutation', qubits: [0], permutation: Int32Array.of(1, 0) },
        channelOp(depolarizingError(p, 1), [0]),
      ],
    })
    expect(
      maxDiff(densityMatrix, Float64Array.of(p / 2, 0, 0, 0, 0, 0, 1 - p / 2, 0)),
    ).toBeLessThan(1e-15)
  })

  it('relaxes |1⟩ and |+⟩ as e^{−t/T1} and e^{−t/T2} (thermal relaxation)', async () => {
    const [t1, t2, t] = [80e-6, 60e-6, 25e-6]
    const relax = channelOp(thermalRelaxationError(t1, t2, t), [0])
    const one = await simulateDensityMatrix({
      numQubits: 1,
      numClbits: 0,
      ops: [{ kind: 'permutation', qubits: [0], permutation: Int32Array.of(1, 0) }, relax],
    })
    const decay = Math.exp(-t / t1)
    expect(
      maxDiff(one.densityMatrix, Float64Array.of(1 - decay, 0, 0, 0, 0, 0, decay, 0)),
    ).toBeLessThan(1e-14)
    const s = Math.SQRT1_2
    const plus = await simulateDensityMatrix({
      numQubits: 1,
      numClbits: 0,
      ops: [
        { kind: 'matrix', qubits: [0], matrix: Float64Array.of(s, 0, s, 0, s, 0, -s, 0) },
        relax,
      ],
    })
    const c = 0.5 * Math.exp(-t / t2)
    const expected = Float64Array.of(1 - decay / 2, 0, c, 0, c, 0, decay / 2, 0)
    expect(maxDiff(plus.densityMatrix, expected)).toBeLessThan(1e-14)
  })
})
