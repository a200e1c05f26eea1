import { describe, expect, it } from 'vitest'
import { DEFAULT_SERVER_LIMITS, resolveServerLimits } from '../../src/config/server-limits.js'

describe('resolveServerLimits', () => {
  it('overrides defaults and refuses non-positive limits', () => {
    expect(resolveServerLimits()).toEqual(DEFAULT_SERVER_LIMITS)
    expect(resolveServerLimits({ maxPendingJobs: 5 }).maxPendingJobs).toBe(5)
    expect(DEFAULT_SERVER_LIMITS.maxRequestBytes).toBe(32 * 1024 * 1024)
    expect(DEFAULT_SERVER_LIMITS.sseHeartbeatSeconds).toBe(15)
    expect(() => resolveServerLimits({ requestBurst: 0 })).toThrow(RangeError)
    expect(() => resolveServerLimits({ eventPollMs: Number.NaN })).toThrow(/eventPollMs/)
  })
})
