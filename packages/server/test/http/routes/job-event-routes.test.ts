import type { JobEventHistory, JobRecord, ServiceJobEvent } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bellResult, BELL_QASM3, startTestServer, type TestServer } from '../test-server.js'

interface Frame {
  readonly id: string | undefined
  readonly event: string | undefined
  readonly data: string
}

/** The frames of an SSE body (the server writes one `field: value` per line, LF endings). */
function decode(text: string): Frame[] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => line !== '' && !line.startsWith(':')))
    .filter((lines) => lines.some((l) => l.startsWith('data: ')))
    .map((lines) => {
      const field = (name: string) =>
        lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2)
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6))
      return { id: field('id'), event: field('event'), data: data.join('\n') }
    })
}

describe('job events', () => {
  let t: TestServer
  let job: JobRecord
  beforeAll(async () => {
    t = await startTestServer()
    job = (
      await t.request('POST', '/v1/jobs', {
        token: t.alice.token,
        body: { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] }, shots: 100 },
      })
    ).json as JobRecord
    await t.executor.claim(['sim'])
    await t.executor.setPhase(job.id, 'executing')
    await t.executor.progress(job.id, 1, 1)
    await t.executor.complete(job.id, bellResult(job.id))
  })
  afterAll(() => t.close())

  const history = async (query = '') =>
    (await t.request('GET', `/v1/jobs/${job.id}/events${query}`, { token: t.alice.token }))
      .json as JobEventHistory

  it('returns the event log as JSON, in seq order, one event per transition', async () => {
    const { items, has_more } = await history()
    expect(has_more).toBe(false)
    expect(items.map((e) => e.seq)).toEqual(items.map((_, i) => i + 1))
    const statuses = items.flatMap((e) =>
      e.type === 'job.status' ? [`${e.status}/${e.phase ?? '-'}`] : [],
    )
    expect(statuses).toEqual([
      'QUEUED/queued',
      'RUNNING/preparing',
      'RUNNING/executing',
      'COMPLETED/-',
    ])
    expect(items.some((e) => e.type === 'job.progress' && e.done === 1)).toBe(true)
    const page = await history('?after=1&limit=2')
    expect(page.items.map((e) => e.seq)).toEqual([2, 3])
    expect(page.has_more).toBe(true)
  })

  it('streams a final job as snapshot, then closes', async () => {
    const r = await t.request('GET', `/v1/jobs/${job.id}/events`, {
      token: t.alice.token,
      headers: { accept: 'text/event-stream' },
    })
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toMatch(/^text\/event-stream/)
    expect(r.headers['cache-control']).toContain('no-cache')
    expect(r.headers['x-accel-buffering']).toBe('no')
    expect(r.headers['x-request-id']).toBeDefined()
    expect(r.body.startsWith('retry: 3000\n\n')).toBe(true)
    const messages = decode(r.body)
    expect(messages).toHaveLength(1)
    const snapshot = JSON.parse(messages[0]?.data ?? '') as ServiceJobEvent
    expect(snapshot.type).toBe('snapshot')
    const { items } = await history()
    expect(messages[0]?.id).toBe(String(items.at(-1)?.seq))
    if (snapshot.type === 'snapshot') expect(snapshot.job.status).toBe('COMPLETED')
  })

  it('replays exactly the events after Last-Event-ID, once, behind a snapshot without id', async () => {
    const { items } = await history()
    for (const from of [0, 1, 2, items.length - 1]) {
      const r = await t.request('GET', `/v1/jobs/${job.id}/events`, {
        token: t.alice.token,
        headers: { accept: 'text/event-stream', 'last-event-id': String(from) },
      })
      const messages = decode(r.body)
      expect(messages[0]?.event).toBe('snapshot')
      expect(messages[0]?.id).toBeUndefined()
      const replayed = messages.slice(1)
      expect(replayed.map((m) => Number(m.id))).toEqual(
        items.filter((e) => e.seq > from).map((e) => e.seq),
      )
      expect(replayed.map((m) => JSON.parse(m.data) as unknown)).toEqual(
        items.filter((e) => e.seq > from),
      )
      const terminal = replayed.filter(
        (m) => m.event === 'job.status' && m.data.includes('"COMPLETED"'),
      )
      expect(terminal.length).toBeLessThanOrEqual(1)
    }
    const caughtUp = await t.request('GET', `/v1/jobs/${job.id}/events`, {
      token: t.alice.token,
      headers: { accept: 'text/event-stream', 'last-event-id': String(items.at(-1)?.seq) },
    })
    expect(decode(caughtUp.body).map((m) => m.event)).toEqual(['snapshot'])
  })

  it('streams many jobs on /v1/events and ends when the listed jobs are final', async () => {
    const r = await t.request('GET', `/v1/events?job_ids=${job.id}&job_ids=job_unknown`, {
      token: t.alice.token,
      headers: { accept: 'text/event-stream' },
    })
    expect(r.status).toBe(200)
    const messages = decode(r.body)
    expect(messages.map((m) => m.event)).toEqual(['snapshot'])
    expect(messages[0]?.id).toMatch(new RegExp(`^${job.id}:\\d+$`))
  })
})
