import { Complex } from '../math/complex.js'
import { ComplexMatrix } from '../math/complex-matrix.js'
import type { ComplexJson } from './result-json.js'

/**
 * Rounds as numpy's `around` does: half to even, at `decimals` places.
 *
 * @param x - the number
 * @param decimals - places after the point (may be negative)
 * @returns the rounded number
 */
export function roundHalfEven(x: number, decimals: number): number {
  const scale = 10 ** decimals
  const y = x * scale
  const r = Math.round(y)
  // Math.round rounds .5 up; numpy's rint rounds it to the even neighbour.
  const adjusted = Math.abs(y % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r
  return adjusted / scale
}

/**
 * Decodes Qiskit's `[re, im]` pair (also accepts a bare real number).
 *
 * @param value - a `[re, im]` pair
 * @param decimals - round both parts to this many places (numpy's half-to-even)
 * @returns the complex number
 * @throws TypeError when the value is not a pair of numbers
 */
export function complexFromJson(value: unknown, decimals?: number): Complex {
  let re: number
  let im: number
  if (typeof value === 'number') {
    re = value
    im = 0
  } else if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number'
  ) {
    re = value[0]
    im = value[1]
  } else {
    throw new TypeError(`expected a [re, im] pair, got ${JSON.stringify(value)}`)
  }
  if (decimals !== undefined) {
    re = roundHalfEven(re, decimals)
    im = roundHalfEven(im, decimals)
  }
  return new Complex(re, im)
}

/**
 * Encodes a complex number as Qiskit's JSON encoder does: `[re, im]`.
 *
 * @param z - the number
 * @returns the pair
 */
export function complexToJson(z: Complex): ComplexJson {
  return [z.re, z.im]
}

/**
 * Encodes amplitudes as `[re, im]` pairs, from `Complex`es or an interleaved
 * `Float64Array` (`[re0, im0, re1, im1, …]`, the layout simulators keep states in).
 *
 * @param vector - the amplitudes
 * @returns the JSON pairs
 */
export function statevectorToJson(vector: readonly Complex[] | Float64Array): ComplexJson[] {
  if (vector instanceof Float64Array) {
    const out: ComplexJson[] = []
    for (let k = 0; k < vector.length; k += 2) out.push([vector[k]!, vector[k + 1]!])
    return out
  }
  return vector.map(complexToJson)
}

/**
 * Encodes a matrix as rows of `[re, im]` pairs (Qiskit's unitary JSON).
 *
 * @param matrix - the matrix
 * @returns the JSON rows
 */
export function unitaryToJson(matrix: ComplexMatrix): ComplexJson[][] {
  const rows: ComplexJson[][] = []
  for (let i = 0; i < matrix.rows; i++) {
    const row: ComplexJson[] = []
    for (let j = 0; j < matrix.cols; j++) {
      const k = 2 * (i * matrix.cols + j)
      row.push([matrix.data[k]!, matrix.data[k + 1]!])
    }
    rows.push(row)
  }
  return rows
}

/**
 * Decodes rows of `[re, im]` pairs into a matrix.
 *
 * @param rows - the JSON rows (all of one length)
 * @param decimals - optional rounding (numpy's half-to-even)
 * @returns a new matrix
 * @throws TypeError for ragged rows or malformed entries
 */
export function unitaryFromJson(
  rows: readonly (readonly unknown[])[],
  decimals?: number,
): ComplexMatrix {
  const cols = rows[0]?.length ?? 0
  const m = new ComplexMatrix(rows.length, cols)
  rows.forEach((row, i) => {
    if (row.length !== cols)
      throw new TypeError(`unitary row ${i} has ${row.length} entries, expected ${cols}`)
    row.forEach((v, j) => {
      const z = complexFromJson(v, decimals)
      m.data[2 * (i * cols + j)] = z.re
      m.data[2 * (i * cols + j) + 1] = z.im
    })
  })
  return m
}
