import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isJobStoreError } from '../../../src/store/job-store-error.js'
import { newJob, SEED, type JobStoreFixture } from './store-fixture.js'

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * Job records: creation, reads, idempotency, patch, cancel, transitions, events, deletion.
 *
 * @param get - the current test's fixture
 */
export function jobCatalogCases(get: () => JobStoreFixture): void {
  describe('jobs', () => {
    it('creates a QUEUED job with the full record and its first event', async () => {
      const { store, clock } = get()
      const input = newJob({ name: 'bell', tags: ['exp-42', 'exp-42', 'b'], metadata: { nb: 1 } })
      const { job, replayed } = await store.createJob(input)
      expect(replayed).toBe(false)
      expect(job.id).toMatch(/^job_[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(job).toMatchObject({
        instance: SEED.vqe,
        owner: SEED.alice,
        backend: 'sim',
        program: 'circuit-runner',
        name: 'bell',
        tags: ['exp-42', 'b'],
        metadata: { nb: 1 },
        visibility: 'private',
        status: 'QUEUED',
        phase: 'queued',
        status_reason: null,
        attempt: 1,
        rev: 1,
        event_seq: 1,
        lease_owner: null,
        started_at: null,
        ended_at: null,
      })
      expect('deleted_at' in job).toBe(false)
      const now = new Date(clock.now()).toISOString()
      expect(job.created_at).toBe(now)
      expect(job.queued_at).toBe(now)
      expect(job.timestamps).toEqual({ QUEUED: now })
      expect(job.request).toEqual({
        shots: 1024,
        num_circuits: 1,
        executions: 1024,
        input_bytes: Buffer.byteLength(input.input),
        input_sha256: sha256(input.input),
        max_execution_seconds: 600,
        queue_ttl_seconds: null,
      })
      expect(job.result.available).toBe(false)
      expect(await store.getJobInput(job.id)).toEqual({
        input: input.input,
        bytes: Buffer.byteLength(input.input),
        sha256: sha256(input.input),
      })
      expect(await store.getJob(job.id)).toEqual(job)
      expect(await store.listEvents(job.id)).toEqual([
        {
          type: 'job.status',
          seq: 1,
          job_id: job.id,
          time: now,
          status: 'QUEUED',
          previous_status: null,
          phase: 'queued',
          status_reason: null,
          attempt: 1,
          rev: 1,
        },
      ])
    })

    it('reads missing jobs as undefined and batches in the order asked', async () => {
      const { store } = get()
      const a = (await store.createJob(newJob())).job
      const b = (await store.createJob(newJob())).job
      expect(await store.getJob('job_nope')).toBeUndefined()
      expect(await store.getJobInput('job_nope')).toBeUndefined()
      expect(await store.getJobResult(a.id)).toBeUndefined()
      const got = await store.getJobs([b.id, 'job_nope', a.id, b.id])
      expect(got.map((j) => j.id)).toEqual([b.id, a.id])
      expect(await store.getJobs([])).toEqual([])
    })

    it('refuses unknown instances and owners', async () => {
      const { store } = get()
      await expect(store.createJob(newJob({ instance: 'no/such/place' }))).rejects.toSatisfy(
        (e: unknown) => isJobStoreError(e, 'store.not-found'),
      )
      await expect(store.createJob(newJob({ owner: 'user_ghost' }))).rejects.toSatisfy(
        (e: unknown) => isJobStoreError(e, 'store.not-found'),
      )
      expect((await store.listJobs()).items).toHaveLength(0)
    })

    it('replays an idempotent submission and rejects a reused key with another request', async () => {
      const { store, clock } = get()
      const key = { idempotencyKey: 'k-1', requestHash: sha256('body-1') }
      const first = await store.createJob(newJob(), key)
      clock.advance(1000)
      const again = await store.createJob(newJob(), key)
      expect(again.replayed).toBe(true)
      expect(again.job.id).toBe(first.job.id)
      expect(again.job.idempotency_key).toBe('k-1')
      await expect(
        store.createJob(newJob(), { idempotencyKey: 'k-1', requestHash: sha256('body-2') }),
      ).rejects.toSatisfy((e: unknown) => isJobStoreError(e, 'store.idempotency-key-reused'))
      // Keys are per owner.
      const bobs = await store.createJob(newJob({ owner: SEED.bob }), key)
      expect(bobs.replayed).toBe(false)
      expect((await store.listJobs()).items).toHaveLength(2)
      // Still replayed once final.
      await store.requestCancel(first.job.id)
      expect((await store.createJob(newJob(), key)).job.status).toBe('CANCELLED')
    })

    it('forgets an idempotency key after its time to live', async () => {
      const { store, clock } = get()
      const key = { idempotencyKey: 'k-ttl', requestHash: 'h', idempotencyTtlMs: 60_000 }
      const first = await store.createJob(newJob(), key)
      clock.advance(60_000)
      const second = await store.createJob(newJob(), { ...key, requestHash: 'other' })
      expect(second.replayed).toBe(false)
      expect(second.job.id).not.toBe(first.job.id)
    })

    it('renames and retags in every status, bumping rev without an event', async () => {
      const { store } = get()
      const { job } = await store.createJob(newJob({ tags: ['a', 'b'] }))
      await store.requestCancel(job.id)
      const patched = await store.patchJob(job.id, { name: 'renamed', tags: ['c'] })
      expect(patched).toMatchObject({ name: 'renamed', tags: ['c'], status: 'CANCELLED', rev: 3 })
      expect((await store.listEvents(job.id)).map((e) => e.seq)).toEqual([1, 2])
      const byTag = await store.listJobs({ filter: { tag: ['c'] } })
      expect(byTag.items.map((j) => j.id)).toEqual([job.id])
      expect((await store.listJobs({ filter: { tag: ['a'] } })).items).toHaveLength(0)
      const cleared = await store.patchJob(job.id, { name: null, tags: [] })
      expect(cleared).toMatchObject({ name: null, tags: [] })
      await expect(store.patchJob('job_nope', { name: 'x' })).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.not-found'),
      )
    })

    it('cancels a queued job at once and a running one through CANCELLING', async () => {
      const { store } = get()
      const queued = (await store.createJob(newJob())).job
      const cancelled = await store.requestCancel(queued.id)
      expect(cancelled).toMatchObject({ changed: true, alreadyFinal: false })
      expect(cancelled.job).toMatchObject({ status: 'CANCELLED', phase: null })
      expect(cancelled.job.status_reason).toEqual({
        code: 'cancelled_by_user',
        message: 'The job was cancelled on request.',
        solution: null,
        retryable: false,
        details: null,
      })
      expect(cancelled.job.ended_at).not.toBeNull()
      const again = await store.requestCancel(queued.id)
      expect(again).toMatchObject({ changed: false, alreadyFinal: true })

      const running = (await store.createJob(newJob())).job
      await store.claimNext({ workerId: 'w1', backends: ['sim'], leaseMs: 30_000 })
      const requested = await store.requestCancel(running.id)
      expect(requested).toMatchObject({ changed: true, alreadyFinal: false })
      expect(requested.job).toMatchObject({ status: 'CANCELLING', phase: 'cancel_requested' })
      expect(requested.job.cancel_requested_at).not.toBeNull()
      expect(await store.requestCancel(running.id)).toMatchObject({
        changed: false,
        alreadyFinal: false,
      })
      expect((await store.heartbeat(running.id, 'w1', 30_000)).cancelRequested).toBe(true)
      const acked = await store.finish(running.id, 'w1', {
        outcome: 'cancelled',
        partialResult: { body: '{"partial":1}' },
      })
      expect(acked.applied).toBe(true)
      expect(acked.job).toMatchObject({ status: 'CANCELLED', lease_owner: null })
      expect(acked.job.result).toMatchObject({ available: true, partial: true })
      expect((await store.getJobResult(running.id))?.body).toBe('{"partial":1}')
      await expect(store.requestCancel('job_nope')).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.not-found'),
      )
    })

    it('enforces the state machine of §8.2', async () => {
      const { store } = get()
      const { job } = await store.createJob(newJob())
      const invalid = (e: unknown): boolean => isJobStoreError(e, 'store.invalid-transition')
      await expect(
        store.transition(job.id, { to: 'FAILED', reason: { code: 'internal' } }),
      ).rejects.toSatisfy(invalid)
      await expect(store.transition(job.id, { to: 'COMPLETED' })).rejects.toSatisfy(invalid)
      await expect(store.transition(job.id, { to: 'CANCELLING' })).rejects.toSatisfy(invalid)
      await expect(store.transition(job.id, { to: 'RUNNING', from: 'RUNNING' })).rejects.toSatisfy(
        invalid,
      )
      await expect(store.transition(job.id, { to: 'QUEUED', phase: 'executing' })).rejects.toThrow(
        RangeError,
      )
      // A phase change within QUEUED writes an event; repeating it writes nothing.
      const waiting = await store.transition(job.id, { to: 'QUEUED', phase: 'waiting_for_window' })
      expect(waiting).toMatchObject({ status: 'QUEUED', phase: 'waiting_for_window', rev: 2 })
      await store.transition(job.id, { to: 'QUEUED', phase: 'waiting_for_window' })
      expect((await store.listEvents(job.id)).length).toBe(2)
      await store.transition(job.id, { to: 'CANCELLED', reason: { code: 'expired' } })
      for (const to of ['QUEUED', 'RUNNING', 'COMPLETED'] as const) {
        await expect(store.transition(job.id, { to })).rejects.toSatisfy(invalid)
      }
      expect((await store.getJob(job.id))?.status_reason?.code).toBe('expired')
    })

    it('needs a reason to fail and the lease to act as a worker', async () => {
      const { store } = get()
      const { job } = await store.createJob(newJob())
      await store.claimNext({ workerId: 'w1', backends: ['sim'], leaseMs: 30_000 })
      await expect(store.transition(job.id, { to: 'FAILED' })).rejects.toThrow(TypeError)
      await expect(
        store.transition(job.id, { to: 'RUNNING', phase: 'executing', workerId: 'w2' }),
      ).rejects.toSatisfy((e: unknown) => isJobStoreError(e, 'store.lease-lost'))
      const executing = await store.transition(job.id, {
        to: 'RUNNING',
        phase: 'executing',
        workerId: 'w1',
      })
      expect(executing.phase).toBe('executing')
      const failed = await store.transition(job.id, {
        to: 'FAILED',
        reason: { code: 'max_execution_time', details: { limit: 600 } },
      })
      expect(failed.status_reason).toEqual({
        code: 'max_execution_time',
        message: 'The job ran longer than max_execution_seconds.',
        solution: 'Raise max_execution_seconds (within the backend limit) or split the job.',
        retryable: false,
        details: { limit: 600 },
      })
    })

    it('requeues a running job by hand, counting the attempt', async () => {
      const { store } = get()
      const { job } = await store.createJob(newJob())
      await store.claimNext({ workerId: 'w1', backends: ['sim'], leaseMs: 30_000 })
      const requeued = await store.transition(job.id, { to: 'QUEUED', workerId: 'w1' })
      expect(requeued).toMatchObject({
        status: 'QUEUED',
        phase: 'queued',
        attempt: 2,
        lease_owner: null,
      })
      const again = await store.claimNext({ workerId: 'w2', backends: ['sim'], leaseMs: 30_000 })
      expect(again).toMatchObject({ id: job.id, attempt: 2, lease_owner: 'w2' })
    })

    it('writes exactly one job.status event per transition, in order', async () => {
      const { store, clock } = get()
      const { job } = await store.createJob(newJob())
      clock.advance(10)
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 30_000 })
      clock.advance(10)
      await store.transition(job.id, { to: 'RUNNING', phase: 'executing' })
      await store.appendEvent(job.id, { type: 'job.progress', done: 1, total: 2 })
      await store.appendEvent(job.id, { type: 'job.log', level: 'info', message: 'hello' })
      await store.requestCancel(job.id)
      await store.complete(job.id, 'w', { body: '{}' })
      const events = await store.listEvents(job.id)
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
      expect(events.map((e) => e.type)).toEqual([
        'job.status',
        'job.status',
        'job.status',
        'job.progress',
        'job.log',
        'job.status',
        'job.result_ready',
        'job.status',
      ])
      const statuses = events.flatMap((e) => (e.type === 'job.status' ? [e] : []))
      expect(statuses.map((e) => [e.previous_status, e.status])).toEqual([
        [null, 'QUEUED'],
        ['QUEUED', 'RUNNING'],
        ['RUNNING', 'RUNNING'],
        ['RUNNING', 'CANCELLING'],
        ['CANCELLING', 'COMPLETED'],
      ])
      // rev in each status event is the record's rev right after that change.
      const final = await store.getJob(job.id)
      expect(statuses.at(-1)?.rev).toBe(final?.rev)
      expect(final?.event_seq).toBe(events.length)
      expect(final?.progress).toEqual({ done: 2, total: 2 })
      expect(await store.listEvents(job.id, { after: 6 })).toEqual(events.slice(6))
      expect(await store.listEvents(job.id, { after: 2, limit: 2 })).toEqual(events.slice(2, 4))
      await expect(
        store.appendEvent(job.id, { type: 'job.log', level: 'info', message: 'late' }),
      ).rejects.toSatisfy((e: unknown) => isJobStoreError(e, 'store.invalid-state'))
    })

    it('deletes only final jobs, keeping a tombstone', async () => {
      const { store } = get()
      const { job } = await store.createJob(newJob())
      await expect(store.deleteJob(job.id)).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.invalid-state'),
      )
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 30_000 })
      await store.complete(job.id, 'w', { body: '{"ok":true}' })
      const tomb = await store.deleteJob(job.id)
      expect(tomb.deleted_at).toBeDefined()
      expect(tomb).toMatchObject({ status: 'COMPLETED', result: { available: false } })
      expect(await store.getJobInput(job.id)).toBeUndefined()
      expect(await store.getJobResult(job.id)).toBeUndefined()
      expect((await store.getJob(job.id))?.deleted_at).toBe(tomb.deleted_at)
      expect((await store.listEvents(job.id)).length).toBeGreaterThan(0)
      expect((await store.deleteJob(job.id)).rev).toBe(tomb.rev)
    })

    it('queues with waiting_for_slot at max_running_jobs and refuses beyond max_pending_jobs', async () => {
      const { store } = get()
      // Set on the group, inherited by each of its projects (each counts its own jobs).
      await store.upsertInstance('acme/research', { max_pending_jobs: 2, max_running_jobs: 1 })
      const limited = (e: unknown): boolean => isJobStoreError(e, 'store.pending-limit')
      const a = (await store.createJob(newJob())).job
      expect(a.phase).toBe('queued')
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 30_000 })
      const b = (await store.createJob(newJob())).job
      expect(b.phase).toBe('waiting_for_slot')
      expect((await store.createJob(newJob({ instance: SEED.qaoa }))).job.phase).toBe('queued')
      await expect(store.createJob(newJob())).rejects.toSatisfy(limited)
      await store.requestCancel(b.id)
      const c = (await store.createJob(newJob())).job
      expect(c.phase).toBe('waiting_for_slot')
      await store.requestCancel(a.id) // CANCELLING still counts as pending and running
      await expect(store.createJob(newJob())).rejects.toSatisfy(limited)
      await store.finish(a.id, 'w', { outcome: 'cancelled' })
      expect((await store.createJob(newJob())).job.phase).toBe('queued')
    })
  })
}
