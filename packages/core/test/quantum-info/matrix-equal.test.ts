import { describe, expect, it } from 'vitest'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { complexArraysClose, matricesClose } from '../../src/quantum-info/matrix-equal.js'

describe('matricesClose', () => {
  const a = ComplexMatrix.fromRows([
    [0, [0.6, 0.8]],
    [1, 0],
  ])

  it("uses numpy's allclose rule |a - b| ≤ atol + rtol·|b|", () => {
    const b = a.add(
      ComplexMatrix.fromRows([
        [0, 5e-6],
        [0, 0],
      ]),
    )
    expect(matricesClose(a, b)).toBe(true) // 5e-6 ≤ 1e-8 + 1e-5·1
    expect(matricesClose(a, b, { rtol: 0 })).toBe(false)
    expect(matricesClose(a, b, { rtol: 0, atol: 1e-5 })).toBe(true)
  })

  it('ignores a global phase when asked, anchored at the first non-negligible entry', () => {
    const b = a.scale(Complex.expi(-2.2))
    expect(matricesClose(a, b)).toBe(false)
    expect(matricesClose(a, b, { ignorePhase: true })).toBe(true)
    const c = ComplexMatrix.fromRows([
      [0, [0.6, 0.8]],
      [-1, 0],
    ])
    expect(matricesClose(a, c, { ignorePhase: true })).toBe(false)
  })

  it('is false for different shapes or lengths', () => {
    expect(matricesClose(a, ComplexMatrix.identity(3))).toBe(false)
    expect(complexArraysClose(new Float64Array(2), new Float64Array(4))).toBe(false)
  })
})
