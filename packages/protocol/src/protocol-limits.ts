/**
 * Fixed limits of the wire format itself (not the configurable per-instance or per-backend limits,
 * which `GET /v1/instances` and `GET /v1/backends` report). Schemas enforce them, so a request
 * breaking one fails with 422 before any work is done.
 */
export const PROTOCOL_LIMITS = Object.freeze({
  /** Job names, token names, display names: at most this many characters. */
  maxNameLength: 200,
  /** Tags per job. */
  maxTags: 32,
  /** Characters per tag. */
  maxTagLength: 64,
  /** `ids` in `POST /v1/jobs:batchGet` and the `ids` listing filter. */
  maxBatchIds: 100,
  /** `limit` of a listing page: default and maximum. */
  defaultPageLimit: 20,
  maxPageLimit: 100,
  /** `Prefer: wait=<s>` long-poll: longest wait the server grants, in seconds. */
  maxPreferWaitSeconds: 60,
  /** `Idempotency-Key`: 1–64 characters. */
  maxIdempotencyKeyLength: 64,
  /** Repeatable filter values per listing parameter (`backend`, `tag`, …). */
  maxFilterValues: 100,
  /** Cursor tokens longer than this are rejected unread. */
  maxCursorLength: 2048,
})
