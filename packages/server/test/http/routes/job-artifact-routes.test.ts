import type {
  JobLogs,
  JobMetrics,
  JobRecord,
  JobSubmission,
  ProblemDocument,
} from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock } from '../../../src/store/clock.js'
import { bellResult, BELL_QASM3, startTestServer, type TestServer } from '../test-server.js'

describe('job results, input, logs and metrics', () => {
  const clock = createManualClock(Date.UTC(2026, 8, 1, 10))
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ clock })
  })
  afterAll(() => t.close())

  const body: JobSubmission = {
    backend: 'sim',
    input: { circuits: [{ qasm: BELL_QASM3, name: 'bell' }] },
    shots: 100,
    seed: 7,
    memory: true,
    options: { method: 'statevector' },
    name: 'artifacts',
    tags: ['a'],
    metadata: { notebook: 'x.ipynb' },
    visibility: 'project',
    queue_ttl_seconds: 600,
    client: { name: 'test', version: '1.0' },
  }

  it('serves the result only once there is one, then any number of times', async () => {
    const job = (await t.request('POST', '/v1/jobs', { token: t.alice.token, body }))
      .json as JobRecord
    const early = await t.request('GET', `/v1/jobs/${job.id}/result`, { token: t.alice.token })
    expect(early.status).toBe(409)
    expect(early.json).toMatchObject({ code: 'result_not_available', job_status: 'QUEUED' })
    await t.executor.claim(['sim'])
    clock.advance(2500)
    await t.executor.complete(job.id, bellResult(job.id))
    for (let i = 0; i < 2; i++) {
      const r = await t.request('GET', `/v1/jobs/${job.id}/result`, { token: t.alice.token })
      expect(r.status).toBe(200)
      expect(r.headers['content-type']).toMatch(/^application\/json/)
      expect(r.json).toEqual(bellResult(job.id))
    }
    const record = (await t.request('GET', `/v1/jobs/${job.id}`, { token: t.alice.token }))
      .json as JobRecord
    expect(record.status).toBe('COMPLETED')
    expect(record.result).toMatchObject({ available: true, content_type: 'application/json' })
    expect(record.poll_after_seconds).toBeNull()
    expect(record.queue).toMatchObject({ position: null, message: 'not queued (COMPLETED)' })

    const metrics = (await t.request('GET', `/v1/jobs/${job.id}/metrics`, { token: t.alice.token }))
      .json as JobMetrics
    expect(metrics.run_seconds).toBeCloseTo(2.5, 6)
    expect(metrics.queue_seconds).toBe(0)
    expect(metrics.attempt).toBe(1)
    expect(Object.keys(metrics.timestamps)).toEqual(
      expect.arrayContaining(['QUEUED', 'RUNNING', 'COMPLETED']),
    )
  })

  it('gives back the submission as sent', async () => {
    const job = (await t.request('POST', '/v1/jobs', { token: t.alice.token, body }))
      .json as JobRecord
    const r = await t.request('GET', `/v1/jobs/${job.id}/input`, { token: t.alice.token })
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ ...body, program: 'circuit-runner', max_execution_seconds: 10800 })
    // Out of the queue, so the next test claims its own job.
    await t.request('POST', `/v1/jobs/${job.id}/cancel`, { token: t.alice.token })
  })

  it('lists log lines and a failed job says why', async () => {
    const job = (await t.request('POST', '/v1/jobs', { token: t.alice.token, body }))
      .json as JobRecord
    expect((await t.executor.claim(['sim']))?.id).toBe(job.id)
    await t.server.store.appendEvent(job.id, { type: 'job.log', level: 'warning', message: 'slow' })
    await t.executor.fail(job.id, { code: 'execution_error', message: 'boom' })
    const logs = (await t.request('GET', `/v1/jobs/${job.id}/logs`, { token: t.alice.token }))
      .json as JobLogs
    expect(logs.items.map((l) => [l.level, l.message])).toEqual([['warning', 'slow']])
    const record = (await t.request('GET', `/v1/jobs/${job.id}`, { token: t.alice.token }))
      .json as JobRecord
    expect(record.status_reason).toMatchObject({ code: 'execution_error', message: 'boom' })
    const result = await t.request('GET', `/v1/jobs/${job.id}/result`, { token: t.alice.token })
    expect((result.json as ProblemDocument).job_status).toBe('FAILED')
  })

  it('deletes input and result of final jobs only, keeping a tombstone', async () => {
    const job = (await t.request('POST', '/v1/jobs', { token: t.alice.token, body }))
      .json as JobRecord
    const early = await t.request('DELETE', `/v1/jobs/${job.id}`, { token: t.alice.token })
    expect(early.status).toBe(409)
    expect((early.json as ProblemDocument).code).toBe('invalid_state')
    await t.request('POST', `/v1/jobs/${job.id}/cancel`, { token: t.alice.token })
    const r = await t.request('DELETE', `/v1/jobs/${job.id}`, { token: t.alice.token })
    expect(r.status).toBe(200)
    expect((r.json as JobRecord).deleted_at).toBeTruthy()
    const input = await t.request('GET', `/v1/jobs/${job.id}/input`, { token: t.alice.token })
    expect(input.status).toBe(409)
    expect((await t.request('GET', `/v1/jobs/${job.id}`, { token: t.alice.token })).status).toBe(
      200,
    )
  })
})
