import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { expm } from '../../src/math/matrix-exp.js'
import { matrixFromJson, PY_MATRIX_HELPERS, pythonJson } from './support/python.js'

describe('expm', () => {
  it('agrees with scipy.linalg.expm on random matrices of several norms', () => {
    const rng = new SeededRng(3)
    const mats = [0.1, 1, 10, 40].map((scale) => {
      const m = new ComplexMatrix(4, 4)
      for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal() * scale
      return m
    })
    const ref = pythonJson<number[][][][]>(`${PY_MATRIX_HELPERS}
from scipy.linalg import expm
ms=${JSON.stringify(mats.map((m) => m.toArray()))}
print(json.dumps([cm(expm(np.array(a)[...,0]+1j*np.array(a)[...,1])) for a in ms]))`)
    mats.forEach((m, i) => {
      const e = expm(m)
      const r = matrixFromJson(ref[i]!)
      let scale = 0
      for (const x of r.data) scale = Math.max(scale, Math.abs(x))
      expect(e.equals(r, 1e-12 * Math.max(1, scale))).toBe(true)
    })
  })

  it('exponentiates zero and diagonal matrices exactly', () => {
    expect(expm(new ComplexMatrix(3, 3)).equals(ComplexMatrix.identity(3), 0)).toBe(true)
    const d = ComplexMatrix.fromRows([
      [[0, Math.PI], 0],
      [0, 2],
    ])
    const e = expm(d)
    expect(e.get(0, 0).equals(-1, 1e-14)).toBe(true)
    expect(e.get(1, 1).re).toBeCloseTo(Math.exp(2), 12)
  })

  it('rejects non-square input', () => {
    expect(() => expm(new ComplexMatrix(2, 3))).toThrow(RangeError)
  })
})
