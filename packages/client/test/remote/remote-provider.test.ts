import { BackendNotFoundError } from '@qfabric/core/providers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServiceAdmin } from '../../src/admin/service-admin.js'
import { isServiceRequestError } from '../../src/errors/client-errors.js'
import { RemoteBackend } from '../../src/remote/remote-backend.js'
import type { RemoteJob } from '../../src/remote/remote-job.js'
import type { RemoteProvider } from '../../src/remote/remote-provider.js'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { bellCircuit } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

describe('RemoteProvider', () => {
  let fixture: ServiceFixture
  let service: QfabricService
  let provider: RemoteProvider

  beforeAll(async () => {
    fixture = await startServiceFixture()
    service = QfabricService.enableAccount({ url: fixture.url, token: fixture.token })
    provider = await service.getProvider()
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('lists the instance backends and filters them as core filterBackends does', async () => {
    expect(provider.instance).toBe(fixture.instance)
    expect(provider.name).toBe(`qfabric:${fixture.instance}`)
    expect(provider.service).toBe(service)
    const all = await provider.backends()
    expect(all.map((b) => b.name).sort()).toEqual(
      ['fake_manila', 'parked', 'qasm_simulator', 'statevector_simulator'].sort(),
    )
    expect(all.every((b) => b instanceof RemoteBackend && b.provider === provider)).toBe(true)
    const devices = await provider.backends({ fields: { simulator: false } })
    expect(devices.map((b) => b.name)).toEqual(['fake_manila'])
    const wide = await provider.backends({ minNumQubits: 6 })
    expect(wide.map((b) => b.name)).not.toContain('fake_manila')
    const qpus = await provider.backends({
      predicate: (b) => b instanceof RemoteBackend && b.kind === 'qpu',
    })
    expect(qpus.map((b) => b.name)).toEqual(['fake_manila'])
  })

  it('gets one backend by name, and BackendNotFoundError for an unknown one', async () => {
    expect((await provider.getBackend('fake_manila')).numQubits).toBe(5)
    await expect(provider.getBackend('nope')).rejects.toBeInstanceOf(BackendNotFoundError)
  })

  it('picks the least busy operational backend', async () => {
    const chosen = await provider.leastBusy({ fields: { simulator: false } })
    expect(chosen.name).toBe('fake_manila')
  })

  it('pages through jobs with a cursor, newest first, and filters them', async () => {
    const parked = await provider.getBackend('parked')
    const submitted: RemoteJob[] = []
    for (let i = 0; i < 5; i++) {
      submitted.push(
        await parked.run(bellCircuit(), { shots: 2, tags: ['paging', `n${i}`], name: `page-${i}` }),
      )
    }
    const listing = provider.jobs({ tags: ['paging'], pageSize: 2 })
    const first = await listing.page()
    expect(first.jobs.map((j) => j.id)).toEqual([submitted[4]!.id, submitted[3]!.id])
    expect(first.hasMore).toBe(true)
    const second = await listing.page(first.nextCursor!)
    expect(second.jobs.map((j) => j.id)).toEqual([submitted[2]!.id, submitted[1]!.id])
    const all = await listing.toArray()
    expect(all.map((j) => j.id)).toEqual(submitted.map((j) => j.id).reverse())

    const ascending = await provider
      .jobs({ tags: ['paging'], descending: false, limit: 3 })
      .toArray()
    expect(ascending.map((j) => j.id)).toEqual(submitted.slice(0, 3).map((j) => j.id))
    const any = await provider.jobs({ tags: ['n0', 'n1'], tagsMatch: 'any' }).toArray()
    expect(any).toHaveLength(2)
    const named = await provider.jobs({ name: 'page-3' }).toArray()
    expect(named.map((j) => j.id)).toEqual([submitted[3]!.id])
    expect(named[0]?.currentStatus).toBe('QUEUED')

    await submitted[0]!.cancel()
    const cancelled = await provider.jobs({ tags: ['paging'], status: 'CANCELLED' }).toArray()
    expect(cancelled.map((j) => j.id)).toEqual([submitted[0]!.id])
    const queued = await provider.jobs({ tags: ['paging'], status: ['QUEUED'] }).toArray()
    expect(queued).toHaveLength(4)
    expect(await provider.jobs({ status: 'INITIALIZING' }).toArray()).toEqual([])
    const pending = await provider.jobs({ tags: ['paging'], pending: false }).toArray()
    expect(pending).toHaveLength(1)
    const recent = await provider
      .jobs({ tags: ['paging'], createdAfter: submitted[2]!.creationDate! })
      .toArray()
    expect(recent.map((j) => j.id)).toEqual(
      submitted
        .slice(2)
        .map((j) => j.id)
        .reverse(),
    )
    for (const job of submitted) await job.cancel()
  })

  it('refuses a cursor reused with another filter', async () => {
    const parked = await provider.getBackend('parked')
    const jobs = [
      await parked.run(bellCircuit(), { shots: 2, tags: ['cursor'] }),
      await parked.run(bellCircuit(), { shots: 2, tags: ['cursor'] }),
    ]
    const first = await provider.jobs({ tags: ['cursor'], pageSize: 1 }).page()
    const error = await provider
      .jobs({ tags: ['other'], pageSize: 1 })
      .page(first.nextCursor!)
      .catch((e: unknown) => e)
    expect(isServiceRequestError(error, 'cursor_mismatch')).toBe(true)
    for (const job of jobs) await job.cancel()
  })

  it('sees only the instances of its token', async () => {
    const admin = new ServiceAdmin({ url: fixture.url, token: fixture.adminToken })
    await admin.createInstance('acme/research/other')
    const asAdmin = QfabricService.enableAccount({ url: fixture.url, token: fixture.adminToken })
    const instances = (await asAdmin.providers()).map((p) => p.instance)
    expect(instances).toEqual(expect.arrayContaining([fixture.instance, 'acme/research/other']))
    expect((await service.providers()).map((p) => p.instance)).toEqual([fixture.instance])
  })
})
