import { ProtocolError, type ServiceErrorCode } from '@qfabric/protocol'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ServiceApp } from './service-app.js'
import { JobStoreError } from '../store/job-store-error.js'
import { sendProblem, serviceErrorToProblem } from './problem-reply.js'
import { ServiceError } from './service-error.js'

/** Fastify's own error codes, and what each becomes on the wire. */
const FASTIFY_CODES: Readonly<Record<string, { code: ServiceErrorCode; detail: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    detail: 'The request body is larger than this server accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    detail: 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'bad_request',
    detail: 'The body is empty but Content-Type says application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', detail: 'The body is not valid JSON.' },
  FST_ERR_BAD_URL: { code: 'bad_request', detail: 'The URL is malformed.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'not_found', detail: 'No such resource.' },
}

/**
 * Turns any thrown value into a {@link ServiceError}: our own errors keep their code; protocol
 * errors map through their table; Fastify's parsing errors (body too large, wrong media type,
 * malformed JSON) get their codes; everything else is `internal`, with a detail that reveals
 * nothing about the server.
 *
 * @param error - what was thrown
 * @returns the error to answer with, and whether it is unexpected (to log at error level)
 */
export function toServiceError(error: unknown): { error: ServiceError; unexpected: boolean } {
  if (error instanceof ServiceError) return { error, unexpected: false }
  if (error instanceof ProtocolError) {
    return {
      error: new ServiceError(error.serviceCode, error.message, {
        errors: error.errors,
        cause: error,
      }),
      unexpected: error.serviceCode === 'internal',
    }
  }
  if (error instanceof JobStoreError) {
    const unexpected = error.serviceCode === 'internal'
    const detail = unexpected ? 'An unexpected error occurred; quote trace_id.' : error.message
    return { error: new ServiceError(error.serviceCode, detail, { cause: error }), unexpected }
  }
  const fastifyCode = (error as Partial<FastifyError> | null)?.code
  const mapped = fastifyCode === undefined ? undefined : FASTIFY_CODES[fastifyCode]
  if (mapped !== undefined) {
    return {
      error: new ServiceError(mapped.code, mapped.detail, { cause: error }),
      unexpected: false,
    }
  }
  if (error instanceof SyntaxError && (error as Partial<FastifyError>).statusCode === 400) {
    return {
      error: new ServiceError('bad_request', 'The body is not valid JSON.', { cause: error }),
      unexpected: false,
    }
  }
  return {
    error: new ServiceError('internal', 'An unexpected error occurred; quote trace_id.', {
      cause: error,
    }),
    unexpected: true,
  }
}

/**
 * Installs the problem+json error handler and the 404 handler on an app, so every failure path
 * answers with a problem document and a stable code, and unexpected errors are logged (with
 * their stack) but never shown.
 *
 * @param app - the Fastify app
 */
export function installErrorHandlers(app: ServiceApp): void {
  app.setErrorHandler((thrown: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { error, unexpected } = toServiceError(thrown)
    if (unexpected) request.log.error({ err: thrown }, 'unexpected error')
    else request.log.info({ code: error.serviceCode }, error.message)
    return sendProblem(reply, serviceErrorToProblem(error, request), error.headers)
  })
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? request.url
    const error = new ServiceError('not_found', `No route ${request.method} ${path}.`)
    return sendProblem(reply, serviceErrorToProblem(error, request))
  })
}
