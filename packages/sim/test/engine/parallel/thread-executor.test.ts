import { afterAll, describe, expect, it } from 'vitest'
import {
  createThreadExecutor,
  terminateWorkers,
} from '../../../src/engine/parallel/thread-executor.js'
import type { PassSpec } from '../../../src/engine/plan/pass-spec.js'
import { sampleProgram } from '../../../src/engine/sample-program.js'
import { simulateStatevector } from '../../../src/engine/simulate-statevector.js'
import type { SimOp, SimProgram } from '../../../src/engine/sim-program.js'
import { maxDistance } from '../../helpers/dense-reference.js'
import { h } from '../../helpers/gates.js'
import { randomOps } from '../../helpers/random-ops.js'

afterAll(async () => {
  await terminateWorkers()
})

describe('threaded execution', () => {
  it('gives the same state as one thread, for every fusion mode', async () => {
    const n = 14
    const program: SimProgram = { numQubits: n, numClbits: 0, ops: randomOps(n, 120, 77) }
    for (const fusion of ['off', 'dense', 'codegen'] as const) {
      const one = await simulateStatevector(program, { threads: 1, fusion })
      const two = await simulateStatevector(program, { threads: 2, fusion })
      const three = await simulateStatevector(program, { threads: 3, fusion })
      expect(two.statevector.buffer).toBeInstanceOf(SharedArrayBuffer)
      expect(maxDistance(two.statevector, one.statevector)).toBeLessThan(1e-13)
      expect(maxDistance(three.statevector, one.statevector)).toBeLessThan(1e-13)
    }
  })

  it('gives the same samples as one thread, mid-circuit measurements included', async () => {
    const n = 10
    const ops: SimOp[] = [
      ...randomOps(n, 40, 5),
      { kind: 'measure', qubit: 3, clbit: 0 },
      ...randomOps(n, 20, 6),
    ]
    for (let q = 0; q < n; q++) ops.push({ kind: 'measure', qubit: q, clbit: q + 1 })
    const program: SimProgram = { numQubits: n, numClbits: n + 1, ops }
    const one = await sampleProgram(program, { shots: 2000, seed: 3, threads: 1, memory: true })
    const two = await sampleProgram(program, { shots: 2000, seed: 3, threads: 2, memory: true })
    expect(two).toEqual(one)
  })

  it('stops the workers when aborted mid-run', async () => {
    const n = 20
    const ops: SimOp[] = []
    for (let layer = 0; layer < 200; layer++) for (let q = 0; q < n; q++) ops.push(h(q))
    const controller = new AbortController()
    const run = simulateStatevector(
      { numQubits: n, numClbits: 0, ops },
      { threads: 2, fusion: 'off', structure: 'off', signal: controller.signal },
    )
    setTimeout(() => {
      controller.abort(new Error('cancelled by test'))
    }, 50)
    const start = performance.now()
    await expect(run).rejects.toThrow('cancelled by test')
    // 4000 unfused passes take many seconds; the abort lands at the next chunk.
    expect(performance.now() - start).toBeLessThan(3000)
  })

  it('runs again after cancellation and after the workers were terminated', async () => {
    await terminateWorkers()
    const { statevector } = await simulateStatevector(
      { numQubits: 4, numClbits: 0, ops: [h(0), h(3)] },
      { threads: 2 },
    )
    expect(statevector[0]).toBeCloseTo(0.5, 12)
    expect(statevector[2 * 9]).toBeCloseTo(0.5, 12)
  })

  it('fails the run when a worker dies, and starts a fresh worker for the next run', async () => {
    const executor = createThreadExecutor(2)
    const n = 8
    // A generated pass is code run in the worker: this one ends the worker's thread.
    const lethal: PassSpec = {
      kind: 'generated',
      qubits: [],
      source: 'process.exit(3)',
      constants: new Float64Array(0),
      positions: new Float64Array(0),
    }
    await expect(executor.apply(executor.allocate(n), [lethal], { numQubits: n })).rejects.toThrow(
      'exited with code 3',
    )
    const { statevector } = await simulateStatevector(
      { numQubits: n, numClbits: 0, ops: [h(0)] },
      { threads: 2, structure: 'off' },
    )
    expect(statevector[0]).toBeCloseTo(Math.SQRT1_2, 12)
    expect(statevector[2]).toBeCloseTo(Math.SQRT1_2, 12)
  })
})
