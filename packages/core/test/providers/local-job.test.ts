import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobEvent } from '../../src/providers/job-event.js'
import { LocalJob, type LocalJobContext } from '../../src/providers/local-job.js'
import { JobTimeoutError } from '../../src/providers/provider-errors.js'
import type { Result } from '../../src/providers/result.js'
import { makeResult } from './__fixtures__/make-result.js'

function deferred<T>(): {
  promise: Promise<T>
  resolve: (v: T) => void
  reject: (e: unknown) => void
} {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('LocalJob', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('goes INITIALIZING → QUEUED at once, RUNNING on the next tick, DONE with the result', async () => {
    const result = makeResult('j')
    const job = new LocalJob({ id: 'j', backendName: 'b', task: () => result })
    expect(job.currentStatus).toBe('QUEUED')
    await vi.advanceTimersByTimeAsync(0)
    expect(await job.status()).toBe('DONE')
    expect(await job.result()).toBe(result)
    const statuses: string[] = []
    for await (const e of job.events()) statuses.push(e.type === 'status' ? e.status : e.type)
    expect(statuses).toEqual(['INITIALIZING', 'QUEUED', 'RUNNING', 'DONE', 'result'])
  })

  it('a task error ends the job in ERROR with its message', async () => {
    const job = new LocalJob({
      id: 'j',
      backendName: 'b',
      task: () => {
        throw new Error('simulator exploded')
      },
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(await job.status()).toBe('ERROR')
    expect(await job.errorMessage()).toBe('simulator exploded')
    await expect(job.result()).rejects.toMatchObject({ code: 'job.failed' })
  })

  it('C.2 cancel before it starts is immediate and confirmed', async () => {
    const task = vi.fn(() => makeResult('j'))
    const job = new LocalJob({ id: 'j', backendName: 'b', task })
    expect(await job.cancel()).toBe('cancelled')
    await vi.advanceTimersByTimeAsync(10)
    expect(task).not.toHaveBeenCalled()
    expect(await job.status()).toBe('CANCELLED')
  })

  it('C.10 cancel while running aborts the task signal; the job ends CANCELLED when the task stops', async () => {
    let seen: LocalJobContext | undefined
    const gate = deferred<Result>()
    const job = new LocalJob({
      id: 'j',
      backendName: 'b',
      task: (ctx) => {
        seen = ctx
        ctx.signal.addEventListener('abort', () => {
          gate.reject(ctx.signal.reason)
        })
        return gate.promise
      },
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(job.currentStatus).toBe('RUNNING')
    expect(await job.cancel()).toBe('requested')
    expect(seen?.signal.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(await job.status()).toBe('CANCELLED')
  })

  it('C.9 a task that finishes despite the cancel request ends DONE (cancel lost the race)', async () => {
    const gate = deferred<Result>()
    const job = new LocalJob({ id: 'j', backendName: 'b', task: () => gate.promise })
    await vi.advanceTimersByTimeAsync(0)
    expect(await job.cancel()).toBe('requested')
    gate.resolve(makeResult('j'))
    await vi.advanceTimersByTimeAsync(0)
    expect(await job.status()).toBe('DONE')
    expect(await job.cancel()).toBe('not-cancellable')
  })

  it('progress and log from the task become events; warnings are logged first', async () => {
    const job = new LocalJob({
      id: 'j',
      backendName: 'b',
      warnings: ['foo is not a recognized option of this backend and was ignored.'],
      task: (ctx) => {
        ctx.reportProgress(512, 1024, 'shots')
        ctx.log('info', 'half way')
        return makeResult('j')
      },
    })
    await vi.advanceTimersByTimeAsync(0)
    const events: JobEvent[] = []
    for await (const e of job.events()) events.push(e)
    expect(events.map((e) => e.type)).toEqual([
      'status',
      'log',
      'status',
      'status',
      'progress',
      'log',
      'status',
      'result',
    ])
    expect(events[1]).toMatchObject({ level: 'warning' })
    expect(events[4]).toMatchObject({ done: 512, total: 1024, unit: 'shots' })
  })

  it('C.2 a timeout while it runs does not stop the task', async () => {
    const gate = deferred<Result>()
    const job = new LocalJob({ id: 'j', backendName: 'b', task: () => gate.promise })
    const waiting = expect(job.result({ timeoutMs: 50 })).rejects.toBeInstanceOf(JobTimeoutError)
    await vi.advanceTimersByTimeAsync(50)
    await waiting
    gate.resolve(makeResult('j'))
    await vi.advanceTimersByTimeAsync(0)
    expect(await job.status()).toBe('DONE')
  })
})
