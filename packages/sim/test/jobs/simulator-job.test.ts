import { QuantumCircuit } from '@qfabric/core/circuit'
import {
  canTransitionJob,
  JobCancelledError,
  JobFailedError,
  type JobEvent,
} from '@qfabric/core/providers'
import { afterAll, describe, expect, it } from 'vitest'
import { LocalProvider } from '../../src/backends/local-provider.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'

const provider = new LocalProvider({ maxConcurrentJobs: 1 })
afterAll(() => provider.dispose())

async function collect(events: AsyncIterable<JobEvent>): Promise<JobEvent[]> {
  const out: JobEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

/** A 26-qubit circuit that takes seconds: 1 GiB of state, many non-Clifford layers. */
function heavyCircuit(): QuantumCircuit {
  const n = 26
  const qc = new QuantumCircuit(n, n)
  for (let layer = 0; layer < 40; layer++) {
    for (let q = 0; q < n; q++) qc.rx(0.1 * (q + layer + 1), q)
    for (let q = layer % 2; q + 1 < n; q += 2) qc.cx(q, q + 1)
  }
  return qc.measure([...Array(n).keys()], [...Array(n).keys()])
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}

describe('SimulatorJob', () => {
  it('cancels a running 26-qubit job within 100 ms, and its worker stops computing', async () => {
    const backend = await provider.getBackend('qasm_simulator')
    const job = await backend.run(heavyCircuit(), { shots: 100 })
    try {
      for await (const e of job.events()) if (e.type === 'status' && e.status === 'RUNNING') break
      const busy = process.cpuUsage()
      await new Promise((resolve) => setTimeout(resolve, 1000))
      // The worker is at work (starting up, then simulating) when the job is cancelled, 1 s in.
      expect(cpuMs(busy)).toBeGreaterThan(300)
      const start = performance.now()
      expect(await job.cancel()).toBe('cancelled')
      expect(await job.waitForFinalState()).toBe('CANCELLED')
      expect(performance.now() - start).toBeLessThan(100)
      // Terminated: the next 300 ms cost almost no CPU (a running simulation would use ≥ 300 ms).
      const after = process.cpuUsage()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(cpuMs(after)).toBeLessThan(150)
    } finally {
      await job.cancel()
    }
    await expect(job.result()).rejects.toBeInstanceOf(JobCancelledError)
    expect(Object.keys(job.timePerStep())).toEqual([
      'INITIALIZING',
      'QUEUED',
      'RUNNING',
      'CANCELLED',
    ])
  }, 60_000)

  it('reports progress in shots while running, then the result', async () => {
    const backend = await provider.getBackend('qasm_simulator')
    const circuits = Array.from({ length: 4 }, (_, i) =>
      new QuantumCircuit(2, 2, { name: `c${i}` }).h(0).cx(0, 1).measure([0, 1], [0, 1]),
    )
    const job = await backend.run(circuits, { shots: 250 })
    const events = await collect(job.events())
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e] : []))
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.at(-1)).toMatchObject({ done: 1000, total: 1000, unit: 'shots' })
    progress.forEach((p, i) => {
      expect(p.done).toBeGreaterThan(i === 0 ? 0 : progress[i - 1]!.done)
    })
    const statuses = events.flatMap((e) => (e.type === 'status' ? [e.status] : []))
    expect(statuses).toEqual(['INITIALIZING', 'QUEUED', 'RUNNING', 'DONE'])
    expect(events.at(-1)?.type).toBe('result')
  })

  it('reports progress inside a noisy circuit (trajectory groups)', async () => {
    const noise = new NoiseModel()
    noise.addAllQubitQuantumError(depolarizingError(0.05, 1), ['rx'])
    const qc = new QuantumCircuit(10, 10)
    for (let layer = 0; layer < 5; layer++) for (let q = 0; q < 10; q++) qc.rx(0.3, q)
    qc.measure([...Array(10).keys()], [...Array(10).keys()])
    const backend = await provider.getBackend('qasm_simulator')
    const job = await backend.run(qc, { shots: 2000, noiseModel: noise, seed: 1 })
    const events = await collect(job.events())
    const done = events.flatMap((e) => (e.type === 'progress' ? [e.done] : []))
    expect(done.at(-1)).toBe(2000)
    expect(done.length).toBeGreaterThanOrEqual(1)
  })

  it('queues jobs behind a busy worker, with positions, and cancels a queued job at once', async () => {
    const backend = await provider.getBackend('qasm_simulator')
    const small = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    const first = await backend.run(small, { shots: 10 })
    const second = await backend.run(small, { shots: 10 })
    const third = await backend.run(small, { shots: 10 })
    expect(await third.queuePosition()).toBe(2)
    expect(await second.cancel()).toBe('cancelled')
    expect(await second.status()).toBe('CANCELLED')
    expect(await third.queuePosition()).toBe(1)
    expect(await first.waitForFinalState()).toBe('DONE')
    expect(await third.waitForFinalState()).toBe('DONE')
    const events = await collect(third.events())
    for (const e of events) {
      if (e.type === 'status' && e.previous !== undefined) {
        expect(canTransitionJob(e.previous, e.status)).toBe(true)
      }
    }
  })

  it('fails with the simulator error code when a run cannot be simulated', async () => {
    const backend = await provider.getBackend('qasm_simulator')
    const qc = new QuantumCircuit(1, 1).measure(0, 0)
    qc.whileLoop(
      { kind: 'clbit', clbit: 0, value: false },
      new QuantumCircuit(1, 1).measure(0, 0),
      [0],
      [0],
    )
    const job = await backend.run(qc, { shots: 5 })
    expect(await job.waitForFinalState()).toBe('ERROR')
    const error = await job.result().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobFailedError)
    expect((error as JobFailedError).remoteCode).toMatch(/loop-limit$/)
  })
})
