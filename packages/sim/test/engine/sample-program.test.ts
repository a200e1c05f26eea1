import { describe, expect, it } from 'vitest'
import { sampleProgram } from '../../src/engine/sample-program.js'
import type { SimOp, SimProgram } from '../../src/engine/sim-program.js'
import { chiSquare, chiSquareBound, exactDistribution } from '../helpers/exact-distribution.js'
import { cx, h, ry, x } from '../helpers/gates.js'
import { randomOps } from '../helpers/random-ops.js'

const measure = (qubit: number, clbit: number): SimOp => ({ kind: 'measure', qubit, clbit })
const ifBit = (clbit: number, then: SimOp[], otherwise: SimOp[] = []): SimOp => ({
  kind: 'conditional',
  condition: { clbits: [clbit], op: '==', value: 1n },
  then,
  else: otherwise,
})

async function expectMatchesExact(program: SimProgram, shots = 20_000, seed = 11): Promise<void> {
  const { counts } = await sampleProgram(program, { shots, seed, threads: 1 })
  const { chi2, dof } = chiSquare(
    counts,
    exactDistribution(program.numQubits, program.numClbits, program.ops),
  )
  expect(chi2).toBeLessThan(chiSquareBound(dof))
}

describe('sampleProgram', () => {
  const bell: SimProgram = {
    numQubits: 2,
    numClbits: 2,
    ops: [h(0), cx(0, 1), measure(0, 0), measure(1, 1)],
  }

  it('samples final measurements from one state (Bell pair)', async () => {
    const { counts, shots } = await sampleProgram(bell, { shots: 10_000, seed: 1 })
    expect(shots).toBe(10_000)
    expect(Object.keys(counts).sort()).toEqual(['0x0', '0x3'])
    expect(counts['0x0']! + counts['0x3']!).toBe(10_000)
    await expectMatchesExact(bell)
  })

  it('is reproducible with a seed, reports a fresh seed without one', async () => {
    const a = await sampleProgram(bell, { shots: 100, seed: 5, memory: true })
    const b = await sampleProgram(bell, { shots: 100, seed: 5, memory: true })
    expect(a).toEqual(b)
    const c = await sampleProgram(bell, { shots: 100 })
    expect(Number.isSafeInteger(c.seed)).toBe(true)
    const d = await sampleProgram(bell, { shots: 100, seed: c.seed })
    expect(d.counts).toEqual(c.counts)
  })

  it('returns per-shot memory consistent with the counts', async () => {
    const { counts, memory } = await sampleProgram(bell, { shots: 500, seed: 2, memory: true })
    expect(memory).toHaveLength(500)
    const tally: Record<string, number> = {}
    for (const m of memory!) tally[m] = (tally[m] ?? 0) + 1
    expect(tally).toEqual(counts)
  })

  it('maps qubits to clbits as measured (little-endian hex keys)', async () => {
    const program: SimProgram = {
      numQubits: 3,
      numClbits: 3,
      ops: [x(0), measure(0, 2), measure(1, 0)],
    }
    expect((await sampleProgram(program, { shots: 10, seed: 1 })).counts).toEqual({ '0x4': 10 })
    const none: SimProgram = { numQubits: 2, numClbits: 2, ops: [h(0)] }
    expect((await sampleProgram(none, { shots: 7, seed: 1 })).counts).toEqual({ '0x0': 7 })
  })

  it('applies classical feed-forward per shot', async () => {
    // Measure a superposition, copy the outcome onto qubit 1 classically.
    const program: SimProgram = {
      numQubits: 2,
      numClbits: 2,
      ops: [h(0), measure(0, 0), ifBit(0, [x(1)]), measure(1, 1)],
    }
    const { counts } = await sampleProgram(program, { shots: 4000, seed: 3 })
    expect(Object.keys(counts).sort()).toEqual(['0x0', '0x3'])
    await expectMatchesExact(program)
  })

  it('resets to |0⟩ and re-measures fresh after gates', async () => {
    const reset: SimProgram = {
      numQubits: 1,
      numClbits: 1,
      ops: [h(0), { kind: 'reset', qubit: 0 }, measure(0, 0)],
    }
    expect((await sampleProgram(reset, { shots: 1000, seed: 4 })).counts).toEqual({ '0x0': 1000 })
    const twice: SimProgram = {
      numQubits: 1,
      numClbits: 2,
      ops: [h(0), measure(0, 0), h(0), measure(0, 1)],
    }
    await expectMatchesExact(twice)
    const same: SimProgram = {
      numQubits: 1,
      numClbits: 2,
      ops: [h(0), measure(0, 0), measure(0, 1)],
    }
    expect(
      Object.keys((await sampleProgram(same, { shots: 1000, seed: 4 })).counts).sort(),
    ).toEqual(['0x0', '0x3'])
  })

  it('runs while loops per shot (repeat until success)', async () => {
    const program: SimProgram = {
      numQubits: 2,
      numClbits: 2,
      ops: [
        ry(0, 1.1),
        measure(0, 0),
        {
          kind: 'while',
          condition: { clbits: [0], op: '==', value: 0n },
          body: [{ kind: 'reset', qubit: 0 }, ry(0, 1.1), measure(0, 0), x(1)],
        },
        measure(1, 1),
      ],
    }
    const { counts } = await sampleProgram(program, { shots: 2000, seed: 8 })
    for (const key of Object.keys(counts)) expect(BigInt(key) & 1n).toBe(1n)
    await expectMatchesExact(program)
  })

  it('matches the exact distribution on random circuits with mid-circuit measurements', async () => {
    for (const seed of [1, 2, 3]) {
      const n = 3
      const ops: SimOp[] = [
        ...randomOps(n, 6, seed),
        measure(seed % n, 0),
        ifBit(0, randomOps(n, 3, seed + 10)),
        { kind: 'reset', qubit: (seed + 1) % n },
        ...randomOps(n, 4, seed + 20),
        measure(0, 1),
        measure(1, 2),
        measure(2, 3),
      ]
      await expectMatchesExact({ numQubits: n, numClbits: 4, ops }, 20_000, seed)
    }
  })

  it('gives identical results when the memory budget forces replays', async () => {
    const ops: SimOp[] = [
      h(0),
      h(1),
      h(2),
      measure(0, 0),
      measure(1, 1),
      cx(0, 2),
      measure(2, 2),
      h(2),
      measure(2, 3),
    ]
    const program: SimProgram = { numQubits: 3, numClbits: 4, ops }
    const roomy = await sampleProgram(program, { shots: 3000, seed: 12, memory: true })
    const tight = await sampleProgram(program, {
      shots: 3000,
      seed: 12,
      memory: true,
      memoryBudgetBytes: 1,
    })
    expect(tight).toEqual(roomy)
    await expectMatchesExact(program)
  })

  it('rejects bad shot counts, bad indices and runaway loops', async () => {
    await expect(sampleProgram(bell, { shots: -1 })).rejects.toThrow(RangeError)
    await expect(
      sampleProgram({ numQubits: 1, numClbits: 1, ops: [measure(1, 0)] }, { shots: 1 }),
    ).rejects.toThrow(RangeError)
    const forever: SimProgram = {
      numQubits: 1,
      numClbits: 1,
      ops: [
        { kind: 'while', condition: { clbits: [0], op: '==', value: 0n }, body: [measure(0, 0)] },
      ],
    }
    await expect(sampleProgram(forever, { shots: 1, maxLoopIterations: 50 })).rejects.toMatchObject(
      { code: 'simulation.loop-limit' },
    )
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(sampleProgram(bell, { shots: 10, signal: controller.signal })).rejects.toThrow(
      'stop',
    )
  })
})
