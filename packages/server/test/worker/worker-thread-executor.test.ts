import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StoredJobEvent } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServerConfigError } from '../../src/config/server-config-error.js'
import { createServer } from '../../src/create-server.js'
import type { JobStore } from '../../src/store/job-store.js'
import { WorkerError } from '../../src/worker/worker-error.js'
import { WorkerThreadExecutor } from '../../src/worker/worker-thread-executor.js'
import { createTestDatabase, type TestDatabase } from '../http/test-server.js'
import {
  BELL_QASM,
  busyQasm,
  startWorkerTestServer,
  type WorkerTestServer,
} from './worker-test-server.js'

/** How many `job.status` events of a job reached a status. */
async function statusEvents(store: JobStore, id: string, status: string): Promise<number> {
  const events: StoredJobEvent[] = await store.listEvents(id)
  return events.filter((e) => e.type === 'job.status' && 'status' in e && e.status === status)
    .length
}

/** The worker thread against one database kind. */
function describeWorkerThread(kind: 'sqlite' | 'postgres'): void {
  describe(`createServer({ workerThread }) (${kind})`, () => {
    let database: TestDatabase | undefined
    let dataDir: string | undefined
    let t: WorkerTestServer
    const ended: string[] = []

    beforeAll(async () => {
      if (kind === 'postgres') database = await createTestDatabase()
      else dataDir = await mkdtemp(join(tmpdir(), 'qfabric-worker-thread-'))
      t = await startWorkerTestServer({
        // Polls so rare that only notices can wake the workers in time; heartbeats so rare
        // that only a notice can bring a cancel request to a running job in time.
        workerThread: {
          concurrency: 2,
          pollMs: 600_000,
          leaseMs: 600_000,
          onJobEnd: (jobId, outcome) => {
            ended.push(`${jobId}:${outcome}`)
          },
        },
        ...(database === undefined ? { dataDir } : { db: database.url }),
      })
    })
    afterAll(async () => {
      await t.close()
      await database?.drop()
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
    })

    it('runs submitted jobs to COMPLETED exactly once, woken by the submit', async () => {
      const jobs = await Promise.all(
        Array.from({ length: 6 }, () => t.submit('qasm_simulator', BELL_QASM, 100)),
      )
      for (const submitted of jobs) {
        const job = await t.waitFor(submitted.id, ['COMPLETED', 'FAILED'])
        expect(job.status, JSON.stringify(job)).toBe('COMPLETED')
        const result = await t.call('GET', `/v1/jobs/${job.id}/result`)
        const counts = (result.json as { results: { data: { counts: Record<string, number> } }[] })
          .results[0]?.data.counts
        expect(Object.keys(counts ?? {}).sort()).toEqual(['0x0', '0x3'])
        expect(await statusEvents(t.server.store, job.id, 'COMPLETED')).toBe(1)
        expect(ended).toContain(`${job.id}:completed`)
      }
    })

    it("wakes the API's listeners when the thread finishes a job", async () => {
      // Listening before the submit: the completion's notice cannot slip by unheard.
      const completed = new Set<string>()
      let heard = (): void => undefined
      const unsubscribe = t.server.events.subscribe('*', (jobId) => {
        void t.server.store.getJob(jobId).then((job) => {
          if (job?.status !== 'COMPLETED') return
          completed.add(jobId)
          heard()
        })
      })
      try {
        const submitted = await t.submit('qasm_simulator', BELL_QASM, 10)
        await new Promise<void>((resolve) => {
          heard = () => {
            if (completed.has(submitted.id)) resolve()
          }
          heard()
        })
        expect(completed.has(submitted.id)).toBe(true)
      } finally {
        unsubscribe()
      }
    })

    it('brings a cancel request to the running simulation at once', async () => {
      const long = await t.submit('qasm_simulator', busyQasm(24, 40), 10)
      expect((await t.waitFor(long.id, ['RUNNING'])).status).toBe('RUNNING')
      const cancelled = await t.call('POST', `/v1/jobs/${long.id}/cancel`)
      expect(cancelled.status).toBeLessThan(300)
      // The next heartbeat is minutes away: only the notice can stop it within the wait.
      const end = await t.waitFor(long.id, ['CANCELLED', 'COMPLETED', 'FAILED'], 10_000)
      expect(end.status).toBe('CANCELLED')
      expect(await statusEvents(t.server.store, long.id, 'CANCELLED')).toBe(1)
      const next = await t.submit('qasm_simulator', BELL_QASM, 100)
      expect((await t.waitFor(next.id, ['COMPLETED', 'FAILED'])).status).toBe('COMPLETED')
    })
  })
}

describeWorkerThread('sqlite')
describeWorkerThread('postgres')

describe('workerThread configuration', () => {
  it('refuses an in-memory database (the thread could not open it)', async () => {
    const error: unknown = await createServer({
      logger: false,
      onFirstAdminToken: null,
      listen: false,
      workerThread: true,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerConfigError)
    expect((error as ServerConfigError).code).toBe('server.config-invalid')
  })

  it('a WorkerThreadExecutor refuses an in-memory SQLite location', () => {
    expect(
      () => new WorkerThreadExecutor({ location: { kind: 'sqlite', filename: ':memory:' } }),
    ).toThrow(WorkerError)
  })
})
