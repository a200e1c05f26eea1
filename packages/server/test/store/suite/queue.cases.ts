import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isJobStoreError } from '../../../src/store/job-store-error.js'
import type { JobStore } from '../../../src/store/job-store.js'
import { eventually, newJob, SEED, simBackend, type JobStoreFixture } from './store-fixture.js'

const LEASE = 30_000

async function claim(store: JobStore, workerId = 'w1', backends = ['sim']) {
  return store.claimNext({ workerId, backends, leaseMs: LEASE })
}

/**
 * The queue: claim order, fair share, limits, leases, finishing, the reaper, positions,
 * counts and wake-ups.
 *
 * @param get - the current test's fixture
 */
export function queueCases(get: () => JobStoreFixture): void {
  describe('queue', () => {
    it('claims the oldest job of the asked backends and leases it', async () => {
      const { store, clock } = get()
      expect(await claim(store)).toBeUndefined()
      await store.upsertBackend(simBackend({ version: '1.2.3', calibration_id: 'cal-7' }))
      const other = (await store.createJob(newJob({ backend: 'fake_lima' }))).job
      clock.advance(5)
      const first = (await store.createJob(newJob())).job
      clock.advance(5)
      const second = (await store.createJob(newJob())).job
      clock.advance(5)
      const claimed = await claim(store)
      expect(claimed?.id).toBe(first.id)
      expect(claimed).toMatchObject({
        status: 'RUNNING',
        phase: 'preparing',
        lease_owner: 'w1',
        lease_expires_at: new Date(clock.now() + LEASE).toISOString(),
        started_at: new Date(clock.now()).toISOString(),
        backend_snapshot: { version: '1.2.3', calibration_id: 'cal-7' },
        rev: 2,
        event_seq: 2,
      })
      expect(claimed?.timestamps.RUNNING).toBe(claimed?.started_at)
      const events = await store.listEvents(first.id)
      expect(events.at(-1)).toMatchObject({
        type: 'job.status',
        status: 'RUNNING',
        previous_status: 'QUEUED',
        rev: 2,
      })
      expect((await claim(store, 'w2'))?.id).toBe(second.id)
      expect(await claim(store, 'w3')).toBeUndefined()
      expect((await claim(store, 'w3', ['fake_lima', 'sim']))?.id).toBe(other.id)
      expect(await claim(store, 'w3', [])).toBeUndefined()
      await expect(
        store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 0 }),
      ).rejects.toThrow(RangeError)
      await expect(
        store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 1, phase: 'queued' }),
      ).rejects.toThrow(RangeError)
    })

    it('claims higher priority first, then shares fairly across instances', async () => {
      const { store, clock } = get()
      const tick = () => clock.advance(1)
      const vqe1 = (await store.createJob(newJob())).job
      tick()
      const vqe2 = (await store.createJob(newJob())).job
      tick()
      const qaoa1 = (await store.createJob(newJob({ instance: SEED.qaoa }))).job
      tick()
      const urgent = (await store.createJob(newJob({ instance: SEED.ops, priority: 5 }))).job
      const order: string[] = []
      for (let i = 0; i < 4; i++) order.push((await claim(store, `w${i}`))!.id)
      // urgent (priority), vqe1 (oldest, both instances idle), qaoa1 (vqe now has one running
      // and qaoa none), vqe2.
      expect(order).toEqual([urgent.id, vqe1.id, qaoa1.id, vqe2.id])
    })

    it('skips instances at their inherited max_running_jobs', async () => {
      const { store, clock } = get()
      await store.upsertInstance('acme', { max_running_jobs: 1 })
      const a = (await store.createJob(newJob())).job
      clock.advance(1)
      const b = (await store.createJob(newJob())).job
      clock.advance(1)
      const c = (await store.createJob(newJob({ instance: SEED.other }))).job
      expect((await claim(store))?.id).toBe(a.id)
      expect((await claim(store))?.id).toBe(c.id)
      expect(await claim(store)).toBeUndefined()
      // A project setting overrides the hub's.
      await store.upsertInstance(SEED.vqe, { max_running_jobs: 2 })
      expect((await claim(store))?.id).toBe(b.id)
      await store.upsertInstance(SEED.vqe, { max_running_jobs: null })
      const d = (await store.createJob(newJob())).job
      expect(d.phase).toBe('waiting_for_slot')
      expect(await claim(store)).toBeUndefined()
      await store.complete(a.id, 'w1', { body: '{}' })
      await store.complete(b.id, 'w1', { body: '{}' })
      expect((await claim(store))?.id).toBe(d.id)
    })

    it('renews leases only for their holder', async () => {
      const { store, clock } = get()
      const { job } = await store.createJob(newJob())
      await claim(store)
      clock.advance(10_000)
      const beat = await store.heartbeat(job.id, 'w1', 60_000)
      expect(beat).toEqual({
        leaseExpiresAt: new Date(clock.now() + 60_000).toISOString(),
        cancelRequested: false,
      })
      expect((await store.getJob(job.id))?.lease_expires_at).toBe(beat.leaseExpiresAt)
      const lost = (e: unknown): boolean => isJobStoreError(e, 'store.lease-lost')
      await expect(store.heartbeat(job.id, 'w2', 60_000)).rejects.toSatisfy(lost)
      await expect(store.heartbeat('job_nope', 'w1', 60_000)).rejects.toSatisfy(lost)
      await store.complete(job.id, 'w1', { body: '{}' })
      await expect(store.heartbeat(job.id, 'w1', 60_000)).rejects.toSatisfy(lost)
    })

    it('stores the result once, announces it, then completes; a second completion is a no-op', async () => {
      const { store, clock } = get()
      const { job } = await store.createJob(newJob())
      await claim(store)
      clock.advance(2500)
      const body = JSON.stringify({ results: [{ data: { counts: { '0x0': 512, '0x3': 512 } } }] })
      const done = await store.complete(job.id, 'w1', { body, device_seconds: 0.25 })
      expect(done.applied).toBe(true)
      const ended = clock.now()
      expect(done.job).toMatchObject({
        status: 'COMPLETED',
        phase: null,
        lease_owner: null,
        lease_expires_at: null,
        ended_at: new Date(ended).toISOString(),
        progress: { done: 1, total: 1 },
        usage: { device_seconds: 0.25, wall_seconds: 2.5 },
        result: {
          available: true,
          bytes: Buffer.byteLength(body),
          sha256: createHash('sha256').update(body).digest('hex'),
          content_type: 'application/json',
          format_version: 1,
          partial: false,
          // 30 days by default (§8.9).
          expires_at: new Date(ended + 30 * 86_400_000).toISOString(),
        },
      })
      expect(await store.getJobResult(job.id)).toEqual({
        body,
        content_type: 'application/json',
        format_version: 1,
        bytes: Buffer.byteLength(body),
        sha256: createHash('sha256').update(body).digest('hex'),
        partial: false,
      })
      const events = await store.listEvents(job.id)
      expect(events.slice(-2).map((e) => e.type)).toEqual(['job.result_ready', 'job.status'])
      expect(events.at(-2)).toMatchObject({ result: done.job.result })
      const twice = await store.complete(job.id, 'w1', { body: '{"other":1}' })
      expect(twice).toMatchObject({ applied: false, rejected: 'already-final' })
      expect(twice.job.rev).toBe(done.job.rev)
      expect((await store.getJobResult(job.id))?.body).toBe(body)
      expect(await store.listEvents(job.id)).toEqual(events)
    })

    it('rejects the completion of a worker that lost its lease', async () => {
      const { store } = get()
      const { job } = await store.createJob(newJob())
      await claim(store, 'w1')
      const late = await store.complete(job.id, 'w2', { body: '{}' })
      expect(late).toMatchObject({ applied: false, rejected: 'lease-lost' })
      expect(late.job.status).toBe('RUNNING')
      const failed = await store.fail(job.id, 'w1', { code: 'execution_error', message: 'boom' })
      expect(failed.applied).toBe(true)
      expect(failed.job.status_reason).toMatchObject({ code: 'execution_error', message: 'boom' })
      expect(failed.job.result).toMatchObject({ available: false, expires_at: null })
      await expect(store.finish(job.id, 'w1', { outcome: 'cancelled' })).resolves.toMatchObject({
        applied: false,
        rejected: 'already-final',
      })
      const other = (await store.createJob(newJob())).job
      await claim(store, 'w3')
      await expect(store.finish(other.id, 'w3', { outcome: 'cancelled' })).rejects.toSatisfy(
        (e: unknown) => isJobStoreError(e, 'store.invalid-transition'),
      )
    })

    it('requeues expired leases, then fails them after max_attempts', async () => {
      const { store, clock } = get()
      const { job } = await store.createJob(newJob({ max_attempts: 2 }))
      clock.advance(1)
      const keep = (await store.createJob(newJob())).job
      await claim(store, 'w1')
      await store.claimNext({ workerId: 'w2', backends: ['sim'], leaseMs: 10 * LEASE })
      expect(await store.reapExpiredLeases()).toEqual({ requeued: [], failed: [], cancelled: [] })
      clock.advance(LEASE + 1)
      expect(await store.reapExpiredLeases()).toEqual({
        requeued: [job.id],
        failed: [],
        cancelled: [],
      })
      const requeued = await store.getJob(job.id)
      expect(requeued).toMatchObject({
        status: 'QUEUED',
        phase: 'queued',
        attempt: 2,
        lease_owner: null,
      })
      expect((await store.getJob(keep.id))?.status).toBe('RUNNING')
      expect((await store.listEvents(job.id)).at(-1)).toMatchObject({
        status: 'QUEUED',
        previous_status: 'RUNNING',
        attempt: 2,
      })
      await expect(store.heartbeat(job.id, 'w1', LEASE)).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.lease-lost'),
      )
      expect(await store.complete(job.id, 'w1', { body: '{}' })).toMatchObject({
        applied: false,
        rejected: 'lease-lost',
      })
      expect((await claim(store, 'w3'))?.id).toBe(job.id)
      clock.advance(LEASE + 1)
      expect(await store.reapExpiredLeases(clock.now())).toEqual({
        requeued: [],
        failed: [job.id],
        cancelled: [],
      })
      const failed = await store.getJob(job.id)
      expect(failed?.status).toBe('FAILED')
      expect(failed?.status_reason).toMatchObject({
        code: 'interrupted',
        retryable: true,
        details: { attempt: 2 },
      })
    })

    it('completes the pending cancel of a job whose worker vanished', async () => {
      const { store, clock } = get()
      const { job } = await store.createJob(newJob())
      await claim(store)
      await store.requestCancel(job.id)
      clock.advance(LEASE + 1)
      expect(await store.reapExpiredLeases()).toEqual({
        requeued: [],
        failed: [],
        cancelled: [job.id],
      })
      expect((await store.getJob(job.id))?.status).toBe('CANCELLED')
    })

    it('cancels queued jobs past their queue_ttl_seconds', async () => {
      const { store, clock } = get()
      const short = (await store.createJob(newJob({ queue_ttl_seconds: 60 }))).job
      const forever = (await store.createJob(newJob())).job
      clock.advance(59_999)
      expect(await store.expireQueuedJobs()).toEqual([])
      clock.advance(1)
      expect(await store.expireQueuedJobs()).toEqual([short.id])
      expect((await store.getJob(short.id))?.status_reason?.code).toBe('expired')
      expect((await store.getJob(forever.id))?.status).toBe('QUEUED')
    })

    it('computes queue positions globally and within the instance', async () => {
      const { store, clock } = get()
      const ids: string[] = []
      for (const instance of [SEED.vqe, SEED.qaoa, SEED.vqe, SEED.qaoa]) {
        ids.push((await store.createJob(newJob({ instance }))).job.id)
        clock.advance(1)
      }
      const vip = (await store.createJob(newJob({ instance: SEED.qaoa, priority: 1 }))).job
      await store.createJob(newJob({ backend: 'elsewhere' }))
      const positions = await Promise.all(ids.map((id) => store.queuePosition(id)))
      expect(positions).toEqual([
        { position: 1, positionInInstance: 0, aheadNormal: 0, aheadPriority: 1 },
        { position: 2, positionInInstance: 1, aheadNormal: 1, aheadPriority: 1 },
        { position: 3, positionInInstance: 1, aheadNormal: 2, aheadPriority: 1 },
        { position: 4, positionInInstance: 2, aheadNormal: 3, aheadPriority: 1 },
      ])
      expect(await store.queuePosition(vip.id)).toEqual({
        position: 0,
        positionInInstance: 0,
        aheadNormal: 0,
        aheadPriority: 0,
      })
      await claim(store)
      expect(await store.queuePosition(vip.id)).toBeUndefined()
      expect(await store.queuePosition('job_nope')).toBeUndefined()
      expect((await store.queuePosition(ids[3]!))?.position).toBe(3)
    })

    it('counts queued and running jobs per instance', async () => {
      const { store, clock } = get()
      await store.createJob(newJob())
      await store.createJob(newJob())
      clock.advance(1)
      await store.createJob(newJob({ instance: SEED.ops }))
      await claim(store)
      const done = (await store.createJob(newJob({ instance: SEED.other }))).job
      await store.requestCancel(done.id)
      expect(await store.countJobs()).toEqual([
        { instance: SEED.ops, queued: 1, running: 0 },
        { instance: SEED.vqe, queued: 1, running: 1 },
      ])
      expect(await store.countJobs([SEED.vqe, SEED.other])).toEqual([
        { instance: SEED.vqe, queued: 1, running: 1 },
        { instance: SEED.other, queued: 0, running: 0 },
      ])
      expect(await store.countJobs([])).toEqual([])
    })

    it('wakes waiting workers on enqueue, also from another connection', async () => {
      const { store, openPeer } = get()
      const peer = await openPeer()
      // A notification nobody waited for is kept for the next waiter.
      await store.createJob(newJob())
      await eventually(() => true)
      await store.waitForWork({ timeoutMs: 5000 })
      const waiting = store.waitForWork({ timeoutMs: 20_000 })
      let woke = false
      void waiting.then(() => (woke = true))
      await new Promise((r) => setTimeout(r, 20))
      expect(woke).toBe(false)
      // Another process's job (SQLite: seen by the poll of the file's data version).
      await peer.createJob(newJob())
      await waiting
      const controller = new AbortController()
      const aborted = store.waitForWork({ signal: controller.signal })
      const reason = new Error('shutdown')
      controller.abort(reason)
      await expect(aborted).rejects.toBe(reason)
      const started = Date.now()
      await store.waitForWork({ timeoutMs: 30 })
      expect(Date.now() - started).toBeGreaterThanOrEqual(25)
    })

    it('tells watchers about committed job events', async () => {
      const { store, openPeer } = get()
      const seen: string[] = []
      const stop = store.watchJobs((c) => seen.push(`${c.jobId}#${c.seq}`))
      const { job } = await store.createJob(newJob())
      await claim(store)
      await store.requestCancel(job.id)
      await eventually(() => seen.length >= 3)
      expect(seen).toEqual([`${job.id}#1`, `${job.id}#2`, `${job.id}#3`])
      const peer = await openPeer()
      await peer.finish(job.id, 'w1', { outcome: 'cancelled' })
      await eventually(() => seen.length >= 4)
      expect(seen[3]).toBe(`${job.id}#4`)
      stop()
      await store.createJob(newJob())
      await new Promise((r) => setTimeout(r, 50))
      expect(seen.length).toBeLessThanOrEqual(4)
    })
  })
}
