/**
 * The stable error codes of the job service, each with its HTTP status, a short title and
 * whether retrying the same request may succeed: one table (tRPC's `TRPC_ERROR_CODES_BY_KEY` +
 * `getHTTPStatusCode`), used by the server to answer and by the client to rehydrate. Codes are
 * never reworded once released; new codes may be added, so clients treat unknown codes by their
 * HTTP status.
 */
export const SERVICE_ERROR_CODES = {
  bad_request: {
    status: 400,
    title: 'Bad request',
    retryable: false,
    description: 'The request could not be read: malformed JSON, a malformed header or query.',
  },
  invalid_cursor: {
    status: 400,
    title: 'Invalid cursor',
    retryable: false,
    description: 'The `cursor` is not one this server issued (corrupted or truncated).',
  },
  cursor_mismatch: {
    status: 400,
    title: 'Cursor does not match the filters',
    retryable: false,
    description: 'A cursor was reused with different filters or sort; restart without `cursor`.',
  },
  unsupported_api_version: {
    status: 400,
    title: 'Unsupported API version',
    retryable: false,
    description: 'The `Api-Version` header names a version this server does not implement.',
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    retryable: false,
    description: 'No API token, or a malformed, unknown, expired or revoked one.',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    retryable: false,
    description: 'The token lacks the scope, instance or role this request needs.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    retryable: false,
    description:
      'No such resource, or one the caller may not see: the answer is the same, so it leaks nothing.',
  },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    retryable: false,
    description: 'The path exists but not with this HTTP method.',
  },
  not_acceptable: {
    status: 406,
    title: 'Not acceptable',
    retryable: false,
    description: 'No representation matches the `Accept` header.',
  },
  invalid_state: {
    status: 409,
    title: 'Invalid state',
    retryable: false,
    description: 'The resource is not in a state that allows this (e.g. deleting a running job).',
  },
  request_in_progress: {
    status: 409,
    title: 'Request in progress',
    retryable: true,
    description: 'A request with the same Idempotency-Key is still being processed.',
  },
  result_not_available: {
    status: 409,
    title: 'Result not available',
    retryable: false,
    description: 'The job has no result (yet): see its current `status`.',
  },
  backend_retired: {
    status: 410,
    title: 'Backend retired',
    retryable: false,
    description: 'The backend no longer accepts jobs and never will.',
  },
  result_expired: {
    status: 410,
    title: 'Result expired',
    retryable: false,
    description: 'The result was deleted by the retention policy (`result.expires_at`).',
  },
  payload_too_large: {
    status: 413,
    title: 'Payload too large',
    retryable: false,
    description: 'The request body exceeds `max_request_bytes`.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    retryable: false,
    description: 'The body is not `application/json`.',
  },
  validation_failed: {
    status: 422,
    title: 'Validation failed',
    retryable: false,
    description: 'Some fields are invalid or exceed a limit; `errors` lists each with a pointer.',
  },
  qasm_parse_failed: {
    status: 422,
    title: 'Circuit does not parse',
    retryable: false,
    description: 'An OpenQASM program has errors; `errors` gives code, line and column of each.',
  },
  unsupported_operation: {
    status: 422,
    title: 'Unsupported operation',
    retryable: false,
    description: 'A circuit uses a gate the backend lacks on those qubits (`errors` names both).',
  },
  too_many_qubits: {
    status: 422,
    title: 'Circuit too wide',
    retryable: false,
    description: 'A circuit has more qubits than the backend.',
  },
  idempotency_key_reused: {
    status: 422,
    title: 'Idempotency key reused',
    retryable: false,
    description: 'The Idempotency-Key was used before with a different request body.',
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    retryable: true,
    description: 'The submit or request rate limit is reached; wait `Retry-After` seconds.',
  },
  pending_job_limit_exceeded: {
    status: 429,
    title: 'Too many pending jobs',
    retryable: true,
    description: 'The instance or user has `max_pending_jobs` unfinished jobs.',
  },
  quota_exceeded: {
    status: 429,
    title: 'Quota exceeded',
    retryable: true,
    description: 'A usage quota is exhausted and the admin chose to reject new work.',
  },
  internal: {
    status: 500,
    title: 'Internal error',
    retryable: true,
    description: 'An unexpected server error; quote `trace_id` when reporting it.',
  },
  not_implemented: {
    status: 501,
    title: 'Not implemented',
    retryable: false,
    description: 'This server does not implement the endpoint (yet).',
  },
  unavailable: {
    status: 503,
    title: 'Service unavailable',
    retryable: true,
    description: 'The service is in maintenance or overloaded; wait `Retry-After` seconds.',
  },
  backend_offline: {
    status: 503,
    title: 'Backend offline',
    retryable: true,
    description: 'The backend is offline or in maintenance and does not accept jobs now.',
  },
} as const satisfies Record<string, ServiceErrorCodeInfo>

/** What the table says about one code. */
export interface ServiceErrorCodeInfo {
  /** The HTTP status every response with this code has (4xx or 5xx). */
  readonly status: number
  /** A short, human-readable summary (RFC 9457 `title`): the same for every occurrence. */
  readonly title: string
  /** Whether repeating the same request later may succeed. */
  readonly retryable: boolean
  /** When the code is used (for the published error registry). */
  readonly description: string
}

/** A stable error code of the job service (`not_found`, `validation_failed`, …). */
export type ServiceErrorCode = keyof typeof SERVICE_ERROR_CODES

/** Every service error code, in table order. */
export const SERVICE_ERROR_CODE_LIST = Object.freeze(
  Object.keys(SERVICE_ERROR_CODES) as ServiceErrorCode[],
)

/**
 * Whether a string is one of the codes of {@link SERVICE_ERROR_CODES}.
 *
 * @param value - anything
 * @returns true for a known code
 */
export function isServiceErrorCode(value: unknown): value is ServiceErrorCode {
  return typeof value === 'string' && Object.hasOwn(SERVICE_ERROR_CODES, value)
}

/**
 * The HTTP status that goes with an error code (tRPC's `getHTTPStatusCodeFromError`).
 *
 * @param code - a service error code
 * @returns its status, e.g. 404 for `not_found`
 * @example
 * ```ts
 * httpStatusForCode('pending_job_limit_exceeded') // 429
 * ```
 */
export function httpStatusForCode(code: ServiceErrorCode): number {
  return SERVICE_ERROR_CODES[code].status
}

/**
 * The code to assume for a status when a response carries no (known) code, e.g. from a proxy:
 * the first code in the table with that status, else `internal` for 5xx and `bad_request` for
 * other statuses.
 *
 * @param status - an HTTP error status
 * @returns a service error code
 */
export function codeForHttpStatus(status: number): ServiceErrorCode {
  const found = SERVICE_ERROR_CODE_LIST.find((c) => SERVICE_ERROR_CODES[c].status === status)
  if (found !== undefined) return found
  return status >= 500 ? 'internal' : 'bad_request'
}
