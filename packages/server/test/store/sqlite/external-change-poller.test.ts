import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChangeHub } from '../../../src/store/change-hub.js'
import type { JobChange } from '../../../src/store/job-store.js'
import { ExternalChangePoller } from '../../../src/store/sqlite/external-change-poller.js'
import {
  START_OF_LOG,
  type EventPosition,
  type ExternalChangeSource,
  type JobEventRow,
} from '../../../src/store/sqlite/sqlite-change-source.js'
import { SqliteJobStore } from '../../../src/store/sqlite/sqlite-job-store.js'
import { eventually, newJob, seed } from '../suite/store-fixture.js'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Whether `promise` settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = promise.then(
    () => true,
    () => true,
  )
  return Promise.race([settled, sleep(ms).then(() => false)])
}

describe('ExternalChangePoller: two stores on one file, not linked (as two processes)', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const tempFile = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'qfabric-poll-'))
    dirs.push(dir)
    return join(dir, 'q.db')
  }

  it("wakes the other store's waiting worker soon after a job is created, not at its timeout", async () => {
    const filename = tempFile()
    await using a = await SqliteJobStore.open({ filename })
    await seed(a)
    await using b = await SqliteJobStore.open({ filename })
    // Without the poll, B hears of A's job only when this 10 s timeout runs out.
    const waiting = b.waitForWork({ timeoutMs: 10_000 })
    expect(await settlesWithin(waiting, 300)).toBe(false) // nothing changed: no wake
    const started = Date.now()
    await a.createJob(newJob())
    await waiting
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await b.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 10_000 })).toMatchObject({
      status: 'RUNNING',
    })
  })

  it('does not wake a worker for its own store’s commits twice, nor when idle', async () => {
    const filename = tempFile()
    await using a = await SqliteJobStore.open({ filename })
    await seed(a)
    await using b = await SqliteJobStore.open({ filename })
    // B's own commit wakes its own waiter through the hub; the poll adds nothing after it.
    await b.createJob(newJob())
    await b.waitForWork({ timeoutMs: 5000 }) // the kept notification
    const next = b.waitForWork({ timeoutMs: 10_000 })
    expect(await settlesWithin(next, 300)).toBe(false)
    await a.createJob(newJob())
    expect(await settlesWithin(next, 3000)).toBe(true)
  })

  it("tells the other store's job watchers of changes, with status and seq", async () => {
    const filename = tempFile()
    await using a = await SqliteJobStore.open({ filename })
    await seed(a)
    await using b = await SqliteJobStore.open({ filename })
    const seen: JobChange[] = []
    const stop = b.watchJobs((change) => seen.push(change))
    await sleep(50) // the poll takes the end of the event log as its start
    const { job } = await a.createJob(newJob())
    await eventually(() => seen.some((c) => c.jobId === job.id && c.seq === 1))
    expect(seen.find((c) => c.jobId === job.id)).toEqual({
      jobId: job.id,
      seq: 1,
      status: 'QUEUED',
    })
    await a.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 10_000 })
    await eventually(() => seen.some((c) => c.status === 'RUNNING'))
    const claimed = await a.getJob(job.id)
    expect(seen.at(-1)).toEqual({ jobId: job.id, seq: claimed?.event_seq, status: 'RUNNING' })
    await a.complete(job.id, 'w', { body: '{}' })
    await eventually(() => seen.at(-1)?.status === 'COMPLETED')
    const done = await a.getJob(job.id)
    expect(seen.at(-1)).toEqual({ jobId: job.id, seq: done?.event_seq, status: 'COMPLETED' })
    stop()
  })

  it('can be turned off, not set negative', async () => {
    const filename = tempFile()
    await expect(SqliteJobStore.open({ filename, changePollMs: -1 })).rejects.toThrow(RangeError)
    await using a = await SqliteJobStore.open({ filename })
    await seed(a)
    await using b = await SqliteJobStore.open({ filename, changePollMs: 0 })
    const waiting = b.waitForWork({ timeoutMs: 10_000 })
    await a.createJob(newJob())
    expect(await settlesWithin(waiting, 500)).toBe(false)
  })

  it('still sees new events after the newest ones were deleted (their rowids are reused)', async () => {
    const filename = tempFile()
    await using a = await SqliteJobStore.open({ filename })
    await seed(a)
    await using b = await SqliteJobStore.open({ filename })
    const seen: string[] = []
    const stop = b.watchJobs((c) => seen.push(`${c.jobId}#${String(c.seq)}`))
    await sleep(50)
    const { job: first } = await a.createJob(newJob())
    const { job: second } = await a.createJob(newJob())
    await eventually(() => seen.includes(`${second.id}#1`))
    // As the retention sweep does: the newest job's events go.
    await a.db.deleteFrom('job_events').where('job_id', '=', second.id).execute()
    const { job: third } = await a.createJob(newJob())
    await eventually(() => seen.includes(`${third.id}#1`), 3000)
    expect(seen).toContain(`${first.id}#1`)
    stop()
  })
})

describe('ExternalChangePoller (with a scripted source)', () => {
  /** A database seen through the poll: a data version and an event log. */
  function scriptedSource(): ExternalChangeSource & {
    version: number
    events: JobEventRow[]
    looks: number
    commit: (...rows: [string, number, JobEventRow['status']][]) => void
  } {
    const source = {
      version: 1,
      events: [] as JobEventRow[],
      looks: 0,
      dataVersion: () => {
        source.looks++
        return source.version
      },
      lastEvent: () => Promise.resolve(source.events.at(-1) ?? START_OF_LOG),
      eventsAfter: (after: EventPosition) =>
        Promise.resolve(source.events.filter((e) => e.rowid > after.rowid)),
      commit: (...rows: [string, number, JobEventRow['status']][]) => {
        for (const [job_id, seq, status] of rows) {
          source.events.push({ rowid: source.events.length + 1, job_id, seq, status })
        }
        source.version++
      },
    }
    return source
  }

  afterEach(() => {
    vi.useRealTimers()
  })

  it('looks only while someone listens', async () => {
    vi.useFakeTimers()
    const hub = new ChangeHub()
    const source = scriptedSource()
    const poller = new ExternalChangePoller({ hub, source, intervalMs: 10, idleIntervalMs: 10 })
    poller.start()
    await vi.advanceTimersByTimeAsync(1000)
    const idle = source.looks
    expect(idle).toBeLessThanOrEqual(1) // the version at start
    const stop = hub.watch(() => undefined)
    await vi.advanceTimersByTimeAsync(1000)
    expect(source.looks - idle).toBeGreaterThanOrEqual(90)
    stop()
    await vi.advanceTimersByTimeAsync(20)
    const paused = source.looks
    await vi.advanceTimersByTimeAsync(1000)
    expect(source.looks).toBe(paused)
    poller.stop()
  })

  it('tells watchers of the jobs this hub did not announce, once per job at its last seq', async () => {
    vi.useFakeTimers()
    const hub = new ChangeHub()
    const source = scriptedSource()
    const poller = new ExternalChangePoller({ hub, source, intervalMs: 10, idleIntervalMs: 10 })
    poller.start()
    const seen: string[] = []
    hub.watch((c) => seen.push(`${c.jobId}#${String(c.seq)}:${c.status ?? '?'}`))
    await vi.advanceTimersByTimeAsync(10)
    // This store's own commit (announced by the hub), then another process's: one look sees both.
    source.commit(['own', 1, 'QUEUED'])
    source.version-- // own commits leave the data version alone
    hub.deliver({ jobs: [{ jobId: 'own', seq: 1, status: 'QUEUED' }], hasWork: true })
    source.commit(['ext', 1, 'QUEUED'], ['ext', 2, 'RUNNING'])
    await vi.advanceTimersByTimeAsync(10)
    expect(seen).toEqual(['own#1:QUEUED', 'ext#2:RUNNING'])
    await vi.advanceTimersByTimeAsync(100) // nothing new: nothing more
    expect(seen).toHaveLength(2)
    poller.stop()
    source.commit(['ext', 3, 'COMPLETED'])
    await vi.advanceTimersByTimeAsync(100)
    expect(seen).toHaveLength(2)
  })

  it('skips the wake when this hub announced new work since its last look', async () => {
    vi.useFakeTimers()
    const hub = new ChangeHub()
    const source = scriptedSource()
    const poller = new ExternalChangePoller({ hub, source, intervalMs: 10, idleIntervalMs: 10 })
    poller.start()
    let woken = 0
    const wait = (): void => {
      void hub.work.wait().then(() => woken++)
    }
    wait()
    await vi.advanceTimersByTimeAsync(10)
    hub.deliver({ jobs: [], hasWork: true }) // e.g. from a linked thread: its workers claim
    await vi.advanceTimersByTimeAsync(0)
    expect(woken).toBe(1)
    wait()
    source.commit() // that thread's commit, seen in the data version too
    await vi.advanceTimersByTimeAsync(10)
    expect(woken).toBe(1)
    source.commit() // another process's
    await vi.advanceTimersByTimeAsync(10)
    expect(woken).toBe(2)
    poller.stop()
  })

  it('looks slowly while alone, quickly for a while after another process committed', async () => {
    vi.useFakeTimers()
    const hub = new ChangeHub()
    const source = scriptedSource()
    const poller = new ExternalChangePoller({ hub, source, intervalMs: 10, idleIntervalMs: 200 })
    poller.start()
    const stop = hub.watch(() => undefined)
    const looksIn = async (ms: number): Promise<number> => {
      const before = source.looks
      await vi.advanceTimersByTimeAsync(ms)
      return source.looks - before
    }
    expect(await looksIn(1000)).toBeLessThanOrEqual(6) // alone: every 200 ms
    // A linked thread's commits change the version too, but arrive on the hub: still alone.
    for (let i = 0; i < 5; i++) {
      source.commit(['linked', i + 1, 'RUNNING'])
      hub.deliver({ jobs: [{ jobId: 'linked', seq: i + 1, status: 'RUNNING' }], hasWork: false })
      await vi.advanceTimersByTimeAsync(200)
    }
    expect(await looksIn(1000)).toBeLessThanOrEqual(6)
    source.commit(['ext', 1, 'QUEUED']) // another process's
    await vi.advanceTimersByTimeAsync(200)
    expect(await looksIn(1000)).toBeGreaterThanOrEqual(90) // quick
    await vi.advanceTimersByTimeAsync(5000)
    expect(await looksIn(1000)).toBeLessThanOrEqual(6) // quiet again: slow
    stop()
    poller.stop()
  })

  it('wakes a worker that starts waiting after a commit made while nobody listened', async () => {
    vi.useFakeTimers()
    const hub = new ChangeHub()
    const source = scriptedSource()
    const poller = new ExternalChangePoller({ hub, source, intervalMs: 1000 })
    poller.start()
    source.commit()
    let woke = false
    void hub.work.wait().then(() => (woke = true))
    await vi.advanceTimersByTimeAsync(0) // long before the first interval
    expect(woke).toBe(true)
    poller.stop()
  })
})
