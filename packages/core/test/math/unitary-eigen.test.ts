import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { MathError } from '../../src/math/math-error.js'
import { oneQubitGateMatrix } from '../../src/math/one-qubit-gate-matrix.js'
import { randomUnitary } from '../../src/math/random-unitary.js'
import { unitaryEigen, unitaryPower } from '../../src/math/unitary-eigen.js'
import { matrixFromJson, PY_MATRIX_HELPERS, pythonJson } from './support/python.js'

describe('unitaryEigen', () => {
  it('diagonalises random and degenerate unitaries', () => {
    const rng = new SeededRng(4)
    const cases = [
      ...Array.from({ length: 20 }, () => randomUnitary(4, rng)),
      ComplexMatrix.identity(4),
      oneQubitGateMatrix('x', []).kron(ComplexMatrix.identity(4)),
      ComplexMatrix.diagonal([1, -1, 1, -1].map((x) => new Complex(x))),
    ]
    for (const u of cases) {
      const { phases, vectors } = unitaryEigen(u)
      const d = ComplexMatrix.diagonal(Array.from(phases, (p) => Complex.expi(p)))
      expect(vectors.isUnitary(1e-12)).toBe(true)
      expect(vectors.mul(d).mul(vectors.adjoint()).equals(u, 1e-12)).toBe(true)
    }
  })

  it('rejects non-unitary input', () => {
    expect(() => unitaryEigen(ComplexMatrix.identity(2).scale(2))).toThrow(MathError)
  })
})

describe('unitaryPower', () => {
  it('gives √X = SX and integer powers by repetition', () => {
    const x = oneQubitGateMatrix('x', [])
    expect(unitaryPower(x, 0.5).equals(oneQubitGateMatrix('sx', []), 1e-13)).toBe(true)
    const u = randomUnitary(4, new SeededRng(8))
    expect(unitaryPower(u, 3).equals(u.mul(u).mul(u), 1e-12)).toBe(true)
    expect(unitaryPower(u, -1).equals(u.adjoint(), 1e-12)).toBe(true)
    expect(unitaryPower(u, 0).equals(ComplexMatrix.identity(4), 1e-12)).toBe(true)
  })

  it('agrees with scipy.linalg.fractional_matrix_power', () => {
    const u = randomUnitary(4, new SeededRng(12))
    const ref = pythonJson<number[][][]>(`${PY_MATRIX_HELPERS}
from scipy.linalg import fractional_matrix_power
a=np.array(${JSON.stringify(u.toArray())}); m=a[...,0]+1j*a[...,1]
print(json.dumps(cm(fractional_matrix_power(m, 0.37))))`)
    expect(unitaryPower(u, 0.37).equals(matrixFromJson(ref), 1e-10)).toBe(true)
  })
})
