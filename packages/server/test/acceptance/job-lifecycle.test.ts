/**
 * Acceptance checks 2, 3, 6 and 7 of §8.15 against a real server (HTTP on 127.0.0.1, workers
 * running `@qfabric/sim`), on a SQLite file and on PostgreSQL.
 */
import { request as httpRequest } from 'node:http'
import {
  parseJobEventStream,
  type CancelJobResponse,
  type JobListPage,
  type ServiceJobEvent,
  type StoredJobEvent,
} from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BELL_QASM,
  busyQasm,
  client,
  jobBody,
  openStorage,
  startAcceptanceServer,
  submitJob,
  type AcceptanceServer,
  type Client,
  type Storage,
  type StorageKind,
} from './acceptance-server.js'

interface Counts {
  readonly results: readonly { readonly data: { readonly counts: Record<string, number> } }[]
}

/** Sends `POST /v1/jobs` and drops the connection as soon as the answer starts to arrive. */
function submitAndDrop(url: string, token: string, key: string, body: unknown): Promise<void> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/v1/jobs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(payload)),
        'idempotency-key': key,
      },
    })
    req.on('response', (res) => {
      // The client never reads the answer: as if the connection broke on the way back.
      res.destroy()
      req.destroy()
      resolve()
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/** Opens `GET /v1/jobs/{id}/events` as SSE, optionally resuming after a seq. */
async function openEvents(
  who: Client & { readonly url: string },
  jobId: string,
  lastEventId?: number,
): Promise<AsyncGenerator<ServiceJobEvent, void>> {
  const response = await fetch(`${who.url}/v1/jobs/${jobId}/events`, {
    headers: {
      authorization: `Bearer ${who.token}`,
      accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    },
  })
  expect(response.status).toBe(200)
  if (response.body === null) throw new Error('no body')
  return parseJobEventStream(response.body)
}

async function nextEvent(events: AsyncGenerator<ServiceJobEvent, void>): Promise<ServiceJobEvent> {
  const result = await events.next()
  if (result.done === true) throw new Error('stream ended')
  return result.value
}

/** Every stored event of a job, through the JSON form of the events endpoint. */
async function storedEvents(who: Client, jobId: string): Promise<StoredJobEvent[]> {
  const all: StoredJobEvent[] = []
  for (let after = 0; ;) {
    const page = (await who.call('GET', `/v1/jobs/${jobId}/events?after=${after}`)).json as {
      items: StoredJobEvent[]
      has_more: boolean
    }
    all.push(...page.items)
    if (!page.has_more || page.items.length === 0) return all
    after = page.items.at(-1)?.seq ?? after
  }
}

const isTerminal = (e: ServiceJobEvent): boolean =>
  e.type === 'job.status' && ['COMPLETED', 'FAILED', 'CANCELLED'].includes(e.status)

function describeLifecycle(kind: StorageKind): void {
  describe(`job lifecycle acceptance (${kind})`, () => {
    let storage: Storage
    let t: AcceptanceServer
    let alice: Client & { readonly url: string }

    beforeAll(async () => {
      storage = await openStorage(kind)
      t = await startAcceptanceServer(storage)
      alice = { ...t.alice, url: t.server.url }
    })
    afterAll(async () => {
      await t.close()
      await storage.dispose()
    })

    it('2. a dropped POST /v1/jobs retried with the same Idempotency-Key makes exactly one job', async () => {
      const tag = `idem-${kind}`
      const body = jobBody('parked', BELL_QASM, { tags: [tag] })
      const key = `accept-${kind}-0001`
      await submitAndDrop(t.server.url, t.members.alice, key, body)
      const retry = await t.alice.call('POST', '/v1/jobs', {
        body,
        headers: { 'idempotency-key': key },
      })
      expect([200, 201]).toContain(retry.status)
      const again = await t.alice.call('POST', '/v1/jobs', {
        body,
        headers: { 'idempotency-key': key },
      })
      expect((again.json as { id: string }).id).toBe((retry.json as { id: string }).id)
      const page = (await t.alice.call('GET', `/v1/jobs?tag=${tag}&limit=100`)).json as JobListPage
      expect(page.items.map((j) => j.id)).toEqual([(retry.json as { id: string }).id])
    })

    it('3. SSE resumed with Last-Event-ID after a mid-run disconnect loses and repeats nothing', async () => {
      const circuits = Array.from({ length: 4 }, () => busyQasm(18, 20))
      const job = await submitJob(t.alice, jobBody('qasm_simulator', circuits, { shots: 10 }))
      const first = await openEvents(alice, job.id)
      const seen: ServiceJobEvent[] = [await nextEvent(first)]
      const snapshot = seen[0]
      expect(snapshot?.type).toBe('snapshot')
      // One live event, then the connection drops while the job is still running.
      const live = await nextEvent(first)
      seen.push(live)
      expect(isTerminal(live)).toBe(false)
      await first.return(undefined)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const second = await openEvents(alice, job.id, live.seq)
      for await (const event of second) seen.push(event)
      const stored = await storedEvents(t.alice, job.id)
      // The first snapshot stands for every event up to its seq; each later one arrives once.
      const delivered = seen.filter((e) => e.type !== 'snapshot').map((e) => e.seq)
      const from = snapshot?.seq ?? 0
      expect(delivered).toEqual(stored.filter((e) => e.seq > from).map((e) => e.seq))
      expect(new Set(delivered).size).toBe(delivered.length)
      const terminal = seen.filter(isTerminal)
      expect(terminal).toHaveLength(1)
      expect(terminal[0]).toMatchObject({ type: 'job.status', status: 'COMPLETED' })
    })

    it('6. cancel: QUEUED → CANCELLED at once, RUNNING → CANCELLING → CANCELLED, final → 200 already_final', async () => {
      const queued = await submitJob(t.alice, jobBody('parked', BELL_QASM))
      const c1 = await t.alice.call('POST', `/v1/jobs/${queued.id}/cancel`)
      expect(c1.status).toBe(202)
      expect(c1.json).toMatchObject({ status: 'CANCELLED', already_final: false })
      expect((c1.json as CancelJobResponse).job.status).toBe('CANCELLED')

      const long = await submitJob(t.alice, jobBody('qasm_simulator', busyQasm(20, 40)))
      await t.alice.waitFor(long.id, ['RUNNING'])
      const c2 = await t.alice.call('POST', `/v1/jobs/${long.id}/cancel`)
      expect(c2.status).toBe(202)
      expect(c2.json).toMatchObject({ status: 'CANCELLING', already_final: false })
      const ended = await t.alice.waitFor(long.id, ['CANCELLED', 'COMPLETED', 'FAILED'], 10_000)
      expect(ended.status).toBe('CANCELLED')

      const c3 = await t.alice.call('POST', `/v1/jobs/${long.id}/cancel`)
      expect(c3.status).toBe(200)
      expect(c3.json).toMatchObject({ status: 'CANCELLED', already_final: true })
      const done = await submitJob(t.alice, jobBody('qasm_simulator', BELL_QASM))
      await t.alice.waitFor(done.id, ['COMPLETED'])
      const c4 = await t.alice.call('POST', `/v1/jobs/${done.id}/cancel`)
      expect(c4.status).toBe(200)
      expect(c4.json).toMatchObject({ status: 'COMPLETED', already_final: true })
      expect((c4.json as CancelJobResponse).job.status).toBe('COMPLETED')
    })

    it('7. a timed-out Prefer: wait=1 leaves the job running; a fresh client gets its result', async () => {
      const job = await submitJob(
        t.alice,
        jobBody('qasm_simulator', busyQasm(20, 30), { shots: 50 }),
      )
      let running = await t.alice.waitFor(job.id, ['RUNNING'])
      // Hold a long-poll until one times out (the job may change revision meanwhile).
      for (let timedOut = false; !timedOut;) {
        const started = Date.now()
        const r = await t.alice.call('GET', `/v1/jobs/${job.id}`, {
          headers: { prefer: 'wait=1', 'if-none-match': `"${running.rev}"` },
        })
        if (r.status === 304) {
          timedOut = true
          expect(Date.now() - started).toBeGreaterThanOrEqual(900)
        } else {
          expect(r.status).toBe(200)
          running = r.json as typeof running
          expect(running.status).toBe('RUNNING')
        }
      }
      expect((await t.alice.call('GET', `/v1/jobs/${job.id}`)).json).toMatchObject({
        status: 'RUNNING',
      })
      // A new client: the server URL and the token, nothing shared with the first one.
      const fresh = client(t.server.url, t.members.alice)
      const finished = await fresh.waitFor(job.id, ['COMPLETED', 'FAILED'], 20_000)
      expect(finished.status).toBe('COMPLETED')
      const result = await fresh.call('GET', `/v1/jobs/${job.id}/result`)
      expect(result.status).toBe(200)
      const counts = (result.json as Counts).results[0]?.data.counts ?? {}
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(50)
    })
  })
}

describeLifecycle('sqlite')
describeLifecycle('postgres')
