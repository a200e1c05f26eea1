import { QuantumCircuit } from '@qfabric/core/circuit'
import { JobError } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { QasmSimulator } from '../../src/backends/qasm-simulator.js'
import { JobWorkerPool } from '../../src/jobs/job-worker-pool.js'

describe('the job registry of a local backend', () => {
  it('retrieves, lists and filters the backend’s jobs', async () => {
    await using pool = new JobWorkerPool({ size: 1, executor: 'inline' })
    const backend = new QasmSimulator({ pool })
    const qc = new QuantumCircuit(1, 1).measure(0, 0)
    const a = await backend.run(qc, { shots: 1, jobName: 'alpha', jobTags: ['x'] })
    const b = await backend.run(qc, { shots: 1, jobName: 'beta', jobTags: ['x', 'y'] })
    expect(await backend.retrieveJob(a.id)).toBe(a)
    await expect(backend.retrieveJob('nope')).rejects.toBeInstanceOf(JobError)
    expect((await backend.activeJobs()).map((j) => j.id)).toEqual([b.id, a.id])
    await b.waitForFinalState()
    await a.waitForFinalState()
    const list = async (filter: Parameters<typeof backend.jobs>[0]): Promise<string[]> => {
      const ids: string[] = []
      for await (const job of backend.jobs(filter)) ids.push(job.id)
      return ids
    }
    expect(await list({})).toEqual([b.id, a.id])
    expect(await list({ descending: false })).toEqual([a.id, b.id])
    expect(await list({ tags: ['y'] })).toEqual([b.id])
    expect(await list({ name: 'alp' })).toEqual([a.id])
    expect(await list({ status: 'DONE', limit: 1 })).toEqual([b.id])
    expect(await list({ status: ['CANCELLED'] })).toEqual([])
    expect(await backend.activeJobs()).toEqual([])
  })
})
