import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { hermitianEigen } from '../../src/math/hermitian-eigen.js'
import { pythonJson } from './support/python.js'

function randomHermitian(n: number, rng: SeededRng): ComplexMatrix {
  const g = new ComplexMatrix(n, n)
  for (let i = 0; i < g.data.length; i++) g.data[i] = rng.normal()
  return g.add(g.adjoint()).scale(0.5)
}

describe('hermitianEigen', () => {
  it('agrees with numpy.linalg.eigvalsh', () => {
    const h = randomHermitian(5, new SeededRng(1))
    const ref = pythonJson<number[]>(`
import numpy as np, json
a=np.array(${JSON.stringify(h.toArray())}); m=a[...,0]+1j*a[...,1]
print(json.dumps(np.linalg.eigvalsh(m).tolist()))`)
    const { values } = hermitianEigen(h)
    ref.forEach((v, k) => {
      expect(values[k]).toBeCloseTo(v, 12)
    })
  })

  it('gives a unitary V with h = V·diag·V†, also for degenerate spectra', () => {
    const rng = new SeededRng(2)
    const cases = [
      ...Array.from({ length: 30 }, () => randomHermitian(6, rng)),
      ComplexMatrix.identity(4),
      new ComplexMatrix(3, 3),
      ComplexMatrix.fromRows([
        [1, [0, 1]],
        [[0, -1], 1],
      ]),
    ]
    for (const h of cases) {
      const { values, vectors } = hermitianEigen(h)
      const d = ComplexMatrix.diagonal(Array.from(values, (v) => new Complex(v)))
      expect(vectors.isUnitary(1e-13)).toBe(true)
      expect(vectors.mul(d).mul(vectors.adjoint()).equals(h, 1e-13)).toBe(true)
      for (let k = 1; k < values.length; k++)
        expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!)
    }
  })

  it('checks the shape', () => {
    expect(() => hermitianEigen(new ComplexMatrix(2, 3))).toThrow(RangeError)
  })
})
