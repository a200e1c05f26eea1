import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { PATHS, buildPath } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JobManager } from '../../src/job-manager/job-manager.js'
import { retrieveJobSet } from '../../src/job-manager/retrieve-job-set.js'
import type { RemoteJob } from '../../src/remote/remote-job.js'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { busyQasm } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'
import { bitstringOf, numberCircuits } from '../job-manager/__fixtures__/job-set-backends.js'
import { provisionInstanceMember } from './__fixtures__/instance-member.js'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./__fixtures__/retrieve-job-set-child.mjs', import.meta.url))

/** What the child prints. */
interface ChildReport {
  readonly source: string
  readonly instance: string
  readonly jobSetId: string
  readonly name: string
  readonly tags: readonly string[]
  readonly ranges: readonly [string, number, number][]
  readonly counts: readonly Record<string, number>[]
  readonly combinedNames: readonly (string | null)[]
}

/** Polls a job until it reaches `status` (the blocker below must be running, not just queued). */
async function untilStatus(job: RemoteJob, status: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await job.status()) === status) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`job ${job.id} never reached ${status}`)
}

// Issue 7, done when: a job set is found again from its id alone, in a process that never saw
// the manager that made it, and members that were cancelled or are gone are reported by range.
describe('retrieveJobSet against a real service', () => {
  let fixture: ServiceFixture
  let configDir: string
  const manager = new JobManager({ pollIntervalMs: 100 })

  beforeAll(async () => {
    fixture = await startServiceFixture()
    configDir = await mkdtemp(join(tmpdir(), 'qfabric-client-jobset-child-'))
  })
  afterAll(async () => {
    await fixture.close()
    await rm(configDir, { recursive: true, force: true })
  })

  it('rebuilds a set in a fresh process from its id and the environment account', async () => {
    const jobSetId = await (async () => {
      // Only the id leaves this scope: the manager and its set are gone when the child runs.
      const service = QfabricService.enableAccount({ url: fixture.url, token: fixture.token })
      const backend = await service.backend('qasm_simulator')
      const set = await manager.run(numberCircuits(7), backend, {
        name: 'later',
        maxExperimentsPerJob: 3,
        shots: 24,
        tags: ['overnight'],
      })
      return set.jobSetId
    })()

    const { stdout } = await run(process.execPath, [CHILD, jobSetId], {
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
    const seen = JSON.parse(stdout) as ChildReport
    expect(seen).toMatchObject({
      source: 'env',
      instance: fixture.instance,
      jobSetId,
      name: 'later',
      tags: ['overnight'],
    })
    expect(seen.ranges).toEqual([
      ['submitted', 0, 2],
      ['submitted', 3, 5],
      ['submitted', 6, 6],
    ])
    expect(seen.counts).toEqual(Array.from({ length: 7 }, (_, i) => ({ [bitstringOf(i)]: 24 })))
    expect(seen.combinedNames).toEqual(Array.from({ length: 7 }, (_, i) => `c${i}`))
  })

  it('reports the ranges of a cancelled member and of one no longer listed', async () => {
    // One job may run at a time in this instance: while a long job holds the slot, the set's
    // jobs stay queued, so one of them can be cancelled before it runs, every time.
    const { service } = await provisionInstanceMember(fixture, {
      instance: 'acme/retrieval/one',
      settings: { max_running_jobs: 1 },
      login: 'carol',
    })
    const provider = await service.getProvider()
    const backend = await provider.getBackend('qasm_simulator')
    const blocker = await backend.run(busyQasm(22, 200), { shots: 1 })
    await untilStatus(blocker, 'RUNNING')

    const set = await manager.run(numberCircuits(8), backend, {
      name: 'partial',
      maxExperimentsPerJob: 2,
      shots: 12,
    })
    const [, cancelled, , unlisted] = set.jobs()
    expect(await cancelled!.cancel()).toBe('cancelled')
    expect(await blocker.cancel()).toBe('requested')
    // Retagging drops the set's tags: the listing no longer has that member at all.
    await service.transport.request('PATCH', buildPath(PATHS.job, { id: unlisted!.id }), {
      body: { tags: ['moved-out'] },
    })

    const retrieved = await retrieveJobSet(set.jobSetId, provider)
    expect(retrieved.name).toBe('partial')
    expect(retrieved.managedJobs().map((m) => [m.kind, m.startIndex, m.endIndex])).toEqual([
      ['submitted', 0, 1],
      ['submitted', 2, 3],
      ['submitted', 4, 5],
      ['missing', 6, 7],
    ])
    expect(retrieved.missingJobs().map((m) => [m.startIndex, m.endIndex])).toEqual([[6, 7]])
    const errors = await retrieved.errorMessages()
    expect(errors.map((e) => [e.startIndex, e.endIndex, e.jobId, e.status])).toEqual([
      [2, 3, cancelled!.id, 'CANCELLED'],
      [6, 7, undefined, null],
    ])

    const results = await retrieved.results({ timeoutMs: 20_000 })
    expect(results.success).toBe(false)
    for (const i of [0, 1, 4, 5]) {
      expect(results.getCounts(i).toJSON()).toEqual({ [bitstringOf(i)]: 12 })
    }
    expect(
      results.failedExperiments().map((f) => [f.kind, f.startIndex, f.endIndex, f.jobId]),
    ).toEqual([
      ['failed', 2, 3, cancelled!.id],
      ['missing', 6, 7, undefined],
    ])
    expect(() => results.getCounts(3)).toThrow(/2-3/)
    expect(() => results.getCounts(7)).toThrow(/6-7/)
    expect(() => results.combineResults()).toThrow(/2-3.*6-7/)
    expect(await blocker.status()).toBe('CANCELLED')
  })

  it('records the range of a deleted member instead of failing the whole set', async () => {
    const service = QfabricService.enableAccount({
      url: fixture.url,
      token: fixture.token,
      instance: fixture.instance,
    })
    const backend = await service.backend('qasm_simulator')
    const set = await manager.run(numberCircuits(4), backend, { maxExperimentsPerJob: 2, shots: 8 })
    await set.results({ timeoutMs: 20_000 })
    const deleted = set.jobs()[1]!
    // DELETE keeps a tombstone: status and timestamps, no input and no result.
    await service.transport.request('DELETE', buildPath(PATHS.job, { id: deleted.id }))

    const retrieved = await retrieveJobSet(set.jobSetId, await service.getProvider())
    expect(retrieved.managedJobs().map((m) => m.kind)).toEqual(['submitted', 'submitted'])
    const results = await retrieved.results({ timeoutMs: 20_000 })
    expect(results.getCounts(1).toJSON()).toEqual({ [bitstringOf(1)]: 8 })
    expect(
      results.failedExperiments().map((f) => [f.kind, f.startIndex, f.endIndex, f.jobId]),
    ).toEqual([['failed', 2, 3, deleted.id]])
  })
})
