import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { compileCircuit } from '../../../src/compile/compile-circuit.js'
import { terminateWorkers } from '../../../src/engine/parallel/thread-executor.js'
import { simulateStatevector } from '../../../src/engine/simulate-statevector.js'
import type { SimOp, SimProgram } from '../../../src/engine/sim-program.js'
import { maxDistance } from '../../helpers/dense-reference.js'
import { h } from '../../helpers/gates.js'
import { ghzOps, mixedOps, qftOps, standardCircuit } from './structured-ops.js'

afterAll(async () => {
  await terminateWorkers()
})

async function bothWays(program: SimProgram, threads = 1) {
  const auto = await simulateStatevector(program, { threads, seed: 7 })
  const off = await simulateStatevector(program, { threads, seed: 7, structure: 'off' })
  return { auto, off, distance: maxDistance(auto.statevector, off.statevector) }
}

describe("simulateStatevector with structure: 'auto'", () => {
  it('matches the dense engine on random circuits that stay sparse, then turn dense', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 1, max: 13 }),
          structured: fc.integer({ min: 0, max: 80 }),
          dense: fc.integer({ min: 0, max: 8 }),
          seed: fc.integer(),
        }),
        async ({ n, structured, dense, seed }) => {
          const ops = mixedOps(n, structured, dense, seed)
          const { distance, auto } = await bothWays({ numQubits: n, numClbits: 0, ops })
          expect(distance).toBeLessThan(1e-10)
          expect(auto.structure?.structuredOps).toBeLessThanOrEqual(ops.length)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('matches the dense engine on random circuits of every standard gate', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 1, max: 12 }),
          structured: fc.integer({ min: 0, max: 60 }),
          dense: fc.integer({ min: 0, max: 10 }),
          seed: fc.integer(),
        }),
        async ({ n, structured, dense, seed }) => {
          const program = compileCircuit(standardCircuit(n, structured, dense, seed))
          expect((await bothWays(program)).distance).toBeLessThan(1e-10)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('writes QFT on a basis state as a product, also across threads', async () => {
    const program: SimProgram = { numQubits: 12, numClbits: 0, ops: qftOps(12) }
    for (const threads of [1, 2]) {
      const { auto, distance } = await bothWays(program, threads)
      expect(distance).toBeLessThan(1e-10)
      expect(auto.structure).toEqual({ path: 'product', structuredOps: program.ops.length })
    }
  })

  it('keeps GHZ sparse and writes its two amplitudes only', async () => {
    const n = 16
    const { auto, distance } = await bothWays({ numQubits: n, numClbits: 0, ops: ghzOps(n) })
    expect(distance).toBeLessThan(1e-12)
    expect(auto.structure?.path).toBe('sparse')
    expect(auto.statevector.filter((v) => v !== 0)).toHaveLength(2)
  })

  it('hands over to the dense engine when everything entangles, and says after which op', async () => {
    const n = 12
    const ops: SimOp[] = []
    for (let q = 0; q < n; q++) ops.push(h(q))
    for (let layer = 0; layer < 3; layer++) {
      for (let q = layer % 2; q + 1 < n; q += 2)
        ops.push({
          kind: 'diagonal',
          qubits: [q, q + 1],
          diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0),
        })
      for (let q = 0; q < n; q++) ops.push(h(q))
    }
    const { auto, distance } = await bothWays({ numQubits: n, numClbits: 0, ops })
    expect(distance).toBeLessThan(1e-10)
    expect(auto.structure?.path).toBe('dense')
    expect(auto.structure?.structuredOps).toBeGreaterThan(n)
    expect(auto.structure?.structuredOps).toBeLessThan(ops.length)
  })

  it('hands over at the first measurement with the same outcomes as the dense engine', async () => {
    const ops: SimOp[] = [
      ...ghzOps(10),
      { kind: 'measure', qubit: 3, clbit: 0 },
      h(2),
      { kind: 'measure', qubit: 2, clbit: 1 },
    ]
    for (let seed = 0; seed < 8; seed++) {
      const program: SimProgram = { numQubits: 10, numClbits: 2, ops }
      const auto = await simulateStatevector(program, { seed, threads: 1 })
      const off = await simulateStatevector(program, { seed, threads: 1, structure: 'off' })
      expect(auto.clbits).toEqual(off.clbits)
      expect(maxDistance(auto.statevector, off.statevector)).toBeLessThan(1e-12)
      expect(auto.structure).toEqual({ path: 'dense', structuredOps: 10 })
    }
  })

  it("runs every op densely with structure: 'off'", async () => {
    const off = await simulateStatevector(
      { numQubits: 10, numClbits: 0, ops: ghzOps(10) },
      { structure: 'off', threads: 1 },
    )
    expect(off.structure).toEqual({ path: 'dense', structuredOps: 0 })
  })
})
