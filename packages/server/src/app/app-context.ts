import type { Logger } from 'pino'
import type { PrincipalCache } from '../auth/principal-cache.js'
import type { TokenBucketLimiter } from '../auth/token-bucket-limiter.js'
import type { SubmitRateLimiter } from '../auth/submit-rate-limiter.js'
import type { ServerLimits } from '../config/server-limits.js'
import type { Clock } from '../store/clock.js'
import type { JobStore } from '../store/job-store.js'
import type { BackendCatalog } from './backend-catalog.js'
import type { JobEventHub } from './job-event-hub.js'
import type { QueueEstimator } from './queue-estimator.js'

/**
 * Everything the routes work with, built once by `createServer`: the store, the backends, time,
 * limits and limiters, the event hub for SSE and long-polls, the queue estimator.
 */
export interface AppContext {
  readonly store: JobStore
  readonly catalog: BackendCatalog
  readonly clock: Clock
  readonly limits: ServerLimits
  readonly hub: JobEventHub
  readonly estimator: QueueEstimator
  /** Recently authenticated callers (emptied whenever accounts change). */
  readonly principals: PrincipalCache
  /** Per-token request rate (every authenticated request). */
  readonly requestLimiter: TokenBucketLimiter
  /** Per-user-and-instance submit rate (`POST /v1/jobs`). */
  readonly submitLimiter: SubmitRateLimiter
  /** The server's version (`GET /v1/version`). */
  readonly version: string
  readonly logger: Logger
  /** Resolves when the server is closing: streams and long-polls end early. */
  readonly closing: AbortSignal
}
