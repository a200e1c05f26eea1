import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TokenBucketLimiter } from '../../src/auth/token-bucket-limiter.js'
import { createManualClock } from '../../src/store/clock.js'

describe('TokenBucketLimiter', () => {
  it('allows a burst, then one request per refill interval', () => {
    const clock = createManualClock(0)
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5, clock })
    expect([1, 2, 3, 4].map(() => limiter.take('k').allowed)).toEqual([true, true, true, false])
    const refused = limiter.take('k')
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 2 })
    clock.advance(1999)
    expect(limiter.take('k').allowed).toBe(false)
    clock.advance(1)
    expect(limiter.take('k')).toMatchObject({ allowed: true, remaining: 0 })
    expect(limiter.take('other').remaining).toBe(2)
  })

  it('reports when the bucket is full again', () => {
    const clock = createManualClock(0)
    const limiter = new TokenBucketLimiter({ capacity: 10, refillPerSecond: 2, clock })
    for (let i = 0; i < 4; i++) limiter.take('k')
    expect(limiter.peek('k')).toMatchObject({ remaining: 6, resetSeconds: 2, allowed: true })
  })

  it('matches a reference model on random request sequences', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 60 }),
        (capacity, perTenSeconds, gaps) => {
          const rate = perTenSeconds / 10
          const clock = createManualClock(0)
          const limiter = new TokenBucketLimiter({ capacity, refillPerSecond: rate, clock })
          let tokens = capacity
          for (const gap of gaps) {
            clock.advance(gap)
            tokens = Math.min(capacity, tokens + (gap / 1000) * rate)
            const expected = tokens >= 1
            if (expected) tokens -= 1
            const d = limiter.take('k')
            expect(d.allowed).toBe(expected)
            expect(d.remaining).toBe(Math.floor(tokens + 1e-9))
          }
        },
      ),
      { seed: 20260901, numRuns: 200 },
    )
  })

  it('refuses nonsense configurations', () => {
    const clock = createManualClock(0)
    expect(() => new TokenBucketLimiter({ capacity: 0, refillPerSecond: 1, clock })).toThrow(
      RangeError,
    )
    expect(() => new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0, clock })).toThrow(
      RangeError,
    )
  })
})
