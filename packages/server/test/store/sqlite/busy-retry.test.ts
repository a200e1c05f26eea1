import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isJobStoreError, JobStoreError } from '../../../src/store/job-store-error.js'
import { retryWhileBusy } from '../../../src/store/sqlite/busy-retry.js'
import { SqliteJobStore } from '../../../src/store/sqlite/sqlite-job-store.js'
import { newJob, seed } from '../suite/store-fixture.js'

const busy = (): JobStoreError => new JobStoreError('store.busy', 'locked')

describe('retryWhileBusy', () => {
  it('retries while the attempt reports store.busy, then returns its result', async () => {
    let attempts = 0
    const result = await retryWhileBusy(() => {
      attempts++
      if (attempts < 5) throw busy()
      return 'done'
    }, 5000)
    expect(result).toBe('done')
    expect(attempts).toBe(5)
  })

  it('throws any other error at once', async () => {
    let attempts = 0
    const other = new Error('syntax')
    await expect(
      retryWhileBusy(() => {
        attempts++
        throw other
      }, 5000),
    ).rejects.toBe(other)
    expect(attempts).toBe(1)
  })

  it('gives up with the last store.busy once the timeout passed', async () => {
    let attempts = 0
    const started = performance.now()
    const error = await retryWhileBusy(() => {
      attempts++
      throw busy()
    }, 100).catch((e: unknown) => e)
    expect(isJobStoreError(error, 'store.busy')).toBe(true)
    expect(performance.now() - started).toBeGreaterThanOrEqual(95)
    expect(attempts).toBeGreaterThan(5) // it kept trying meanwhile
  })
})

/** A child process holding the database's write lock (as another `qfabric serve` would). */
async function holdWriteLockInAnotherProcess(
  filename: string,
  holdMs: number,
): Promise<{ readonly released: Promise<void> }> {
  const script = `
    const { DatabaseSync } = require('node:sqlite')
    const db = new DatabaseSync(process.argv[1])
    db.exec('BEGIN IMMEDIATE')
    db.exec("UPDATE users SET display_name = display_name || ''")
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n') }, Number(process.argv[2]))`
  const child = spawn(process.execPath, ['--no-warnings', '-e', script, filename, String(holdMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  const seen = (word: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (output.includes(word)) resolve()
      }
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        check()
      })
      child.on('exit', (code) => {
        check()
        reject(new Error(`the lock holder exited (${String(code)}) before "${word}"`))
      })
    })
  const released = seen('released')
  released.catch(() => undefined)
  await seen('locked')
  return { released }
}

/** Records the longest stretch the event loop did not turn (a 5 ms interval's largest gap). */
function watchEventLoop(): { stop: () => number } {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(longest, performance.now() - last)
    },
  }
}

describe('SqliteJobStore waiting for another process’s write lock', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const tempFile = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'qfabric-busy-'))
    dirs.push(dir)
    return join(dir, 'q.db')
  }

  it('creates a job once the lock is released, the event loop turning meanwhile', async () => {
    const filename = tempFile()
    await using store = await SqliteJobStore.open({ filename })
    await seed(store)
    const { released } = await holdWriteLockInAnotherProcess(filename, 1200)
    const loop = watchEventLoop()
    const started = performance.now()
    const { job } = await store.createJob(newJob())
    const waited = performance.now() - started
    const longestStall = loop.stop()
    await released
    expect(job.status).toBe('QUEUED')
    expect(waited).toBeGreaterThanOrEqual(600) // it did wait for the other process
    // SQLite's busy handler would have slept the thread for the whole ~1200 ms; the bound leaves
    // room for a loaded machine's own pauses.
    expect(longestStall).toBeLessThan(400)
  })

  it('also waits without blocking for a statement outside a transaction', async () => {
    const filename = tempFile()
    await using store = await SqliteJobStore.open({ filename })
    await seed(store)
    const { released } = await holdWriteLockInAnotherProcess(filename, 1200)
    const loop = watchEventLoop()
    const result = await store.db.updateTable('users').set({ display_name: 'x' }).execute()
    const longestStall = loop.stop()
    await released
    expect(Number(result[0]?.numUpdatedRows)).toBeGreaterThan(0)
    expect(longestStall).toBeLessThan(400)
  })

  it('fails with store.busy past the busy timeout, and works once the lock is free', async () => {
    const filename = tempFile()
    await using store = await SqliteJobStore.open({ filename, busyTimeoutMs: 800 })
    await seed(store)
    const { released } = await holdWriteLockInAnotherProcess(filename, 3000)
    const loop = watchEventLoop()
    const started = performance.now()
    const error = await store.createJob(newJob()).catch((e: unknown) => e)
    const waited = performance.now() - started
    const longestStall = loop.stop()
    expect(isJobStoreError(error, 'store.busy')).toBe(true)
    expect(waited).toBeGreaterThanOrEqual(790)
    expect(waited).toBeLessThan(2400) // not until the lock was released
    expect(longestStall).toBeLessThan(400) // the busy handler would have slept ~800 ms
    await released
    const { job } = await store.createJob(newJob())
    expect(job.status).toBe('QUEUED')
  })
})
