import type { ParameterValue } from '../circuit/index.js'

const PI_FRACTIONS: readonly [number, number][] = [
  [1, 1],
  [1, 2],
  [1, 3],
  [2, 3],
  [1, 4],
  [3, 4],
  [1, 6],
  [5, 6],
  [1, 8],
  [3, 8],
  [5, 8],
  [7, 8],
  [3, 2],
  [5, 4],
  [7, 4],
  [2, 1],
  [5, 3],
  [4, 3],
  [7, 6],
  [11, 6],
  [16, 1],
  [1, 16],
  [1, 32],
]

/**
 * Formats an angle or parameter for people, as Qiskit's drawers do: simple rational multiples of π
 * as `π/2`, `3π/4`, `-π`; other numbers with at most 5 significant digits; symbolic expressions as
 * written.
 *
 * @param value - a number or a parameter expression
 * @returns the label text
 */
export function formatParam(value: ParameterValue): string {
  if (typeof value !== 'number') return value.toString()
  if (value === 0) return '0'
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  for (const [num, den] of PI_FRACTIONS) {
    if (Math.abs(abs - (num * Math.PI) / den) < 1e-9) {
      const n = num === 1 ? '' : `${num}`
      const d = den === 1 ? '' : `/${den}`
      return `${sign}${n}π${d}`
    }
  }
  return `${sign}${Number(abs.toPrecision(5))}`
}
