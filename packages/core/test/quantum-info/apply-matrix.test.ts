import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { randomUnitary } from '../../src/math/random-unitary.js'
import { applyMatrix, applyMatrixToColumns } from '../../src/quantum-info/apply-matrix.js'
import { embed } from './support.js'

function randomState(n: number, rng: SeededRng): Float64Array {
  return Float64Array.from({ length: 2 << n }, () => rng.normal())
}

describe('applyMatrix', () => {
  it('equals multiplying by the embedded matrix, for 1 to 3 target qubits in any order', () => {
    const rng = new SeededRng(31)
    for (const qargs of [[0], [3], [1, 3], [3, 0], [2, 0, 1], [1, 3, 2]]) {
      const g = randomUnitary(1 << qargs.length, rng)
      const psi = randomState(4, rng)
      const expected = embed(g, qargs, 4).mul(new ComplexMatrix(16, 1, psi.slice()))
      const got = psi.slice()
      applyMatrix(got, g, qargs)
      expect(new ComplexMatrix(16, 1, got).equals(expected, 1e-13)).toBe(true)
    }
  })

  it('applies to every column of a matrix', () => {
    const rng = new SeededRng(32)
    const m = randomUnitary(8, rng)
    const g = randomUnitary(4, rng)
    const out = new ComplexMatrix(8, 8, applyMatrixToColumns(m.data, g, [2, 0]))
    expect(out.equals(embed(g, [2, 0], 3).mul(m), 1e-13)).toBe(true)
  })

  it('checks the matrix size against the qubit count', () => {
    expect(() => {
      applyMatrix(new Float64Array(8), ComplexMatrix.identity(4), [0])
    }).toThrow(RangeError)
  })
})
