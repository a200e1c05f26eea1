import { FormatRegistry } from '@sinclair/typebox'

/**
 * RFC 3339 `date-time` (§5.6): full date, `T` or `t` (not a space), time with
 * optional fraction, and `Z` or an offset. Checked for real calendar values, leap seconds
 * allowed as in the RFC.
 */
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Whether a string is an RFC 3339 date-time.
 *
 * @param value - a string
 * @returns true for e.g. `2026-09-01T10:00:00.000Z` or `2021-03-15T00:09:11-04:00`
 */
export function isRfc3339DateTime(value: string): boolean {
  const m = DATE_TIME_RE.exec(value)
  if (m === null) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const maxDay = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0)
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59)
  return (
    month >= 1 &&
    day >= 1 &&
    day <= maxDay &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offsetOk
  )
}

/**
 * Registers the string formats the protocol's schemas use with TypeBox's (global) format
 * registry, unless something registered them already. TypeBox rejects unknown formats, so this
 * runs before any validation; it is idempotent and cheap.
 */
export function registerProtocolFormats(): void {
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isRfc3339DateTime)
}
