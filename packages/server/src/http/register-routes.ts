import { HEADERS, toRoutePattern } from '@qfabric/protocol'
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify'
import type { ServiceApp } from './service-app.js'
import { hasScope } from '../auth/access-policy.js'
import { authenticate } from '../auth/authenticate.js'
import type { Principal } from '../auth/principal.js'
import type { RateLimitDecision } from '../auth/token-bucket-limiter.js'
import type { AppContext } from '../app/app-context.js'
import type { Route, RouteContext } from './route-definition.js'
import { ServiceError } from './service-error.js'

const principals = new WeakMap<FastifyRequest, Principal>()

/**
 * The caller of a request, as authenticated by the route's hook.
 *
 * @param request - the request
 * @returns the principal
 * @throws ServiceError `unauthenticated` when the request carried no valid token
 */
export function principalOf(request: FastifyRequest): Principal {
  const principal = principals.get(request)
  if (principal === undefined)
    throw new ServiceError('unauthenticated', 'An API token is required.')
  return principal
}

/**
 * Sets the `RateLimit-*` headers (IETF draft names, §8.7) from a limiter's decision.
 *
 * @param reply - the reply
 * @param decision - the bucket's state
 */
export function setRateLimitHeaders(reply: FastifyReply, decision: RateLimitDecision): void {
  void reply.header(HEADERS.rateLimitLimit, String(decision.limit))
  void reply.header(HEADERS.rateLimitRemaining, String(decision.remaining))
  void reply.header(HEADERS.rateLimitReset, String(decision.resetSeconds))
}

function authHook(route: Route, context: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const { endpoint } = route
    const header = request.headers.authorization
    if (endpoint.auth === 'public') {
      if (header === undefined) return
      // A public endpoint with a token still authenticates it, but never fails because of it.
      try {
        principals.set(request, await authenticate(header, context))
      } catch {
        return
      }
      return
    }
    const principal = await authenticate(header, context)
    principals.set(request, principal)
    const decision = context.requestLimiter.take(principal.token.id)
    setRateLimitHeaders(reply, decision)
    if (!decision.allowed) {
      throw new ServiceError('rate_limited', 'Too many requests with this token.', {
        retryAfterSeconds: decision.retryAfterSeconds,
      })
    }
    const scopes = endpoint.scopes
    if (scopes.length > 0 && !scopes.some((s) => hasScope(principal, s))) {
      throw new ServiceError(
        'forbidden',
        `This token lacks the scope ${scopes.join(' or ')} this endpoint needs.`,
      )
    }
  }
}

function schemaOf(route: Route): FastifySchema {
  const { endpoint, validate } = route
  const schema: FastifySchema = {}
  if (validate.includes('params') && endpoint.params !== undefined) schema.params = endpoint.params
  if (validate.includes('query') && endpoint.query !== undefined)
    schema.querystring = endpoint.query
  if (validate.includes('headers') && endpoint.headers !== undefined)
    schema.headers = endpoint.headers
  if (validate.includes('body') && endpoint.body !== undefined) schema.body = endpoint.body
  return schema
}

/**
 * Registers the route table on a Fastify app: each endpoint at its protocol path, with an
 * `onRequest` hook that authenticates (before the body is read, so unauthenticated uploads are
 * refused early), applies the per-token rate limit and checks scopes; Fastify then validates the
 * parts the route asks for, and the handler runs with typed inputs and the principal.
 *
 * @param app - the Fastify app
 * @param routes - the route table
 * @param context - what hooks and handlers use
 */
export function registerRoutes(
  app: ServiceApp,
  routes: readonly Route[],
  context: AppContext,
): void {
  for (const route of routes) {
    app.route({
      method: route.endpoint.method,
      url: toRoutePattern(route.endpoint.path),
      schema: schemaOf(route),
      onRequest: authHook(route, context),
      handler: async (request, reply) => {
        const routeContext: RouteContext<typeof route.endpoint> = {
          request,
          reply,
          params: request.params,
          query: request.query,
          body: request.body,
          get principal() {
            return principalOf(request)
          },
        }
        const body = await route.handler(routeContext)
        if (reply.sent) return reply
        return body === undefined ? reply.send() : reply.send(body)
      },
    })
  }
}
