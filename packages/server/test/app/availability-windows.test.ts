import fc from 'fast-check'
import type { AvailabilityWindow } from '@qfabric/protocol'
import { AVAILABILITY_DAYS } from '@qfabric/protocol'
import { describe, expect, it } from 'vitest'
import { isWithinWindows, nextWindowStart } from '../../src/app/availability-windows.js'

const HOUR = 3_600_000

describe('availability windows', () => {
  const weekdays: AvailabilityWindow[] = [{ day: 'weekdays', start_hour: 8, end_hour: 18 }]

  it('knows the calendar (2026-09-07 is a Monday)', () => {
    expect(isWithinWindows(weekdays, Date.UTC(2026, 8, 7, 8))).toBe(true)
    expect(isWithinWindows(weekdays, Date.UTC(2026, 8, 7, 17, 59))).toBe(true)
    expect(isWithinWindows(weekdays, Date.UTC(2026, 8, 7, 18))).toBe(false)
    expect(isWithinWindows(weekdays, Date.UTC(2026, 8, 6, 12))).toBe(false)
    expect(isWithinWindows([], Date.UTC(2026, 8, 6, 12))).toBe(true)
    expect(nextWindowStart(weekdays, Date.UTC(2026, 8, 5, 12, 30))).toBe(Date.UTC(2026, 8, 7, 8))
    expect(nextWindowStart(weekdays, Date.UTC(2026, 8, 7, 18, 1))).toBe(Date.UTC(2026, 8, 8, 8))
    const now = Date.UTC(2026, 8, 7, 9, 15)
    expect(nextWindowStart(weekdays, now)).toBe(now)
    expect(nextWindowStart([{ day: 'monday', start_hour: 5, end_hour: 5 }], now)).toBeNull()
  })

  it('returns the first open whole hour (property)', () => {
    const window = fc
      .record({
        day: fc.constantFrom(...AVAILABILITY_DAYS),
        start_hour: fc.integer({ min: 0, max: 23 }),
        length: fc.integer({ min: 1, max: 24 }),
      })
      .map((w) => ({
        day: w.day,
        start_hour: w.start_hour,
        end_hour: Math.min(24, w.start_hour + w.length),
      }))
    fc.assert(
      fc.property(
        fc.array(window, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (windows, now) => {
          const next = nextWindowStart(windows, now)
          if (next === null)
            throw new Error('windows of at least an hour always open within a week')
          expect(isWithinWindows(windows, next)).toBe(true)
          if (next !== now) {
            expect(next % HOUR).toBe(0)
            for (let t = Math.ceil(now / HOUR) * HOUR; t < next; t += HOUR) {
              expect(isWithinWindows(windows, t)).toBe(false)
            }
          }
        },
      ),
      { seed: 7, numRuns: 300 },
    )
  })
})
