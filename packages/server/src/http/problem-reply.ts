import {
  CONTENT_TYPES,
  formatRetryAfter,
  HEADERS,
  problemDocument,
  type ProblemDocument,
} from '@qfabric/protocol'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ServiceError } from './service-error.js'

/**
 * The problem document of a {@link ServiceError} for one request: the protocol's table supplies
 * status, title and `retryable`; the request id becomes `trace_id`.
 *
 * @param error - the error
 * @param request - the request it answers
 * @returns the document
 */
export function serviceErrorToProblem(
  error: ServiceError,
  request: FastifyRequest,
): ProblemDocument {
  return problemDocument(error.serviceCode, error.message, {
    trace_id: request.id,
    instance: request.url.split('?')[0] ?? request.url,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    ...(error.retryAfterSeconds === undefined
      ? {}
      : { retry_after_seconds: Math.ceil(error.retryAfterSeconds) }),
    ...(error.solution === undefined ? {} : { solution: error.solution }),
    ...(error.jobStatus === undefined ? {} : { job_status: error.jobStatus }),
  })
}

/**
 * Sends a problem document as `application/problem+json`, with `Retry-After` when the document
 * has `retry_after_seconds` (every 429 and 503 should).
 *
 * @param reply - the reply
 * @param problem - the document
 * @param headers - extra headers
 * @returns the reply (sent)
 */
export function sendProblem(
  reply: FastifyReply,
  problem: ProblemDocument,
  headers: Readonly<Record<string, string>> = {},
): FastifyReply {
  if (problem.retry_after_seconds !== undefined) {
    void reply.header(HEADERS.retryAfter, formatRetryAfter(problem.retry_after_seconds))
  }
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value)
  return reply.code(problem.status).type(CONTENT_TYPES.problemJson).send(JSON.stringify(problem))
}
