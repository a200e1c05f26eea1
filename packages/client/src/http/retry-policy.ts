/**
 * How the transport retries: which answers, how often, how long it waits. Delays use exponential
 * backoff with *full jitter* (a uniformly random delay in `[0, min(maxDelayMs, baseDelayMs ·
 * 2^attempt)]`, the AWS Architecture Blog's recommendation), never shorter than the server's
 * `Retry-After`.
 */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4; 1 = never retry). */
  readonly maxAttempts?: number | undefined
  /** The backoff base in milliseconds (default 500). */
  readonly baseDelayMs?: number | undefined
  /** The backoff cap in milliseconds (default 30 000). */
  readonly maxDelayMs?: number | undefined
  /**
   * The longest `Retry-After` worth waiting for, in milliseconds (default 120 000); a longer one
   * ends the retries and the error is thrown.
   */
  readonly maxRetryAfterMs?: number | undefined
  /** The jitter source: a number in `[0, 1)` (default `crypto.getRandomValues`). */
  readonly random?: (() => number) | undefined
}

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<{
  [TKey in keyof RetryOptions]: Exclude<RetryOptions[TKey], undefined>
}>

/**
 * The statuses a request is retried on: rate limiting (429) and the gateway and availability
 * errors (502, 503, 504). A 409 `request_in_progress` is retried too, since the server asks for
 * exactly that (`service-api.md` §8.8).
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504])

function cryptoRandom(): number {
  const [value] = globalThis.crypto.getRandomValues(new Uint32Array(1))
  return (value ?? 0) / 2 ** 32
}

/**
 * Fills in the defaults of a retry configuration.
 *
 * @param options - the caller's settings
 * @returns the complete policy
 * @throws RangeError for a `maxAttempts` below 1 or a negative delay
 */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    random: options.random ?? cryptoRandom,
  }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${policy.maxAttempts}`)
  }
  if (policy.baseDelayMs < 0 || policy.maxDelayMs < 0) {
    throw new RangeError('retry delays must not be negative')
  }
  return policy
}

/**
 * The delay before retry number `attempt` (0 = the first retry): full jitter over the capped
 * exponential, raised to the server's `Retry-After` when it gave one.
 *
 * @param attempt - how many retries came before this one
 * @param policy - the retry policy
 * @param retryAfterSeconds - the server's `Retry-After`, if any
 * @returns milliseconds to wait, or `undefined` when `Retry-After` exceeds `maxRetryAfterMs`
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterSeconds?: number,
): number | undefined {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  const jitter = Math.floor(policy.random() * ceiling)
  if (retryAfterSeconds === undefined) return jitter
  const retryAfterMs = retryAfterSeconds * 1000
  if (retryAfterMs > policy.maxRetryAfterMs) return undefined
  return Math.max(retryAfterMs, jitter)
}
