import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountError } from '../../src/accounts/account-errors.js'
import { defaultAccountsPath, FileAccountStore } from '../../src/node/file-account-store.js'
import { QfabricService } from '../../src/node/node-qfabric-service.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'
import { bitstringOf, numberCircuits } from '../job-manager/__fixtures__/job-set-backends.js'

// Issue 7, done when: a user saves an account once and every later program starts from
// `loadAccount()`, down to a result. The store is the accounts file under a temporary
// XDG_CONFIG_HOME, given explicitly so that process.env stays untouched.
describe('saved accounts, end to end', () => {
  let fixture: ServiceFixture
  let configDir: string

  beforeAll(async () => {
    fixture = await startServiceFixture()
    configDir = await mkdtemp(join(tmpdir(), 'qfabric-client-accounts-'))
  })
  afterAll(async () => {
    await fixture.close()
    await rm(configDir, { recursive: true, force: true })
  })

  it('saves an account, loads it as the default and runs a circuit through it', async () => {
    const env = { XDG_CONFIG_HOME: configDir }
    const path = defaultAccountsPath(env)
    expect(path).toBe(join(configDir, 'qfabric', 'accounts.json'))
    const store = new FileAccountStore(path)

    const info = await QfabricService.saveAccount(
      { name: 'lab', url: fixture.url, token: fixture.token, instance: fixture.instance },
      { store },
    )
    expect(info).toMatchObject({ name: 'lab', url: fixture.url, instance: fixture.instance })
    expect(info.token).not.toBe(fixture.token)
    expect(info.token.endsWith(fixture.token.slice(-4))).toBe(true)

    const onDisk = JSON.parse(await readFile(path, 'utf8')) as {
      accounts: Record<string, { url: string; token: string; instance?: string }>
      default?: string
    }
    expect(onDisk.default).toBe('lab')
    expect(onDisk.accounts['lab']).toMatchObject({
      url: fixture.url,
      token: fixture.token,
      instance: fixture.instance,
    })
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600)
      expect((await stat(dirname(path))).mode & 0o777).toBe(0o700)
    }

    // A later program: no name, no environment account — the default saved account.
    const service = await QfabricService.loadAccount(undefined, { store, env: {} })
    expect(service.activeAccount()).toMatchObject({ name: 'lab', isDefault: true })
    expect(JSON.stringify(service.activeAccount())).not.toContain(fixture.token)

    const providers = await service.providers()
    expect(providers.map((p) => p.instance)).toEqual([fixture.instance])
    const provider = await service.getProvider(fixture.instance)
    expect(provider).toBe(providers[0])

    const simulators = await provider.backends({
      minNumQubits: 4,
      configuration: { simulator: true },
      status: { operational: true },
    })
    expect(simulators.map((b) => b.name)).toEqual([
      'qasm_simulator',
      'statevector_simulator',
      'parked',
    ])
    const qpus = await provider.backends({ predicate: (b) => b.name.startsWith('fake_') })
    expect(qpus.map((b) => [b.name, b.kind])).toEqual([['fake_manila', 'qpu']])

    const backend = await provider.leastBusy({
      configuration: { simulator: true },
      predicate: (b) => b.name !== 'statevector_simulator',
    })
    expect([backend.name, backend.instance]).toEqual(['qasm_simulator', fixture.instance])
    const job = await backend.run(numberCircuits(6)[5]!, { shots: 32 })
    const result = await job.result({ timeoutMs: 20_000 })
    expect(result.getCounts(0).toJSON()).toEqual({ [bitstringOf(5)]: 32 })
    expect((await service.retrieveJob(job.id)).instance).toBe(fixture.instance)
  })

  it('reports a malformed accounts file as an AccountError naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qfabric-client-accounts-bad-'))
    try {
      const path = defaultAccountsPath({ XDG_CONFIG_HOME: dir })
      await mkdir(dirname(path), { recursive: true, mode: 0o700 })
      await writeFile(path, '{"accounts": {"lab": {"url": "http://127.0.0.1:1",\n', {
        mode: 0o600,
      })
      const store = new FileAccountStore(path)

      const failure: unknown = await QfabricService.loadAccount(undefined, { store, env: {} }).then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(failure).toBeInstanceOf(AccountError)
      expect(failure).toMatchObject({ code: 'account.file-invalid' })
      expect((failure as AccountError).message).toContain(path)
      await expect(QfabricService.savedAccounts({ store })).rejects.toMatchObject({
        code: 'account.file-invalid',
      })

      // The environment's account comes before the default saved one: the broken file is not
      // even read, and the program still starts.
      const service = await QfabricService.loadAccount(undefined, {
        store,
        env: { QFABRIC_URL: fixture.url, QFABRIC_TOKEN: fixture.token },
      })
      expect(service.activeAccount().name).toBe('env')
      expect((await service.getProvider()).instance).toBe(fixture.instance)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
