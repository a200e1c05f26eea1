/**
 * End to end over a real port: `fetch` and server-sent events against a listening server.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createApiToken,
  parseJobEventStream,
  type JobListPage,
  type JobRecord,
  type ServiceJobEvent,
} from '@qfabric/protocol'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ManualExecutor } from '../src/app/manual-executor.js'
import { createServer, type QfabricServer, type ServerOptions } from '../src/create-server.js'
import { rawClient } from './http/raw-client.js'
import type { JobStore } from '../src/store/job-store.js'
import { SqliteJobStore } from '../src/store/sqlite/sqlite-job-store.js'
import {
  bellResult,
  BELL_QASM3,
  createTestDatabase,
  TEST_BACKENDS,
  testRegistry,
  type TestDatabase,
} from './http/test-server.js'

interface Client {
  readonly server: QfabricServer
  readonly executor: ManualExecutor
  readonly token: string
  call(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>
}

async function startClient(options: ServerOptions = {}): Promise<Client> {
  const executor = new ManualExecutor()
  const server = await createServer({
    logger: false,
    backends: TEST_BACKENDS,
    backendRegistry: testRegistry(),
    executor,
    onFirstAdminToken: null,
    limits: { sseHeartbeatSeconds: 0.2, eventPollMs: 5000 },
    ...options,
  })
  const token = await server.createAdminToken()
  const call: Client['call'] = (path, init = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  const project = await call('/v1/instances/acme/research/vqe', { method: 'POST', body: {} })
  if (project.status !== 201 && project.status !== 409) throw new Error(await project.text())
  return { server, executor, token, call }
}

async function submit(client: Client): Promise<JobRecord> {
  const r = await client.call('/v1/jobs', {
    method: 'POST',
    body: { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] }, shots: 100 },
    headers: { 'x-instance': 'acme/research/vqe' },
  })
  expect(r.status).toBe(201)
  return (await r.json()) as JobRecord
}

async function openStream(
  client: Client,
  jobId: string,
  lastEventId?: number,
): Promise<{ events: AsyncGenerator<ServiceJobEvent, void>; comments: string[] }> {
  const response = await client.call(`/v1/jobs/${jobId}/events`, {
    headers: {
      accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const comments: string[] = []
  const body = response.body
  if (body === null) throw new Error('no body')
  const events = parseJobEventStream(body, {
    onComment: (c) => {
      comments.push(c)
    },
  })
  return { events, comments }
}

async function next(events: AsyncGenerator<ServiceJobEvent, void>): Promise<ServiceJobEvent> {
  const result = await events.next()
  if (result.done === true) throw new Error('stream ended')
  return result.value
}

function describeEndToEnd(kind: 'sqlite' | 'postgres'): void {
  describe(`real port (${kind})`, () => {
    let client: Client
    let database: TestDatabase | undefined
    beforeAll(async () => {
      if (kind === 'postgres') database = await createTestDatabase()
      client = await startClient(database === undefined ? {} : { db: database.url })
    })
    afterAll(async () => {
      await client.server.close()
      await database?.drop()
    })

    it('listens on 127.0.0.1 and answers health, version and the OpenAPI document', async () => {
      expect(client.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const health = await fetch(`${client.server.url}/v1/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok' })
      expect(health.headers.get('x-request-id')).toMatch(/^[0-9A-Z]{26}$/)
      const openapi = await fetch(`${client.server.url}/v1/openapi.json`)
      expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0')
    })

    it('streams a job live: snapshot, every status change, progress, then closes', async () => {
      const job = await submit(client)
      const { events, comments } = await openStream(client, job.id)
      const snapshot = await next(events)
      expect(snapshot.type).toBe('snapshot')
      if (snapshot.type === 'snapshot') expect(snapshot.job.status).toBe('QUEUED')
      await client.executor.claim(['sim'])
      expect(await next(events)).toMatchObject({ type: 'job.status', status: 'RUNNING' })
      // Quiet for a while: heartbeat comments keep the connection alive.
      await new Promise((resolve) => setTimeout(resolve, 450))
      await client.executor.progress(job.id, 1, 1)
      expect(await next(events)).toMatchObject({ type: 'job.progress', done: 1, total: 1 })
      expect(comments.filter((c) => c === 'heartbeat').length).toBeGreaterThan(0)
      await client.executor.complete(job.id, bellResult(job.id))
      const rest: ServiceJobEvent[] = []
      for await (const event of events) rest.push(event)
      const terminal = rest.filter((e) => e.type === 'job.status')
      expect(terminal).toHaveLength(1)
      expect(terminal[0]).toMatchObject({ status: 'COMPLETED' })
      const result = await client.call(`/v1/jobs/${job.id}/result`)
      expect(await result.json()).toEqual(bellResult(job.id))
    })

    it('resumes with Last-Event-ID: nothing lost, nothing repeated', async () => {
      const job = await submit(client)
      const first = await openStream(client, job.id)
      const seen: ServiceJobEvent[] = [await next(first.events)]
      await client.executor.claim(['sim'])
      seen.push(await next(first.events))
      await first.events.return(undefined)
      // Events committed while disconnected.
      await client.executor.setPhase(job.id, 'executing')
      await client.executor.progress(job.id, 1, 1)
      const last = seen.at(-1)?.seq ?? 0
      const second = await openStream(client, job.id, last)
      expect((await next(second.events)).type).toBe('snapshot')
      await client.executor.complete(job.id, bellResult(job.id))
      for await (const event of second.events) seen.push(event)
      const stored = (await (await client.call(`/v1/jobs/${job.id}/events`)).json()) as {
        items: ServiceJobEvent[]
      }
      // The first snapshot stands for every event up to its seq; all later ones arrive once.
      const delivered = seen.filter((e) => e.type !== 'snapshot')
      const from = seen[0]?.seq ?? 0
      expect(delivered.map((e) => e.seq)).toEqual(
        stored.items.filter((e) => e.seq > from).map((e) => e.seq),
      )
      expect(delivered.length).toBeGreaterThan(3)
      expect(
        delivered.filter((e) => e.type === 'job.status' && e.status === 'COMPLETED'),
      ).toHaveLength(1)
    })

    it('multiplexes the jobs of an instance on /v1/events', async () => {
      const response = await client.call(
        '/v1/events?instance=acme&types=snapshot&types=job.status',
        {
          headers: { accept: 'text/event-stream' },
        },
      )
      const body = response.body
      if (body === null) throw new Error('no body')
      const events = parseJobEventStream(body)
      const job = await submit(client)
      const first = await next(events)
      expect(first).toMatchObject({ type: 'snapshot', job_id: job.id })
      await client.executor.claim(['sim'])
      expect(await next(events)).toMatchObject({
        type: 'job.status',
        job_id: job.id,
        status: 'RUNNING',
      })
      await client.executor.progress(job.id, 1, 1)
      await client.executor.fail(job.id, { code: 'execution_error', message: 'x' })
      // job.progress is filtered out by `types`.
      expect(await next(events)).toMatchObject({ type: 'job.status', status: 'FAILED' })
      await events.return(undefined)
    })

    it('ends open streams and long-polls when the server closes', async () => {
      const extra = await startClient(
        database === undefined ? {} : { db: database.url, postgresSchema: 'closing' },
      )
      const job = await submit(extra)
      const stream = await openStream(extra, job.id)
      await next(stream.events)
      const poll = extra
        .call(`/v1/jobs/${job.id}`, { headers: { prefer: 'wait=30' } })
        .then((r) => r.status)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const started = Date.now()
      await extra.server.close()
      const rest: ServiceJobEvent[] = []
      for await (const event of stream.events) rest.push(event)
      expect(rest).toEqual([])
      expect(await poll).toBe(200)
      expect(Date.now() - started).toBeLessThan(5000)
    })
  })
}

describeEndToEnd('sqlite')
describeEndToEnd('postgres')

describe('server lifecycle', () => {
  it('keeps accepted jobs across a restart on the same data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qfabric-e2e-'))
    try {
      const first = await startClient({ dataDir })
      const id = (await submit(first)).id
      await first.server.close()
      const second = await startClient({ dataDir })
      try {
        const page = (await (await second.call('/v1/jobs?owner=any')).json()) as JobListPage
        expect(page.items.map((j) => j.id)).toContain(id)
      } finally {
        await second.server.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('prints the first admin token once, and accepts one from the environment', async () => {
    const printed: string[] = []
    {
      await using server = await createServer({
        listen: false,
        logger: false,
        backends: TEST_BACKENDS,
        backendRegistry: testRegistry(),
        onFirstAdminToken: (token) => printed.push(token),
      })
      expect(printed).toHaveLength(1)
      const me = await server.app.inject({
        url: '/v1/me',
        headers: { authorization: `Bearer ${printed[0] ?? ''}` },
      })
      expect(me.json()).toMatchObject({ user: { login: 'admin', role: 'admin' } })
    }
    const { token } = createApiToken()
    process.env['QFABRIC_ADMIN_TOKEN'] = token
    try {
      await using server = await createServer({
        listen: false,
        logger: false,
        backends: TEST_BACKENDS,
        backendRegistry: testRegistry(),
        onFirstAdminToken: (t) => printed.push(t),
      })
      expect(printed).toHaveLength(1)
      const me = await server.app.inject({
        url: '/v1/me',
        headers: { authorization: `Bearer ${token}` },
      })
      expect(me.statusCode).toBe(200)
      expect(me.json()).toMatchObject({
        token: { scopes: ['jobs:read', 'jobs:write', 'backends:read', 'admin'] },
      })
    } finally {
      delete process.env['QFABRIC_ADMIN_TOKEN']
    }
  })
})

/** A store whose next call of one method waits until the test lets it go on. */
function gatedStore(inner: JobStore): {
  store: JobStore
  hold(method: keyof JobStore): { reached: Promise<void>; release: () => void }
} {
  let gate: { method: PropertyKey; reached: () => void; released: Promise<void> } | undefined
  const store = new Proxy(inner, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown
      if (typeof value !== 'function') return value
      const method = value as (...args: unknown[]) => unknown
      return (...args: unknown[]) => {
        const held = gate?.method === property ? gate : undefined
        if (held === undefined) return method.apply(target, args)
        gate = undefined
        held.reached()
        return held.released.then(() => method.apply(target, args))
      }
    },
  })
  return {
    store,
    hold(method) {
      let reached!: () => void
      let release!: () => void
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve))
      const released = new Promise<void>((resolve) => (release = resolve))
      gate = { method, reached, released }
      return { reached: reachedPromise, release }
    },
  }
}

describe('close() whatever the clients do', () => {
  let inner: JobStore
  let gated: ReturnType<typeof gatedStore>
  let server: QfabricServer
  let token: string
  let jobId: string

  /** A server with a queued job; its setup uses `inject`, so no connection is open. */
  async function start(limits: ServerOptions['limits']): Promise<void> {
    inner = await SqliteJobStore.open({ filename: ':memory:' })
    gated = gatedStore(inner)
    server = await createServer({
      logger: false,
      backends: TEST_BACKENDS,
      backendRegistry: testRegistry(),
      executor: new ManualExecutor(),
      store: gated.store,
      onFirstAdminToken: null,
      limits: { eventPollMs: 5000, ...limits },
    })
    token = await server.createAdminToken()
    const headers = { authorization: `Bearer ${token}` }
    await server.app.inject({
      method: 'POST',
      url: '/v1/instances/acme/research/vqe',
      headers,
      payload: {},
    })
    const submitted = await server.app.inject({
      method: 'POST',
      url: '/v1/jobs',
      headers: { ...headers, 'x-instance': 'acme/research/vqe' },
      payload: { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] }, shots: 100 },
    })
    jobId = submitted.json<JobRecord>().id
  }

  afterEach(async () => {
    await server.close()
    await inner.close()
  })

  // A grace period longer than any test: a test that ends shows close() did not need it.
  const NO_GRACE = { shutdownGraceSeconds: 600 }

  it('ends although an event stream was still being authorised when close() began', async () => {
    await start(NO_GRACE)
    const held = gated.hold('getJob')
    const client = await rawClient(server.url)
    client.socket.write(
      `GET /v1/jobs/${jobId}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`,
    )
    await held.reached
    const closed = server.close()
    held.release()
    // Before, the stream began after `closing` had fired, never saw it, and held close() open.
    await closed
    await client.closed
    expect(client.received()).toMatch(/^HTTP\/1\.1 503 /)
    expect(client.received()).toContain('"code":"unavailable"')
  })

  it('does not wait for a connection without a request, or an idle keep-alive one', async () => {
    await start(NO_GRACE)
    // What a fetch client leaves in its pool when it aborts a request before sending it.
    const silent = await rawClient(server.url)
    const idle = await rawClient(server.url)
    idle.socket.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n')
    await expect.poll(() => idle.received()).toMatch(/^HTTP\/1\.1 200 [^]*\r\n\r\n.*"ok"/)
    await server.close()
    await Promise.all([silent.closed, idle.closed])
    expect(silent.received()).toBe('')
  })

  it('answers a long-poll in flight at once, with Connection: close', async () => {
    await start(NO_GRACE)
    const client = await rawClient(server.url)
    client.socket.write(
      `GET /v1/jobs/${jobId} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nPrefer: wait=60\r\n\r\n`,
    )
    await expect.poll(() => server.events.listenerCount).toBe(1)
    await server.close()
    await client.closed
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 [^]*\r\nconnection: close\r\n/i)
    expect(client.received()).toContain(`"id":"${jobId}"`)
  })

  it('drops a connection still sending its request after limits.shutdownGraceSeconds', async () => {
    await start({ shutdownGraceSeconds: 0.05 })
    const received = new Promise((resolve) => server.app.server.once('request', resolve))
    const client = await rawClient(server.url)
    client.socket.write(
      `POST /v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"backend":`,
    )
    // The headers are in: the request is in flight, its body never comes.
    await received
    await server.close()
    await client.closed
    expect(client.received()).toBe('')
  })
})
