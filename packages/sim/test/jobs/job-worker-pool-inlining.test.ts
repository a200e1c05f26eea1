import { QuantumCircuit } from '@qfabric/core/circuit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type {
  ExecutionOptions,
  ExecutionRequest,
} from '../../src/backends/execution/execution-request.js'
import { estimateRequestWork } from '../../src/jobs/estimate-request-work.js'
import {
  DEFAULT_INLINE_BELOW,
  JobWorkerPool,
  TaskCancelledError,
} from '../../src/jobs/job-worker-pool.js'
import { spawnJobWorker } from '../../src/jobs/spawn-job-worker.js'
import { executionRequest } from './execution-request-fixture.js'

// Counts the workers the pool starts, without a test hook in its API: the real spawner, spied on.
vi.mock(import('../../src/jobs/spawn-job-worker.js'), async (importOriginal) => {
  const original = await importOriginal()
  return { spawnJobWorker: vi.fn(original.spawnJobWorker) }
})
const spawned = vi.mocked(spawnJobWorker)

afterEach(() => {
  spawned.mockClear()
})

const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)

function request(
  circuits: readonly QuantumCircuit[],
  options: Partial<ExecutionOptions> = {},
): ExecutionRequest {
  return executionRequest(circuits, { seed: 7, ...options })
}

/** 16 qubits: a few milliseconds of work, far above any inlining threshold. */
function big(): ExecutionRequest {
  const qc = new QuantumCircuit(16, 16)
  for (let layer = 0; layer < 3; layer++) {
    for (let q = 0; q < 16; q++) qc.rx(0.1 * (q + 1), q)
    for (let q = 0; q + 1 < 16; q++) qc.cx(q, q + 1)
  }
  for (let q = 0; q < 16; q++) qc.measure(q, q)
  return request([qc], { shots: 10 })
}

describe('JobWorkerPool inlining of tiny tasks', () => {
  it('runs a tiny task on the calling thread, with its hooks', async () => {
    await using pool = new JobWorkerPool({ size: 1 })
    const events: string[] = []
    const task = pool.submit(request([bell]), {
      onQueuePosition: (p) => events.push(`queued ${p}`),
      onStart: () => events.push('start'),
      onProgress: (done, total) => events.push(`progress ${done}/${total}`),
    })
    expect(pool.queued).toBe(1)
    const [outcome] = await task.promise
    expect(spawned).not.toHaveBeenCalled()
    expect(outcome?.shots).toBe(100)
    expect(Object.values(outcome?.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(100)
    expect(events).toEqual(['queued 0', 'start', 'progress 100/100'])
    expect(pool.running + pool.queued).toBe(0)
  })

  it('sends a big task to a worker', async () => {
    expect(estimateRequestWork(big())).toBeGreaterThan(DEFAULT_INLINE_BELOW)
    await using pool = new JobWorkerPool({ size: 1 })
    const [outcome] = await pool.submit(big()).promise
    expect(spawned).toHaveBeenCalledTimes(1)
    expect(outcome?.shots).toBe(10)
  })

  it('sends every task to a worker with inlineBelow 0', async () => {
    await using pool = new JobWorkerPool({ size: 1, inlineBelow: 0 })
    await pool.submit(request([bell])).promise
    expect(spawned).toHaveBeenCalledTimes(1)
  })

  it('gives the same outcomes inline and on a worker for the same seed', async () => {
    await using inline = new JobWorkerPool({ size: 1 })
    await using worker = new JobWorkerPool({ size: 1, inlineBelow: 0 })
    const ghz = new QuantumCircuit(3).h(0).cx(0, 1).cx(1, 2).rz(0.3, 2)
    const requests = [
      request([bell], { memory: true }),
      request([bell], { method: 'automatic', seed: 11 }),
      request([ghz], { kind: 'statevector', shots: 1 }),
    ]
    const strip = (outcomes: readonly object[]): object[] =>
      outcomes.map((o) => ({ ...o, timeTaken: 0 }))
    const here = await Promise.all(requests.map((r) => inline.submit(r).promise))
    expect(spawned).not.toHaveBeenCalled()
    const there = await Promise.all(requests.map((r) => worker.submit(r).promise))
    expect(there.map(strip)).toEqual(here.map(strip))
    expect(spawned).toHaveBeenCalledTimes(1)
  })

  it('keeps submission order and the size limit across inline and worker tasks', async () => {
    await using pool = new JobWorkerPool({ size: 1 })
    const log: string[] = []
    const submit = (name: string, r: ExecutionRequest): Promise<unknown> =>
      pool
        .submit(r, { onStart: () => log.push(`start ${name}`) })
        .promise.then(() => log.push(`end ${name}`))
    await Promise.all([
      submit('big', big()),
      submit('tiny', request([bell])),
      submit('big2', big()),
    ])
    expect(log).toEqual([
      'start big',
      'end big',
      'start tiny',
      'end tiny',
      'start big2',
      'end big2',
    ])
    // The second big task reuses the first one's worker.
    expect(spawned).toHaveBeenCalledTimes(1)
  })

  it('lets a queued tiny task leave the queue', async () => {
    await using pool = new JobWorkerPool({ size: 1 })
    const first = pool.submit(big())
    let started = false
    const positions: number[] = []
    const tiny = pool.submit(request([bell]), {
      onStart: () => (started = true),
      onQueuePosition: (p) => positions.push(p),
    })
    const third = pool.submit(request([bell]))
    await vi.waitUntil(() => pool.running === 1)
    expect(tiny.cancel()).toBe(true)
    await expect(tiny.promise).rejects.toEqual(new TaskCancelledError(false))
    expect(pool.queued).toBe(1)
    await first.promise
    await third.promise
    expect(started).toBe(false)
    expect(positions).toEqual([1, 0])
    expect(tiny.cancel()).toBe(false)
  })

  it('stops a running inline task with a TaskCancelledError', async () => {
    await using pool = new JobWorkerPool({ size: 1 })
    const progress: number[] = []
    // Three experiments; cancelled when the first reports, so the others never run.
    const task = pool.submit(request([bell, bell, bell], { method: 'automatic' }), {
      onProgress: (done) => {
        progress.push(done)
        task.cancel()
      },
    })
    const error: unknown = await task.promise.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TaskCancelledError)
    expect((error as TaskCancelledError).wasRunning).toBe(true)
    expect(progress).toEqual([100])
    expect(spawned).not.toHaveBeenCalled()
    expect(pool.running).toBe(0)
  })

  it('passes an inline task error with its class and code', async () => {
    await using pool = new JobWorkerPool({ size: 1 })
    const t = new QuantumCircuit(1, 1).t(0).measure(0, 0)
    await expect(pool.submit(request([t], { method: 'stabilizer' })).promise).rejects.toMatchObject(
      { code: 'sim.stabilizer.non-clifford', name: 'StabilizerError' },
    )
    expect(spawned).not.toHaveBeenCalled()
  })

  it('checks inlineBelow', () => {
    expect(() => new JobWorkerPool({ inlineBelow: -1 })).toThrow(RangeError)
    expect(() => new JobWorkerPool({ inlineBelow: Number.NaN })).toThrow(RangeError)
    expect(new JobWorkerPool({ size: 1 }).inlineBelow).toBe(DEFAULT_INLINE_BELOW)
  })
})
