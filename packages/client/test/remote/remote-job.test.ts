import {
  JobCancelledError,
  JobError,
  JobFailedError,
  JobTimeoutError,
  type JobEvent,
  type JobStatus,
} from '@qfabric/core/providers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FetchLike } from '../../src/http/service-transport.js'
import type { RemoteBackend } from '../../src/remote/remote-backend.js'
import { RemoteJob } from '../../src/remote/remote-job.js'
import { QfabricService, type ServiceOptions } from '../../src/service/qfabric-service.js'
import { BELL_QASM, bellCircuit, busyQasm } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

/** The status changes of an event list (the first status, then each different one). */
function statusPath(events: readonly JobEvent[]): JobStatus[] {
  const out: JobStatus[] = []
  for (const e of events) if (e.type === 'status' && out.at(-1) !== e.status) out.push(e.status)
  return out
}

/** Counts the requests that ask for an event stream. */
function countingFetch(): { fetch: FetchLike; streams: () => number } {
  let streams = 0
  return {
    streams: () => streams,
    fetch: (input, init) => {
      if (new Headers(init.headers).get('accept') === 'text/event-stream') streams++
      return fetch(input, init)
    },
  }
}

/**
 * A proxy that breaks what the push channel needs: it answers event-stream requests with an HTML
 * page and drops the `Prefer` header, so long-polls come back at once.
 */
const hostileProxy: FetchLike = async (input, init) => {
  const headers = new Headers(init.headers)
  if (headers.get('accept') === 'text/event-stream') {
    return new Response('<html>buffering proxy</html>', {
      status: 200,
      headers: { 'content-type': 'text/html' },
    })
  }
  headers.delete('prefer')
  return fetch(input, { ...init, headers })
}

describe('RemoteJob', () => {
  let fixture: ServiceFixture
  const serviceWith = (options: ServiceOptions = {}) =>
    QfabricService.enableAccount({ url: fixture.url, token: fixture.token }, options)
  let service: QfabricService
  let simulator: RemoteBackend
  let parked: RemoteBackend

  beforeAll(async () => {
    fixture = await startServiceFixture()
    service = serviceWith()
    simulator = await service.backend('qasm_simulator')
    parked = await service.backend('parked')
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('replays every transition of a job that finished before its events were read', async () => {
    const job = await simulator.run(bellCircuit(), { shots: 20 })
    // The service finishes it meanwhile: the stream's snapshot is already final.
    for (let i = 0; i < 100; i++) {
      const r = await fetch(`${fixture.url}/v1/jobs/${job.id}`, {
        headers: { authorization: `Bearer ${fixture.token}` },
      })
      if (((await r.json()) as { status: string }).status === 'COMPLETED') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const events: JobEvent[] = []
    for await (const event of job.events()) events.push(event)
    expect(statusPath(events)).toEqual(['INITIALIZING', 'QUEUED', 'RUNNING', 'DONE'])
  })

  it('reports QUEUED → RUNNING → DONE through events(), then the result event, over SSE', async () => {
    const job = await simulator.run(bellCircuit(), { shots: 50 })
    const events: JobEvent[] = []
    for await (const event of job.events()) events.push(event)
    expect(job.followMode).toBe('sse')
    expect(statusPath(events)).toEqual(['INITIALIZING', 'QUEUED', 'RUNNING', 'DONE'])
    expect(events.at(-1)?.type).toBe('result')
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
    const result = await job.result()
    expect(result.getCounts('bell').shots()).toBe(50)
    expect(job.serviceStatus).toBe('COMPLETED')
    expect(job.phase).toBeNull()
    expect(job.instance).toBe(fixture.instance)
    const steps = job.timePerStep()
    expect(Object.keys(steps)).toEqual(expect.arrayContaining(['QUEUED', 'RUNNING', 'DONE']))
    expect(steps.DONE).toBe(job.record.timestamps?.COMPLETED)
    // A job retrieved later shows the service's times only, in order, never its own retrieval.
    const retrieved = await service.retrieveJob(job.id)
    const times = Object.entries(retrieved.timePerStep())
    expect(times[0]).toEqual(['INITIALIZING', job.record.created_at])
    expect(times.map(([step]) => step)).toEqual(['INITIALIZING', 'QUEUED', 'RUNNING', 'DONE'])
    const ms = times.map(([, at]) => Date.parse(at))
    expect(ms).toEqual([...ms].sort((a, b) => a - b))
  })

  it('never moves a job backwards when the event stream replays older statuses', async () => {
    const job = await simulator.run(busyQasm(20, 30), { shots: 10 })
    // Learn that it runs by asking (no stream yet), as a user calling status() would.
    const deadline = Date.now() + 20_000
    while ((await job.status()) !== 'RUNNING' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(job.currentStatus).toBe('RUNNING')
    // Now the stream replays from the start: its QUEUED is older than what the job holds.
    const events: JobEvent[] = []
    for await (const event of job.events()) events.push(event)
    const path = statusPath(events)
    expect(path.slice(path.indexOf('RUNNING'))).toEqual(['RUNNING', 'DONE'])
  })

  it("renames and retags a job on the service, keeping a job set's tags", async () => {
    const job = await parked.run(BELL_QASM, {
      shots: 5,
      name: 'first',
      tags: ['a', 'b', 'qfabric:jobset=s1'],
    })
    expect(await job.updateName('second')).toBe('second')
    const tags = await job.updateTags({
      additionalTags: ['c'],
      removalTags: ['a', 'qfabric:jobset=s1'],
    })
    expect([...tags].sort()).toEqual(['b', 'c', 'qfabric:jobset=s1'])
    const seen = await service.retrieveJob(job.id)
    expect(seen.name).toBe('second')
    expect([...seen.tags].sort()).toEqual(['b', 'c', 'qfabric:jobset=s1'])
    expect([...(await job.updateTags({ replacementTags: ['z'] }))].sort()).toEqual([
      'qfabric:jobset=s1',
      'z',
    ])
    await expect(job.updateTags({})).rejects.toMatchObject({ code: 'client.invalid-input' })
    await job.cancel()
  })

  it.each(['long-poll', 'poll'] as const)('follows a job by %s when asked to', async (mode) => {
    const backend = await serviceWith({ follow: { mode, pollIntervalMs: 20 } }).backend(
      'qasm_simulator',
    )
    const job = await backend.run(BELL_QASM, { shots: 20 })
    const events: JobEvent[] = []
    for await (const event of job.events()) events.push(event)
    expect(job.followMode).toBe(mode)
    expect(statusPath(events).at(-1)).toBe('DONE')
    expect((await job.result()).getCounts(0).shots()).toBe(20)
  })

  it('falls back from SSE to long-poll to polling when a proxy breaks both', async () => {
    const proxied = serviceWith({ fetch: hostileProxy, follow: { pollIntervalMs: 20 } })
    const queued = await (await proxied.backend('parked')).run(bellCircuit(), { shots: 30 })
    await expect(queued.waitForFinalState({ timeoutMs: 300 })).rejects.toBeInstanceOf(
      JobTimeoutError,
    )
    expect(queued.followMode).toBe('poll')
    await queued.cancel()
    const job = await (await proxied.backend('qasm_simulator')).run(bellCircuit(), { shots: 30 })
    const result = await job.result({ timeoutMs: 20_000 })
    expect(result.getCounts(0).shots()).toBe(30)
  })

  it('shares one event stream between concurrent waits', async () => {
    const counting = countingFetch()
    const backend = await serviceWith({ fetch: counting.fetch }).backend('qasm_simulator')
    const job = await backend.run(bellCircuit(), { shots: 10 })
    const [a, b, status] = await Promise.all([job.result(), job.result(), job.waitForFinalState()])
    expect(a).toBe(b)
    expect(status).toBe('DONE')
    expect(counting.streams()).toBe(1)
  })

  it('gives the queue position of queued jobs, one behind the other', async () => {
    const first = await parked.run(bellCircuit(), { shots: 10 })
    const second = await parked.run(bellCircuit(), { shots: 10 })
    const p1 = await first.queuePosition()
    const p2 = await second.queuePosition()
    expect(p1).toBeGreaterThanOrEqual(0)
    expect(p2).toBe((p1 ?? -2) + 1)
    const info = await second.queueInfo()
    expect(info?.position).toBe(p2)
    expect(info?.positionInInstance).toBeGreaterThanOrEqual(1)
    expect(await second.status()).toBe('QUEUED')
    expect(second.phase).toBe('queued')
    await first.cancel()
    await second.cancel()
  })

  it('cancels a queued job at once; its result() throws JobCancelledError', async () => {
    const job = await parked.run(bellCircuit(), { shots: 10 })
    expect(await job.cancel()).toBe('cancelled')
    expect(job.currentStatus).toBe('CANCELLED')
    expect(await job.status()).toBe('CANCELLED')
    await expect(job.result()).rejects.toBeInstanceOf(JobCancelledError)
    expect(await job.cancel()).toBe('not-cancellable')
    const fresh = await service.retrieveJob(job.id)
    expect(await fresh.cancel()).toBe('not-cancellable')
  })

  it('asks a running job to cancel; it ends CANCELLED', async () => {
    const job = await simulator.run(busyQasm(20, 40), { shots: 10 })
    // Wait until it runs, watching its events (no polling loop).
    for await (const event of job.events()) {
      if (event.type === 'status' && event.status === 'RUNNING') break
    }
    expect(await job.cancel()).toBe('requested')
    expect(await job.waitForFinalState({ timeoutMs: 20_000 })).toBe('CANCELLED')
  })

  it('throws JobFailedError with the service reason for a failed job', async () => {
    const job = await simulator.run(busyQasm(22, 80), { shots: 10, maxExecutionSeconds: 1 })
    const error = await job.result({ timeoutMs: 20_000 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobFailedError)
    expect((error as JobFailedError).remoteCode).toBe('max_execution_time')
    expect(await job.errorMessage()).toBe((error as JobFailedError).errorMessage)
    expect(job.record.status_reason?.code).toBe('max_execution_time')
  })

  it('stops waiting on timeout or abort without cancelling the job', async () => {
    const job = await parked.run(bellCircuit(), { shots: 10 })
    await expect(job.result({ timeoutMs: 50 })).rejects.toBeInstanceOf(JobTimeoutError)
    const controller = new AbortController()
    const reason = new Error('user navigated away')
    setTimeout(() => {
      controller.abort(reason)
    }, 50)
    await expect(job.waitForFinalState({ signal: controller.signal })).rejects.toBe(reason)
    const seen = await service.retrieveJob(job.id)
    expect(await seen.status()).toBe('QUEUED')
    await job.cancel()
  })

  it('round-trips through its JSON handle', async () => {
    const job = await simulator.run(bellCircuit('named'), {
      shots: 10,
      name: 'bell-run',
      tags: ['t1'],
    })
    await job.waitForFinalState()
    const handle = JSON.stringify(job)
    const again = await RemoteJob.fromJSON(service, handle)
    expect(again.id).toBe(job.id)
    expect(again.name).toBe('bell-run')
    expect(again.tags).toEqual(['t1'])
    expect(again.backendName).toBe('qasm_simulator')
    expect(again.currentStatus).toBe('DONE')
    // The circuit names come from the job's input when the job was not submitted here.
    expect((await again.result()).getCounts('named').toObject()).toEqual(
      (await job.result()).getCounts('named').toObject(),
    )
    const events: JobEvent[] = []
    for await (const event of again.events()) events.push(event)
    expect(events.at(-1)?.type).toBe('result')
    await expect(RemoteJob.fromJSON(service, '{"nope":1}')).rejects.toMatchObject({
      code: 'client.invalid-handle',
    })
  })

  it('throws JobError job.error for an unknown job id', async () => {
    const error = await service
      .retrieveJob('job_01J9Z3K7Q8V2M4N6P0R2S4T6V8')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobError)
    expect((error as JobError).code).toBe('job.error')
  })
})
