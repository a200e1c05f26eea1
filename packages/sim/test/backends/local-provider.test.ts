import { QuantumCircuit } from '@qfabric/core/circuit'
import {
  BackendNotFoundError,
  restoreJob,
  supportsActiveJobs,
  supportsJobListing,
  supportsJobRetrieval,
  supportsStatus,
} from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { LOCAL_BACKEND_NAMES, LocalProvider } from '../../src/backends/local-provider.js'

const bell = (): QuantumCircuit => new QuantumCircuit(2, 2).h(0).cx(0, 1).measure([0, 1], [0, 1])

describe('LocalProvider', () => {
  it('lists the five local simulators', async () => {
    const provider = new LocalProvider()
    const names = (await provider.backends()).map((b) => b.name)
    expect(names).toEqual([...LOCAL_BACKEND_NAMES])
    for (const name of LOCAL_BACKEND_NAMES) {
      const backend = await provider.getBackend(name)
      expect(backend.name).toBe(name)
      expect(backend.provider).toBe(provider)
    }
    expect((await provider.getBackend('stabilizer_simulator')).numQubits).toBe(5000)
    expect((await provider.getBackend('qasm_simulator')).numQubits).toBe(30)
  })

  it('throws BackendNotFoundError for an unknown name', async () => {
    await expect(new LocalProvider().getBackend('aer_simulator')).rejects.toBeInstanceOf(
      BackendNotFoundError,
    )
  })

  it('filters backends with Qiskit semantics', async () => {
    const provider = new LocalProvider()
    const wide = await provider.backends({ predicate: (b) => (b.numQubits ?? 0) > 20 })
    expect(wide.map((b) => b.name)).toEqual([
      'qasm_simulator',
      'statevector_simulator',
      'stabilizer_simulator',
    ])
    const operational = await provider.backends({ status: { operational: true } })
    expect(operational.length).toBe(5)
  })

  it('reports status and finds its jobs again', async () => {
    const provider = new LocalProvider()
    const backend = await provider.getBackend('qasm_simulator')
    expect(supportsStatus(backend) && supportsJobRetrieval(backend)).toBe(true)
    expect(supportsJobListing(backend) && supportsActiveJobs(backend)).toBe(true)
    const job = await backend.run(bell(), { shots: 10, jobName: 'x', jobTags: ['t'] })
    await job.waitForFinalState()
    const restored = await restoreJob(provider, JSON.parse(JSON.stringify(job)))
    expect(restored).toBe(job)
    if (supportsJobListing(backend)) {
      const listed = []
      for await (const j of backend.jobs({ tags: ['t'], limit: 5 })) listed.push(j.id)
      expect(listed).toContain(job.id)
    }
    if (supportsStatus(backend)) {
      const status = await backend.status()
      expect(status.operational).toBe(true)
      expect(status.statusMsg).toBe('active')
    }
  })

  it('runs jobs in-process with the inline executor', async () => {
    await using provider = new LocalProvider({ executor: 'inline' })
    const backend = await provider.getBackend('qasm_simulator')
    const counts = (await (await backend.run(bell(), { shots: 100, seed: 1 })).result()).getCounts()
    expect(counts.shots()).toBe(100)
    expect(provider.pool.executor).toBe('inline')
  })

  it('gives the same counts in a worker and in-process for the same seed', async () => {
    await using inline = new LocalProvider({ executor: 'inline' })
    // inlineBelow 0: a small job would otherwise run in-process on this provider too.
    await using worker = new LocalProvider({ maxConcurrentJobs: 1, inlineBelow: 0 })
    const qc = new QuantumCircuit(3, 3).h(0).t(0).cx(0, 1).ry(0.4, 2).measure([0, 1, 2], [0, 1, 2])
    const run = async (p: LocalProvider): Promise<Record<string, number>> =>
      (
        await (
          await (await p.getBackend('qasm_simulator')).run(qc, { shots: 500, seed: 77 })
        ).result()
      )
        .getCounts()
        .toObject()
    expect(await run(worker)).toEqual(await run(inline))
  })
})
