import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryAccountStore } from '../../src/accounts/memory-account-store.js'
import { ServiceAdmin } from '../../src/admin/service-admin.js'
import { ClientError } from '../../src/errors/client-errors.js'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { bellCircuit } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

describe('QfabricService', () => {
  let fixture: ServiceFixture

  beforeAll(async () => {
    fixture = await startServiceFixture()
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('enables an account in memory and shows it with the token redacted', async () => {
    const service = QfabricService.enableAccount({
      url: fixture.url,
      token: fixture.token,
      instance: fixture.instance,
    })
    expect(service.url).toBe(fixture.url)
    const active = service.activeAccount()
    expect(active).toMatchObject({ url: fixture.url, instance: fixture.instance, isDefault: false })
    expect(active.token).not.toBe(fixture.token)
    expect(fixture.token.endsWith(active.token.slice(-4))).toBe(true)
    expect(JSON.stringify(service.activeAccount())).not.toContain(fixture.token)
    expect((await service.me()).user.login).toBe('alice')
    expect((await service.instances()).map((i) => i.instance)).toEqual([fixture.instance])
  })

  it('saves, lists, loads and deletes accounts in a store', async () => {
    const store = new MemoryAccountStore()
    const saved = await QfabricService.saveAccount(
      { name: 'lab', url: fixture.url, token: fixture.token, instance: fixture.instance },
      { store },
    )
    expect(saved).toMatchObject({ name: 'lab', isDefault: true })
    expect(saved.token).not.toBe(fixture.token)
    expect((await QfabricService.savedAccounts({ store })).map((a) => a.name)).toEqual(['lab'])
    const loaded = await QfabricService.loadAccount('lab', { store, env: {} })
    expect(loaded.activeAccount()).toMatchObject({ name: 'lab', url: fixture.url })
    const byDefault = await QfabricService.loadAccount(undefined, { store, env: {} })
    expect((await byDefault.backend('qasm_simulator')).name).toBe('qasm_simulator')
    expect(await QfabricService.deleteAccount('lab', { store })).toBe(true)
    expect(await QfabricService.deleteAccount('lab', { store })).toBe(false)
    await expect(QfabricService.loadAccount(undefined, { store, env: {} })).rejects.toMatchObject({
      code: 'account.not-configured',
    })
  })

  it('loads the account of the environment when no saved account is named', async () => {
    const service = await QfabricService.loadAccount(undefined, {
      store: new MemoryAccountStore(),
      env: { QFABRIC_URL: fixture.url, QFABRIC_TOKEN: fixture.token },
    })
    expect(service.activeAccount().name).toBe('env')
    expect((await service.getProvider()).instance).toBe(fixture.instance)
  })

  it('finds providers by instance and refuses instances the token cannot use', async () => {
    const service = QfabricService.enableAccount({ url: fixture.url, token: fixture.token })
    const byPath = await service.getProvider(fixture.instance)
    const [hub, group, project] = fixture.instance.split('/') as [string, string, string]
    expect(await service.getProvider({ hub, group, project })).toBe(byPath)
    expect(await service.providers()).toEqual([byPath])
    const error = await service.getProvider('acme/research/nope').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe('client.instance-not-found')
  })

  it('asks for an instance when the token can use several and none is chosen', async () => {
    const admin = QfabricService.enableAccount({ url: fixture.url, token: fixture.adminToken })
    await new ServiceAdmin({ url: fixture.url, token: fixture.adminToken }).createInstance(
      'second/hub/project',
    )
    const error = await admin.backends().catch((e: unknown) => e)
    expect((error as ClientError).code).toBe('client.no-instance')
  })

  it('reaches backends, jobs and limits of the default instance', async () => {
    const service = QfabricService.enableAccount({ url: fixture.url, token: fixture.token })
    expect((await service.backends()).length).toBe(4)
    expect((await service.leastBusy({ fields: { simulator: false } })).name).toBe('fake_manila')
    const job = await (
      await service.backend('qasm_simulator')
    ).run(bellCircuit(), {
      shots: 10,
      tags: ['svc'],
    })
    await job.waitForFinalState()
    const listed = await service.jobs({ tags: ['svc'] }).toArray()
    expect(listed.map((j) => j.id)).toEqual([job.id])
    const retrieved = await service.retrieveJob(job.id)
    expect(retrieved.currentStatus).toBe('DONE')
    const limits = await service.limits()
    expect(limits.instance).toBe(fixture.instance)
    expect(limits.max_pending_jobs.used).toBeGreaterThanOrEqual(0)
    expect((await service.version()).api_versions.length).toBeGreaterThan(0)
  })

  it('refuses a proxy account without a fetch that can use the proxy', () => {
    expect(() =>
      QfabricService.enableAccount({
        url: fixture.url,
        token: fixture.token,
        proxy: 'http://proxy.example:3128',
      }),
    ).toThrow(ClientError)
  })
})
