import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QfabricService } from '../../src/node/node-qfabric-service.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

// The Node class keeps saved accounts in the accounts file under the user's config directory.
describe('QfabricService (Node)', () => {
  let fixture: ServiceFixture
  let configDir: string
  const saved = { XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'], APPDATA: process.env['APPDATA'] }

  beforeAll(async () => {
    fixture = await startServiceFixture()
    configDir = await mkdtemp(join(tmpdir(), 'qfabric-client-node-'))
    process.env['XDG_CONFIG_HOME'] = configDir
    process.env['APPDATA'] = configDir
  })
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key)
      else process.env[key] = value
    }
    await fixture.close()
    await rm(configDir, { recursive: true, force: true })
  })

  it('saves to the accounts file (mode 0600) and loads from it', async () => {
    await QfabricService.saveAccount({
      name: 'local',
      url: fixture.url,
      token: fixture.token,
      instance: fixture.instance,
    })
    const file = join(configDir, 'qfabric', 'accounts.json')
    const json = JSON.parse(await readFile(file, 'utf8')) as {
      accounts: Record<string, { url: string }>
      default?: string
    }
    expect(json.accounts['local']?.url).toBe(fixture.url)
    expect(json.default).toBe('local')
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await QfabricService.savedAccounts()).map((a) => a.name)).toEqual(['local'])

    const service = await QfabricService.loadAccount(undefined, { env: {} })
    expect(service).toBeInstanceOf(QfabricService)
    expect(service.activeAccount()).toMatchObject({ name: 'local', isDefault: true })
    expect((await service.backend('qasm_simulator')).instance).toBe(fixture.instance)
    expect(await QfabricService.deleteAccount('local')).toBe(true)
  })
})
