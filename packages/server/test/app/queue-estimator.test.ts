import type { BackendStatusResponse, JobRecord } from '@qfabric/protocol'
import { describe, expect, it } from 'vitest'
import { ESTIMATE_BASIS } from '../../src/app/queue-estimator.js'
import { createManualClock } from '../../src/store/clock.js'
import { bellResult, BELL_QASM3, startTestServer } from '../http/test-server.js'

describe('queue positions and estimates', () => {
  it('gives global and in-instance positions and a moving-average start estimate', async () => {
    const clock = createManualClock(Date.UTC(2026, 8, 1, 10))
    await using t = await startTestServer({ clock })
    const body = { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] } }
    // Each submission a millisecond later: ids (ULIDs) then order like creation.
    const submit = async (token: string) => {
      clock.advance(1)
      return (await t.request('POST', '/v1/jobs', { token, body })).json as JobRecord
    }
    // Two finished runs of 10 s and 20 s: mean 15 s.
    for (const seconds of [10, 20]) {
      const job = await submit(t.alice.token)
      await t.executor.claim(['sim'])
      clock.advance(seconds * 1000)
      await t.executor.complete(job.id, bellResult(job.id))
    }
    const a1 = await submit(t.alice.token)
    const b1 = await submit(t.bob.token)
    const a2 = await submit(t.alice.token)
    clock.advance(3000) // past the per-backend cache
    const now = clock.now()
    const get = async (id: string, token = t.alice.token) =>
      ((await t.request('GET', `/v1/jobs/${id}`, { token })).json as JobRecord).queue
    const q1 = await get(a1.id)
    const qb = await get(b1.id, t.bob.token)
    const q2 = await get(a2.id)
    expect([q1.position, qb.position, q2.position]).toEqual([0, 1, 2])
    expect([q1.position_in_instance, qb.position_in_instance, q2.position_in_instance]).toEqual([
      0, 0, 1,
    ])
    expect(q2.ahead).toEqual({ normal: 2, priority: 0 })
    // A simulator runs two jobs at a time in the estimate: positions 0 and 1 start now, 2 after one run.
    expect(q1.estimated_start_at).toBe(new Date(now).toISOString())
    expect(qb.estimated_start_at).toBe(new Date(now).toISOString())
    expect(q2.estimated_start_at).toBe(new Date(now + 15_000).toISOString())
    expect(q2.estimated_end_at).toBe(new Date(now + 30_000).toISOString())
    expect(q2.estimate_basis).toBe(ESTIMATE_BASIS)
    expect(q2.as_of).toBe(new Date(now).toISOString())
    const status = (await t.request('GET', '/v1/backends/sim/status', { token: t.alice.token }))
      .json as BackendStatusResponse
    expect(status.queue).toEqual({ length: 3, running: 0, estimated_wait_seconds: 30 })
  })
})
