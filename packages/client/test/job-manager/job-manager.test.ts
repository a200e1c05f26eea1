import { QfabricError } from '@qfabric/core/providers'
import { LocalProvider } from '@qfabric/sim'
import { afterAll, describe, expect, it } from 'vitest'
import { JobManager } from '../../src/job-manager/job-manager.js'
import type { JobSetEvent } from '../../src/job-manager/job-set-event.js'
import { parseJobSetMemberTags } from '../../src/job-manager/job-set-tags.js'
import {
  bitstringOf,
  createTestDevice,
  Gate,
  JobLimitedBackend,
  numberCircuits,
  WrappedBackend,
} from './__fixtures__/job-set-backends.js'

const provider = new LocalProvider()
afterAll(() => provider.dispose())

const manager = new JobManager({ pollIntervalMs: 10 })

describe('JobManager.run', () => {
  it('splits by maxExperimentsPerJob on the qasm simulator and keeps global experiment order', async () => {
    const backend = await provider.getBackend('qasm_simulator')
    const set = await manager.run(numberCircuits(7), backend, {
      name: 'sweep',
      maxExperimentsPerJob: 3,
      shots: 50,
    })
    expect(set.managedJobs().map((m) => [m.startIndex, m.endIndex])).toEqual([
      [0, 2],
      [3, 5],
      [6, 6],
    ])
    expect(set.jobs().map((j) => j.name)).toEqual(['sweep_0_', 'sweep_1_', 'sweep_2_'])
    const results = await set.results()
    expect(results.success).toBe(true)
    for (let i = 0; i < 7; i++) {
      expect(results.getCounts(i).toJSON()).toEqual({ [bitstringOf(i)]: 50 })
    }
    expect(results.getCounts('c5').toJSON()).toEqual({ [bitstringOf(5)]: 50 })
  })

  it('caps the chunk size at the backend maxCircuits and puts everything in one job without limits', async () => {
    const backend = new WrappedBackend(createTestDevice(), { maxCircuits: 4 })
    const capped = await manager.run(numberCircuits(9), backend, { maxExperimentsPerJob: 6 })
    expect(capped.managedJobs().map((m) => m.endIndex - m.startIndex + 1)).toEqual([4, 4, 1])
    const unlimited = new WrappedBackend(createTestDevice(), { maxCircuits: null })
    const single = await manager.run(numberCircuits(9), unlimited)
    expect(single.jobs()).toHaveLength(1)
    await Promise.all([capped.results(), single.results()])
  })

  it('passes run options to every job and tags each with its set, index and global range', async () => {
    const backend = new WrappedBackend(createTestDevice(), { maxCircuits: 3 })
    const set = await manager.run(numberCircuits(5), backend, {
      name: 'tagged',
      tags: ['exp-42'],
      shots: 17,
      memory: true,
    })
    const [first, second] = set.jobs()
    expect(first?.options['shots']).toBe(17)
    expect(second?.tags).toContain('exp-42')
    expect(parseJobSetMemberTags(second?.tags ?? [], set.jobSetId)).toEqual({
      jobSetId: set.jobSetId,
      index: 1,
      count: 2,
      startIndex: 3,
      endIndex: 4,
      totalExperiments: 5,
    })
    const results = await set.results()
    expect(results.getMemory(4)).toEqual(Array.from({ length: 17 }, () => bitstringOf(4)))
  })

  it('waits for a slot under a job limit of 2: never more than 2 unfinished, all 10 back in order', async () => {
    const backend = new JobLimitedBackend(createTestDevice({ delayMs: 20 }), {
      maxCircuits: 3,
      jobLimit: 2,
    })
    const events: JobSetEvent[] = []
    const submitted: number[] = []
    const set = await manager.run(numberCircuits(10), backend, {
      shots: 10,
      onEvent: (e) => events.push(e),
      onJobSubmitted: (_job, index) => submitted.push(index),
    })
    expect(backend.submitted).toHaveLength(4)
    expect(backend.maxUnfinished).toBeLessThanOrEqual(2)
    expect(backend.limitRefusals).toBe(0)
    expect(backend.fullAnswers).toBeGreaterThan(0)
    expect(events.some((e) => e.type === 'waiting-for-slot')).toBe(true)
    expect(submitted).toEqual([0, 1, 2, 3])
    const results = await set.results()
    expect(results.getAllCounts().map((c) => c.mostFrequent())).toEqual(
      Array.from({ length: 10 }, (_, i) => bitstringOf(i)),
    )
  })

  it('retries after 429 refusals from a backend that does not report its limit', async () => {
    const backend = new WrappedBackend(createTestDevice({ delayMs: 20 }), {
      maxCircuits: 3,
      jobLimit: 2,
    })
    const set = await manager.run(numberCircuits(10), backend, { shots: 10 })
    expect(backend.limitRefusals).toBeGreaterThan(0)
    expect(backend.maxUnfinished).toBeLessThanOrEqual(2)
    expect(set.managedJobs().every((m) => m.kind === 'submitted')).toBe(true)
    const combined = (await set.results()).combineResults()
    expect(combined.getAllCounts().map((c) => c.mostFrequent())).toEqual(
      Array.from({ length: 10 }, (_, i) => bitstringOf(i)),
    )
  })

  it('records a refused submission and still runs the rest', async () => {
    const backend = new WrappedBackend(createTestDevice(), {
      maxCircuits: 3,
      failOnSubmit: (call) =>
        call === 1 ? new QfabricError('validation_failed', 'circuit c4 is invalid') : undefined,
    })
    const events: JobSetEvent[] = []
    const set = await manager.run(numberCircuits(10), backend, { onEvent: (e) => events.push(e) })
    expect(set.managedJobs().map((m) => m.kind)).toEqual([
      'submitted',
      'submit-failed',
      'submitted',
      'submitted',
    ])
    expect(events.find((e) => e.type === 'submit-failed')).toMatchObject({
      index: 1,
      startIndex: 3,
      endIndex: 5,
      message: 'circuit c4 is invalid',
    })
    const results = await set.results()
    expect(results.success).toBe(false)
    expect(results.getCounts(6).mostFrequent()).toBe(bitstringOf(6))
    expect(() => results.getCounts(4)).toThrow(
      expect.objectContaining({
        code: 'job-set.experiment-failed',
        message: expect.stringContaining('circuit c4 is invalid') as unknown,
      }),
    )
  })

  it('stops waiting for a slot on abort with the reason unchanged, leaving submitted jobs running', async () => {
    const gate = new Gate()
    const backend = new JobLimitedBackend(createTestDevice({ gate }), {
      maxCircuits: 1,
      jobLimit: 1,
    })
    const controller = new AbortController()
    const reason = new Error('user stopped')
    const run = manager.run(numberCircuits(3), backend, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'waiting-for-slot') controller.abort(reason)
      },
    })
    await expect(run).rejects.toBe(reason)
    expect(backend.submitted).toHaveLength(1)
    expect(await backend.submitted[0]?.inFinalState()).toBe(false)
    gate.open()
    expect(await backend.submitted[0]?.waitForFinalState()).toBe('DONE')
  })

  it('rejects misuse before submitting anything', async () => {
    const backend = new WrappedBackend(createTestDevice())
    await expect(manager.run([], backend)).rejects.toThrow(RangeError)
    await expect(
      manager.run(numberCircuits(2), backend, { maxExperimentsPerJob: 0 }),
    ).rejects.toThrow(RangeError)
    await expect(
      manager.run(numberCircuits(2), backend, { tags: ['qfabric:jobset=forged'] }),
    ).rejects.toThrow(TypeError)
    await expect(
      manager.run(numberCircuits(2), backend, { jobSetId: 'has space' }),
    ).rejects.toThrow(TypeError)
    expect(backend.runCalls).toBe(0)
    expect(() => new JobManager({ pollIntervalMs: -1 })).toThrow(RangeError)
  })
})
