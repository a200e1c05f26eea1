import type { TSchema } from '@sinclair/typebox'
import Fastify, { type FastifyError, type FastifySchema } from 'fastify'
import { describe, expect, it } from 'vitest'
import { problemDocument } from '../../src/errors/problem-document.js'
import type { EndpointDefinition } from '../../src/http/endpoint-definition.js'
import { ENDPOINTS, ERROR_RESPONSES } from '../../src/http/endpoints.js'
import { PATHS, toRoutePattern } from '../../src/http/paths.js'
import { parseJobListQuery } from '../../src/listing/parse-job-list-query.js'
import { fieldErrorsFromAjv } from '../../src/validation/ajv-errors.js'
import { validationProblem } from '../../src/validation/validate-value.js'
import { EVENTS } from '../__fixtures__/events.js'
import {
  backend,
  deviceJson,
  instance,
  result,
  specJobRecord,
  submission,
  tokenInfo,
  user,
} from '../__fixtures__/examples.js'

const record = specJobRecord()

/** A sample success body per endpoint, used as the handler's answer. */
const SAMPLES: Partial<Record<keyof typeof ENDPOINTS, unknown>> = {
  getJob: record,
  submitJob: record,
  getJobResult: result,
  getJobInput: submission,
  listBackends: { items: [backend] },
  getBackendConfiguration: deviceJson('lima', 'conf'),
  getBackendProperties: deviceJson('lima', 'props'),
  listInstances: { items: [instance] },
  listTokens: { items: [tokenInfo] },
  getUser: user,
  cancelJob: {
    status: 'CANCELLING',
    already_final: false,
    job: { ...record, status: 'CANCELLING', phase: 'cancel_requested' },
  },
  getJobEvents: { items: EVENTS.slice(1), has_more: false },
}

function buildApp() {
  // Fastify's default Ajv strips unknown members silently; the contract makes them a 422.
  const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false } } })
  // How a server answers schema failures: problem documents with our field errors.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation === undefined) throw error
    const problem = validationProblem(fieldErrorsFromAjv(error.validation, error.validationContext))
    return reply.code(problem.status).type('application/problem+json').send(problem)
  })
  for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
    const def: EndpointDefinition = endpoint
    const response: Record<string, TSchema> = { ...ERROR_RESPONSES }
    for (const [status, schema] of Object.entries(def.responses))
      if (schema !== null) response[status] = schema
    const routeSchema: FastifySchema = {
      ...(def.params && { params: def.params }),
      ...(def.query && { querystring: def.query }),
      ...(def.headers && { headers: def.headers }),
      ...(def.body && { body: def.body }),
      response,
    }
    app.route({
      method: def.method,
      url: toRoutePattern(def.path),
      schema: routeSchema,
      handler: async (request, reply) => {
        if (name === 'listJobs') {
          const { filter } = parseJobListQuery(request.query as Record<string, unknown>)
          return reply.code(200).send({
            items: [],
            next_cursor: null,
            has_more: false,
            ...(filter.include_total ? { total: 0 } : {}),
          })
        }
        const sample = SAMPLES[name as keyof typeof ENDPOINTS]
        if (sample === undefined) {
          return reply
            .code(501)
            .type('application/problem+json')
            .send(problemDocument('not_implemented', name))
        }
        return reply.code(def.status).send(sample)
      },
    })
  }
  return app
}

describe('ENDPOINTS', () => {
  it('use every path of PATHS, each method+path once', () => {
    const used = new Set(Object.values(ENDPOINTS).map((e) => e.path))
    expect([...used].sort()).toEqual(Object.values(PATHS).sort())
    const keys = Object.values(ENDPOINTS).map((e) => `${e.method} ${e.path}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('declare body schemas only where there is a body, and success statuses only', () => {
    for (const [name, e] of Object.entries(ENDPOINTS)) {
      if ('body' in e) expect(['POST', 'PATCH'], name).toContain(e.method)
      for (const status of Object.keys(e.responses).map(Number))
        expect(status < 400 || name === 'getHealth', name).toBe(true)
      if (e.auth === 'public') expect(e.scopes).toEqual([])
    }
  })

  it('need a path parameter schema exactly when the path has parameters', () => {
    for (const [name, e] of Object.entries(ENDPOINTS)) {
      const names = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      const schema = (e as { params?: { properties: object } }).params
      expect(schema === undefined ? [] : Object.keys(schema.properties).sort(), name).toEqual(names)
    }
  })

  it('compile in Fastify 5 (Ajv + fast-json-stringify) and serialise samples losslessly', async () => {
    const app = buildApp()
    await app.ready()
    const get = async (url: string) => app.inject({ method: 'GET', url })
    const job = await get(`/v1/jobs/${record['id'] as string}`)
    expect(job.statusCode).toBe(200)
    expect(job.json()).toEqual(record)
    expect((await get('/v1/backends/fake_lima/configuration')).json()).toEqual(
      deviceJson('lima', 'conf'),
    )
    expect((await get('/v1/backends/fake_lima/properties')).json()).toEqual(
      deviceJson('lima', 'props'),
    )
    expect((await get('/v1/jobs/job_1/result')).json()).toEqual(result)
    expect((await get('/v1/jobs/job_1/input')).json()).toEqual(submission)
    expect((await get('/v1/jobs/job_1/events')).json()).toEqual({
      items: EVENTS.slice(1),
      has_more: false,
    })
    expect((await get('/v1/backends')).json()).toEqual({ items: [backend] })
    expect((await get('/v1/instances')).json()).toEqual({ items: [instance] })
    await app.close()
  })

  it('validate requests in Fastify: bodies, repeated query values, the batchGet route', async () => {
    const app = buildApp()
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload: payload as object, headers })
    expect((await post('/v1/jobs', submission, { 'idempotency-key': 'k-1' })).statusCode).toBe(201)
    const bad = await post('/v1/jobs', { ...submission, shots: 0 })
    expect(bad.statusCode).toBe(422)
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(bad.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ in: 'body', pointer: '/shots', field: 'shots', code: 'below_min' }],
    })
    const missing = await post('/v1/jobs', { input: submission.input })
    expect(missing.json()).toMatchObject({ errors: [{ pointer: '/backend', code: 'required' }] })
    const unknown = await post('/v1/jobs', { ...submission, shot: 1 })
    expect(unknown.statusCode).toBe(422)
    const header = await post('/v1/jobs', submission, { 'idempotency-key': 'not valid' })
    expect(header.json()).toMatchObject({
      errors: [{ in: 'header', pointer: '/idempotency-key', code: 'pattern_mismatch' }],
    })
    const list = await app.inject({
      method: 'GET',
      url: '/v1/jobs?status=QUEUED&status=RUNNING&limit=5&include_total=true',
    })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toEqual({ items: [], next_cursor: null, has_more: false, total: 0 })
    const limit = await app.inject({ method: 'GET', url: '/v1/jobs?limit=500' })
    expect(limit.json()).toMatchObject({
      status: 422,
      errors: [{ in: 'query', pointer: '/limit', code: 'max_exceeded' }],
    })
    const batch = await post('/v1/jobs:batchGet', { ids: ['job_1'] })
    expect(batch.statusCode).toBe(501)
    expect(batch.json()).toMatchObject({ code: 'not_implemented', status: 501 })
    await app.close()
  })
})
