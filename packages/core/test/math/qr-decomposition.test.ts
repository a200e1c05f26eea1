import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { qrDecomposition } from '../../src/math/qr-decomposition.js'

function randomMatrix(rows: number, cols: number, rng: SeededRng): ComplexMatrix {
  const m = new ComplexMatrix(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal()
  return m
}

describe('qrDecomposition', () => {
  it('factorises square and tall matrices into orthonormal Q and triangular R', () => {
    const rng = new SeededRng(5)
    for (const [rows, cols] of [
      [4, 4],
      [8, 8],
      [6, 3],
    ] as const) {
      const m = randomMatrix(rows, cols, rng)
      const { q, r } = qrDecomposition(m)
      expect(q.mul(r).equals(m, 1e-13)).toBe(true)
      expect(q.adjoint().mul(q).equals(ComplexMatrix.identity(cols), 1e-13)).toBe(true)
      for (let i = 0; i < cols; i++) {
        expect(r.get(i, i).im).toBe(0)
        expect(r.get(i, i).re).toBeGreaterThanOrEqual(0)
        for (let j = 0; j < i; j++) expect(r.get(i, j).abs()).toBe(0)
      }
    }
  })

  it('completes Q for rank-deficient input', () => {
    const m = ComplexMatrix.fromRows([
      [1, 2, 0],
      [1, 2, 0],
      [0, 0, 0],
    ])
    const { q, r } = qrDecomposition(m)
    expect(q.mul(r).equals(m, 1e-13)).toBe(true)
    expect(q.isUnitary(1e-13)).toBe(true)
  })

  it('rejects wide matrices', () => {
    expect(() => qrDecomposition(new ComplexMatrix(2, 3))).toThrow(RangeError)
  })
})
