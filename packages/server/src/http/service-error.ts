import { QfabricError } from '@qfabric/core/providers'
import type { FieldError, ServiceErrorCode } from '@qfabric/protocol'

/** Options of a {@link ServiceError}. */
export interface ServiceErrorOptions {
  /** Field errors with JSON pointers (`validation_failed`, `qasm_parse_failed`, …). */
  readonly errors?: readonly FieldError[] | undefined
  /** Seconds the client should wait (sets `Retry-After` and `retry_after_seconds`). */
  readonly retryAfterSeconds?: number | undefined
  /** What the caller can do about it. */
  readonly solution?: string | undefined
  /** The job's current status, for job-state errors (`result_not_available`, …). */
  readonly jobStatus?: string | null | undefined
  /** Extra response headers (e.g. `Allow`). */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** The ES2022 cause (logged, never sent). */
  readonly cause?: unknown
}

/**
 * An error the HTTP layer turns into an RFC 9457 problem document: it carries the service's
 * stable wire code (`not_found`, `validation_failed`, …) whose HTTP status comes from the
 * protocol's code table, so status and code can never disagree. Its own qfabric `code` is
 * `server.<wire code>`.
 *
 * @example
 * ```ts
 * throw new ServiceError('not_found', `No job ${id}.`)
 * throw new ServiceError('pending_job_limit_exceeded', 'acme/x/y has 50 of 50 pending jobs', {
 *   retryAfterSeconds: 30,
 * })
 * ```
 */
export class ServiceError extends QfabricError {
  /** The wire code (problem `code`). */
  readonly serviceCode: ServiceErrorCode
  /** Field errors (may be empty). */
  readonly errors: readonly FieldError[]
  /** Seconds to wait before retrying, if any. */
  readonly retryAfterSeconds: number | undefined
  /** What the caller can do, if known. */
  readonly solution: string | undefined
  /** The job status for job-state errors. */
  readonly jobStatus: string | null | undefined
  /** Extra response headers. */
  readonly headers: Readonly<Record<string, string>>

  /**
   * @param serviceCode - the wire code
   * @param message - the problem's `detail`: shown to the caller, so no secrets or internals
   * @param options - field errors, retry delay, solution, headers, cause
   */
  constructor(serviceCode: ServiceErrorCode, message: string, options: ServiceErrorOptions = {}) {
    super(
      `server.${serviceCode.replace(/_/g, '-')}`,
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'ServiceError'
    this.serviceCode = serviceCode
    this.errors = Object.freeze([...(options.errors ?? [])])
    this.retryAfterSeconds = options.retryAfterSeconds
    this.solution = options.solution
    this.jobStatus = options.jobStatus
    this.headers = Object.freeze({ ...(options.headers ?? {}) })
  }
}

/**
 * The uniform 404 for anything the caller may not see: the same text whether the resource does
 * not exist or belongs to someone else, so the answer leaks nothing.
 *
 * @param what - the kind of resource (`job`, `backend`, …)
 * @param id - the id the caller asked for
 * @returns the error to throw
 */
export function notFound(what: string, id: string): ServiceError {
  return new ServiceError('not_found', `No ${what} ${JSON.stringify(id)}.`)
}
