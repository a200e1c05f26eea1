import type { ProblemDocument } from '@qfabric/protocol'
import { describe, expect, it } from 'vitest'
import { BELL_QASM3, startTestServer } from './test-server.js'

describe('rate limits', () => {
  it('sends RateLimit-* headers and answers 429 with Retry-After when a token runs dry', async () => {
    // The setup spends a few of the admin's 20; alice starts with a full bucket.
    await using t = await startTestServer({ limits: { requestBurst: 20, requestsPerSecond: 0.01 } })
    const first = await t.request('GET', '/v1/me', { token: t.alice.token })
    expect(first.headers['ratelimit-limit']).toBe('20')
    expect(first.headers['ratelimit-remaining']).toBe('19')
    const remaining = Number(first.headers['ratelimit-remaining'])
    const statuses: number[] = []
    let last = first
    for (let i = 0; i < remaining + 1; i++) {
      last = await t.request('GET', '/v1/me', { token: t.alice.token })
      statuses.push(last.status)
    }
    expect(statuses.at(-1)).toBe(429)
    expect((last.json as ProblemDocument).code).toBe('rate_limited')
    expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(last.headers['ratelimit-remaining']).toBe('0')
    // Buckets are per token: another user is unaffected.
    expect((await t.request('GET', '/v1/me', { token: t.bob.token })).status).toBe(200)
  })

  it('limits submissions per user and instance per minute', async () => {
    await using t = await startTestServer({ limits: { submitRatePerMinute: 2 } })
    const body = { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] } }
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      statuses.push((await t.request('POST', '/v1/jobs', { token: t.alice.token, body })).status)
    }
    expect(statuses).toEqual([201, 201, 429])
    expect((await t.request('POST', '/v1/jobs', { token: t.bob.token, body })).status).toBe(201)
    const limits = await t.request('GET', '/v1/instances/acme/research/vqe/limits', {
      token: t.alice.token,
    })
    expect(limits.json).toMatchObject({
      submit_rate: { limit: 2, remaining: 0, window_seconds: 60 },
    })
  })
})
