import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BaseJob, type BaseJobInit } from '../../src/providers/base-job.js'
import type { CancelOutcome } from '../../src/providers/job.js'
import type { JobEvent } from '../../src/providers/job-event.js'
import type { JobStatus } from '../../src/providers/job-status.js'
import {
  JobCancelledError,
  JobError,
  JobFailedError,
  JobTimeoutError,
} from '../../src/providers/provider-errors.js'
import type { Result } from '../../src/providers/result.js'
import { makeResult } from './__fixtures__/make-result.js'

/** A push-based job whose state the test drives. */
class PushJob extends BaseJob {
  cancelOutcome: CancelOutcome = 'not-cancellable'
  constructor(init: Partial<BaseJobInit> = {}) {
    super({ id: 'job-1', backendName: 'fake', ...init })
  }
  move(status: JobStatus, queuePosition?: number): void {
    this.setStatus(status, { queuePosition })
  }
  finish(result: Result): void {
    this.complete(result)
  }
  crash(message: string, remoteCode?: string): void {
    this.fail(message, { remoteCode })
  }
  progress(done: number, total: number): void {
    this.reportProgress(done, total, 'shots')
  }
  protected override requestCancel(): Promise<CancelOutcome> {
    if (this.cancelOutcome === 'cancelled') this.markCancelled('by test')
    return Promise.resolve(this.cancelOutcome)
  }
}

/** A poll-based job: its "remote" status only becomes visible through refresh(). */
class PolledJob extends BaseJob {
  remote: JobStatus = 'QUEUED'
  refreshes = 0
  downloads = 0
  constructor(pollIntervalMs = 1000) {
    super({ id: 'job-2', backendName: 'remote', status: 'QUEUED', pollIntervalMs })
  }
  protected override refresh(): Promise<void> {
    this.refreshes++
    if (this.remote !== this.currentStatus) this.setStatus(this.remote)
    return Promise.resolve()
  }
  protected override fetchResult(): Promise<Result> {
    this.downloads++
    return Promise.resolve(makeResult(this.id))
  }
  protected override nextPollDelayMs(attempt: number, intervalMs: number): number {
    return Math.min(intervalMs * 2 ** attempt, 8000)
  }
}

async function collect(iterable: AsyncIterable<JobEvent>): Promise<JobEvent[]> {
  const out: JobEvent[] = []
  for await (const e of iterable) out.push(e)
  return out
}

describe('BaseJob (qiskit-semantics §A.7, §C.1–C.3, C.8)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('A.7 wait_for_final_state: DONE, ERROR and CANCELLED are normal returns', async () => {
    const done = new PushJob()
    const p = done.waitForFinalState()
    done.move('RUNNING')
    done.finish(makeResult('job-1'))
    await expect(p).resolves.toBe('DONE')
    const failed = new PushJob()
    failed.crash('boom')
    await expect(failed.waitForFinalState()).resolves.toBe('ERROR')
    const cancelled = new PushJob()
    cancelled.cancelOutcome = 'cancelled'
    await cancelled.cancel()
    await expect(cancelled.waitForFinalState()).resolves.toBe('CANCELLED')
  })

  it('C.2 a timeout throws JobTimeoutError and does not cancel the job', async () => {
    const job = new PushJob()
    const cancel = vi.spyOn(job, 'cancel')
    const wait = job.waitForFinalState({ timeoutMs: 5000 })
    const expectation = expect(wait).rejects.toBeInstanceOf(JobTimeoutError)
    await vi.advanceTimersByTimeAsync(4999)
    job.move('RUNNING')
    await vi.advanceTimersByTimeAsync(1)
    await expectation
    await expect(wait).rejects.toMatchObject({
      code: 'job.timeout',
      jobId: 'job-1',
      timeoutMs: 5000,
    })
    expect(cancel).not.toHaveBeenCalled()
    expect(job.currentStatus).toBe('RUNNING')
    job.finish(makeResult('job-1'))
    await expect(job.result()).resolves.toBeDefined()
  })

  it('C.2 result({ timeoutMs }) throws JobTimeoutError; the job keeps running', async () => {
    const job = new PushJob()
    job.move('RUNNING')
    const r = job.result({ timeoutMs: 100 })
    const expectation = expect(r).rejects.toBeInstanceOf(JobTimeoutError)
    await vi.advanceTimersByTimeAsync(100)
    await expectation
    expect(job.currentStatus).toBe('RUNNING')
  })

  it('C.2 an abort rejects with signal.reason unchanged and does not cancel (onAbort: detach)', async () => {
    const job = new PushJob()
    const cancel = vi.spyOn(job, 'cancel')
    const controller = new AbortController()
    const reason = { why: 'user left' }
    const r = job.result({ signal: controller.signal })
    controller.abort(reason)
    await expect(r).rejects.toBe(reason)
    expect(cancel).not.toHaveBeenCalled()
    await expect(job.waitForFinalState({ signal: controller.signal })).rejects.toBe(reason)
  })

  it("C.2 result({ signal, onAbort: 'cancel' }) also cancels the job", async () => {
    const job = new PushJob()
    job.cancelOutcome = 'cancelled'
    const controller = new AbortController()
    const r = job.result({ signal: controller.signal, onAbort: 'cancel' })
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(r).rejects.toBe(reason)
    expect(job.currentStatus).toBe('CANCELLED')
  })

  it('a timeout with onAbort: cancel still does not cancel', async () => {
    const job = new PushJob()
    job.cancelOutcome = 'cancelled'
    const r = job.result({ timeoutMs: 10, onAbort: 'cancel' })
    const expectation = expect(r).rejects.toBeInstanceOf(JobTimeoutError)
    await vi.advanceTimersByTimeAsync(10)
    await expectation
    expect(job.currentStatus).toBe('INITIALIZING')
  })

  it('result() returns the stored result once DONE, the same object every time (C.5)', async () => {
    const job = new PushJob()
    const result = makeResult('job-1')
    job.finish(result)
    expect(await job.result()).toBe(result)
    expect(await job.result()).toBe(result)
  })

  it('C.13 a failed job throws JobFailedError with the message and remote code', async () => {
    const job = new PushJob()
    job.crash('device offline', 'E1305')
    const error = await job.result().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobFailedError)
    expect(error).toMatchObject({
      code: 'job.failed',
      errorMessage: 'device offline',
      remoteCode: 'E1305',
    })
    expect(await job.errorMessage()).toBe('device offline')
  })

  it('C.13 a cancelled job throws JobCancelledError from result()', async () => {
    const job = new PushJob()
    job.cancelOutcome = 'cancelled'
    expect(await job.cancel()).toBe('cancelled')
    await expect(job.result()).rejects.toBeInstanceOf(JobCancelledError)
  })

  it('C.2 cancel is tri-state: cancelled / requested / not-cancellable', async () => {
    const a = new PushJob()
    a.cancelOutcome = 'requested'
    expect(await a.cancel()).toBe('requested')
    expect(a.currentStatus).toBe('INITIALIZING')
    const b = new PushJob()
    expect(await b.cancel()).toBe('not-cancellable')
    const c = new PushJob()
    c.finish(makeResult('job-1'))
    c.cancelOutcome = 'cancelled'
    expect(await c.cancel()).toBe('not-cancellable')
  })

  it('A.7 done/running/cancelled/inFinalState each query the status', async () => {
    const job = new PolledJob()
    job.remote = 'RUNNING'
    expect(await job.running()).toBe(true)
    expect(await job.done()).toBe(false)
    job.remote = 'DONE'
    expect(await job.done()).toBe(true)
    expect(await job.inFinalState()).toBe(true)
    expect(await job.cancelled()).toBe(false)
    expect(job.refreshes).toBe(5)
  })

  it('A.7 the status callback fires for non-final statuses only, once per change', async () => {
    const job = new PushJob()
    const seen: JobStatus[] = []
    const wait = job.waitForFinalState({ onStatus: (s) => seen.push(s) })
    job.move('QUEUED', 3)
    job.move('QUEUED', 2)
    await vi.advanceTimersByTimeAsync(0)
    job.move('RUNNING')
    await vi.advanceTimersByTimeAsync(0)
    job.finish(makeResult('job-1'))
    await wait
    expect(seen).toEqual(['INITIALIZING', 'QUEUED', 'RUNNING'])
  })

  it('a poll-based job is refreshed on its interval (with the backoff it chooses) until final', async () => {
    const job = new PolledJob(1000)
    const wait = job.waitForFinalState()
    await vi.advanceTimersByTimeAsync(0)
    expect(job.refreshes).toBe(1)
    await vi.advanceTimersByTimeAsync(1000) // attempt 0: 1000 ms
    expect(job.refreshes).toBe(2)
    await vi.advanceTimersByTimeAsync(1999) // attempt 1: 2000 ms
    expect(job.refreshes).toBe(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(job.refreshes).toBe(3)
    job.remote = 'DONE'
    await vi.advanceTimersByTimeAsync(4000)
    await expect(wait).resolves.toBe('DONE')
    expect(await job.result()).toBe(await job.result())
    expect(job.downloads).toBe(1)
  })

  it('S5.8 events have seq 1, 2, 3 …; DONE is followed by the result event, which ends the stream', async () => {
    const job = new PushJob()
    job.move('QUEUED', 1)
    job.move('RUNNING')
    job.progress(5, 10)
    job.finish(makeResult('job-1'))
    const events = await collect(job.events())
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6])
    expect(events.map((e) => e.type)).toEqual([
      'status',
      'status',
      'status',
      'progress',
      'status',
      'result',
    ])
    expect(events[1]).toMatchObject({
      type: 'status',
      status: 'QUEUED',
      previous: 'INITIALIZING',
      queuePosition: 1,
    })
    expect(events[3]).toMatchObject({
      type: 'progress',
      done: 5,
      total: 10,
      unit: 'shots',
      jobId: 'job-1',
    })
    expect(events[5]).toMatchObject({ type: 'result', success: true })
    expect(events.every((e) => Object.isFrozen(e) && typeof e.timestamp === 'string')).toBe(true)
  })

  it('S5.8 events({ since }) resumes after a seq; a live stream ends at a final status', async () => {
    const job = new PushJob()
    job.move('RUNNING')
    const live = collect(job.events({ since: 1 }))
    await vi.advanceTimersByTimeAsync(0)
    job.progress(1, 2)
    await vi.advanceTimersByTimeAsync(0)
    job.crash('bad')
    job.progress(2, 2) // ignored: the job is final
    const events = await live
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [2, 'status'],
      [3, 'progress'],
      [4, 'status'],
    ])
    expect(events[2]).toMatchObject({ status: 'ERROR', message: 'bad' })
    expect(await collect(job.events({ since: 4 }))).toEqual([])
  })

  it('events() stops with signal.reason on abort', async () => {
    const job = new PushJob()
    const controller = new AbortController()
    const iterating = collect(job.events({ signal: controller.signal, since: 1 }))
    controller.abort('gone')
    await expect(iterating).rejects.toBe('gone')
  })

  it('S5.8 subscribe delivers events until unsubscribed', async () => {
    const job = new PushJob()
    const seen: string[] = []
    const unsubscribe = job.subscribe((e) => seen.push(e.type === 'status' ? e.status : e.type))
    await vi.advanceTimersByTimeAsync(0)
    job.move('RUNNING')
    await vi.advanceTimersByTimeAsync(0)
    unsubscribe()
    job.finish(makeResult('job-1'))
    await vi.advanceTimersByTimeAsync(0)
    expect(seen).toEqual(['INITIALIZING', 'RUNNING'])
  })

  it('subscribe reports a listener error to onError and stops', async () => {
    const job = new PushJob()
    const errors: unknown[] = []
    job.subscribe(
      () => {
        throw new Error('listener broke')
      },
      { onError: (e) => errors.push(e) },
    )
    await vi.advanceTimersByTimeAsync(0)
    expect((errors[0] as Error).message).toBe('listener broke')
  })

  it('queue position is known only while queued; timePerStep records first arrivals', async () => {
    const job = new PushJob({ now: () => new Date('2024-01-01T00:00:00Z') })
    job.move('QUEUED', 4)
    expect(await job.queuePosition()).toBe(4)
    expect(await job.queueInfo()).toEqual({ position: 4 })
    job.move('RUNNING')
    expect(await job.queuePosition()).toBeUndefined()
    expect(await job.queueInfo()).toBeUndefined()
    expect(job.timePerStep()).toEqual({
      INITIALIZING: '2024-01-01T00:00:00.000Z',
      QUEUED: '2024-01-01T00:00:00.000Z',
      RUNNING: '2024-01-01T00:00:00.000Z',
    })
  })

  it('C.8 toJSON gives a restorable handle', () => {
    const job = new PushJob({
      name: 'mine',
      tags: ['a'],
      creationDate: new Date('2024-02-03T04:05:06Z'),
    })
    expect(JSON.parse(JSON.stringify(job))).toEqual({
      format: 'qfabric.job',
      version: 1,
      id: 'job-1',
      backendName: 'fake',
      creationDate: '2024-02-03T04:05:06.000Z',
      name: 'mine',
      tags: ['a'],
    })
  })

  it('reporting after the job is final is refused by the state machine', () => {
    const job = new PushJob()
    job.finish(makeResult('job-1'))
    expect(() => {
      job.move('RUNNING')
    }).toThrow(JobError)
    expect(() => {
      job.crash('late')
    }).toThrow(JobError)
  })

  it('a DONE job without a stored result and no fetchResult rejects with job.invalid-state', async () => {
    const job = new PushJob()
    job.move('DONE')
    await expect(job.result()).rejects.toMatchObject({ code: 'job.invalid-state' })
  })

  it('needs a backend or a backendName', () => {
    expect(() => new PushJob({ backendName: undefined })).toThrow(TypeError)
  })
})
