import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { MathError } from '../../src/math/math-error.js'
import { oneQubitGateMatrix } from '../../src/math/one-qubit-gate-matrix.js'
import { decomposeProductGate } from '../../src/math/product-gate.js'
import { randomUnitary } from '../../src/math/random-unitary.js'

describe('decomposeProductGate', () => {
  it('splits l ⊗ r back into its factors (kron order: l on qubit 1)', () => {
    const rng = new SeededRng(1)
    const x = oneQubitGateMatrix('x', [])
    const cases = [
      ...Array.from({ length: 20 }, () => [randomUnitary(2, rng), randomUnitary(2, rng)] as const),
      [x, ComplexMatrix.identity(2)] as const,
      [ComplexMatrix.identity(2), x] as const,
    ]
    for (const [l, r] of cases) {
      const k = l.kron(r)
      const f = decomposeProductGate(k)
      expect(f.l.kron(f.r).scale(Complex.expi(f.phase)).equals(k, 1e-13)).toBe(true)
      expect(f.l.equalsUpToPhase(l, 1e-13)).toBe(true)
      expect(f.r.equalsUpToPhase(r, 1e-13)).toBe(true)
      expect(f.l.determinant().equals(1, 1e-13)).toBe(true)
    }
  })

  it('rejects entangling gates and wrong shapes', () => {
    const cx = ComplexMatrix.fromRows([
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
    ])
    expect(() => decomposeProductGate(cx)).toThrow(MathError)
    expect(() => decomposeProductGate(ComplexMatrix.identity(2))).toThrow(RangeError)
  })
})
