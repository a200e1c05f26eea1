import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './test-server.js'

describe('request ids', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('generates a ULID per request and echoes it on every response', async () => {
    const a = await t.request('GET', '/v1/version')
    const b = await t.request('GET', '/v1/version')
    const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/
    expect(a.headers['x-request-id']).toMatch(ulid)
    expect(b.headers['x-request-id']).toMatch(ulid)
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
    const failed = await t.request('GET', '/v1/me')
    expect(failed.headers['x-request-id']).toMatch(ulid)
  })

  it('adopts a sane incoming X-Request-Id and replaces anything else', async () => {
    const given = 'trace-42.abc:def_1'
    const kept = await t.request('GET', '/v1/me', {
      token: t.alice.token,
      headers: { 'x-request-id': given },
    })
    expect(kept.headers['x-request-id']).toBe(given)
    for (const bad of ['has space', 'x'.repeat(200), 'line\tbreak', 'é']) {
      const r = await t.request('GET', '/v1/version', { headers: { 'x-request-id': bad } })
      expect(r.headers['x-request-id']).not.toBe(bad)
      expect(r.headers['x-request-id']).toMatch(/^[0-9A-Z]{26}$/)
    }
    const problem = await t.request('GET', '/v1/jobs/job_x', {
      token: t.alice.token,
      headers: { 'x-request-id': given },
    })
    expect((problem.json as { trace_id: string }).trace_id).toBe(given)
  })
})
