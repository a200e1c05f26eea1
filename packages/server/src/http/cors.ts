import { HEADERS } from '@qfabric/protocol'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ServiceApp } from './service-app.js'

/** CORS options: off unless origins are listed. */
export interface CorsOptions {
  /** Origins allowed to call the API from browsers (`https://dash.example.com`), exactly. */
  readonly origins: readonly string[]
  /** How long browsers may cache a preflight answer, seconds (default 600). */
  readonly maxAgeSeconds?: number
}

const ALLOWED_HEADERS = [
  HEADERS.authorization,
  HEADERS.contentType,
  HEADERS.idempotencyKey,
  HEADERS.instance,
  HEADERS.ifNoneMatch,
  HEADERS.prefer,
  HEADERS.lastEventId,
  HEADERS.apiVersion,
  HEADERS.requestId,
]

const EXPOSED_HEADERS = [
  HEADERS.requestId,
  HEADERS.retryAfter,
  HEADERS.rateLimitLimit,
  HEADERS.rateLimitRemaining,
  HEADERS.rateLimitReset,
  HEADERS.etag,
  HEADERS.location,
  HEADERS.idempotentReplayed,
  HEADERS.preferenceApplied,
  HEADERS.apiVersion,
]

/**
 * Enables CORS for an allow-list of origins: matching requests get
 * `Access-Control-Allow-Origin` (never `*`, since requests carry bearer tokens) and the exposed
 * headers; preflight `OPTIONS` requests are answered for every path. Origins not on the list get
 * no CORS headers, so browsers refuse the response. Without this plugin the server sends no CORS
 * headers at all.
 *
 * @param app - the Fastify app
 * @param options - allowed origins
 */
export function enableCors(app: ServiceApp, options: CorsOptions): void {
  const allowed = new Set(options.origins)
  const allow = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const origin = request.headers.origin
    if (origin === undefined || !allowed.has(origin)) return false
    void reply
      .header('Access-Control-Allow-Origin', origin)
      .header('Vary', 'Origin')
      .header('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '))
    return true
  }
  app.addHook('onRequest', async (request, reply) => {
    allow(request, reply)
    return Promise.resolve()
  })
  app.options('/*', async (request, reply) => {
    if (!allow(request, reply)) return reply.code(404).send()
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS')
      .header('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '))
      .header('Access-Control-Max-Age', String(options.maxAgeSeconds ?? 600))
      .send()
  })
}
