import type { TimeoutProvider } from '@qfabric/core/providers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { bellCircuit } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

/** Timers that fire at once and remember each delay asked for; the n-th wait aborts the test's wait. */
function recordingTimers(
  stopAfter: number,
  stop: () => void,
): TimeoutProvider & { delays: number[] } {
  const delays: number[] = []
  return {
    delays,
    setTimeout: (callback, delayMs) => {
      delays.push(delayMs)
      if (delays.length === stopAfter) stop()
      return setImmediate(callback)
    },
    clearTimeout: (handle) => {
      clearImmediate(handle as NodeJS.Immediate)
    },
  }
}

describe('JobFollower polling', () => {
  let fixture: ServiceFixture

  beforeAll(async () => {
    // The service asks clients to wait 1.2 s between polls.
    fixture = await startServiceFixture({ limits: { pollAfterSeconds: 1.2 } })
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('backs off ×1.5 with full jitter up to the cap, never below the server hint', async () => {
    const controller = new AbortController()
    const timers = recordingTimers(7, () => {
      controller.abort(new Error('enough'))
    })
    const service = QfabricService.enableAccount(
      { url: fixture.url, token: fixture.token },
      {
        timers,
        retry: { random: () => 0.5 },
        follow: { mode: 'poll', pollIntervalMs: 1000, maxPollIntervalMs: 4000 },
      },
    )
    const job = await (await service.backend('parked')).run(bellCircuit(), { shots: 1 })
    await expect(job.waitForFinalState({ signal: controller.signal })).rejects.toThrow('enough')
    // Half of min(4000, 1000 · 1.5^n), but at least the 1.2 s hint.
    expect(timers.delays).toEqual([1200, 1200, 1200, 1687.5, 2000, 2000, 2000])
    expect(job.followMode).toBe('poll')
    await job.cancel()
  })
})
