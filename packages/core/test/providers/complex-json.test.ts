import { describe, expect, it } from 'vitest'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import {
  complexFromJson,
  roundHalfEven,
  statevectorToJson,
  unitaryFromJson,
  unitaryToJson,
} from '../../src/providers/complex-json.js'

const VALUES = [0.125, 0.135, 0.145, 2.5, 3.5, -2.5, -3.5, 0.5, 1.5, -0.125, 1.005, 123.456789]
// np.around(VALUES, d) with numpy 2.4
const NUMPY: Record<number, number[]> = {
  0: [0, 0, 0, 2, 4, -2, -4, 0, 2, -0, 1, 123],
  2: [0.12, 0.14, 0.14, 2.5, 3.5, -2.5, -3.5, 0.5, 1.5, -0.12, 1.0, 123.46],
  3: [0.125, 0.135, 0.145, 2.5, 3.5, -2.5, -3.5, 0.5, 1.5, -0.125, 1.005, 123.457],
}

describe('complex JSON (Qiskit encoder [re, im] pairs)', () => {
  it('A.8 decimals round as numpy.around does (half to even)', () => {
    for (const [d, expected] of Object.entries(NUMPY)) {
      expect(VALUES.map((v) => roundHalfEven(v, Number(d)) + 0)).toEqual(expected.map((v) => v + 0))
    }
  })

  it('A.8 statevectors and unitaries are [re, im] pairs both ways', () => {
    const sv = statevectorToJson([new Complex(0.6, 0), new Complex(0, -0.8)])
    expect(sv).toEqual([
      [0.6, 0],
      [0, -0.8],
    ])
    expect(statevectorToJson(new Float64Array([1, 2, 3, 4]))).toEqual([
      [1, 2],
      [3, 4],
    ])
    const m = ComplexMatrix.fromRows([
      [1, new Complex(0, 1)],
      [new Complex(0, -1), 2],
    ])
    const json = unitaryToJson(m)
    expect(json).toEqual([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0, -1],
        [2, 0],
      ],
    ])
    expect(unitaryFromJson(json).data).toEqual(m.data)
    expect(complexFromJson(3)).toEqual(new Complex(3, 0))
    expect(() => complexFromJson([1])).toThrow(TypeError)
    expect(() =>
      unitaryFromJson([
        [[1, 0]],
        [
          [1, 0],
          [0, 0],
        ],
      ]),
    ).toThrow(TypeError)
  })
})
