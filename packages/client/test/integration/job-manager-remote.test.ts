import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JobManager } from '../../src/job-manager/job-manager.js'
import type { JobSetEvent } from '../../src/job-manager/job-set-event.js'
import { jobSetIdTag } from '../../src/job-manager/job-set-tags.js'
import type { RemoteJob } from '../../src/remote/remote-job.js'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { bellCircuit } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'
import { bitstringOf, numberCircuits } from '../job-manager/__fixtures__/job-set-backends.js'
import { provisionInstanceMember } from './__fixtures__/instance-member.js'

// Issue 7, done when: the job manager runs a long list on a real service's backend, split into
// jobs the server really holds, and waits for slots at the instance's job limit.
describe('JobManager on a RemoteBackend', () => {
  let fixture: ServiceFixture
  const manager = new JobManager({ pollIntervalMs: 100 })

  beforeAll(async () => {
    fixture = await startServiceFixture()
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('splits 10 circuits into 4 server jobs and gives exact counts by global index', async () => {
    const service = QfabricService.enableAccount({
      url: fixture.url,
      token: fixture.token,
      instance: fixture.instance,
    })
    const provider = await service.getProvider()
    const backend = await provider.getBackend('qasm_simulator')
    const set = await manager.run(numberCircuits(10), backend, {
      name: 'digits',
      maxExperimentsPerJob: 3,
      shots: 40,
      tags: ['integration'],
    })
    expect(set.managedJobs().map((m) => [m.kind, m.startIndex, m.endIndex])).toEqual([
      ['submitted', 0, 2],
      ['submitted', 3, 5],
      ['submitted', 6, 8],
      ['submitted', 9, 9],
    ])

    // The server holds exactly the set's four jobs, named and tagged for retrieval.
    const listed = await provider.jobs({ tags: [jobSetIdTag(set.jobSetId)] }).toArray()
    expect(listed.map((j) => j.name).sort()).toEqual([
      'digits_0_',
      'digits_1_',
      'digits_2_',
      'digits_3_',
    ])
    expect(new Set(listed.map((j) => j.id))).toEqual(new Set(set.jobs().map((j) => j.id)))
    expect(listed.every((j) => j.tags.includes('integration'))).toBe(true)

    const results = await set.results({ timeoutMs: 20_000 })
    expect(results.success).toBe(true)
    for (let i = 0; i < 10; i++) {
      expect(results.getCounts(i).toJSON()).toEqual({ [bitstringOf(i)]: 40 })
    }
    expect(results.getCounts('c7').toJSON()).toEqual({ [bitstringOf(7)]: 40 })

    const combined = results.combineResults()
    expect(combined.jobId).toBe(set.jobSetId)
    expect(combined.results.map((r) => r.header?.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `c${i}`),
    )
    for (let i = 0; i < 10; i++) {
      expect(combined.getCounts(i).toJSON()).toEqual({ [bitstringOf(i)]: 40 })
    }
    expect(await set.statuses()).toEqual(['DONE', 'DONE', 'DONE', 'DONE'])
  })

  it('waits for slots at an instance limit of 2 unfinished jobs instead of failing', async () => {
    const { service, instance } = await provisionInstanceMember(fixture, {
      instance: 'acme/limits/two',
      settings: { max_pending_jobs: 2, max_running_jobs: 1 },
      login: 'bob',
    })
    const provider = await service.getProvider()
    const limits = await service.limits()
    expect([limits.instance, limits.max_pending_jobs.limit]).toEqual([instance, 2])

    // Two jobs no worker runs fill both slots, so the manager must wait before its first job;
    // the first time it says so, they are cancelled and the set goes ahead, 2 jobs at a time.
    const parked = await provider.getBackend('parked')
    const blockers: RemoteJob[] = []
    for (let i = 0; i < 2; i++) blockers.push(await parked.run(bellCircuit(), { shots: 1 }))
    const backend = await provider.getBackend('qasm_simulator')
    expect(await backend.remainingJobsCount()).toBe(0)

    const events: JobSetEvent[] = []
    let released: Promise<unknown> | undefined
    const set = await manager.run(numberCircuits(10), backend, {
      maxExperimentsPerJob: 3,
      shots: 16,
      onEvent: (event) => {
        events.push(event)
        if (event.type === 'waiting-for-slot') {
          released ??= Promise.all(blockers.map((job) => job.cancel()))
        }
      },
    })
    await released

    expect(events.find((e) => e.type === 'waiting-for-slot')?.index).toBe(0)
    expect(events.filter((e) => e.type === 'submit-failed')).toEqual([])
    expect(events.filter((e) => e.type === 'submitted').map((e) => e.index)).toEqual([0, 1, 2, 3])
    expect(set.managedJobs().every((m) => m.kind === 'submitted')).toBe(true)

    const results = await set.results({ timeoutMs: 20_000 })
    expect(results.success).toBe(true)
    expect(results.getAllCounts().map((c) => c.toJSON())).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ [bitstringOf(i)]: 16 })),
    )
    expect(await set.errorMessages()).toEqual([])
    expect(await Promise.all(blockers.map((job) => job.status()))).toEqual([
      'CANCELLED',
      'CANCELLED',
    ])
  })
})
