import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { SharedWriteLock } from '../../../src/store/sqlite/shared-write-lock.js'

// The lock's module has no imports of its own but node:*, so Node's type stripping runs it as is.
const LOCK_MODULE = fileURLToPath(
  new URL('../../../src/store/sqlite/shared-write-lock.ts', import.meta.url),
)

/** A thread that takes the lock (shared through `buffer`), says `held`, and frees it on `free`. */
function holder(buffer: SharedArrayBuffer): Worker {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads')
    const { pathToFileURL } = require('node:url')
    import(pathToFileURL(workerData.module).href).then(async ({ SharedWriteLock }) => {
      const release = await new SharedWriteLock(workerData.buffer).acquire(5000)
      parentPort.postMessage('held')
      parentPort.once('message', () => { release(); parentPort.postMessage('freed') })
    })
  `
  return new Worker(source, { eval: true, workerData: { buffer, module: LOCK_MODULE } })
}

/** Counts event-loop turns (1 ms timers) until stopped. */
function countTicks(): { stop: () => number } {
  let ticks = 0
  const timer = setInterval(() => {
    ticks++
  }, 1)
  return {
    stop: () => {
      clearInterval(timer)
      return ticks
    },
  }
}

describe('SharedWriteLock', () => {
  it('lets one thread at a time in, and the waiting thread keeps its event loop running', async () => {
    const lock = new SharedWriteLock()
    const worker = holder(lock.buffer)
    try {
      await once(worker, 'message')
      const ticks = countTicks()
      const started = performance.now()
      let acquired = false
      const acquiring = lock.acquire(5000).then((release) => {
        acquired = true
        return release
      })
      await new Promise((r) => setTimeout(r, 150))
      expect(acquired).toBe(false)
      worker.postMessage('free')
      const release = await acquiring
      const waited = performance.now() - started
      // Timers ran all along: the wait was asynchronous, not a blocked thread.
      expect(ticks.stop()).toBeGreaterThan(20)
      expect(waited).toBeGreaterThanOrEqual(140)
      expect(release).toBeTypeOf('function')
      release?.()
    } finally {
      await worker.terminate()
    }
  })

  it('gives up after the timeout with undefined, leaving the holder in place', async () => {
    const lock = new SharedWriteLock()
    const worker = holder(lock.buffer)
    try {
      await once(worker, 'message')
      const started = performance.now()
      expect(await lock.acquire(50)).toBeUndefined()
      expect(performance.now() - started).toBeGreaterThanOrEqual(45)
    } finally {
      await worker.terminate()
    }
  })

  it('is freed when the thread holding it is gone', async () => {
    const lock = new SharedWriteLock()
    const worker = holder(lock.buffer)
    await once(worker, 'message')
    const { threadId } = worker
    await worker.terminate()
    expect(await lock.acquire(20)).toBeUndefined()
    lock.releaseIfHeldBy(threadId)
    const release = await lock.acquire(20)
    expect(release).toBeTypeOf('function')
    // Only the holder's id frees it: another thread id does not.
    lock.releaseIfHeldBy(threadId)
    expect(await lock.acquire(20)).toBeUndefined()
    release?.()
    expect(await lock.acquire(20)).toBeTypeOf('function')
  })

  it('releases once: a second call of the same release does not free a later holder', async () => {
    const lock = new SharedWriteLock()
    const first = await lock.acquire(10)
    first?.()
    const second = await lock.acquire(10)
    first?.()
    expect(await lock.acquire(20)).toBeUndefined()
    second?.()
  })
})
