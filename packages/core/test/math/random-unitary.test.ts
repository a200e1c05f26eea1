import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { randomUnitary } from '../../src/math/random-unitary.js'

describe('randomUnitary', () => {
  it('is unitary and reproducible from the seed', () => {
    const a = randomUnitary(8, new SeededRng(9))
    expect(a.isUnitary(1e-13)).toBe(true)
    expect(randomUnitary(8, new SeededRng(9)).equals(a, 0)).toBe(true)
    expect(randomUnitary(8, new SeededRng(10)).equals(a, 1e-3)).toBe(false)
  })

  it('has Haar statistics: E|u00|² = 1/d and E|u00|⁴ = 2/(d(d+1))', () => {
    const rng = new SeededRng(11)
    const d = 4
    const n = 20_000
    let m2 = 0
    let m4 = 0
    for (let k = 0; k < n; k++) {
      const x = randomUnitary(d, rng).get(0, 0).abs2()
      m2 += x
      m4 += x * x
    }
    // Standard errors are about 0.0014 and 0.0012: allow four of them.
    expect(Math.abs(m2 / n - 1 / d)).toBeLessThan(0.006)
    expect(Math.abs(m4 / n - 2 / (d * (d + 1)))).toBeLessThan(0.005)
  })

  it('rejects bad dimensions', () => {
    expect(() => randomUnitary(0, new SeededRng(1))).toThrow(RangeError)
  })
})
