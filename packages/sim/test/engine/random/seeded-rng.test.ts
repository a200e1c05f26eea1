import { describe, expect, it } from 'vitest'
import { createRng, resolveSeed } from '../../../src/engine/random/seeded-rng.js'

describe('createRng', () => {
  it('is reproducible per seed and distinct across seeds', () => {
    const a = createRng(42)
    const b = createRng(42)
    const c = createRng(43)
    const xs = Array.from({ length: 100 }, () => a.nextDouble())
    expect(Array.from({ length: 100 }, () => b.nextDouble())).toEqual(xs)
    expect(Array.from({ length: 100 }, () => c.nextDouble())).not.toEqual(xs)
    expect(createRng(2 ** 40 + 1).nextUint32()).not.toBe(createRng(1).nextUint32())
  })

  it('draws uniform doubles in [0, 1) (mean, variance, bins)', () => {
    const rng = createRng(7)
    const n = 200_000
    const bins = new Array<number>(10).fill(0)
    let sum = 0
    let sq = 0
    for (let i = 0; i < n; i++) {
      const u = rng.nextDouble()
      expect(u >= 0 && u < 1).toBe(true)
      sum += u
      sq += u * u
      bins[Math.floor(u * 10)]!++
    }
    expect(sum / n).toBeCloseTo(0.5, 2)
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2)
    const chi2 = bins.reduce((s, o) => s + (o - n / 10) ** 2 / (n / 10), 0)
    expect(chi2).toBeLessThan(40)
  })

  it('rejects unsafe seeds and makes fresh ones', () => {
    expect(() => createRng(1.5)).toThrow(RangeError)
    expect(resolveSeed(5)).toBe(5)
    expect(resolveSeed(undefined)).not.toBe(resolveSeed(undefined))
  })
})
