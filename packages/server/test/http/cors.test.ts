import { describe, expect, it } from 'vitest'
import { startTestServer } from './test-server.js'

describe('CORS', () => {
  it('is off by default: no CORS headers, no preflight', async () => {
    await using t = await startTestServer()
    const r = await t.request('GET', '/v1/version', { headers: { origin: 'https://evil.example' } })
    expect(r.headers['access-control-allow-origin']).toBeUndefined()
    const pre = await t.request('OPTIONS', '/v1/jobs', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(pre.status).toBe(404)
  })

  it('allows exactly the listed origins', async () => {
    await using t = await startTestServer({ cors: { origins: ['https://dash.example'] } })
    const ok = await t.request('GET', '/v1/me', {
      token: t.alice.token,
      headers: { origin: 'https://dash.example' },
    })
    expect(ok.headers['access-control-allow-origin']).toBe('https://dash.example')
    expect(String(ok.headers['access-control-expose-headers'])).toContain('X-Request-Id')
    const pre = await t.request('OPTIONS', '/v1/jobs', {
      headers: { origin: 'https://dash.example', 'access-control-request-method': 'POST' },
    })
    expect(pre.status).toBe(204)
    expect(String(pre.headers['access-control-allow-headers'])).toContain('Authorization')
    expect(String(pre.headers['access-control-allow-headers'])).toContain('Idempotency-Key')
    const other = await t.request('GET', '/v1/version', {
      headers: { origin: 'https://evil.example' },
    })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })
})
