import { describe, expect, it } from 'vitest'
import { resolveRetryPolicy, retryDelayMs } from '../../src/http/retry-policy.js'

describe('retryDelayMs', () => {
  it('draws a full-jitter delay under the capped exponential', () => {
    const top = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 })
    expect(retryDelayMs(0, top)).toBe(99)
    expect(retryDelayMs(2, top)).toBe(399)
    expect(retryDelayMs(10, top)).toBe(999)
    const bottom = resolveRetryPolicy({ baseDelayMs: 100, random: () => 0 })
    expect(retryDelayMs(5, bottom)).toBe(0)
  })

  it('never retries sooner than Retry-After, and gives up on one that is too long', () => {
    const policy = resolveRetryPolicy({ random: () => 0, maxRetryAfterMs: 10_000 })
    expect(retryDelayMs(0, policy, 3)).toBe(3000)
    expect(retryDelayMs(0, policy, 11)).toBeUndefined()
  })

  it('refuses a policy without attempts', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError)
    expect(resolveRetryPolicy().maxAttempts).toBe(4)
  })
})
