import type { Job } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { JobManager } from '../../src/job-manager/job-manager.js'
import { JobManagerError } from '../../src/job-manager/job-manager-errors.js'
import { jobSetIdTag } from '../../src/job-manager/job-set-tags.js'
import { retrieveJobSet, type JobSetSource } from '../../src/job-manager/retrieve-job-set.js'
import {
  bitstringOf,
  createTestDevice,
  Gate,
  numberCircuits,
  WrappedBackend,
} from './__fixtures__/job-set-backends.js'

const manager = new JobManager({ pollIntervalMs: 10 })

/**
 * A provider as the server would be: it lists the backend's jobs by tag, except those in
 * `deleted`; `filters` records what it was asked.
 */
function providerOf(backend: WrappedBackend, deleted: ReadonlySet<Job> = new Set()) {
  const filters: (readonly string[])[] = []
  const source: JobSetSource = {
    async *jobs(filter) {
      filters.push(filter.tags)
      for await (const job of backend.jobs({ tags: filter.tags })) {
        if (!deleted.has(job)) yield job
      }
    },
  }
  return { source, filters }
}

async function submittedSet() {
  const gate = new Gate()
  const backend = new WrappedBackend(createTestDevice({ gate }), { maxCircuits: 3 })
  const set = await manager.run(numberCircuits(10), backend, {
    name: 'nightly_run',
    tags: ['exp-7'],
    shots: 20,
  })
  return { gate, backend, set }
}

describe('retrieveJobSet', () => {
  it('rebuilds a set from its tags: name, user tags, ranges and results by global index', async () => {
    const { gate, backend, set } = await submittedSet()
    gate.open()
    const { source, filters } = providerOf(backend)
    const again = await retrieveJobSet(set.jobSetId, source)
    expect(filters).toEqual([[jobSetIdTag(set.jobSetId)]])
    expect(again.name).toBe('nightly_run')
    expect(again.tags).toEqual(['exp-7'])
    expect(again.backendName).toBe(backend.name)
    expect(again.numExperiments).toBe(10)
    expect(again.managedJobs().map((m) => [m.startIndex, m.endIndex])).toEqual(
      set.managedJobs().map((m) => [m.startIndex, m.endIndex]),
    )
    expect(again.jobs().map((j) => j.id)).toEqual(set.jobs().map((j) => j.id))
    const results = await again.results()
    expect(results.success).toBe(true)
    for (let i = 0; i < 10; i++) {
      expect(results.getCounts(i).toJSON()).toEqual({ [bitstringOf(i)]: 20 })
    }
    expect(results.getCounts('c8').mostFrequent()).toBe(bitstringOf(8))
  })

  it('tolerates a missing member and a cancelled one, and says which experiments they held', async () => {
    const { gate, backend, set } = await submittedSet()
    const [, second, third] = set.jobs()
    await second?.cancel()
    gate.open()
    const { source } = providerOf(backend, new Set([third!]))
    const again = await retrieveJobSet(set.jobSetId, source)
    expect(again.managedJobs().map((m) => m.kind)).toEqual([
      'submitted',
      'submitted',
      'missing',
      'submitted',
    ])
    expect(again.missingJobs().map((m) => [m.startIndex, m.endIndex])).toEqual([[6, 8]])
    const results = await again.results()
    expect(await again.statuses()).toEqual(['DONE', 'CANCELLED', null, 'DONE'])
    expect(results.success).toBe(false)
    expect(results.getCounts(2).mostFrequent()).toBe(bitstringOf(2))
    expect(results.getCounts(9).mostFrequent()).toBe(bitstringOf(9))
    expect(() => results.getCounts(4)).toThrow(
      expect.objectContaining({ code: 'job-set.experiment-failed' }),
    )
    expect(() => results.getCounts(7)).toThrow(
      expect.objectContaining({ code: 'job-set.experiment-missing' }),
    )
    expect(() => results.combineResults()).toThrow(
      expect.objectContaining({
        code: 'job-set.results-unavailable',
        message: expect.stringMatching(/3-5.*6-8/) as unknown,
      }),
    )
    const report = await again.report()
    expect(report).toContain('   Cancelled jobs: 1')
    expect(report).toContain('     Missing jobs: 1')
  })

  it('derives the ranges of missing members from the last member alone', async () => {
    const { gate, backend, set } = await submittedSet()
    gate.open()
    const [first, second, third] = set.jobs()
    const { source } = providerOf(backend, new Set([first!, second!, third!]))
    const again = await retrieveJobSet(set.jobSetId, source)
    expect(again.managedJobs().map((m) => [m.kind, m.startIndex, m.endIndex])).toEqual([
      ['missing', 0, 2],
      ['missing', 3, 5],
      ['missing', 6, 8],
      ['submitted', 9, 9],
    ])
    expect((await again.results()).getCounts(9).mostFrequent()).toBe(bitstringOf(9))
  })

  it('fails with job-set.unknown when no job carries the tag', async () => {
    const { gate, backend } = await submittedSet()
    gate.open()
    const { source } = providerOf(backend)
    const error = await retrieveJobSet('01NOSUCHSET', source).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobManagerError)
    expect(error).toMatchObject({ code: 'job-set.unknown' })
    await expect(retrieveJobSet('bad id!', source)).rejects.toThrow(TypeError)
  })
})
