import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { JobTimeoutError } from '@qfabric/core/providers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { busyQasm } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('../support/retrieve-job-child.mjs', import.meta.url))

// §8.15 check 7: a wait that times out leaves the job running; a new process gets its result.
// The child imports the built package (`npm test` runs `tsc -b` first).
describe('a job handle in a fresh process', () => {
  let fixture: ServiceFixture
  let configDir: string

  beforeAll(async () => {
    fixture = await startServiceFixture()
    configDir = await mkdtemp(join(tmpdir(), 'qfabric-client-child-'))
  })
  afterAll(async () => {
    await fixture.close()
    await rm(configDir, { recursive: true, force: true })
  })

  it('restores the job and gets the result the timed-out wait did not', async () => {
    const service = QfabricService.enableAccount({ url: fixture.url, token: fixture.token })
    const backend = await service.backend('qasm_simulator')
    const job = await backend.run(busyQasm(14, 20), { shots: 64 })
    await expect(job.result({ timeoutMs: 1 })).rejects.toBeInstanceOf(JobTimeoutError)

    const { stdout } = await run(process.execPath, [CHILD, JSON.stringify(job.toJSON())], {
      env: {
        ...process.env,
        QFABRIC_URL: fixture.url,
        QFABRIC_TOKEN: fixture.token,
        QFABRIC_INSTANCE: fixture.instance,
        // No saved accounts of the machine's user: the environment's account is the one used.
        XDG_CONFIG_HOME: configDir,
        APPDATA: configDir,
      },
      timeout: 60_000,
    })
    const seen = JSON.parse(stdout) as {
      id: string
      status: string
      source: string
      counts: Record<string, number>
    }
    expect(seen.id).toBe(job.id)
    expect(seen.status).toBe('DONE')
    expect(seen.source).toBe('env')
    expect(Object.values(seen.counts).reduce((a, b) => a + b, 0)).toBe(64)
    expect(await job.status()).toBe('DONE')
  })
})
