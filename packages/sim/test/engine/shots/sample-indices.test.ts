import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/engine/random/seeded-rng.js'
import { countSorted, sampleIndices } from '../../../src/engine/shots/sample-indices.js'
import { chiSquare, chiSquareBound } from '../../helpers/exact-distribution.js'

function stateFromProbabilities(p: readonly number[]): Float64Array {
  const s = new Float64Array(2 * p.length)
  p.forEach((v, i) => {
    // Put the amplitude's phase anywhere: only |a|² matters.
    s[2 * i] = Math.sqrt(v) * Math.cos(i)
    s[2 * i + 1] = Math.sqrt(v) * Math.sin(i)
  })
  return s
}

describe('sampleIndices', () => {
  const p = [0.1, 0, 0.25, 0.05, 0.3, 0, 0.2, 0.1]
  const state = stateFromProbabilities(p)

  it('returns sorted indices with the state’s distribution (chi-square)', () => {
    const shots = 200_000
    const out = sampleIndices(state, shots, createRng(3))
    expect(out.every((v, k) => k === 0 || v >= out[k - 1]!)).toBe(true)
    const { values, counts } = countSorted(out)
    const observed = Object.fromEntries(Array.from(values, (v, k) => [String(v), counts[k]!]))
    const expected = new Map(p.map((v, i) => [String(i), v]))
    const { chi2, dof } = chiSquare(observed, expected)
    expect(dof).toBe(5)
    expect(chi2).toBeLessThan(chiSquareBound(dof))
  })

  it('never returns a zero-probability state', () => {
    const out = sampleIndices(stateFromProbabilities([0, 0, 1, 0]), 1000, createRng(1))
    expect(new Set(out)).toEqual(new Set([2]))
  })

  it('is reproducible for a seed and differs across seeds', () => {
    expect(sampleIndices(state, 1000, createRng(9))).toEqual(
      sampleIndices(state, 1000, createRng(9)),
    )
    expect(sampleIndices(state, 1000, createRng(9))).not.toEqual(
      sampleIndices(state, 1000, createRng(10)),
    )
  })

  it('normalizes an unnormalized state and rejects a zero state', () => {
    const scaled = state.map((v) => v * 3)
    expect(sampleIndices(scaled, 500, createRng(4))).toEqual(
      sampleIndices(state, 500, createRng(4)),
    )
    expect(() => sampleIndices(new Float64Array(4), 1, createRng(1))).toThrow(RangeError)
  })

  it('samples a million shots of a 20-qubit state quickly', () => {
    const n = 20
    const big = new Float64Array(2 ** (n + 1))
    const rng = createRng(5)
    for (let k = 0; k < big.length; k++) big[k] = rng.nextDouble() - 0.5
    const start = performance.now()
    const out = sampleIndices(big, 1_000_000, createRng(6))
    countSorted(out)
    // The target is 0.5 s on an idle machine; allow for a loaded test machine.
    expect(performance.now() - start).toBeLessThan(3000)
  })
})
