import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/engine/random/seeded-rng.js'
import { runStructuredPrefix } from '../../../src/engine/structured/run-structured-prefix.js'
import {
  MAX_JOINT_OUTCOMES,
  type ReadingDistribution,
  readingDistribution,
  sampleReadings,
} from '../../../src/engine/structured/sample-structured-state.js'
import { simulateStatevector } from '../../../src/engine/simulate-statevector.js'
import { ghzOps, mixedOps } from './structured-ops.js'

/** The probability of every reading (bit `q` = qubit `q`), from the factors. */
function readingProbabilities(d: ReadingDistribution): Map<number, number> {
  let joint = new Map([[d.fixed, 1]])
  for (const f of d.factors) {
    const next = new Map<number, number>()
    for (const [r, p] of joint)
      f.readings.forEach((fr, k) => {
        if ((r & fr) !== 0) throw new Error(`factors overlap on ${r & fr}`)
        next.set(r | fr, p * f.probabilities[k]!)
      })
    joint = next
  }
  return joint
}

/** The same from a dense statevector, marginalized onto `measured`. */
function denseProbabilities(state: Float64Array, measured: readonly number[]): Map<number, number> {
  const mask = measured.reduce((m, q) => m | (1 << q), 0)
  const out = new Map<number, number>()
  for (let i = 0; i < state.length / 2; i++) {
    const p = state[2 * i]! ** 2 + state[2 * i + 1]! ** 2
    out.set(i & mask, (out.get(i & mask) ?? 0) + p)
  }
  return out
}

describe('readingDistribution', () => {
  it('gives the dense state’s outcome probabilities, for any measured subset', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 1, max: 10 }),
          structured: fc.integer({ min: 0, max: 60 }),
          seed: fc.integer(),
          subset: fc.integer({ min: 0, max: 2 ** 10 - 1 }),
        }),
        async ({ n, structured, seed, subset }) => {
          const ops = mixedOps(n, structured, 0, seed)
          // A budget as large as the state: every op runs on clusters.
          const prefix = runStructuredPrefix(ops, { numQubits: n, maxEntries: 2 ** n })
          expect(prefix.applied).toBe(ops.length)
          const measured = Array.from({ length: n }, (_, q) => q).filter((q) => (subset >> q) & 1)
          const distribution = readingDistribution(prefix.state, measured)
          const fromClusters = readingProbabilities(distribution)
          const { statevector } = await simulateStatevector(
            { numQubits: n, numClbits: 0, ops },
            { structure: 'off', threads: 1 },
          )
          const dense = denseProbabilities(statevector, measured)
          let error = 0
          for (const [r, p] of dense)
            error = Math.max(error, Math.abs((fromClusters.get(r) ?? 0) - p))
          expect(error).toBeLessThan(1e-10)
          // No reading the dense state gives probability zero (up to rounding).
          for (const r of fromClusters.keys()) expect(dense.get(r)).toBeGreaterThan(0)
          expect(distribution.factors.every((f) => f.readings.length > 1)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('folds definite and unmeasured qubits out of the factors', () => {
    const n = 8
    const ops = [
      ...ghzOps(4),
      { kind: 'permutation' as const, qubits: [6], permutation: Int32Array.of(1, 0) },
    ]
    const { state } = runStructuredPrefix(ops, { numQubits: n, maxEntries: 16 })
    expect(readingDistribution(state, [0, 6, 7])).toEqual({
      fixed: 1 << 6,
      factors: [{ readings: Int32Array.of(0, 1), probabilities: Float64Array.of(0.5, 0.5) }],
    })
    expect(readingDistribution(state, [5, 6])).toEqual({ fixed: 1 << 6, factors: [] })
  })
})

describe('sampleReadings', () => {
  /** Draws `shots` and checks every reading's count within 6 sigma of its probability. */
  function expectWithinSixSigma(d: ReadingDistribution, shots: number, seed: number): void {
    const expected = readingProbabilities(d)
    const counts = new Map<number, number>()
    for (const r of sampleReadings(d, shots, createRng(seed)))
      counts.set(r, (counts.get(r) ?? 0) + 1)
    for (const r of counts.keys()) expect(expected.has(r)).toBe(true)
    for (const [r, p] of expected) {
      const sigma = Math.sqrt(shots * p * (1 - p))
      expect(Math.abs((counts.get(r) ?? 0) - shots * p)).toBeLessThanOrEqual(6 * sigma + 1e-9)
    }
  }

  it('draws joint readings with their product probabilities (many small factors)', () => {
    // 14 one-qubit factors, joined into tables of at most MAX_JOINT_OUTCOMES readings.
    const factors = Array.from({ length: 14 }, (_, q) => ({
      readings: Int32Array.of(0, 1 << q),
      probabilities: Float64Array.of(0.5 + q / 30, 0.5 - q / 30),
    }))
    expect(2 ** 14).toBeGreaterThan(MAX_JOINT_OUTCOMES)
    const d = { fixed: 1 << 20, factors: factors.slice(0, 3) }
    expectWithinSixSigma(d, 200_000, 1)
    // Per-qubit marginals of the wide product (its 2^14 joint readings are too many to check).
    const wide = sampleReadings({ fixed: 0, factors }, 200_000, createRng(2))
    factors.forEach((f, q) => {
      const ones = wide.reduce((n, r) => n + ((r >> q) & 1), 0)
      const p = f.probabilities[1]!
      expect(Math.abs(ones - 200_000 * p)).toBeLessThan(6 * Math.sqrt(200_000 * p * (1 - p)))
    })
  })

  it('draws a sparse cluster with uneven probabilities', () => {
    const weights = [0.5, 0.25, 0.125, 0.0625, 0.0625]
    const d = {
      fixed: 0,
      factors: [
        {
          readings: Int32Array.of(0b0000, 0b0101, 0b1010, 0b1111, 0b1001),
          probabilities: Float64Array.from(weights),
        },
        { readings: Int32Array.of(0, 1 << 4), probabilities: Float64Array.of(0.9, 0.1) },
      ],
    }
    expectWithinSixSigma(d, 100_000, 3)
  })

  it('is deterministic for a seed', () => {
    const d = readingDistribution(runStructuredPrefix(ghzOps(12), { numQubits: 12 }).state, [0, 11])
    expect(sampleReadings(d, 1000, createRng(9))).toEqual(sampleReadings(d, 1000, createRng(9)))
    expect([...new Set(sampleReadings(d, 1000, createRng(9)))].sort()).toEqual([0, 2049])
  })
})
