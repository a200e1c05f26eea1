import type { TSchema } from '@sinclair/typebox'
import {
  API_VERSION,
  CONTENT_TYPES,
  ProblemDocumentSchema,
  type EndpointDefinition,
} from '@qfabric/protocol'
import type { Route } from './route-definition.js'

/** A JSON Schema or OpenAPI object, as plain JSON. */
type JsonObject = Record<string, unknown>

/** The parts of an OpenAPI 3.1 document this generator writes. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0'
  readonly info: { readonly title: string; readonly version: string; readonly description: string }
  readonly servers: readonly { readonly url: string }[]
  readonly paths: Readonly<Record<string, Readonly<Record<string, JsonObject>>>>
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonObject>>
    readonly securitySchemes: Readonly<Record<string, JsonObject>>
  }
}

/**
 * Collects named schemas: every sub-schema with a `$id` moves to `components.schemas` and is
 * replaced by a `$ref`, so each shared shape (`JobRecord`, `ProblemDocument`, …) is written once.
 * TypeBox's symbol-keyed metadata is dropped by the JSON round trip.
 */
class SchemaCollector {
  readonly schemas: Record<string, JsonObject> = {}

  ref(schema: TSchema): JsonObject {
    return this.#walk(JSON.parse(JSON.stringify(schema)) as unknown) as JsonObject
  }

  #walk(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.#walk(n))
    if (typeof node !== 'object' || node === null) return node
    const copy: JsonObject = {}
    for (const [key, value] of Object.entries(node)) {
      copy[key] = key === 'examples' || key === 'default' ? value : this.#walk(value)
    }
    // TypeBox writes tuples draft-07 style; JSON Schema 2020-12 (OpenAPI 3.1) says prefixItems.
    if (Array.isArray(copy['items'])) {
      copy['prefixItems'] = copy['items']
      copy['items'] = false
      delete copy['additionalItems']
    }
    const id = copy['$id']
    if (typeof id !== 'string') return copy
    delete copy['$id']
    const name = this.#nameFor(id, copy)
    return { $ref: `#/components/schemas/${name}` }
  }

  #nameFor(id: string, schema: JsonObject): string {
    const text = JSON.stringify(schema)
    for (let i = 1; ; i++) {
      const name = i === 1 ? id : `${id}${i}`
      const existing = this.schemas[name]
      if (existing === undefined) {
        this.schemas[name] = schema
        return name
      }
      if (JSON.stringify(existing) === text) return name
    }
  }
}

function parametersOf(
  collector: SchemaCollector,
  schema: TSchema | undefined,
  where: 'path' | 'query' | 'header',
): JsonObject[] {
  if (schema === undefined) return []
  // The part's own name would make it a $ref; parameters need its properties inline.
  const anonymous: TSchema = { ...schema }
  delete anonymous.$id
  const object = collector.ref(anonymous)
  const properties = (object['properties'] ?? {}) as Record<string, JsonObject>
  const required = new Set((object['required'] ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property['description'] === 'string'
      ? { description: property['description'] }
      : {}),
    schema: property,
    ...(where === 'query' && property['type'] === 'array' ? { style: 'form', explode: true } : {}),
  }))
}

function responsesOf(collector: SchemaCollector, route: Route, problemRef: JsonObject): JsonObject {
  const responses: JsonObject = {}
  for (const [status, schema] of Object.entries(route.endpoint.responses)) {
    const content: JsonObject = {}
    if (schema !== null) content[CONTENT_TYPES.json] = { schema: collector.ref(schema) }
    for (const type of route.produces) content[type] = { schema: { type: 'string' } }
    responses[status] = {
      description: status.startsWith('2') ? 'Success' : `Status ${status}`,
      ...(Object.keys(content).length > 0 ? { content } : {}),
    }
  }
  responses['default'] = {
    description: 'Error (RFC 9457 problem document with a stable code)',
    content: { [CONTENT_TYPES.problemJson]: { schema: problemRef } },
  }
  return responses
}

function operationOf(collector: SchemaCollector, route: Route, problemRef: JsonObject): JsonObject {
  const endpoint: EndpointDefinition = route.endpoint
  const parameters = [
    ...parametersOf(collector, endpoint.params, 'path'),
    ...parametersOf(collector, endpoint.query, 'query'),
    ...parametersOf(collector, endpoint.headers, 'header'),
  ]
  const scopes = endpoint.scopes
  return {
    operationId: route.name,
    summary: endpoint.summary,
    tags: [endpoint.path.split('/')[2]?.split(':')[0] ?? 'service'],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { [CONTENT_TYPES.json]: { schema: collector.ref(endpoint.body) } },
          },
        }),
    responses: responsesOf(collector, route, problemRef),
    security: endpoint.auth === 'public' ? [] : [{ bearer: [...scopes] }],
    ...(scopes.length > 0 ? { 'x-scopes': [...scopes] } : {}),
  }
}

/**
 * The OpenAPI 3.1 document of the service, generated from the route table — the same endpoint
 * definitions and TypeBox schemas the server validates with, so the document cannot drift from
 * the server. Named schemas (`$id`) become `components.schemas`; every operation documents its
 * problem+json error response and its bearer-token scopes.
 *
 * @param routes - the routes the server serves
 * @param options - server version and public base URL
 * @returns the document (plain JSON)
 * @example
 * ```ts
 * const doc = createOpenApiDocument(routes, { version: '0.1.0', serverUrl: 'http://127.0.0.1:8080' })
 * doc.paths['/v1/jobs/{id}'].get.operationId // 'getJob'
 * ```
 */
export function createOpenApiDocument(
  routes: readonly Route[],
  options: { readonly version: string; readonly serverUrl?: string },
): OpenApiDocument {
  const collector = new SchemaCollector()
  const problemRef = collector.ref(ProblemDocumentSchema)
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const route of routes) {
    const item = (paths[route.endpoint.path] ??= {})
    item[route.endpoint.method.toLowerCase()] = operationOf(collector, route, problemRef)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'qfabric job service',
      version: options.version,
      description: `Contract ${API_VERSION} (Api-Version header). Errors are RFC 9457 problem documents.`,
    },
    servers: options.serverUrl === undefined ? [] : [{ url: options.serverUrl }],
    paths,
    components: {
      schemas: collector.schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API token qjs_<id>_<secret>' },
      },
    },
  }
}
