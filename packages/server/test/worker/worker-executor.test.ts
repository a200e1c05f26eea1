import type { JobRecord, StoredJobEvent } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobStore } from '../../src/store/job-store.js'
import { WorkerExecutor } from '../../src/worker/worker-executor.js'
import { createTestDatabase, type TestDatabase } from '../http/test-server.js'
import {
  BELL_QASM,
  MANILA_BELL_QASM,
  busyQasm,
  startWorkerTestServer,
  type WorkerTestServer,
} from './worker-test-server.js'

interface CountsResult {
  readonly job_id: string
  readonly success: boolean
  readonly results: readonly {
    readonly shots: number
    readonly success: boolean
    readonly data: { readonly counts: Readonly<Record<string, number>> }
  }[]
}

/** The `job.status` events of a job that reached a status. */
async function statusEvents(store: JobStore, id: string, status: string): Promise<number> {
  const events: StoredJobEvent[] = await store.listEvents(id)
  return events.filter((e) => e.type === 'job.status' && 'status' in e && e.status === status)
    .length
}

/** Worker behaviour against one database kind. */
function describeWorker(kind: 'sqlite' | 'postgres'): void {
  describe(`WorkerExecutor (${kind})`, () => {
    let database: TestDatabase | undefined
    let t: WorkerTestServer & { readonly member: { readonly token: string } }

    beforeAll(async () => {
      if (kind === 'postgres') database = await createTestDatabase()
      t = await startWorkerTestServer({
        executor: new WorkerExecutor({ concurrency: 2, pollMs: 200, reapIntervalMs: 200 }),
        ...(database === undefined ? {} : { db: database.url }),
      })
    })
    afterAll(async () => {
      await t.close()
      await database?.drop()
    })

    const result = async (job: JobRecord): Promise<CountsResult> => {
      const r = await t.call('GET', `/v1/jobs/${job.id}/result`)
      expect(r.status).toBe(200)
      return r.json as CountsResult
    }

    it('runs a Bell job to COMPLETED: counts sum to shots, about 50/50 on 00 and 11', async () => {
      const submitted = await t.submit('qasm_simulator', BELL_QASM, 2000)
      const job = await t.waitFor(submitted.id, ['COMPLETED', 'FAILED'])
      expect(job.status).toBe('COMPLETED')
      const body = await result(job)
      expect(body.job_id).toBe(job.id)
      const counts = body.results[0]?.data.counts ?? {}
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2000)
      expect(Object.keys(counts).sort()).toEqual(['0x0', '0x3'])
      // Binomial(2000, 1/2): 5 standard deviations are about ±112.
      expect(Math.abs((counts['0x0'] ?? 0) - 1000)).toBeLessThan(112)
      expect(await statusEvents(t.server.store, job.id, 'COMPLETED')).toBe(1)
    })

    it('runs on a fake device with its noise: odd-parity outcomes appear', async () => {
      const submitted = await t.submit('fake_manila', MANILA_BELL_QASM, 4000)
      const job = await t.waitFor(submitted.id, ['COMPLETED', 'FAILED'])
      expect(job.status).toBe('COMPLETED')
      const counts = (await result(job)).results[0]?.data.counts ?? {}
      const total = Object.values(counts).reduce((a, b) => a + b, 0)
      expect(total).toBe(4000)
      const odd = (counts['0x1'] ?? 0) + (counts['0x2'] ?? 0)
      // manila's readout and CX errors give a few percent of 01/10; a noiseless run gives none.
      expect(odd).toBeGreaterThan(0)
      expect(odd / total).toBeLessThan(0.25)
    })

    it('records the executing phase only for runs longer than 100 ms', async () => {
      const phases = async (id: string): Promise<string[]> =>
        (await t.server.store.listEvents(id)).flatMap((e) =>
          e.type === 'job.status' && 'status' in e ? [`${e.status}/${e.phase ?? ''}`] : [],
        )
      const quick = await t.submit('qasm_simulator', BELL_QASM, 100)
      await t.waitFor(quick.id, ['COMPLETED', 'FAILED'])
      expect(await phases(quick.id)).toEqual(['QUEUED/queued', 'RUNNING/preparing', 'COMPLETED/'])
      // Several hundred ms of statevector work.
      const slow = await t.submit('qasm_simulator', busyQasm(20, 24), 10)
      await t.waitFor(slow.id, ['COMPLETED', 'FAILED'], 60_000)
      expect(await phases(slow.id)).toEqual([
        'QUEUED/queued',
        'RUNNING/preparing',
        'RUNNING/executing',
        'COMPLETED/',
      ])
    })

    it('cancels a RUNNING job quickly, and the worker moves on', async () => {
      const long = await t.submit('qasm_simulator', busyQasm(24, 40), 10)
      const running = await t.waitFor(long.id, ['RUNNING'])
      expect(running.status).toBe('RUNNING')
      const cancelled = await t.call('POST', `/v1/jobs/${long.id}/cancel`)
      expect(cancelled.status).toBeLessThan(300)
      const asked = Date.now()
      const end = await t.waitFor(long.id, ['CANCELLED', 'COMPLETED', 'FAILED'], 5000)
      expect(end.status).toBe('CANCELLED')
      expect(Date.now() - asked).toBeLessThan(3000)
      const next = await t.submit('qasm_simulator', BELL_QASM, 100)
      expect((await t.waitFor(next.id, ['COMPLETED', 'FAILED'])).status).toBe('COMPLETED')
      expect(await statusEvents(t.server.store, long.id, 'CANCELLED')).toBe(1)
    })
  })
}

describeWorker('sqlite')
describeWorker('postgres')

describe('WorkerExecutor recovery and scale (postgres)', () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database.drop()
  })

  it('a killed worker’s job is requeued by the reaper and completed exactly once by another', async () => {
    const outcomes: string[] = []
    const first = new WorkerExecutor({
      concurrency: 1,
      leaseMs: 1000,
      heartbeatMs: 200,
      reapIntervalMs: 0,
      pollMs: 100,
      onJobEnd: (_, outcome) => outcomes.push(`first:${outcome}`),
    })
    await using a = await startWorkerTestServer({ executor: first, db: database.url })
    const submitted = await a.submit('qasm_simulator', busyQasm(20, 30), 100)
    await a.waitFor(submitted.id, ['RUNNING'])
    await first.kill()
    const claimedBy = (await a.server.store.getJob(submitted.id))?.lease_owner
    expect(claimedBy).toBe(`${first.workerId}/0`)
    const second = new WorkerExecutor({
      concurrency: 1,
      reapIntervalMs: 100,
      pollMs: 100,
      onJobEnd: (_, outcome) => outcomes.push(`second:${outcome}`),
    })
    await using b = await startWorkerTestServer({ executor: second, db: database.url }, a.member)
    const job = await b.waitFor(submitted.id, ['COMPLETED', 'FAILED'], 30_000)
    expect(job.status).toBe('COMPLETED')
    expect(job.attempt).toBe(2)
    expect(await statusEvents(b.server.store, job.id, 'COMPLETED')).toBe(1)
    expect(outcomes).toEqual(['first:killed', 'second:completed'])
  }, 40_000)

  it('runs 50 jobs with two executors on one database: each ends COMPLETED exactly once', async () => {
    const ran = new Map<string, string[]>()
    const executor = (name: string) =>
      new WorkerExecutor({
        concurrency: 2,
        pollMs: 200,
        onJobEnd: (id, outcome) => {
          ran.set(id, [...(ran.get(id) ?? []), `${name}:${outcome}`])
        },
      })
    await using a = await startWorkerTestServer({ executor: executor('a'), db: database.url })
    await using b = await startWorkerTestServer(
      { executor: executor('b'), db: database.url },
      a.member,
    )
    const jobs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? a : b).submit('qasm_simulator', BELL_QASM, 64),
      ),
    )
    for (const job of jobs) {
      expect((await a.waitFor(job.id, ['COMPLETED', 'FAILED'], 60_000)).status).toBe('COMPLETED')
    }
    for (const job of jobs) {
      expect(await statusEvents(a.server.store, job.id, 'COMPLETED')).toBe(1)
      expect(ran.get(job.id)).toHaveLength(1)
    }
    const runners = new Set([...ran.values()].flat().map((r) => r.split(':')[0]))
    expect(runners).toEqual(new Set(['a', 'b']))
  }, 90_000)
})
