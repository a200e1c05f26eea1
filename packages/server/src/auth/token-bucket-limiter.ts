import type { Clock } from '../store/clock.js'

/** The state of one key's bucket after a request. */
export interface RateLimitDecision {
  /** Whether the request may proceed (it consumed a token). */
  readonly allowed: boolean
  /** Bucket capacity: the burst a key may make (`RateLimit-Limit`). */
  readonly limit: number
  /** Whole tokens left after this request (`RateLimit-Remaining`). */
  readonly remaining: number
  /** Seconds until the bucket is full again (`RateLimit-Reset`). */
  readonly resetSeconds: number
  /** When refused: seconds until one token is available (`Retry-After`). */
  readonly retryAfterSeconds: number
}

/** Options of a {@link TokenBucketLimiter}. */
export interface TokenBucketOptions {
  /** Bucket size: requests a key may make at once. */
  readonly capacity: number
  /** Tokens added per second. */
  readonly refillPerSecond: number
  /** Time source (the server's clock, so tests move time by hand). */
  readonly clock: Clock
  /** Buckets idle longer than this are forgotten (bounds memory). Default 10 minutes. */
  readonly idleMs?: number
}

interface Bucket {
  tokens: number
  updatedMs: number
}

/**
 * An in-memory token-bucket rate limiter, one bucket per key (a token id, a user): each bucket
 * holds up to `capacity` tokens, refilled continuously at `refillPerSecond`, and each request
 * takes one. In memory, so per API process: behind several API nodes each enforces its share
 * (documented limitation; a shared store would be needed for exact global limits).
 *
 * @example
 * ```ts
 * const limiter = new TokenBucketLimiter({ capacity: 120, refillPerSecond: 2, clock })
 * const d = limiter.take(tokenId)
 * if (!d.allowed) throw new ServiceError('rate_limited', '…', { retryAfterSeconds: d.retryAfterSeconds })
 * ```
 */
export class TokenBucketLimiter {
  readonly #options: Required<TokenBucketOptions>
  readonly #buckets = new Map<string, Bucket>()
  #lastSweepMs = 0

  /**
   * @param options - capacity, refill rate, clock
   * @throws RangeError for a capacity below 1 or a non-positive refill rate
   */
  constructor(options: TokenBucketOptions) {
    if (!(options.capacity >= 1)) throw new RangeError('capacity must be at least 1')
    if (!(options.refillPerSecond > 0)) throw new RangeError('refillPerSecond must be positive')
    this.#options = { idleMs: 600_000, ...options }
  }

  /**
   * Takes one token from a key's bucket, if there is one.
   *
   * @param key - whose bucket
   * @returns the decision and the numbers for the `RateLimit-*` headers
   */
  take(key: string): RateLimitDecision {
    const now = this.#options.clock.now()
    this.#sweep(now)
    const bucket = this.#refilled(key, now)
    const allowed = bucket.tokens >= 1
    if (allowed) bucket.tokens -= 1
    return this.#decision(bucket, allowed)
  }

  /**
   * The state of a key's bucket without taking a token.
   *
   * @param key - whose bucket
   * @returns the numbers for the `RateLimit-*` headers (`allowed`: whether a take would succeed)
   */
  peek(key: string): RateLimitDecision {
    const bucket = this.#refilled(key, this.#options.clock.now())
    return this.#decision(bucket, bucket.tokens >= 1)
  }

  #refilled(key: string, now: number): Bucket {
    const { capacity, refillPerSecond } = this.#options
    let bucket = this.#buckets.get(key)
    if (bucket === undefined) {
      bucket = { tokens: capacity, updatedMs: now }
      this.#buckets.set(key, bucket)
    }
    const elapsed = Math.max(0, now - bucket.updatedMs) / 1000
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond)
    bucket.updatedMs = now
    return bucket
  }

  #decision(bucket: Bucket, allowed: boolean): RateLimitDecision {
    const { capacity, refillPerSecond } = this.#options
    return {
      allowed,
      limit: capacity,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((capacity - bucket.tokens) / refillPerSecond),
      retryAfterSeconds: allowed
        ? 0
        : Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)),
    }
  }

  #sweep(now: number): void {
    if (now - this.#lastSweepMs < this.#options.idleMs) return
    this.#lastSweepMs = now
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.updatedMs > this.#options.idleMs) this.#buckets.delete(key)
    }
  }
}
