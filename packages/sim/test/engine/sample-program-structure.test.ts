import { afterAll, describe, expect, it } from 'vitest'
import { terminateWorkers } from '../../src/engine/parallel/thread-executor.js'
import { sampleProgram } from '../../src/engine/sample-program.js'
import type { MeasureOp, SimOp, SimProgram, UnitaryOp } from '../../src/engine/sim-program.js'
import { simulateStatevector } from '../../src/engine/simulate-statevector.js'
import { chiSquare, chiSquareBound } from '../helpers/exact-distribution.js'
import { h, ry, x } from '../helpers/gates.js'
import { mulberry32 } from '../helpers/random-ops.js'
import { ghzOps, structuredOp } from './structured/structured-ops.js'

afterAll(async () => {
  await terminateWorkers()
})

const measure = (qubit: number, clbit: number): MeasureOp => ({ kind: 'measure', qubit, clbit })
const measureAll = (n: number): MeasureOp[] => Array.from({ length: n }, (_, q) => measure(q, q))
const cz = (a: number, b: number): UnitaryOp => ({
  kind: 'diagonal',
  qubits: [a, b],
  diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0),
})

/** `|count − shots·p| ≤ 6σ`: with a fixed seed this cannot flake, and a wrong p fails it. */
function expectNear(count: number, shots: number, p: number): void {
  expect(Math.abs(count - shots * p)).toBeLessThanOrEqual(6 * Math.sqrt(shots * p * (1 - p)))
}

/** The exact hex-outcome probabilities, from the dense engine's statevector. */
async function denseDistribution(program: SimProgram): Promise<Map<string, number>> {
  const gates = program.ops.filter((op) => op.kind !== 'measure')
  const finals = program.ops.filter((op): op is MeasureOp => op.kind === 'measure')
  const { statevector } = await simulateStatevector(
    { ...program, ops: gates },
    { structure: 'off', threads: 1 },
  )
  const dist = new Map<string, number>()
  for (let i = 0; i < statevector.length / 2; i++) {
    const p = statevector[2 * i]! ** 2 + statevector[2 * i + 1]! ** 2
    if (p < 1e-14) continue
    const clbits = new Array<number>(program.numClbits).fill(0)
    for (const m of finals) clbits[m.clbit] = (i >> m.qubit) & 1
    const key = `0x${clbits.reduce((v, b, c) => v | (BigInt(b) << BigInt(c)), 0n).toString(16)}`
    dist.set(key, (dist.get(key) ?? 0) + p)
  }
  return dist
}

describe('sampleProgram on the structured front end', () => {
  it('samples GHZ on 30 qubits from its two amplitudes', async () => {
    const n = 30
    const program: SimProgram = {
      numQubits: n,
      numClbits: n,
      ops: [...ghzOps(n), ...measureAll(n)],
    }
    const shots = 100_000
    const { counts, memory, structure } = await sampleProgram(program, {
      shots,
      seed: 1,
      memory: true,
    })
    expect(structure).toEqual({ path: 'sparse', structuredOps: n })
    expect(Object.keys(counts).sort()).toEqual(['0x0', '0x3fffffff'])
    expectNear(counts['0x0']!, shots, 0.5)
    const tally: Record<string, number> = {}
    for (const m of memory!) tally[m] = (tally[m] ?? 0) + 1
    expect(tally).toEqual(counts)
  })

  it('samples a 30-qubit product state qubit by qubit', async () => {
    const n = 30
    const angle = (q: number): number => 0.2 + (q * 2.7) / n
    const ops: SimOp[] = [...Array.from({ length: n }, (_, q) => ry(q, angle(q))), ...measureAll(n)]
    const shots = 50_000
    const { counts, structure } = await sampleProgram(
      { numQubits: n, numClbits: n, ops },
      { shots, seed: 2 },
    )
    expect(structure?.path).toBe('product')
    for (let q = 0; q < n; q++) {
      let ones = 0
      for (const [key, c] of Object.entries(counts)) if ((BigInt(key) >> BigInt(q)) & 1n) ones += c
      expectNear(ones, shots, Math.sin(angle(q) / 2) ** 2)
    }
  })

  /** Random structure-keeping circuits measuring a random subset into a shuffled register. */
  function randomMeasuredCircuit(seed: number): SimProgram {
    const rnd = mulberry32(seed)
    const n = 8 + (seed % 5)
    const ops: SimOp[] = Array.from({ length: 10 + (seed % 30) }, () => structuredOp(n, rnd))
    const numClbits = n + 1
    const clbits = Array.from({ length: numClbits }, (_, c) => c).sort(() => rnd() - 0.5)
    for (let q = 0; q < n; q++) if (rnd() < 0.7) ops.push(measure(q, clbits[q]!))
    // One qubit measured twice.
    ops.push(measure(0, clbits[n]!))
    return { numQubits: n, numClbits, ops }
  }

  it('matches the dense distribution on random structured circuits and clbit maps', async () => {
    let structuredRuns = 0
    for (let seed = 1; seed <= 40; seed++) {
      const program = randomMeasuredCircuit(seed)
      const { counts, structure } = await sampleProgram(program, { shots: 20_000, seed })
      if (structure?.path === 'dense') continue
      structuredRuns++
      const { chi2, dof } = chiSquare(counts, await denseDistribution(program))
      expect(chi2).toBeLessThan(chiSquareBound(dof))
    }
    // Most of these circuits stay structured under the default budget.
    expect(structuredRuns).toBeGreaterThanOrEqual(20)
  })

  // Guards the dense recorder: unmeasured qubits must not leak into outcomes, and outcomes that
  // map to one key must add up.
  it('matches the dense distribution on the dense path too', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const program = randomMeasuredCircuit(seed)
      const off = await sampleProgram(program, { shots: 20_000, seed, structure: 'off' })
      const { chi2, dof } = chiSquare(off.counts, await denseDistribution(program))
      expect(chi2).toBeLessThan(chiSquareBound(dof))
    }
  })

  it('ignores trailing diagonals: a measured graph state is a product of uniform qubits', async () => {
    const n = 24
    const ops: SimOp[] = []
    for (let q = 0; q < n; q++) ops.push(h(q))
    for (let q = 0; q < n; q++) ops.push(cz(q, (q + 1) % n))
    ops.push({ kind: 'global-phase', phase: 0.3 }, ...measureAll(n))
    const shots = 20_000
    const { counts, structure } = await sampleProgram(
      { numQubits: n, numClbits: n, ops },
      { shots, seed: 3 },
    )
    expect(structure).toEqual({ path: 'product', structuredOps: n })
    let ones = 0
    for (const [key, c] of Object.entries(counts)) if (BigInt(key) & 1n) ones += c
    expectNear(ones, shots, 0.5)
  })

  it('writes outcomes as the dense path does, wide registers and overwritten clbits included', async () => {
    const n = 10
    const ops: SimOp[] = [
      x(2),
      x(5),
      ...ghzOps(2).map((op) => shift(op, 7)),
      measure(2, 70),
      measure(5, 0),
      measure(7, 3),
      measure(8, 64),
      measure(3, 3),
      measure(2, 1),
    ]
    for (const numClbits of [71, 80]) {
      const program: SimProgram = { numQubits: n, numClbits, ops }
      const auto = await sampleProgram(program, { shots: 2000, seed: 4, memory: true })
      const off = await sampleProgram(program, { shots: 2000, seed: 4, structure: 'off' })
      expect(auto.structure?.path).toBe('sparse')
      expect(off.structure?.path).toBe('dense')
      const keys = Object.keys(auto.counts).sort()
      expect(keys).toEqual(Object.keys(off.counts).sort())
      // Clbit 3 is written last by qubit 3 (|0⟩): qubit 7's outcome only shows in clbit 64.
      expect(keys).toEqual(
        [0n, 1n << 64n].map((v) => `0x${(v | (1n << 70n) | 1n | 2n).toString(16)}`).sort(),
      )
      expectNear(auto.counts[keys[0]!]!, 2000, 0.5)
      expect(auto.memory).toHaveLength(2000)
    }
  })

  it('is reproducible with a seed', async () => {
    const program: SimProgram = {
      numQubits: 20,
      numClbits: 20,
      ops: [...ghzOps(20), h(19), ...measureAll(20)],
    }
    const a = await sampleProgram(program, { shots: 1000, seed: 5, memory: true })
    const b = await sampleProgram(program, { shots: 1000, seed: 5, memory: true })
    expect(a.structure?.path).not.toBe('dense')
    expect(a).toEqual(b)
    expect(a.counts).toEqual(b.counts)
    const c = await sampleProgram(program, { shots: 1000, seed: 6, memory: true })
    expect(c.memory).not.toEqual(a.memory)
  })

  it('hands over to the dense engine for mid-circuit measurements, and when asked to', async () => {
    const n = 12
    const mid: SimProgram = {
      numQubits: n,
      numClbits: 2,
      ops: [...ghzOps(n), measure(0, 0), x(0), measure(0, 1)],
    }
    const sampled = await sampleProgram(mid, { shots: 1000, seed: 7 })
    expect(sampled.structure).toEqual({ path: 'dense', structuredOps: n })
    expect(Object.keys(sampled.counts).sort()).toEqual(['0x1', '0x2'])
    const ghz: SimProgram = { numQubits: n, numClbits: n, ops: [...ghzOps(n), ...measureAll(n)] }
    const off = await sampleProgram(ghz, { shots: 10, seed: 7, structure: 'off' })
    expect(off.structure).toEqual({ path: 'dense', structuredOps: 0 })
  })

  it('stops when aborted before sampling', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    const onlyMeasured: SimProgram = { numQubits: 3, numClbits: 1, ops: [measure(0, 0)] }
    await expect(
      sampleProgram(onlyMeasured, { shots: 10, signal: controller.signal }),
    ).rejects.toThrow('stop')
  })
})

/** `op` on qubits shifted up by `by`. */
function shift(op: UnitaryOp, by: number): UnitaryOp {
  if (op.kind === 'matrix' || op.kind === 'permutation' || op.kind === 'diagonal')
    return { ...op, qubits: op.qubits.map((q) => q + by) }
  throw new Error(`cannot shift ${op.kind}`)
}
