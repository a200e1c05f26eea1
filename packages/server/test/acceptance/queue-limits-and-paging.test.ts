/**
 * Acceptance checks 4 and 5 of §8.15 against a real server, on a SQLite file and on
 * PostgreSQL: cursor paging while jobs are inserted, and the running and pending limits.
 */
import type { JobListPage, JobRecord, ProblemDocument } from '@qfabric/protocol'
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

/** Pages through a job listing 3 at a time, inserting two jobs after each of the first 3 pages. */
async function pageWhileInserting(
  who: Client,
  query: string,
  insert: () => Promise<JobRecord>,
): Promise<{ seen: string[]; inserted: string[] }> {
  const seen: string[] = []
  const inserted: string[] = []
  let cursor: string | null = null
  for (let page = 0; page < 50; page++) {
    const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`
    const r = await who.call('GET', `/v1/jobs?${query}&limit=3${suffix}`)
    expect(r.status).toBe(200)
    const body = r.json as JobListPage
    seen.push(...body.items.map((j) => j.id))
    if (page < 3) inserted.push((await insert()).id, (await insert()).id)
    cursor = body.next_cursor
    if (cursor === null) return { seen, inserted }
  }
  throw new Error('paging did not end')
}

/** A user who is a member of one new instance only, with its token. */
async function memberOf(t: AcceptanceServer, instance: string, settings: object): Promise<Client> {
  const created = await t.admin.call('POST', `/v1/instances/${instance}`, { body: settings })
  expect(created.status).toBe(201)
  const login = instance.replaceAll('/', '-')
  const user = await t.admin.call('POST', '/v1/users', { body: { login } })
  const userId = (user.json as { id: string }).id
  await t.admin.call('POST', '/v1/memberships', {
    body: { user_id: userId, instance, role: 'member' },
  })
  const token = await t.admin.call('POST', '/v1/tokens', {
    body: { name: login, scopes: ['jobs:read', 'jobs:write', 'backends:read'], user_id: userId },
  })
  return client(t.server.url, (token.json as { token: string }).token)
}

function describeQueue(kind: StorageKind): void {
  describe(`queue limits and paging (${kind})`, () => {
    let storage: Storage
    let t: AcceptanceServer

    beforeAll(async () => {
      storage = await openStorage(kind)
      t = await startAcceptanceServer(storage)
    })
    afterAll(async () => {
      await t.close()
      await storage.dispose()
    })

    it('4. paging with a cursor while jobs are inserted has no duplicates or gaps', async () => {
      for (const order of ['desc', 'asc'] as const) {
        const tag = `page-${order}`
        const insert = () => submitJob(t.alice, jobBody('parked', BELL_QASM, { tags: [tag] }))
        const before: string[] = []
        for (let i = 0; i < 7; i++) before.push((await insert()).id)
        const { seen, inserted } = await pageWhileInserting(
          t.alice,
          `tag=${tag}&order=${order}`,
          insert,
        )
        expect(new Set(seen).size).toBe(seen.length)
        // Newest first: the snapshot of the start, in order; jobs added at the head are not
        // reached. Oldest first: everything, the new jobs at the tail in creation order.
        expect(seen).toEqual(order === 'desc' ? [...before].reverse() : [...before, ...inserted])
      }
    })

    it('5. at max_running_jobs new jobs wait with phase waiting_for_slot; at max_pending_jobs 429 with Retry-After', async () => {
      const carol = await memberOf(t, `acme/limits/${kind}`, {
        max_running_jobs: 1,
        max_pending_jobs: 3,
      })
      const long = await submitJob(carol, jobBody('qasm_simulator', busyQasm(20, 30)))
      await carol.waitFor(long.id, ['RUNNING'])
      const waiting = await submitJob(carol, jobBody('qasm_simulator', BELL_QASM))
      expect(waiting).toMatchObject({ status: 'QUEUED', phase: 'waiting_for_slot' })
      const parked = await submitJob(carol, jobBody('parked', BELL_QASM))
      const over = await carol.call('POST', '/v1/jobs', { body: jobBody('parked', BELL_QASM) })
      expect(over.status).toBe(429)
      expect((over.json as ProblemDocument).code).toBe('pending_job_limit_exceeded')
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
      // An idle worker loop does not take the waiting job while the slot is used.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect((await carol.call('GET', `/v1/jobs/${waiting.id}`)).json).toMatchObject({
        status: 'QUEUED',
      })
      // Freeing the slot lets it run.
      await carol.call('POST', `/v1/jobs/${long.id}/cancel`)
      expect((await carol.waitFor(waiting.id, ['COMPLETED', 'FAILED'])).status).toBe('COMPLETED')
      await carol.call('POST', `/v1/jobs/${parked.id}/cancel`)
    })
  })
}

describeQueue('sqlite')
describeQueue('postgres')
