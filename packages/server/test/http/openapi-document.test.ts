import { ENDPOINTS, validateValue, type EndpointName, type JobRecord } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenApiDocument } from '../../src/http/openapi-document.js'
import { bellResult, BELL_QASM3, startTestServer, type TestServer } from './test-server.js'

type Json = Record<string, unknown>

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, out)
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else collectRefs(v, out)
    }
  }
  return out
}

function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit)
  else if (typeof node === 'object' && node !== null) {
    visit(node as Json)
    for (const v of Object.values(node)) walk(v, visit)
  }
}

describe('OpenAPI document', () => {
  let t: TestServer
  let doc: OpenApiDocument
  beforeAll(async () => {
    t = await startTestServer()
    const r = await t.request('GET', '/v1/openapi.json')
    expect(r.status).toBe(200)
    doc = r.json as OpenApiDocument
  })
  afterAll(() => t.close())

  it('is an OpenAPI 3.1 document listing every endpoint of the protocol', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(typeof doc.info.title).toBe('string')
    expect(doc.info.version).toBe('0.1.0')
    const names = Object.keys(ENDPOINTS) as EndpointName[]
    expect(names.length).toBeGreaterThan(30)
    for (const name of names) {
      const endpoint = ENDPOINTS[name]
      const operation = doc.paths[endpoint.path]?.[endpoint.method.toLowerCase()]
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined()
      expect(operation?.['operationId']).toBe(name)
    }
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => op['operationId']),
    )
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(names.length)
  })

  it('declares every path parameter and an error response everywhere', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      const templateParams = [...path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1])
      for (const [method, op] of Object.entries(item)) {
        const params = (op['parameters'] ?? []) as Json[]
        const inPath = params.filter((p) => p['in'] === 'path').map((p) => p['name'])
        expect(inPath.sort(), `${method} ${path}`).toEqual([...templateParams].sort())
        for (const p of params) expect(['path', 'query', 'header']).toContain(p['in'])
        const responses = op['responses'] as Json
        expect(Object.keys(responses).some((s) => /^2\d\d$/.test(s))).toBe(true)
        expect(responses['default']).toBeDefined()
        const security = op['security'] as unknown[]
        expect(Array.isArray(security)).toBe(true)
      }
    }
    expect(doc.paths['/v1/health']?.['get']?.['security']).toEqual([])
    expect(doc.paths['/v1/jobs']?.['post']?.['security']).toEqual([{ bearer: ['jobs:write'] }])
  })

  it('resolves every $ref and uses JSON Schema 2020-12 tuples', () => {
    const refs = collectRefs(doc)
    expect(refs.length).toBeGreaterThan(50)
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//)
      expect(doc.components.schemas[ref.split('/').at(-1) ?? '']).toBeDefined()
    }
    walk(doc, (n) => {
      expect(Array.isArray(n['items'])).toBe(false)
      expect('$id' in n).toBe(false)
    })
    expect(doc.components.schemas['JobRecord']).toBeDefined()
    expect(doc.components.schemas['ProblemDocument']).toBeDefined()
  })

  it('describes what the server really answers (responses match their schemas)', async () => {
    const submitted = await t.request('POST', '/v1/jobs', {
      token: t.alice.token,
      body: { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] }, shots: 100 },
    })
    const job = submitted.json as JobRecord
    const claimed = await t.executor.claim(['sim'])
    expect(claimed?.id).toBe(job.id)
    await t.executor.complete(job.id, bellResult(job.id))
    const checks: [EndpointName, string, string][] = [
      ['getMe', '/v1/me', t.alice.token],
      ['listTokens', '/v1/tokens', t.alice.token],
      ['listInstances', '/v1/instances', t.alice.token],
      ['getInstance', '/v1/instances/acme/research/vqe', t.alice.token],
      ['getInstanceLimits', '/v1/instances/acme/research/vqe/limits', t.alice.token],
      ['listUsers', '/v1/users', t.adminToken],
      ['listMemberships', '/v1/memberships', t.adminToken],
      ['listBackends', '/v1/backends', t.alice.token],
      ['getBackend', '/v1/backends/device', t.alice.token],
      ['getBackendConfiguration', '/v1/backends/device/configuration', t.alice.token],
      ['getBackendProperties', '/v1/backends/device/properties', t.alice.token],
      ['getBackendStatus', '/v1/backends/device/status', t.alice.token],
      ['getVersion', '/v1/version', t.alice.token],
      ['getHealth', '/v1/health', t.alice.token],
      ['listJobs', '/v1/jobs', t.alice.token],
      ['getJob', `/v1/jobs/${job.id}`, t.alice.token],
      ['getJobResult', `/v1/jobs/${job.id}/result`, t.alice.token],
      ['getJobInput', `/v1/jobs/${job.id}/input`, t.alice.token],
      ['getJobLogs', `/v1/jobs/${job.id}/logs`, t.alice.token],
      ['getJobMetrics', `/v1/jobs/${job.id}/metrics`, t.alice.token],
      ['getJobEvents', `/v1/jobs/${job.id}/events`, t.alice.token],
    ]
    expect(validateValue(ENDPOINTS.submitJob.responses[201], submitted.json).ok).toBe(true)
    for (const [name, path, token] of checks) {
      const r = await t.request('GET', path, { token })
      expect(r.status, `${name}: ${r.body}`).toBe(200)
      const schema = (
        ENDPOINTS[name].responses as Record<number, Parameters<typeof validateValue>[0]>
      )[200]
      if (schema === undefined) throw new Error(`no 200 schema for ${name}`)
      const checked = validateValue(schema, r.json)
      expect(checked.ok ? [] : checked.errors, name).toEqual([])
    }
  })
})
