import type { ProblemDocument } from '@qfabric/protocol'
import { isProblemDocument } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BELL_QASM3,
  startTestServer,
  TEST_BACKENDS,
  testRegistry,
  type TestServer,
} from './test-server.js'

describe('error handling', () => {
  let t: TestServer
  const logLines: string[] = []

  beforeAll(async () => {
    const registry = testRegistry().register('boom', {
      getBackend: () => Promise.reject(new Error('db password=hunter2 at /srv/secret')),
    })
    t = await startTestServer({
      backends: {
        backends: [...TEST_BACKENDS.backends, { name: 'broken', source: 'boom:x' }],
      },
      backendRegistry: registry,
      limits: { maxRequestBytes: 64 * 1024 },
      logger: { level: 'info', stream: { write: (line: string) => logLines.push(line) } },
    })
  })
  afterAll(() => t.close())

  const expectProblem = (r: {
    status: number
    headers: Record<string, unknown>
    json: unknown
  }) => {
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(isProblemDocument(r.json)).toBe(true)
    const p = r.json as ProblemDocument
    expect(p.status).toBe(r.status)
    expect(p.type).toBe(`/errors/${p.code}`)
    expect(p.trace_id).toBe(r.headers['x-request-id'])
    return p
  }

  it('answers unknown routes with a 404 problem document', async () => {
    for (const path of ['/', '/v2/jobs', '/v1/nothing', '/v1/jobs/x/y/z']) {
      const r = await t.request('GET', path, { token: t.alice.token })
      expect(r.status, path).toBe(404)
      expect(expectProblem(r).code).toBe('not_found')
    }
    const wrongMethod = await t.request('PUT', '/v1/jobs', { token: t.alice.token })
    expect(wrongMethod.status).toBe(404)
  })

  it('answers 413 for a body above the server limit', async () => {
    const qasm = `OPENQASM 3.0;\n// ${'x'.repeat(70 * 1024)}\n`
    const r = await t.request('POST', '/v1/jobs', {
      token: t.alice.token,
      body: { backend: 'sim', input: { circuits: [{ qasm }] } },
    })
    expect(r.status).toBe(413)
    expect(expectProblem(r).code).toBe('payload_too_large')
  })

  it('answers 415 for bodies that are not JSON and 400 for broken JSON', async () => {
    const text = await t.request('POST', '/v1/jobs', {
      token: t.alice.token,
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    })
    expect(text.status).toBe(415)
    expect(expectProblem(text).code).toBe('unsupported_media_type')
    const broken = await t.request('POST', '/v1/jobs', {
      token: t.alice.token,
      body: '{"backend": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(broken.status).toBe(400)
    expect(expectProblem(broken).code).toBe('bad_request')
  })

  it('answers 422 with JSON pointers into the query and the path', async () => {
    const r = await t.request('GET', '/v1/backends?min_qubits=-1&kind=quantum', {
      token: t.alice.token,
    })
    expect(r.status).toBe(422)
    const p = expectProblem(r)
    expect(p.errors?.map((e) => [e.in, e.pointer]).sort()).toEqual([
      ['query', '/kind'],
      ['query', '/min_qubits'],
    ])
    const badId = await t.request('GET', '/v1/jobs/not%20an%20id', { token: t.alice.token })
    expect(badId.status).toBe(404)
  })

  it('answers 500 without internals and logs the error', async () => {
    const r = await t.request('POST', '/v1/jobs', {
      token: t.alice.token,
      body: { backend: 'broken', input: { circuits: [{ qasm: BELL_QASM3 }] } },
    })
    expect(r.status).toBe(500)
    const p = expectProblem(r)
    expect(p.code).toBe('internal')
    expect(p.retryable).toBe(true)
    expect(r.body).not.toMatch(/hunter2|secret|stack|Error/)
    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>)
    const entry = logged.find((l) => l['msg'] === 'unexpected error' && l['reqId'] === p.trace_id)
    expect(JSON.stringify(entry)).toContain('hunter2')
  })

  it('echoes the Api-Version and refuses unknown ones', async () => {
    const ok = await t.request('GET', '/v1/version', { headers: { 'api-version': '2026-09-01' } })
    expect(ok.headers['api-version']).toBe('2026-09-01')
    const bad = await t.request('GET', '/v1/version', { headers: { 'api-version': '1999-01-01' } })
    expect(bad.status).toBe(400)
    expect(expectProblem(bad).code).toBe('unsupported_api_version')
  })
})
