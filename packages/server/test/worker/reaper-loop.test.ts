import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { runReaperLoop } from '../../src/worker/reaper-loop.js'

describe('runReaperLoop', () => {
  it('runs the retention sweep on its own, slower interval', async () => {
    const calls = { reap: 0, expire: 0, retention: 0 }
    const controller = new AbortController()
    const store = {
      reapExpiredLeases: () => {
        calls.reap++
        return Promise.resolve({ requeued: [], failed: [], cancelled: [] })
      },
      expireQueuedJobs: () => {
        calls.expire++
        return Promise.resolve([])
      },
      deleteExpired: () => {
        calls.retention++
        return Promise.resolve({ results: 0, jobs: 0, idempotencyKeys: 0 })
      },
    }
    const loop = runReaperLoop({
      store: store,
      logger: pino({ level: 'silent' }),
      intervalMs: 10,
      retentionIntervalMs: 60,
      signal: controller.signal,
    })
    await new Promise((resolve) => setTimeout(resolve, 250))
    controller.abort()
    await loop
    expect(calls.reap).toBeGreaterThan(5)
    expect(calls.retention).toBeGreaterThanOrEqual(1)
    expect(calls.retention).toBeLessThan(calls.reap)
  })
})
