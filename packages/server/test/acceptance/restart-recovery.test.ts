/**
 * Acceptance check 1 of §8.15: a server killed with jobs QUEUED and RUNNING comes back on the
 * same SQLite file or PostgreSQL database with every job listed, and the interrupted one is
 * requeued by the reaper once its lease lapses (or failed as `interrupted`).
 */
import type { JobListPage, JobRecord } from '@qfabric/protocol'
import { describe, expect, it } from 'vitest'
import {
  BELL_QASM,
  busyQasm,
  jobBody,
  openStorage,
  startAcceptanceServer,
  submitJob,
  type StorageKind,
} from './acceptance-server.js'

const FINAL = ['COMPLETED', 'FAILED', 'CANCELLED']

/** Requeued (a later attempt) or failed as interrupted: the two outcomes §8.15 allows. */
const recovered = (job: JobRecord): boolean =>
  (job.attempt >= 2 && job.status !== 'FAILED') ||
  (job.status === 'FAILED' && job.status_reason?.code === 'interrupted')

function describeRestart(kind: StorageKind): void {
  describe(`restart recovery (${kind})`, () => {
    it('1. after a kill with jobs QUEUED and RUNNING, a restart lists every job and requeues the running one', async () => {
      const storage = await openStorage(kind)
      try {
        const first = await startAcceptanceServer(storage, {
          // One loop, short leases, no reaper: the running job is only recovered after restart.
          worker: { concurrency: 1, leaseMs: 1000, heartbeatMs: 200, reapIntervalMs: 0 },
        })
        const running = await submitJob(first.alice, jobBody('qasm_simulator', busyQasm(20, 40)))
        await first.alice.waitFor(running.id, ['RUNNING'])
        const queued = [
          await submitJob(first.alice, jobBody('qasm_simulator', BELL_QASM)),
          await submitJob(first.alice, jobBody('qasm_simulator', BELL_QASM)),
          await submitJob(first.alice, jobBody('parked', BELL_QASM)),
        ]
        for (const job of queued) {
          expect((await first.alice.call('GET', `/v1/jobs/${job.id}`)).json).toMatchObject({
            status: 'QUEUED',
          })
        }
        // No drain: the workers die as if the process did, then the port closes.
        await first.executor.kill()
        await first.server.close()

        const second = await startAcceptanceServer(storage, { members: first.members })
        try {
          const page = (await second.alice.call('GET', '/v1/jobs?limit=100')).json as JobListPage
          const ids = [running.id, ...queued.map((j) => j.id)]
          expect(page.items.map((j) => j.id).sort()).toEqual([...ids].sort())
          const back = await second.alice.waitUntil(running.id, recovered, 15_000)
          expect(recovered(back)).toBe(true)
          if (back.status !== 'FAILED') expect(back.attempt).toBe(2)
          for (const job of queued.slice(0, 2)) {
            const done = await second.alice.waitFor(job.id, ['COMPLETED', 'FAILED'])
            expect(done).toMatchObject({ status: 'COMPLETED', attempt: 1 })
          }
          const parked = queued[2]?.id ?? ''
          expect((await second.alice.call('GET', `/v1/jobs/${parked}`)).json).toMatchObject({
            status: 'QUEUED',
          })
          const latest = (await second.alice.call('GET', `/v1/jobs/${running.id}`))
            .json as JobRecord
          if (!FINAL.includes(latest.status)) {
            await second.alice.call('POST', `/v1/jobs/${running.id}/cancel`)
          }
        } finally {
          await second.close()
        }
      } finally {
        await storage.dispose()
      }
    }, 40_000)
  })
}

describeRestart('sqlite')
describeRestart('postgres')
