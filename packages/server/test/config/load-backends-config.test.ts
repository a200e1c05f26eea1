import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEFAULT_BACKENDS_CONFIG,
  loadBackendsConfig,
} from '../../src/config/load-backends-config.js'
import { ServerConfigError } from '../../src/config/server-config-error.js'

describe('loadBackendsConfig', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qfabric-config-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('defaults to the local simulators and two fake devices', async () => {
    expect(await loadBackendsConfig(undefined)).toBe(DEFAULT_BACKENDS_CONFIG)
    expect(DEFAULT_BACKENDS_CONFIG.backends.map((b) => b.source)).toContain('local:qasm_simulator')
  })

  it('reads a JSON file and applies schema defaults', async () => {
    const path = join(dir, 'ok.json')
    await writeFile(
      path,
      JSON.stringify({
        backends: [
          {
            name: 'sim-qasm',
            source: 'local:qasm_simulator',
            instances: ['acme'],
            availability_windows: [{ day: 'weekdays', start_hour: 8, end_hour: 18 }],
            limits: { max_shots: 100000 },
          },
        ],
      }),
    )
    const config = await loadBackendsConfig(path)
    expect(config.backends[0]).toMatchObject({ name: 'sim-qasm', status: 'online' })
  })

  it('refuses unreadable, non-JSON, invalid and duplicate configurations', async () => {
    await expect(loadBackendsConfig(join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'server.config-unreadable',
    })
    const yaml = join(dir, 'backends.yaml')
    await writeFile(yaml, 'backends:\n  - name: x\n')
    await expect(loadBackendsConfig(yaml)).rejects.toThrow(/not valid JSON/)
    const bad = loadBackendsConfig({
      backends: [{ name: 'x', source: 'no-colon', limits: { max_shots: 0 } }],
    })
    await expect(bad).rejects.toThrow(ServerConfigError)
    await expect(bad).rejects.toThrow(/\/backends\[0\]\.source|backends\[0\]\.source/)
    await expect(
      loadBackendsConfig({
        backends: [
          { name: 'x', source: 'local:a' },
          { name: 'x', source: 'local:b' },
        ],
      }),
    ).rejects.toThrow(/used twice/)
  })
})
