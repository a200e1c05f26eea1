import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { HEADERS, negotiateApiVersion } from '@qfabric/protocol'
import Fastify from 'fastify'
import type { Logger } from 'pino'
import type { AppContext } from '../app/app-context.js'
import { enableCors, type CorsOptions } from './cors.js'
import { installErrorHandlers } from './error-handler.js'
import { createOpenApiDocument, type OpenApiDocument } from './openapi-document.js'
import { registerRoutes } from './register-routes.js'
import { requestIdOf } from './request-id.js'
import type { Route } from './route-definition.js'
import type { ServiceApp } from './service-app.js'
import { accountRoutes } from './routes/account-routes.js'
import { backendRoutes } from './routes/backend-routes.js'
import { instanceRoutes } from './routes/instance-routes.js'
import { jobArtifactRoutes } from './routes/job-artifact-routes.js'
import { jobEventRoutes } from './routes/job-event-routes.js'
import { jobRoutes } from './routes/job-routes.js'
import { serviceRoutes } from './routes/service-routes.js'
import { tokenRoutes } from './routes/token-routes.js'
import { protocolValidatorCompiler } from './validator-compiler.js'

/** Where the generated OpenAPI document is served (no token needed). */
export const OPENAPI_PATH = '/v1/openapi.json'

/** Options of {@link buildHttpApp}. */
export interface BuildHttpAppOptions {
  readonly logger: Logger
  /** CORS allow-list; CORS is off without it. */
  readonly cors?: CorsOptions | undefined
}

/** The Fastify app of the service, with its route table and OpenAPI document. */
export interface HttpApp {
  readonly app: ServiceApp
  readonly routes: readonly Route[]
  readonly openapi: OpenApiDocument
}

/**
 * Every route of the service, in the order of the protocol's endpoint table.
 *
 * @param context - the app context
 * @returns the route table
 */
export function createRouteTable(context: AppContext): Route[] {
  return [
    ...accountRoutes(context),
    ...tokenRoutes(context),
    ...instanceRoutes(context),
    ...backendRoutes(context),
    ...serviceRoutes(context),
    ...jobRoutes(context),
    ...jobArtifactRoutes(context),
    ...jobEventRoutes(context),
  ]
}

/**
 * Builds the Fastify app (TypeBox type provider, protocol validators): request ids (a sane
 * incoming `X-Request-Id` or a ULID, echoed on every response), structured logs with tokens
 * redacted, `Api-Version` negotiation, JSON bodies only (415 otherwise) up to
 * `limits.maxRequestBytes` (413), problem+json for every error and unknown route, optional CORS,
 * the route table and `GET /v1/openapi.json`.
 *
 * @param context - the app context
 * @param options - logger and CORS
 * @returns the app, its routes and its OpenAPI document
 */
export function buildHttpApp(context: AppContext, options: BuildHttpAppOptions): HttpApp {
  const app: ServiceApp = Fastify({
    loggerInstance: options.logger,
    bodyLimit: context.limits.maxRequestBytes,
    genReqId: requestIdOf,
    requestIdHeader: false,
    return503OnClosing: true,
    // Connections are closed by the server's HttpConnections (idle ones at once, busy ones once
    // their response is sent, all after a grace period); Node's sweep of idle ones is no harm.
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(protocolValidatorCompiler)
  // Only JSON bodies: anything else is 415 (Fastify would also parse text/plain).
  app.removeContentTypeParser('text/plain')
  installErrorHandlers(app)
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(HEADERS.requestId, request.id)
    void reply.header(
      HEADERS.apiVersion,
      negotiateApiVersion(request.headers['api-version'] as string | undefined),
    )
    return Promise.resolve()
  })
  // A response sent while the server closes (a long-poll ended by the shutdown) tells the client
  // not to send another request on the connection: it is closed right after.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (context.closing.aborted) void reply.header('connection', 'close')
    return Promise.resolve(payload)
  })
  if (options.cors !== undefined) enableCors(app, options.cors)
  const routes = createRouteTable(context)
  registerRoutes(app, routes, context)
  const openapi = createOpenApiDocument(routes, { version: context.version })
  app.get(OPENAPI_PATH, async () => Promise.resolve(openapi))
  return { app, routes, openapi }
}
