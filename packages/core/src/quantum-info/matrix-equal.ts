import { Complex } from '../math/complex.js'
import type { ComplexMatrix } from '../math/complex-matrix.js'

/** Qiskit's default tolerances for comparing operators and states. */
export const QI_ATOL = 1e-8
export const QI_RTOL = 1e-5

/** Tolerances of a comparison: `|a - b| ≤ atol + rtol·|b|` entrywise (numpy's `allclose`). */
export interface Tolerances {
  readonly atol?: number | undefined
  readonly rtol?: number | undefined
}

/**
 * Whether two arrays of interleaved complex numbers are entrywise close, optionally up to a
 * global phase. With `ignorePhase` each array is first rotated so that its first entry of
 * modulus above `atol` is real and positive (Qiskit's `matrix_equal(ignore_phase=True)`).
 *
 * @param a - interleaved complex data
 * @param b - interleaved complex data of the same length
 * @param options - `atol` (1e-8), `rtol` (1e-5), `ignorePhase` (false)
 * @returns whether they match
 */
export function complexArraysClose(
  a: Float64Array,
  b: Float64Array,
  options: Tolerances & { readonly ignorePhase?: boolean | undefined } = {},
): boolean {
  if (a.length !== b.length) return false
  const atol = options.atol ?? QI_ATOL
  const rtol = options.rtol ?? QI_RTOL
  const ra = options.ignorePhase === true ? leadingPhase(a, atol) : Complex.ONE
  const rb = options.ignorePhase === true ? leadingPhase(b, atol) : Complex.ONE
  for (let k = 0; k < a.length; k += 2) {
    const xr = a[k]! * ra.re - a[k + 1]! * ra.im
    const xi = a[k]! * ra.im + a[k + 1]! * ra.re
    const yr = b[k]! * rb.re - b[k + 1]! * rb.im
    const yi = b[k]! * rb.im + b[k + 1]! * rb.re
    if (Math.hypot(xr - yr, xi - yi) > atol + rtol * Math.hypot(yr, yi)) return false
  }
  return true
}

/** `e^{-i·arg(z)}` for the first entry `z` with `|z| > atol` (1 if none). */
function leadingPhase(d: Float64Array, atol: number): Complex {
  for (let k = 0; k < d.length; k += 2) {
    const r = Math.hypot(d[k]!, d[k + 1]!)
    if (r > atol) return new Complex(d[k]! / r, -d[k + 1]! / r)
  }
  return Complex.ONE
}

/**
 * {@link complexArraysClose} for matrices of the same shape.
 *
 * @param a - a matrix
 * @param b - a matrix
 * @param options - tolerances and `ignorePhase`
 */
export function matricesClose(
  a: ComplexMatrix,
  b: ComplexMatrix,
  options: Tolerances & { readonly ignorePhase?: boolean | undefined } = {},
): boolean {
  return a.rows === b.rows && a.cols === b.cols && complexArraysClose(a.data, b.data, options)
}
