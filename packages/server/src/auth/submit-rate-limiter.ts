import type { Clock } from '../store/clock.js'
import { TokenBucketLimiter, type RateLimitDecision } from './token-bucket-limiter.js'

/**
 * The submit rate of §8.7 (`submit_rate_per_minute`, configurable per instance): a token bucket
 * per user and instance holding a minute's worth of submissions, refilled evenly. Instances may
 * have different rates, so there is one limiter per rate.
 */
export class SubmitRateLimiter {
  readonly #clock: Clock
  readonly #byRate = new Map<number, TokenBucketLimiter>()

  /** @param clock - the server's clock */
  constructor(clock: Clock) {
    this.#clock = clock
  }

  #limiter(perMinute: number): TokenBucketLimiter {
    let limiter = this.#byRate.get(perMinute)
    if (limiter === undefined) {
      limiter = new TokenBucketLimiter({
        capacity: perMinute,
        refillPerSecond: perMinute / 60,
        clock: this.#clock,
      })
      this.#byRate.set(perMinute, limiter)
    }
    return limiter
  }

  /**
   * Takes one submission from the user's allowance in an instance.
   *
   * @param key - `{ userId, instance, perMinute }`
   * @returns the decision (refused: wait `retryAfterSeconds`)
   */
  take(key: { userId: string; instance: string; perMinute: number }): RateLimitDecision {
    return this.#limiter(key.perMinute).take(`${key.userId} ${key.instance}`)
  }

  /**
   * The allowance left, without using any.
   *
   * @param key - `{ userId, instance, perMinute }`
   * @returns the current state
   */
  peek(key: { userId: string; instance: string; perMinute: number }): RateLimitDecision {
    return this.#limiter(key.perMinute).peek(`${key.userId} ${key.instance}`)
  }
}
