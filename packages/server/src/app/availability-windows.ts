import type { AvailabilityDay, AvailabilityWindow } from '@qfabric/protocol'

/** UTC weekdays (`Date.getUTCDay()`: 0 = Sunday) of each window day. */
const DAYS: Readonly<Record<AvailabilityDay, readonly number[]>> = {
  everyday: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekend: [0, 6],
  sunday: [0],
  monday: [1],
  tuesday: [2],
  wednesday: [3],
  thursday: [4],
  friday: [5],
  saturday: [6],
}

const HOUR_MS = 3_600_000

/**
 * Whether a time falls inside one of a backend's weekly UTC windows (Braket's shape: on `day`,
 * from `start_hour` inclusive to `end_hour` exclusive). No windows means always available.
 *
 * @param windows - the backend's windows
 * @param timeMs - the time, ms since the epoch
 * @returns true when the backend runs jobs at that time
 */
export function isWithinWindows(windows: readonly AvailabilityWindow[], timeMs: number): boolean {
  if (windows.length === 0) return true
  const date = new Date(timeMs)
  const day = date.getUTCDay()
  const hour = date.getUTCHours()
  return windows.some((w) => DAYS[w.day].includes(day) && hour >= w.start_hour && hour < w.end_hour)
}

/**
 * When the next window opens (for ETAs and `next_window_start`): the first whole UTC hour at or
 * after `timeMs` inside a window, searching one week ahead.
 *
 * @param windows - the backend's windows
 * @param timeMs - the time, ms since the epoch
 * @returns the start (ms), `timeMs` itself when inside a window now, or `null` when the windows
 *   never open (all empty ranges)
 */
export function nextWindowStart(
  windows: readonly AvailabilityWindow[],
  timeMs: number,
): number | null {
  if (isWithinWindows(windows, timeMs)) return timeMs
  const firstHour = Math.ceil(timeMs / HOUR_MS) * HOUR_MS
  for (let h = 0; h <= 7 * 24; h++) {
    const t = firstHour + h * HOUR_MS
    if (isWithinWindows(windows, t)) return t
  }
  return null
}
