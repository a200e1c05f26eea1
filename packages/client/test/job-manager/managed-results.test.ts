import { ResultError } from '@qfabric/core/providers'
import { LocalProvider } from '@qfabric/sim'
import { afterAll, describe, expect, it } from 'vitest'
import { JobManager } from '../../src/job-manager/job-manager.js'
import { JobManagerError } from '../../src/job-manager/job-manager-errors.js'
import {
  bitstringOf,
  createTestDevice,
  numberCircuits,
  WrappedBackend,
} from './__fixtures__/job-set-backends.js'

const provider = new LocalProvider()
afterAll(() => provider.dispose())

const manager = new JobManager({ pollIntervalMs: 10 })

describe('ManagedResults', () => {
  it('combines every job into one Result in global order, named after the set', async () => {
    const backend = new WrappedBackend(createTestDevice(), { maxCircuits: 3 })
    const set = await manager.run(numberCircuits(8), backend, { shots: 5 })
    const combined = (await set.results()).combineResults()
    expect(combined.jobId).toBe(set.jobSetId)
    expect(combined.success).toBe(true)
    expect(combined.results).toHaveLength(8)
    expect(combined.getAllCounts().map((c) => c.toJSON())).toEqual(
      Array.from({ length: 8 }, (_, i) => ({ [bitstringOf(i)]: 5 })),
    )
    expect(combined.getCounts('c6').mostFrequent()).toBe(bitstringOf(6))
  })

  it('gives statevectors by global index where the backend returns them', async () => {
    const backend = await provider.getBackend('statevector_simulator')
    const set = await manager.run(numberCircuits(5, { measure: false }), backend, {
      maxExperimentsPerJob: 2,
    })
    const results = await set.results()
    for (let i = 0; i < 5; i++) {
      const amplitudes = results.getStatevector(i, { decimals: 10 })
      expect(amplitudes[i]?.re).toBe(1)
      expect(amplitudes.filter((z) => z.re !== 0 || z.im !== 0)).toHaveLength(1)
    }
  })

  it('throws clear errors for unknown names, bad indices and data a backend did not return', async () => {
    const backend = new WrappedBackend(createTestDevice(), { maxCircuits: 2 })
    const set = await manager.run(numberCircuits(3), backend)
    const results = await set.results()
    expect(() => results.getCounts('nope')).toThrow(ResultError)
    expect(() => results.getCounts('nope')).toThrow(
      expect.objectContaining({ code: 'result.experiment-not-found' }),
    )
    expect(() => results.getCounts(3)).toThrow(RangeError)
    expect(() => results.getCounts(-1)).toThrow(RangeError)
    expect(() => results.getMemory(1)).toThrow(expect.objectContaining({ code: 'result.no-data' }))
    expect(results.experiment(2).header?.name).toBe('c2')
    expect(results.failedExperiments()).toEqual([])
  })

  it('names the failed experiments when results cannot be combined', async () => {
    const backend = new WrappedBackend(createTestDevice(), {
      maxCircuits: 2,
      failOnSubmit: (call) => (call === 0 ? new Error('refused') : undefined),
    })
    const set = await manager.run(numberCircuits(4), backend)
    const results = await set.results()
    expect(results.getCounts('c3').mostFrequent()).toBe(bitstringOf(3))
    expect(() => results.getCounts('c1')).toThrow(JobManagerError)
    const error = (() => {
      try {
        results.combineResults()
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(JobManagerError)
    expect(error).toMatchObject({ code: 'job-set.results-unavailable' })
    expect((error as Error).message).toContain('0-1 (The submission failed: refused)')
  })
})
