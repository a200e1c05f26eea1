import { JobTimeoutError } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { JobManager } from '../../src/job-manager/job-manager.js'
import { JobSetTimeoutError } from '../../src/job-manager/job-manager-errors.js'
import {
  bitstringOf,
  createTestDevice,
  Gate,
  numberCircuits,
  WrappedBackend,
} from './__fixtures__/job-set-backends.js'

const manager = new JobManager({ pollIntervalMs: 10 })

/** A set of 10 experiments in 4 jobs of 3, the second refused, the others held by a gate. */
async function heldSet() {
  const gate = new Gate()
  const backend = new WrappedBackend(createTestDevice({ gate }), {
    maxCircuits: 3,
    failOnSubmit: (call) => (call === 1 ? new RangeError('circuit too wide') : undefined),
  })
  const set = await manager.run(numberCircuits(10), backend, { name: 'held', tags: ['t1'] })
  return { gate, backend, set }
}

describe('ManagedJobSet', () => {
  it('reports statuses per slice, null where the submission failed', async () => {
    const { gate, set } = await heldSet()
    const before = await set.statuses()
    expect(before[1]).toBeNull()
    expect(before.filter((s) => s !== null).every((s) => s === 'QUEUED' || s === 'RUNNING')).toBe(
      true,
    )
    gate.open()
    await set.results()
    expect(await set.statuses()).toEqual(['DONE', null, 'DONE', 'DONE'])
  })

  it('maps global experiment indices to their job', async () => {
    const { gate, set } = await heldSet()
    gate.open()
    const { managedJob, localIndex } = set.managedJobOf(7)
    expect([managedJob.index, localIndex]).toEqual([2, 1])
    expect(set.jobs()).toHaveLength(3)
    expect(() => set.managedJobOf(10)).toThrow(RangeError)
    await set.results()
  })

  it('cancels every unfinished job and reports the cancelled experiments as failed', async () => {
    const { set } = await heldSet()
    const outcomes = await set.cancel()
    expect(outcomes[1]).toBeNull()
    expect(outcomes.filter((o) => o !== null)).toHaveLength(3)
    const results = await set.results()
    expect(results.success).toBe(false)
    expect(results.failedExperiments().map((f) => [f.startIndex, f.endIndex])).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
      [9, 9],
    ])
    expect(await set.statuses()).toEqual(['CANCELLED', null, 'CANCELLED', 'CANCELLED'])
  })

  it('lists why experiments have no data', async () => {
    const { set } = await heldSet()
    await set.jobs()[1]?.cancel()
    const entries = await set.errorMessages()
    expect(entries.map((e) => [e.startIndex, e.endIndex, e.status])).toEqual([
      [3, 5, null],
      [6, 8, 'CANCELLED'],
    ])
    expect(entries[0]?.message).toContain('circuit too wide')
    await set.cancel()
  })

  it('writes a Qiskit-style report', async () => {
    const { gate, set } = await heldSet()
    gate.open()
    await set.results()
    const report = await set.report()
    expect(report).toContain('Job set name: held')
    expect(report).toContain(`          ID: ${set.jobSetId}`)
    expect(report).toContain('        tags: [t1]')
    expect(report).toContain('       Total jobs: 4')
    expect(report).toContain('  Successful jobs: 3')
    expect(report).toContain('      Failed jobs: 1')
    expect(report).toContain('  experiments: 3-5')
    expect(report).toContain('    status: job submission failed')
    expect(report).toContain('    name: held_2_')
    expect(report).toContain('circuit too wide')
    expect(await set.report({ detailed: false })).not.toContain('Detail report')
  })

  it('times out with one budget for the whole set, naming what is still pending, without cancelling', async () => {
    const { gate, set } = await heldSet()
    const error = await set.results({ timeoutMs: 30 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobSetTimeoutError)
    expect(error).toBeInstanceOf(JobTimeoutError)
    expect(error).toMatchObject({ code: 'job.timeout', pendingRanges: ['0-2', '6-8', '9'] })
    expect(await set.statuses()).not.toContain('CANCELLED')
    gate.open()
    const results = await set.results()
    expect(results.getCounts(9).mostFrequent()).toBe(bitstringOf(9))
  })

  it('stops waiting for results on abort with the reason unchanged', async () => {
    const { gate, set } = await heldSet()
    const controller = new AbortController()
    const reason = new Error('enough')
    const waiting = set.results({ signal: controller.signal })
    controller.abort(reason)
    await expect(waiting).rejects.toBe(reason)
    gate.open()
    await set.results()
  })

  it('serialises to a handle with every slice', async () => {
    const { gate, set } = await heldSet()
    gate.open()
    const json = JSON.parse(JSON.stringify(set)) as ReturnType<typeof set.toJSON>
    expect(json).toMatchObject({
      format: 'qfabric.job-set',
      version: 1,
      jobSetId: set.jobSetId,
      name: 'held',
      tags: ['t1'],
      numExperiments: 10,
    })
    expect(json.jobs.map((j) => j.kind)).toEqual([
      'submitted',
      'submit-failed',
      'submitted',
      'submitted',
    ])
    expect(json.jobs[1]?.error).toBe('circuit too wide')
    expect(json.jobs[2]?.job?.name).toBe('held_2_')
    await set.results()
  })
})
