import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { createManualClock } from '../../../src/store/clock.js'
import { isJobStoreError } from '../../../src/store/job-store-error.js'
import type { JobStore } from '../../../src/store/job-store.js'
import { SqliteJobStore } from '../../../src/store/sqlite/sqlite-job-store.js'
import { describeJobStoreConformance, type JobStoreFixture } from '../job-store.suite.js'

const extra = new WeakMap<JobStoreFixture, { dir: string; peers: JobStore[] }>()

describeJobStoreConformance({
  name: 'sqlite',
  create: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfabric-store-'))
    const filename = join(dir, 'qfabric.db')
    const clock = createManualClock()
    const store = await SqliteJobStore.open({ filename, clock })
    const peers: JobStore[] = []
    const fixture: JobStoreFixture = {
      store,
      clock,
      // Another connection to the same file, as a second process would have.
      openPeer: async () => {
        const peer = await SqliteJobStore.open({ filename, clock })
        peers.push(peer)
        return peer
      },
    }
    extra.set(fixture, { dir, peers })
    return fixture
  },
  destroy: async (fixture) => {
    const { dir, peers } = extra.get(fixture) ?? { dir: undefined, peers: [] }
    await Promise.all([fixture.store, ...peers].map((s) => s.close()))
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  },
})

/** Holds the database's write lock from another thread (as another process would) for a while. */
async function holdWriteLock(
  filename: string,
  holdMs: number,
): Promise<{ readonly released: Promise<void> }> {
  const worker = new Worker(
    `const { DatabaseSync } = require('node:sqlite')
     const { workerData, parentPort } = require('node:worker_threads')
     const db = new DatabaseSync(workerData.filename)
     db.exec('BEGIN IMMEDIATE')
     db.exec("UPDATE users SET display_name = display_name || ''")
     parentPort.postMessage('locked')
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released') }, workerData.holdMs)`,
    { eval: true, workerData: { filename, holdMs } },
  )
  const released = new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => {
      if (m === 'released') resolve()
    })
    worker.on('error', reject)
  })
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => {
      if (m === 'locked') resolve()
    })
    worker.on('error', reject)
  })
  // Wrapped: an async function returning a bare promise would wait for it.
  return { released: released.finally(() => worker.terminate()) }
}

describe('SqliteJobStore with other processes on the file', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const tempFile = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'qfabric-lock-'))
    dirs.push(dir)
    return join(dir, 'q.db')
  }

  it('waits for another writer within busy_timeout instead of failing', async () => {
    const filename = tempFile()
    await using store = await SqliteJobStore.open({ filename })
    await store.createUser({ id: 'u', login: 'u' })
    await store.upsertInstance('a/b/c')
    await store.createJob({
      instance: 'a/b/c',
      owner: 'u',
      backend: 'sim',
      input: '{}',
      shots: 1,
      num_circuits: 1,
      max_execution_seconds: 1,
    })
    const { released } = await holdWriteLock(filename, 300)
    const started = Date.now()
    const job = await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 1000 })
    expect(job?.status).toBe('RUNNING')
    expect(Date.now() - started).toBeGreaterThanOrEqual(200)
    await released
  })

  it('reports SQLITE_BUSY when the other writer holds on longer than busy_timeout', async () => {
    const filename = tempFile()
    await using store = await SqliteJobStore.open({ filename, busyTimeoutMs: 50 })
    await store.createUser({ id: 'u', login: 'u' })
    const { released } = await holdWriteLock(filename, 400)
    await expect(store.createUser({ login: 'v' })).rejects.toSatisfy((e: unknown) =>
      isJobStoreError(e, 'store.busy'),
    )
    await released
    await expect(store.createUser({ login: 'v' })).resolves.toMatchObject({ login: 'v' })
  })

  it('also runs in memory (a throwaway store for tests)', async () => {
    await using store = await SqliteJobStore.open({ filename: ':memory:' })
    await store.createUser({ login: 'm' })
    expect((await store.listUsers()).map((u) => u.login)).toEqual(['m'])
  })

  it('migrates once when several stores open a new file at the same time', async () => {
    const filename = tempFile()
    const stores = await Promise.all([1, 2, 3].map(() => SqliteJobStore.open({ filename })))
    await stores[0]!.createUser({ login: 'x' })
    expect((await stores[2]!.listUsers()).map((u) => u.login)).toEqual(['x'])
    await Promise.all(stores.map((s) => s.close()))
  })
})
