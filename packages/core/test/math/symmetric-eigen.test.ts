import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { symmetricEigen } from '../../src/math/symmetric-eigen.js'
import { pythonJson } from './support/python.js'

function residual(a: Float64Array, n: number): number {
  const { values, vectors } = symmetricEigen(a, n)
  let err = 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0
      let o = 0
      for (let k = 0; k < n; k++) {
        s += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!
        o += vectors[k * n + i]! * vectors[k * n + j]!
      }
      err = Math.max(err, Math.abs(s - a[i * n + j]!), Math.abs(o - (i === j ? 1 : 0)))
    }
  }
  return err
}

function randomSymmetric(n: number, rng: SeededRng): Float64Array {
  const a = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const x = rng.normal()
      a[i * n + j] = x
      a[j * n + i] = x
    }
  }
  return a
}

describe('symmetricEigen', () => {
  it('agrees with numpy.linalg.eigvalsh', () => {
    const rng = new SeededRng(10)
    const a = randomSymmetric(6, rng)
    const ref = pythonJson<number[]>(
      `import numpy as np, json; print(json.dumps(np.linalg.eigvalsh(np.array(${JSON.stringify(Array.from(a))}).reshape(6,6)).tolist()))`,
    )
    const { values } = symmetricEigen(a, 6)
    ref.forEach((v, k) => {
      expect(values[k]).toBeCloseTo(v, 12)
    })
  })

  it('decomposes random and degenerate matrices to machine precision', () => {
    const rng = new SeededRng(11)
    for (let t = 0; t < 50; t++) expect(residual(randomSymmetric(5, rng), 5)).toBeLessThan(1e-13)
    const degenerate = Float64Array.of(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 1e-14, 0, 0, 1e-14, 2)
    expect(residual(degenerate, 4)).toBeLessThan(1e-15)
    expect(residual(new Float64Array(9), 3)).toBe(0)
    const ones = new Float64Array(16).fill(1)
    expect(residual(ones, 4)).toBeLessThan(1e-14)
    const values = symmetricEigen(ones, 4).values
    ;[0, 0, 0, 4].forEach((v, k) => {
      expect(values[k]).toBeCloseTo(v, 12)
    })
  })

  it('checks the shape', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow(RangeError)
  })
})
