import type { Static, TSchema } from '@sinclair/typebox'
import { ENDPOINTS, type EndpointDefinition, type EndpointName } from '@qfabric/protocol'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Principal } from '../auth/principal.js'

type StaticOf<TPart> = TPart extends TSchema ? Static<TPart> : undefined

/** Parts of a request Fastify can validate against an endpoint's schemas. */
export type ValidatedPart = 'params' | 'query' | 'headers' | 'body'

/** What a route handler gets: the request, its inputs typed by the endpoint's schemas, the caller. */
export interface RouteContext<TEndpoint extends EndpointDefinition> {
  readonly request: FastifyRequest
  readonly reply: FastifyReply
  readonly params: StaticOf<TEndpoint['params']>
  readonly query: StaticOf<TEndpoint['query']>
  readonly body: StaticOf<TEndpoint['body']>
  /**
   * The authenticated caller (for `public` endpoints: only when a valid token was sent).
   *
   * @throws ServiceError `unauthenticated` when there is none
   */
  readonly principal: Principal
}

/** How the server implements one endpoint of the protocol. */
export interface RouteImplementation<TEndpoint extends EndpointDefinition> {
  /**
   * Parts Fastify validates before the handler (default: every part the endpoint has a schema
   * for). A part left out is only documented and the handler parses it — the listing query,
   * which the protocol parses with cross-field rules and cursors.
   */
  readonly validate?: readonly ValidatedPart[]
  /** Response media types besides JSON (`text/event-stream`). */
  readonly produces?: readonly string[]
  /** Whether the route also counts against the per-user submit rate. */
  readonly isSubmission?: boolean
  /** Runs the request; the return value is the JSON body (`undefined` when the reply was sent). */
  handler(context: RouteContext<TEndpoint>): Promise<unknown>
}

/** A route of the route table: the endpoint's contract and the implementation. */
export interface Route {
  readonly name: EndpointName
  readonly endpoint: EndpointDefinition
  readonly validate: readonly ValidatedPart[]
  readonly produces: readonly string[]
  readonly isSubmission: boolean
  handler(context: RouteContext<EndpointDefinition>): Promise<unknown>
}

/**
 * Implements an endpoint of the protocol's `ENDPOINTS` table: method, path, access and schemas
 * come from the table (one source of truth for server, client and OpenAPI document), the
 * handler's inputs are typed by those schemas.
 *
 * @param name - the endpoint (`getJob`, `submitJob`, …)
 * @param implementation - the handler and options
 * @returns the route
 * @example
 * ```ts
 * defineRoute('getJob', {
 *   handler: async ({ params, principal }) => jobs.get(principal, params.id),
 * })
 * ```
 */
export function defineRoute<TName extends EndpointName>(
  name: TName,
  implementation: RouteImplementation<(typeof ENDPOINTS)[TName]>,
): Route {
  const endpoint: EndpointDefinition = ENDPOINTS[name]
  const parts: ValidatedPart[] = []
  if (endpoint.params !== undefined) parts.push('params')
  if (endpoint.query !== undefined) parts.push('query')
  if (endpoint.headers !== undefined) parts.push('headers')
  if (endpoint.body !== undefined) parts.push('body')
  return {
    name,
    endpoint,
    validate: implementation.validate ?? parts,
    produces: implementation.produces ?? [],
    isSubmission: implementation.isSubmission ?? false,
    // The endpoint's schemas validated the inputs, so the typed view of them is sound.
    handler: (context) => implementation.handler(context),
  }
}
