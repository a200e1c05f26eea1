import { describe, expect, it } from 'vitest'
import type { JobStore } from '../../../src/store/job-store.js'
import { newJob, SEED, type JobStoreFixture } from './store-fixture.js'

async function drain(store: JobStore, workerId: string): Promise<string[]> {
  const claimed: string[] = []
  for (;;) {
    const job = await store.claimNext({ workerId, backends: ['sim'], leaseMs: 60_000 })
    if (job === undefined) return claimed
    claimed.push(job.id)
  }
}

/**
 * Several connections at once: claims, completions, reapers, idempotent submissions and event
 * appends never double up.
 *
 * @param get - the current test's fixture
 */
export function concurrencyCases(get: () => JobStoreFixture): void {
  describe('concurrency', () => {
    it('never lets two claimers take the same job', async () => {
      const { store, clock, openPeer } = get()
      const stores = [store, await openPeer(), await openPeer(), await openPeer()]
      const ids = new Set<string>()
      for (let i = 0; i < 40; i++) {
        const instance = [SEED.vqe, SEED.qaoa, SEED.ops, SEED.other][i % 4]!
        ids.add((await store.createJob(newJob({ instance }))).job.id)
        if (i % 5 === 0) clock.advance(1)
      }
      const claims = await Promise.all(
        stores.flatMap((s, i) => [drain(s, `w${i}a`), drain(s, `w${i}b`)]),
      )
      const all = claims.flat()
      expect(all.length).toBe(40)
      expect(new Set(all)).toEqual(ids)
      for (const id of ids) {
        const statuses = (await store.listEvents(id)).flatMap((e) =>
          e.type === 'job.status' ? [e.status] : [],
        )
        expect(statuses).toEqual(['QUEUED', 'RUNNING'])
      }
    })

    it('keeps max_running_jobs under parallel claims', async () => {
      const { store, openPeer } = get()
      const stores = [store, await openPeer(), await openPeer()]
      await store.upsertInstance(SEED.vqe, { max_running_jobs: 2 })
      for (let i = 0; i < 10; i++) await store.createJob(newJob())
      for (let i = 0; i < 3; i++) await store.createJob(newJob({ instance: SEED.ops }))
      const claims = (await Promise.all(stores.map((s, i) => drain(s, `w${i}`)))).flat()
      expect(claims.length).toBe(5)
      expect(await store.countJobs([SEED.vqe, SEED.ops])).toEqual([
        { instance: SEED.ops, queued: 0, running: 3 },
        { instance: SEED.vqe, queued: 8, running: 2 },
      ])
    })

    it('completes a job exactly once under racing completions', async () => {
      const { store, openPeer } = get()
      const stores = [store, await openPeer(), await openPeer()]
      const { job } = await store.createJob(newJob())
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 60_000 })
      const results = await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          stores[i % 3]!.complete(job.id, i % 2 === 0 ? 'w' : 'intruder', { body: `{"n":${i}}` }),
        ),
      )
      const applied = results.filter((r) => r.applied)
      expect(applied.length).toBe(1)
      expect(results.filter((r) => !r.applied).every((r) => r.rejected !== undefined)).toBe(true)
      const body = (await store.getJobResult(job.id))?.body
      expect(body).toBe(`{"n":${results.indexOf(applied[0]!)}}`)
      const events = await store.listEvents(job.id)
      expect(events.filter((e) => e.type === 'job.result_ready').length).toBe(1)
      expect(events.filter((e) => e.type === 'job.status' && e.status === 'COMPLETED').length).toBe(
        1,
      )
    })

    it('reaps each expired lease once with several reapers', async () => {
      const { store, clock, openPeer } = get()
      const stores = [store, await openPeer(), await openPeer()]
      for (let i = 0; i < 12; i++) await store.createJob(newJob())
      await drain(store, 'gone')
      clock.advance(60_001)
      const reaps = await Promise.all(stores.map((s) => s.reapExpiredLeases()))
      const requeued = reaps.flatMap((r) => r.requeued)
      expect(requeued.length).toBe(12)
      expect(new Set(requeued).size).toBe(12)
      for (const id of requeued) {
        const statuses = (await store.listEvents(id)).flatMap((e) =>
          e.type === 'job.status' ? [e.status] : [],
        )
        expect(statuses).toEqual(['QUEUED', 'RUNNING', 'QUEUED'])
      }
    })

    it('creates one job for racing submissions with one idempotency key', async () => {
      const { store, openPeer } = get()
      const stores = [store, await openPeer(), await openPeer()]
      const results = await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          stores[i % 3]!.createJob(newJob(), { idempotencyKey: 'same', requestHash: 'h' }),
        ),
      )
      expect(new Set(results.map((r) => r.job.id)).size).toBe(1)
      expect(results.filter((r) => !r.replayed).length).toBe(1)
      expect((await store.listJobs()).items.length).toBe(1)
    })

    it('keeps event seqs contiguous under concurrent appends', async () => {
      const { store, openPeer } = get()
      const stores = [store, await openPeer(), await openPeer()]
      const { job } = await store.createJob(newJob({ num_circuits: 30 }))
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 60_000 })
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          stores[i % 3]!.appendEvent(job.id, { type: 'job.progress', done: i + 1, total: 30 }),
        ),
      )
      const events = await store.listEvents(job.id)
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1))
      expect((await store.getJob(job.id))?.event_seq).toBe(32)
    })
  })
}
