import { QfabricError } from '@qfabric/core/providers'
import type { FieldError, ProblemDocument } from '../schemas/problem-document.js'
import { problemDocument } from './problem-document.js'
import type { ServiceErrorCode } from './service-error-codes.js'

/**
 * The codes of {@link ProtocolError} (`area.detail`, as every qfabric error), each with the
 * service error code a server answers with when the error reaches it.
 */
export const PROTOCOL_ERROR_CODES = {
  'protocol.validation-failed': 'validation_failed',
  'protocol.bad-request': 'bad_request',
  'protocol.invalid-cursor': 'invalid_cursor',
  'protocol.cursor-mismatch': 'cursor_mismatch',
  'protocol.invalid-token': 'unauthenticated',
  'protocol.unsupported-api-version': 'unsupported_api_version',
  'protocol.invalid-event': 'internal',
} as const satisfies Record<string, ServiceErrorCode>

/** A stable code of a {@link ProtocolError}. */
export type ProtocolErrorCode = keyof typeof PROTOCOL_ERROR_CODES

/** Options of a {@link ProtocolError}. */
export interface ProtocolErrorOptions {
  /** The field errors (for `protocol.validation-failed`). */
  readonly errors?: readonly FieldError[]
  /** The ES2022 `cause`. */
  readonly cause?: unknown
}

/**
 * Thrown by this package's parsers and validators when input breaks the contract: a bad query,
 * a corrupt cursor, a malformed token or event. It knows its wire form:
 * {@link ProtocolError.toProblemDocument} gives the problem document a server sends.
 */
export class ProtocolError extends QfabricError {
  /** The service error code this error becomes on the wire. */
  readonly serviceCode: ServiceErrorCode
  /** Field errors with JSON pointers (empty unless the input had invalid fields). */
  readonly errors: readonly FieldError[]

  /**
   * @param code - the stable code
   * @param message - what is wrong (becomes the problem's `detail`)
   * @param options - field errors and `cause`
   */
  constructor(code: ProtocolErrorCode, message: string, options: ProtocolErrorOptions = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ProtocolError'
    this.serviceCode = PROTOCOL_ERROR_CODES[code]
    this.errors = Object.freeze([...(options.errors ?? [])])
  }

  /**
   * The problem document for this error.
   *
   * @param extras - `trace_id`, `instance`, `typeBase`
   * @returns a document with this error's service code, message and field errors
   */
  toProblemDocument(
    extras: { trace_id?: string; instance?: string; typeBase?: string } = {},
  ): ProblemDocument {
    return problemDocument(this.serviceCode, this.message, {
      ...extras,
      ...(this.errors.length > 0 ? { errors: this.errors } : {}),
    })
  }
}
