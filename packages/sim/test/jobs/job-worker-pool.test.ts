import { circuitToJson, QuantumCircuit } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import type { ExecutionRequest } from '../../src/backends/execution/execution-request.js'
import { JobWorkerPool, TaskCancelledError } from '../../src/jobs/job-worker-pool.js'
import { executionRequest } from './execution-request-fixture.js'

function request(
  shots: number,
  circuit = new QuantumCircuit(1, 1).h(0).measure(0, 0),
): ExecutionRequest {
  return executionRequest([circuit], { shots })
}

describe('JobWorkerPool', () => {
  for (const executor of ['worker', 'inline'] as const) {
    it(`runs tasks in submission order (${executor})`, async () => {
      // inlineBelow 0: these tiny tasks would otherwise never reach a worker.
      await using pool = new JobWorkerPool({ size: 1, executor, inlineBelow: 0 })
      const started: number[] = []
      const tasks = [10, 20, 30].map((shots, i) =>
        pool.submit(request(shots), { onStart: () => started.push(i) }),
      )
      expect(pool.queued).toBe(3)
      const outcomes = await Promise.all(tasks.map((t) => t.promise))
      expect(outcomes.map(([o]) => o?.shots)).toEqual([10, 20, 30])
      expect(started).toEqual([0, 1, 2])
      expect(pool.running + pool.queued).toBe(0)
    })
  }

  it('never starts a task synchronously, so it can be cancelled while queued', async () => {
    await using pool = new JobWorkerPool({ size: 2 })
    let started = false
    const task = pool.submit(request(10), { onStart: () => (started = true) })
    expect(task.cancel()).toBe(true)
    await expect(task.promise).rejects.toBeInstanceOf(TaskCancelledError)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(started).toBe(false)
    expect(task.cancel()).toBe(false)
  })

  it('reports queue positions as the queue moves', async () => {
    await using pool = new JobWorkerPool({ size: 1, executor: 'inline' })
    const positions: number[] = []
    const tasks = [
      pool.submit(request(10)),
      pool.submit(request(10)),
      pool.submit(request(10), { onQueuePosition: (p) => positions.push(p) }),
    ]
    tasks[1]!.cancel()
    await Promise.allSettled(tasks.map((t) => t.promise))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(positions.slice(0, 2)).toEqual([2, 1])
    expect(positions).toContain(0)
  })

  it('passes errors from the worker with their code', async () => {
    await using pool = new JobWorkerPool({ size: 1, inlineBelow: 0 })
    const bad = request(10)
    const task = pool.submit({
      ...bad,
      options: { ...bad.options, method: 'stabilizer' },
      circuits: [circuitToJson(new QuantumCircuit(1, 1).t(0).measure(0, 0))],
    })
    await expect(task.promise).rejects.toMatchObject({
      code: 'sim.stabilizer.non-clifford',
      name: 'StabilizerError',
    })
  })

  it('refuses work once disposed', async () => {
    const pool = new JobWorkerPool({ size: 1 })
    const task = pool.submit(request(10))
    const settled = expect(task.promise).rejects.toBeInstanceOf(TaskCancelledError)
    await pool.dispose()
    await settled
    expect(() => pool.submit(request(10))).toThrow(/disposed/)
  })

  it('checks its size', () => {
    expect(() => new JobWorkerPool({ size: 0 })).toThrow(RangeError)
  })
})
