import { describe, expect, it } from 'vitest'
import { NoiseError } from '../../src/noise/noise-error.js'
import { ReadoutError } from '../../src/noise/readout-error.js'
import { seeded } from './support/numeric.js'

const A = new ReadoutError([
  [0.98, 0.02],
  [0.05, 0.95],
])
const B = new ReadoutError([
  [0.9, 0.1],
  [0.2, 0.8],
])

/** Reported distribution q[m] = Σ_p prob[p]·P(m|p). */
function push(prob: readonly number[], e: ReadoutError): number[] {
  return prob.map((_, m) => prob.reduce((s, p, i) => s + p * e.probabilities[i]![m]!, 0))
}

describe('ReadoutError', () => {
  it('maps true probabilities to reported ones through P(measured | prepared)', () => {
    // a qubit in |1⟩ with probability 0.3
    const reported = push([0.7, 0.3], A)
    expect(reported[1]).toBeCloseTo(0.7 * 0.02 + 0.3 * 0.95, 15)
  })

  it('samples with the right frequencies', () => {
    const next = seeded(9)
    let ones = 0
    const shots = 40_000
    for (let s = 0; s < shots; s++) ones += A.sample(0, next())
    // 0.02 ± 5σ
    expect(Math.abs(ones / shots - 0.02)).toBeLessThan(5 * Math.sqrt((0.02 * 0.98) / shots))
    expect(A.sample(1, 0)).toBe(0)
    expect(A.sample(1, 0.999999)).toBe(1)
    expect(() => A.sample(2, 0.5)).toThrow(RangeError)
  })

  it('tensors little-endian: the argument is qubit 0', () => {
    const t = A.tensor(B)
    expect(t.numQubits).toBe(2)
    // prepared |q1 q0⟩ = |1 0⟩ (index 2) → read |0 1⟩ (index 1): A flips 1→0, B flips 0→1
    expect(t.probabilities[2]![1]).toBeCloseTo(0.05 * 0.1, 15)
    expect(B.expand(A).probabilities).toEqual(t.probabilities)
  })

  it('composes as this, then other', () => {
    const c = A.compose(B)
    expect(c.probabilities[0]![1]).toBeCloseTo(0.98 * 0.1 + 0.02 * 0.8, 15)
    expect(push(push([0.4, 0.6], A), B)[1]).toBeCloseTo(push([0.4, 0.6], c)[1]!, 15)
  })

  it('knows when it is ideal and round-trips through JSON', () => {
    expect(
      new ReadoutError([
        [1, 0],
        [0, 1],
      ]).isIdeal(),
    ).toBe(true)
    expect(A.isIdeal()).toBe(false)
    const json = JSON.parse(JSON.stringify(A)) as unknown
    expect(json).toEqual({
      type: 'roerror',
      operations: ['measure'],
      probabilities: A.probabilities,
    })
    expect(ReadoutError.fromJSON(json).probabilities).toEqual(A.probabilities)
  })

  it('rejects matrices that are not stochastic or not 2^n square', () => {
    const bad: number[][][] = [
      [[1]],
      [
        [0.5, 0.5, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      [
        [0.9, 0.2],
        [0, 1],
      ],
      [
        [1.1, -0.1],
        [0, 1],
      ],
      [[1, 0]],
    ]
    for (const m of bad) {
      expect(() => new ReadoutError(m)).toThrow(
        expect.objectContaining({ code: 'sim.noise.invalid-readout', argument: 'probabilities' }),
      )
    }
    expect(() => A.compose(A.tensor(A))).toThrow(NoiseError)
    expect(() => ReadoutError.fromJSON({ probabilities: 3 })).toThrow(
      expect.objectContaining({ code: 'sim.noise.invalid-json' }),
    )
  })
})
