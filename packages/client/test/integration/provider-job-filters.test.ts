import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RemoteJobFilter } from '../../src/remote/remote-job-filter.js'
import type { RemoteJob } from '../../src/remote/remote-job.js'
import type { RemoteProvider } from '../../src/remote/remote-provider.js'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { bellCircuit } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

// Issue 7, done when: the provider's job listing filters across all its backends by name,
// tags, status, creation time, order and count, on the server's query API.
describe('RemoteProvider.jobs filters', () => {
  let fixture: ServiceFixture
  let provider: RemoteProvider
  // Oldest first: queued on `parked`, done on the qasm simulator, cancelled on `parked`, done
  // on the statevector simulator.
  let queued: RemoteJob
  let done: RemoteJob
  let cancelled: RemoteJob
  let doneLater: RemoteJob

  /** The ids a filter lists (every page). */
  async function ids(filter: RemoteJobFilter): Promise<string[]> {
    return (await provider.jobs(filter).toArray()).map((job) => job.id)
  }

  /** Submits, then lets the clock move on, so that every job has its own creation instant. */
  async function submit(
    backendName: string,
    options: { name: string; tags: string[] },
  ): Promise<RemoteJob> {
    const backend = await provider.getBackend(backendName)
    const job = await backend.run(bellCircuit(), { shots: 4, ...options })
    await new Promise((resolve) => setTimeout(resolve, 5))
    return job
  }

  beforeAll(async () => {
    fixture = await startServiceFixture()
    const service = QfabricService.enableAccount({
      url: fixture.url,
      token: fixture.token,
      instance: fixture.instance,
    })
    provider = await service.getProvider()
    queued = await submit('parked', { name: 'scan-a', tags: ['alpha', 'beta'] })
    done = await submit('qasm_simulator', { name: 'scan-b', tags: ['alpha'] })
    cancelled = await submit('parked', { name: 'other-c', tags: ['beta'] })
    doneLater = await submit('statevector_simulator', { name: 'scan-d', tags: ['gamma'] })
    await cancelled.cancel()
    await Promise.all([done.waitForFinalState(), doneLater.waitForFinalState()])
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('lists every job of the instance across backends, newest first by default', async () => {
    expect(await ids({})).toEqual([doneLater.id, cancelled.id, done.id, queued.id])
    expect(await ids({ descending: false })).toEqual([
      queued.id,
      done.id,
      cancelled.id,
      doneLater.id,
    ])
    expect(await ids({ backendName: 'parked' })).toEqual([cancelled.id, queued.id])
  })

  it('filters by name prefix and by tags, all or any', async () => {
    expect(await ids({ name: 'scan-' })).toEqual([doneLater.id, done.id, queued.id])
    expect(await ids({ name: 'other' })).toEqual([cancelled.id])
    expect(await ids({ tags: ['alpha', 'beta'] })).toEqual([queued.id])
    expect(await ids({ tags: ['alpha', 'beta'], tagsMatch: 'all' })).toEqual([queued.id])
    expect(await ids({ tags: ['alpha', 'beta'], tagsMatch: 'any' })).toEqual([
      cancelled.id,
      done.id,
      queued.id,
    ])
    expect(await ids({ tags: ['nobody'] })).toEqual([])
  })

  it('filters by core and service statuses', async () => {
    expect(await ids({ status: 'QUEUED' })).toEqual([queued.id])
    expect(await ids({ status: 'DONE' })).toEqual([doneLater.id, done.id])
    expect(await ids({ status: 'COMPLETED' })).toEqual([doneLater.id, done.id])
    expect(await ids({ status: ['CANCELLED', 'QUEUED'] })).toEqual([cancelled.id, queued.id])
    expect(await ids({ status: 'ERROR' })).toEqual([])
    expect(await ids({ pending: true })).toEqual([queued.id])
  })

  it('filters by creation time, bounds included', async () => {
    const at = done.creationDate!
    expect(await ids({ createdAfter: at })).toEqual([doneLater.id, cancelled.id, done.id])
    expect(await ids({ createdBefore: at })).toEqual([done.id, queued.id])
    expect(await ids({ createdAfter: at, createdBefore: at.toISOString() })).toEqual([done.id])
    expect(await ids({ createdAfter: new Date(doneLater.creationDate!.getTime() + 1) })).toEqual([])
  })

  it('limits the count across pages and combines every criterion', async () => {
    expect(await ids({ limit: 2 })).toEqual([doneLater.id, cancelled.id])
    expect(await ids({ limit: 3, pageSize: 1, descending: false })).toEqual([
      queued.id,
      done.id,
      cancelled.id,
    ])
    const first = await provider.jobs({ pageSize: 3 }).page()
    expect([first.jobs.length, first.hasMore]).toEqual([3, true])
    const rest = await provider.jobs({ pageSize: 3 }).page(first.nextCursor!)
    expect(rest.jobs.map((j) => j.id)).toEqual([queued.id])
    expect(rest.hasMore).toBe(false)

    expect(
      await ids({
        name: 'scan-',
        tags: ['alpha', 'gamma'],
        tagsMatch: 'any',
        status: 'DONE',
        createdAfter: queued.creationDate!,
        descending: false,
        limit: 5,
      }),
    ).toEqual([done.id, doneLater.id])
  })
})
