import { ProblemDocumentSchema } from '../schemas/problem-document.js'
import { ACCOUNT_ENDPOINTS } from './account-endpoints.js'
import { BACKEND_ENDPOINTS } from './backend-endpoints.js'
import { JOB_ENDPOINTS } from './job-endpoints.js'

/**
 * Every endpoint of the v1 contract (reference/service-api.md §8.4, without the later issues'
 * sessions, uploads and estimates): method, path template, auth, and the TypeBox schemas of
 * params, query, headers, body and each success response. Errors are not listed per endpoint:
 * every endpoint answers errors with a problem document ({@link ERROR_RESPONSES}).
 *
 * @example
 * ```ts
 * const { method, path, body, responses } = ENDPOINTS.submitJob
 * fastify.route({ method, url: toRoutePattern(path), schema: { body, response: { ...responses, ...ERROR_RESPONSES } }, handler })
 * ```
 */
export const ENDPOINTS = Object.freeze({
  ...ACCOUNT_ENDPOINTS,
  ...BACKEND_ENDPOINTS,
  ...JOB_ENDPOINTS,
})

/** The name of an endpoint (`submitJob`, `getJob`, …). */
export type EndpointName = keyof typeof ENDPOINTS

/** Error responses shared by every endpoint (Fastify accepts `4xx`/`5xx` keys). */
export const ERROR_RESPONSES = Object.freeze({
  '4xx': ProblemDocumentSchema,
  '5xx': ProblemDocumentSchema,
})
