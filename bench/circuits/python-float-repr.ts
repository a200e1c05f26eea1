/**
 * Python's `repr(float)`: the shortest round-tripping digits (as JavaScript finds them), written
 * the way Python writes them (`1e-05`, `2.0`, `1.5e+16`), so generated QASM matches the Python
 * generator byte for byte.
 */

/**
 * `repr(x)` as Python 3 prints it.
 *
 * @param x - a finite number
 * @returns the Python representation
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const sign = x < 0 ? '-' : ''
  const [mantissa, expPart] = Math.abs(x).toExponential().split('e') as [string, string]
  const digits = mantissa.replace('.', '')
  const exp = Number(expPart)
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const e = Math.abs(exp).toString().padStart(2, '0')
    return `${sign}${frac}e${exp < 0 ? '-' : '+'}${e}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  const frac = digits.slice(exp + 1)
  return `${sign}${whole}.${frac === '' ? '0' : frac}`
}
