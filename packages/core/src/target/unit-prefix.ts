/** Powers of ten of the SI prefixes IBM's property files use (Qiskit's `apply_prefix`). */
const PREFIX_POWERS: Readonly<Record<string, number>> = {
  f: -15,
  p: -12,
  n: -9,
  u: -6,
  µ: -6,
  μ: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
}

/** Base units that are already SI (no conversion). */
const SI_BASE_UNITS = new Set(['', 's', 'Hz'])

/**
 * Converts a value with a prefixed unit (`'us'`, `'ns'`, `'GHz'`, `'ms'`) to the SI base unit
 * (seconds, hertz). Unitless values and one-letter units pass through unchanged, as in Qiskit.
 * Dividing for negative powers (rather than multiplying by `1e-6`) keeps `59.7 us` exactly
 * `59.7 / 1e6` seconds, as Qiskit does, to avoid round-off in the prefactor.
 *
 * @param value - the number
 * @param unit - its unit
 * @returns the value in SI base units
 * @throws RangeError if the unit's prefix is unknown
 */
export function applyUnitPrefix(value: number, unit: string): number {
  if (SI_BASE_UNITS.has(unit) || unit.length === 1) return value
  const power = PREFIX_POWERS[unit[0]!]
  if (power === undefined) throw new RangeError(`Could not understand units: ${unit}`)
  return power < 0 ? value / 10 ** -power : value * 10 ** power
}
