import { QfabricError } from '@qfabric/core/providers'
import type { FieldError, ProblemDocument } from '@qfabric/protocol'

/**
 * The stable codes of errors the client raises itself (the service's own codes arrive on a
 * {@link ServiceRequestError}):
 *
 * - `client.network`: the request never got an HTTP answer (connection refused or reset, DNS),
 *   after every retry;
 * - `client.invalid-response`: the server answered something this client cannot read (not JSON,
 *   a body that does not match the contract, an unexpected status);
 * - `client.stream-failed`: an event stream broke and could not be resumed;
 * - `client.no-instance`: the token can use no instance, or several and none was chosen;
 * - `client.instance-not-found`: the named instance is not one the token can use;
 * - `client.invalid-input`: `run()` was given something that is neither a circuit nor QASM text;
 * - `client.invalid-handle`: `RemoteJob.fromJSON` was given something that is not a job handle.
 */
export const CLIENT_ERROR_CODES = [
  'client.network',
  'client.invalid-response',
  'client.stream-failed',
  'client.no-instance',
  'client.instance-not-found',
  'client.invalid-input',
  'client.invalid-handle',
] as const

/** A code of {@link CLIENT_ERROR_CODES}. */
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number]

/**
 * The root of the client's errors (`QfabricError` → `ClientError`). `code` is one of
 * {@link CLIENT_ERROR_CODES}, or — on a {@link ServiceRequestError} — the service's stable
 * error code (`not_found`, `validation_failed`, …).
 */
export class ClientError extends QfabricError {
  /**
   * @param code - a client code (or, from subclasses, a service code)
   * @param message - what went wrong
   * @param options - the underlying error
   */
  constructor(
    code: ClientErrorCode | (string & {}),
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options)
    this.name = 'ClientError'
  }
}

/** What a {@link ServiceRequestError} is made of. */
export interface ServiceRequestErrorInit {
  /** The HTTP status of the answer. */
  readonly status: number
  /** The problem document of the answer (RFC 9457 with our `code`). */
  readonly problem: ProblemDocument
  /** `X-Request-Id` of the answer, if any: quote it in bug reports. */
  readonly requestId?: string | undefined
  /** The request's method and path, for the message. */
  readonly method: string
  readonly path: string
  /** `Retry-After` of the answer, in seconds. */
  readonly retryAfterSeconds?: number | undefined
}

/**
 * The service answered with an error (any non-2xx status): the problem document rehydrated.
 * `code` is the service's stable code (`service-api.md` §8.10, `SERVICE_ERROR_CODES` in
 * `@qfabric/protocol`); branch on it, never on the message.
 *
 * @example
 * ```ts
 * try { await backend.run(circuit, { shots: 10 ** 9 }) }
 * catch (e) { if (isServiceRequestError(e, 'validation_failed')) console.log(e.fieldErrors) }
 * ```
 */
export class ServiceRequestError extends ClientError {
  /** The HTTP status. */
  readonly status: number
  /** The whole problem document. */
  readonly problem: ProblemDocument
  /** `X-Request-Id` of the failed request, if the server sent one. */
  readonly requestId: string | undefined
  /** Field errors of a 422 (`[]` when none). */
  readonly fieldErrors: readonly FieldError[]
  /** Whether the same request may succeed later (from the problem document). */
  readonly retryable: boolean
  /** How long the server asked to wait before retrying, in seconds, if it said. */
  readonly retryAfterSeconds: number | undefined

  /** @param init - status, problem document, request id, method and path */
  constructor(init: ServiceRequestErrorInit) {
    const { problem } = init
    const detail = problem.detail === undefined ? '' : `: ${problem.detail}`
    const id = init.requestId === undefined ? '' : ` (request ${init.requestId})`
    super(
      problem.code,
      `${init.method} ${init.path} failed with ${init.status} ${problem.title}${detail}${id}`,
    )
    this.name = 'ServiceRequestError'
    this.status = init.status
    this.problem = problem
    this.requestId = init.requestId
    this.fieldErrors = Object.freeze([...(problem.errors ?? [])])
    this.retryable = problem.retryable
    this.retryAfterSeconds = init.retryAfterSeconds ?? problem.retry_after_seconds
  }
}

/**
 * Whether a value is a {@link ServiceRequestError} (optionally with a given service code). Falls
 * back to a name check, so errors from a duplicated copy of the package match too.
 *
 * @param value - anything caught
 * @param code - a service error code to require
 * @returns true for a service error (with that code)
 */
export function isServiceRequestError(value: unknown, code?: string): value is ServiceRequestError {
  const isOne =
    value instanceof ServiceRequestError ||
    (value instanceof Error &&
      value.name === 'ServiceRequestError' &&
      typeof (value as { status?: unknown }).status === 'number')
  return isOne && (code === undefined || (value as ServiceRequestError).code === code)
}
