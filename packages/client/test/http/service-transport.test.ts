import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PATHS, type JobRecord, type MeResponse } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClientError, ServiceRequestError } from '../../src/errors/client-errors.js'
import { ServiceTransport, formatQuery, type FetchLike } from '../../src/http/service-transport.js'
import { BELL_QASM } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

/** A fetch that answers the first `failures` calls itself (as a flaky network or proxy would). */
function flakyFetch(
  failures: number,
  answer: () => Response | Promise<Response>,
): { fetch: FetchLike; calls: RequestInit[] } {
  const calls: RequestInit[] = []
  return {
    calls,
    fetch: async (input, init) => {
      calls.push(init)
      if (calls.length <= failures) return answer()
      return fetch(input, init)
    },
  }
}

const unavailable = (): Response =>
  new Response('<html>upstream down</html>', {
    status: 503,
    headers: { 'retry-after': '0', 'content-type': 'text/html' },
  })

describe('ServiceTransport', () => {
  let service: ServiceFixture

  beforeAll(async () => {
    service = await startServiceFixture()
  })
  afterAll(async () => {
    await service.close()
  })

  const transport = (options: Partial<ConstructorParameters<typeof ServiceTransport>[0]> = {}) =>
    new ServiceTransport({
      url: service.url,
      token: service.token,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      ...options,
    })

  it('sends the bearer token and Api-Version, and parses JSON', async () => {
    const me = await transport().get<MeResponse>(PATHS.me)
    expect(me.user.login).toBe('alice')
    const response = await transport().request('GET', PATHS.version)
    expect(response.status).toBe(200)
    expect(response.headers.get('api-version')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(response.requestId).toBeTruthy()
  })

  it('rehydrates a problem document into a ServiceRequestError with code, request id and field errors', async () => {
    const error = await transport()
      .post(
        PATHS.jobs,
        { backend: 'qasm_simulator', input: { circuits: [{ qasm: BELL_QASM }] }, shots: 0 },
        {
          headers: { 'x-instance': service.instance },
        },
      )
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceRequestError)
    expect(error).toBeInstanceOf(ClientError)
    const problem = error as ServiceRequestError
    expect(problem.status).toBe(422)
    expect(problem.code).toBe('validation_failed')
    expect(problem.requestId).toBeTruthy()
    expect(problem.fieldErrors.map((f) => f.field)).toContain('shots')
    expect(problem.message).toContain(problem.requestId)
  })

  it('answers 401 for a bad token with code unauthenticated, without retrying', async () => {
    const flaky = flakyFetch(0, unavailable)
    const error = await transport({ token: 'qjs_nope', fetch: flaky.fetch })
      .get(PATHS.me)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(flaky.calls).toHaveLength(1)
  })

  it('retries a GET answered 503 + Retry-After, then succeeds', async () => {
    const flaky = flakyFetch(2, unavailable)
    const me = await transport({ fetch: flaky.fetch }).get<MeResponse>(PATHS.me)
    expect(me.user.login).toBe('alice')
    expect(flaky.calls).toHaveLength(3)
  })

  it('gives up after maxAttempts with the last error, made from the status when not a problem', async () => {
    const flaky = flakyFetch(10, unavailable)
    const error = await transport({ fetch: flaky.fetch, retry: { maxAttempts: 2, baseDelayMs: 1 } })
      .get(PATHS.me)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 503, code: 'unavailable' })
    expect(flaky.calls).toHaveLength(2)
  })

  it('retries a POST only with an Idempotency-Key, sending the same key each time', async () => {
    const body = { backend: 'parked', input: { circuits: [{ qasm: BELL_QASM }] }, shots: 10 }
    const headers = { 'x-instance': service.instance }
    const once = flakyFetch(1, unavailable)
    const refused = await transport({ fetch: once.fetch })
      .post(PATHS.jobs, body, { headers })
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ status: 503 })
    expect(once.calls).toHaveLength(1)

    const keyed = flakyFetch(1, unavailable)
    const job = await transport({ fetch: keyed.fetch }).post<JobRecord>(PATHS.jobs, body, {
      headers,
      idempotencyKey: 'transport-test-0001',
    })
    expect(job.idempotency_key).toBe('transport-test-0001')
    const keys = keyed.calls.map((c) => new Headers(c.headers).get('idempotency-key'))
    expect(keys).toEqual(['transport-test-0001', 'transport-test-0001'])
  })

  it('retries a 429 even for a POST without a key (the server never processed it)', async () => {
    const limited = flakyFetch(
      1,
      () => new Response(null, { status: 429, headers: { 'retry-after': '0' } }),
    )
    const me = await transport({ fetch: limited.fetch }).request('POST', PATHS.tokens, {
      body: { name: 'retry', scopes: ['jobs:read'] },
    })
    expect(me.status).toBe(201)
    expect(limited.calls).toHaveLength(2)
  })

  it('retries network errors and reports client.network when they persist', async () => {
    const closed = createHttpServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => {
      closed.close(() => {
        resolve()
      })
    })
    const calls: string[] = []
    const error = await new ServiceTransport({
      url: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 3, baseDelayMs: 1 },
      fetch: (input, init) => {
        calls.push(input)
        return fetch(input, init)
      },
    })
      .get(PATHS.health)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe('client.network')
    expect(calls).toHaveLength(3)
  })

  it('rejects with the signal reason, unchanged, and stops retrying', async () => {
    const controller = new AbortController()
    const reason = new Error('stop')
    const flaky = flakyFetch(10, () => {
      controller.abort(reason)
      return unavailable()
    })
    const error = await transport({ fetch: flaky.fetch, retry: { baseDelayMs: 1000 } })
      .get(PATHS.me, { signal: controller.signal })
      .catch((e: unknown) => e)
    expect(error).toBe(reason)
    expect(flaky.calls).toHaveLength(1)
  })

  it('refuses a base URL that is not absolute http(s)', () => {
    expect(() => new ServiceTransport({ url: 'ftp://x' })).toThrow(TypeError)
    expect(() => new ServiceTransport({ url: '/v1' })).toThrow(TypeError)
  })
})

describe('formatQuery', () => {
  it('repeats arrays and leaves out undefined', () => {
    expect(formatQuery({ tag: ['a b', 'c'], limit: 5, cursor: undefined, pending: true })).toBe(
      'tag=a+b&tag=c&limit=5&pending=true',
    )
  })
})
