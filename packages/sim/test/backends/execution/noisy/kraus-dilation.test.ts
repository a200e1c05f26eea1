import { describe, expect, it } from 'vitest'
import { krausDilation } from '../../../../src/backends/execution/noisy/kraus-dilation.js'
import { amplitudeDampingError } from '../../../../src/noise/damping-errors.js'
import { depolarizingError } from '../../../../src/noise/depolarizing-error.js'
import { thermalRelaxationError } from '../../../../src/noise/thermal-relaxation-error.js'

function isUnitary(m: Float64Array, dim: number): boolean {
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < dim; j++) {
      let re = 0
      let im = 0
      for (let k = 0; k < dim; k++) {
        // (M†M)[i][j] = Σ conj(M[k][i]) M[k][j]
        const ar = m[2 * (k * dim + i)]!
        const ai = -m[2 * (k * dim + i) + 1]!
        const br = m[2 * (k * dim + j)]!
        const bi = m[2 * (k * dim + j) + 1]!
        re += ar * br - ai * bi
        im += ar * bi + ai * br
      }
      if (Math.abs(re - (i === j ? 1 : 0)) > 1e-10 || Math.abs(im) > 1e-10) return false
    }
  }
  return true
}

describe('krausDilation', () => {
  const channels = {
    'amplitude damping': amplitudeDampingError(0.3).toKraus(),
    'thermal relaxation (T2 > T1)': thermalRelaxationError(50e-6, 80e-6, 20e-6).toKraus(),
    'two-qubit depolarizing': depolarizingError(0.2, 2).toKraus(),
  }
  for (const [name, operators] of Object.entries(channels)) {
    it(`dilates ${name} into a unitary whose ancilla blocks are the operators`, () => {
      const { matrix, ancillas } = krausDilation(operators)
      const d = operators[0]!.rows
      expect(2 ** ancillas).toBeGreaterThanOrEqual(operators.length)
      const size = d * 2 ** ancillas
      expect(isUnitary(matrix, size)).toBe(true)
      // Column j (ancillas in |0⟩), row s + d·i holds K_i[s][j].
      operators.forEach((k, i) => {
        for (let s = 0; s < d; s++) {
          for (let j = 0; j < d; j++) {
            expect(matrix[2 * ((s + d * i) * size + j)]).toBeCloseTo(k.data[2 * (s * d + j)]!, 12)
            expect(matrix[2 * ((s + d * i) * size + j) + 1]).toBeCloseTo(
              k.data[2 * (s * d + j) + 1]!,
              12,
            )
          }
        }
      })
    })
  }

  it('needs no ancilla for a single (unitary) operator', () => {
    const [x] = depolarizingError(0, 1).toKraus()
    expect(krausDilation([x!]).ancillas).toBe(0)
  })
})
