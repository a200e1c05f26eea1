/**
 * Server-wide limits and defaults (§8.7). Instance settings override the job defaults per
 * hub/group/project; backend limits come from the backends configuration.
 */
export interface ServerLimits {
  /** Largest request body Fastify reads at all, bytes (413 above it). Default 32 MiB. */
  readonly maxRequestBytes: number
  /** Per-token request rate: bucket size (burst). Default 200. */
  readonly requestBurst: number
  /** Per-token request rate: sustained requests per second. Default 50. */
  readonly requestsPerSecond: number
  /** Default submissions per minute per user and instance (instances may override). Default 120. */
  readonly submitRatePerMinute: number
  /**
   * `max_pending_jobs` written on every new hub (so the store enforces it: 429 beyond it); levels
   * below may override. Default 100.
   */
  readonly maxPendingJobs: number
  /** `max_running_jobs` written on every new hub (more jobs wait for a slot). Default 10. */
  readonly maxRunningJobs: number
  /** Default and cap of a job's `max_execution_seconds` when neither backend nor instance say. */
  readonly maxExecutionSeconds: number
  /** How long idempotency keys are remembered, seconds (§8.8 suggests 7 days). */
  readonly idempotencyTtlSeconds: number
  /** Longest `Prefer: wait` the server honours, seconds (the protocol caps it at 60). */
  readonly maxLongPollSeconds: number
  /** Seconds between SSE heartbeat comments (§8.5: 15). */
  readonly sseHeartbeatSeconds: number
  /** How often an open SSE stream or long-poll re-reads the store without a wake-up, ms. */
  readonly eventPollMs: number
  /** Seconds a client is told to wait before polling an unfinished job again. */
  readonly pollAfterSeconds: number
  /**
   * How long an authenticated caller is remembered, ms (default 5000). Account changes empty
   * the cache at once (in other processes too, on PostgreSQL); this bounds only what no
   * notification reports, such as an account changed with plain SQL.
   */
  readonly principalCacheMs: number
  /**
   * How long `close()` lets requests in flight finish, seconds (default 10): open event streams
   * and long-polls end at once, idle connections are closed, and connections still busy after
   * this are destroyed.
   */
  readonly shutdownGraceSeconds: number
}

/** The defaults of {@link ServerLimits}. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = Object.freeze({
  maxRequestBytes: 32 * 1024 * 1024,
  requestBurst: 200,
  requestsPerSecond: 50,
  submitRatePerMinute: 120,
  maxPendingJobs: 100,
  maxRunningJobs: 10,
  maxExecutionSeconds: 3 * 3600,
  idempotencyTtlSeconds: 7 * 24 * 3600,
  maxLongPollSeconds: 60,
  sseHeartbeatSeconds: 15,
  eventPollMs: 1000,
  pollAfterSeconds: 2,
  principalCacheMs: 5000,
  shutdownGraceSeconds: 10,
})

/**
 * The effective limits: defaults overridden by what the caller gave.
 *
 * @param overrides - some limits
 * @returns every limit
 * @throws RangeError when a limit is not a positive finite number
 */
export function resolveServerLimits(overrides: Partial<ServerLimits> = {}): ServerLimits {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...overrides }
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`limits.${name} must be a positive number, got ${String(value)}`)
    }
  }
  return Object.freeze(limits)
}
