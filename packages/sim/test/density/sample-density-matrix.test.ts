import { clbitCondition, QuantumCircuit } from '@qfabric/core/circuit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileCircuit } from '../../src/compile/compile-circuit.js'
import type { DensityProgram } from '../../src/density/density-program.js'
import { sampleDensityMatrix } from '../../src/density/sample-density-matrix.js'
import { simulateDensityMatrix } from '../../src/density/simulate-density-matrix.js'
import { sampleProgram } from '../../src/engine/sample-program.js'
import type { SimOp } from '../../src/engine/sim-program.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { ReadoutError } from '../../src/noise/readout-error.js'
import { chiSquare, chiSquareBound, exactDistribution } from '../helpers/exact-distribution.js'
import { h, ry, x } from '../helpers/gates.js'
import { mulberry32, randomOp } from '../helpers/random-ops.js'

const measure = (qubit: number, clbit: number): SimOp => ({ kind: 'measure', qubit, clbit })
const ifBit = (clbit: number, then: SimOp[], otherwise: SimOp[] = []): SimOp => ({
  kind: 'conditional',
  condition: { clbits: [clbit], op: '==', value: 1n },
  then,
  else: otherwise,
})

function expectFits(counts: Record<string, number>, expected: Map<string, number>): void {
  const { chi2, dof } = chiSquare(counts, expected)
  expect(chi2).toBeLessThan(chiSquareBound(dof))
}

/** A random dynamic program: gates, measurements, resets and conditionals on few qubits. */
function randomDynamicProgram(n: number, length: number, seed: number): DensityProgram {
  const rnd = mulberry32(seed)
  const numClbits = 3
  const pick = (k: number): number => Math.floor(rnd() * k)
  const step = (depth: number): SimOp => {
    const r = rnd()
    if (r < 0.2) return measure(pick(n), pick(numClbits))
    if (r < 0.3) return { kind: 'reset', qubit: pick(n) }
    if (r < 0.4 && depth === 0) return ifBit(pick(numClbits), [step(1), step(1)], [step(1)])
    return randomOp(n, rnd)
  }
  const ops = Array.from({ length }, () => step(0))
  for (let q = 0; q < Math.min(n, numClbits); q++) ops.push(measure(q, q))
  return { numQubits: n, numClbits, ops }
}

describe('sampleDensityMatrix', () => {
  const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)

  it('samples final measurements from the exact distribution (Bell pair)', async () => {
    const { counts, shots } = await sampleDensityMatrix(bell, { shots: 10_000, seed: 1 })
    expect(shots).toBe(10_000)
    expect(Object.keys(counts).sort()).toEqual(['0x0', '0x3'])
    expectFits(
      counts,
      new Map([
        ['0x0', 0.5],
        ['0x3', 0.5],
      ]),
    )
  })

  it('returns the statevector engine result shape, seeds and memory included', async () => {
    const ours = await sampleDensityMatrix(bell, { shots: 64, seed: 5, memory: true })
    const theirs = await sampleProgram(compileCircuit(bell), { shots: 64, seed: 5, memory: true })
    // sampleProgram also reports its structure path (a diagnostic).
    expect(Object.keys(ours).sort()).toEqual(
      Object.keys(theirs)
        .filter((k) => k !== 'structure')
        .sort(),
    )
    expect(ours.seed).toBe(5)
    expect(ours.memory).toHaveLength(64)
    const tally: Record<string, number> = {}
    for (const m of ours.memory!) tally[m] = (tally[m] ?? 0) + 1
    expect(tally).toEqual(ours.counts)
    expect(await sampleDensityMatrix(bell, { shots: 64, seed: 5, memory: true })).toEqual(ours)
    const fresh = await sampleDensityMatrix(bell, { shots: 64 })
    expect(Number.isSafeInteger(fresh.seed)).toBe(true)
    expect((await sampleDensityMatrix(bell, { shots: 64, seed: fresh.seed })).counts).toEqual(
      fresh.counts,
    )
  })

  it('writes hex keys of the whole register, clbit 0 least significant', async () => {
    const qc = new QuantumCircuit(3, 6).x(0).x(2).measure(0, 5).measure(2, 1).measure(1, 0)
    const { counts } = await sampleDensityMatrix(qc, { shots: 10, seed: 1 })
    expect(counts).toEqual({ '0x22': 10 })
    const none = await sampleDensityMatrix(new QuantumCircuit(2, 2).h(0), { shots: 7, seed: 1 })
    expect(none.counts).toEqual({ '0x0': 7 })
    expect((await sampleDensityMatrix(bell, { shots: 0, seed: 1 })).counts).toEqual({})
    await expect(sampleDensityMatrix(bell, { shots: -1 })).rejects.toBeInstanceOf(RangeError)
    await expect(sampleDensityMatrix(bell, { shots: 1.5 })).rejects.toBeInstanceOf(RangeError)
  })

  it('agrees with exact branch enumeration on random dynamic programs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        async (n, length, seed) => {
          const program = randomDynamicProgram(n, length, seed)
          const { counts } = await sampleDensityMatrix(program, { shots: 3000, seed })
          expectFits(counts, exactDistribution(n, program.numClbits, program.ops as SimOp[]))
        },
      ),
      { seed: 42, numRuns: 25 },
    )
  })

  it('collapses on mid-circuit measurement: repeated and steered outcomes agree', async () => {
    // c0 = c1 always (measure twice); c2 = c0 (x on qubit 1 steered by c0).
    const program: DensityProgram = {
      numQubits: 2,
      numClbits: 3,
      ops: [
        h(0),
        measure(0, 0),
        ry(0, 0.3),
        ry(0, -0.3),
        measure(0, 1),
        ifBit(0, [x(1)]),
        measure(1, 2),
      ],
    }
    const { counts } = await sampleDensityMatrix(program, { shots: 2000, seed: 3 })
    expect(Object.keys(counts).sort()).toEqual(['0x0', '0x7'])
  })

  it('resets mid-circuit: a measured |+⟩ reset to |0⟩ reads 0 afterwards', async () => {
    const qc = new QuantumCircuit(1, 2).h(0).measure(0, 0).reset(0).measure(0, 1)
    const { counts } = await sampleDensityMatrix(qc, { shots: 4000, seed: 9 })
    expectFits(
      counts,
      new Map([
        ['0x0', 0.5],
        ['0x1', 0.5],
      ]),
    )
  })

  it('follows every branch of a repeat-until-success loop', async () => {
    const qc = new QuantumCircuit(2, 2).h(0).measure(0, 0)
    qc.whileLoop(
      clbitCondition(0),
      new QuantumCircuit(2, 2).h(0).x(1).measure(0, 0),
      [0, 1],
      [0, 1],
    )
    qc.measure(1, 1)
    // qubit 1 flips once per extra round: P(k rounds) = 2^-(k+1) → parity of k.
    const { counts } = await sampleDensityMatrix(qc, { shots: 6000, seed: 4 })
    expectFits(
      counts,
      new Map([
        ['0x0', 2 / 3],
        ['0x2', 1 / 3],
      ]),
    )
  })

  it('gives identical counts when branches must be replayed for lack of memory', async () => {
    const ops: SimOp[] = []
    for (let k = 0; k < 9; k++)
      ops.push(h(k % 3), ifBit((k + 1) % 3, [ry(k % 3, 0.4 * k)]), measure(k % 3, k % 3))
    const program: DensityProgram = { numQubits: 3, numClbits: 3, ops }
    const copies = await sampleDensityMatrix(program, { shots: 500, seed: 8 })
    const replays = await sampleDensityMatrix(program, {
      shots: 500,
      seed: 8,
      memoryBudgetBytes: 0,
    })
    expect(replays.counts).toEqual(copies.counts)
  })
})

describe('sampleDensityMatrix with noise', () => {
  it('flips recorded bits by the readout error, final and mid-circuit', async () => {
    const model = new NoiseModel()
    model.addReadoutError(
      new ReadoutError([
        [0.9, 0.1],
        [0.25, 0.75],
      ]),
      [0],
    )
    // clbit 0: |1⟩ read with error; qubit 1 flipped by the *recorded* bit; clbit 2: qubit 0 again.
    const program: DensityProgram = {
      numQubits: 2,
      numClbits: 3,
      ops: [x(0), measure(0, 0), ifBit(0, [x(1)]), measure(1, 1), measure(0, 2)],
    }
    const { counts } = await sampleDensityMatrix(program, {
      shots: 20_000,
      seed: 2,
      noiseModel: model,
    })
    // c1 = c0 always; c0 and c2 are independent reads of |1⟩.
    const p1 = 0.75
    const expected = new Map([
      ['0x7', p1 * p1],
      ['0x3', p1 * (1 - p1)],
      ['0x4', (1 - p1) * p1],
      ['0x0', (1 - p1) * (1 - p1)],
    ])
    expectFits(counts, expected)
  })

  it('applies quantum errors exactly (depolarized x) and measure errors before measuring', async () => {
    const p = 0.2
    const model = new NoiseModel()
    model.addAllQubitQuantumError(depolarizingError(p, 1), 'x')
    model.addAllQubitQuantumError(depolarizingError(p, 1), 'measure')
    const qc = new QuantumCircuit(1, 1).x(0).measure(0, 0)
    const { counts } = await sampleDensityMatrix(qc, { shots: 20_000, seed: 6, noiseModel: model })
    const p0 = 1 - ((1 - p) * (1 - p) + (1 - (1 - p) * (1 - p)) / 2)
    expectFits(
      counts,
      new Map([
        ['0x0', p0],
        ['0x1', 1 - p0],
      ]),
    )
  })

  it('samples a noisy Bell pair from ρ with the readout errors of both qubits', async () => {
    const model = new NoiseModel()
    model.addAllQubitQuantumError(depolarizingError(0.1, 2), 'cx')
    const r0 = [
      [0.95, 0.05],
      [0.1, 0.9],
    ]
    const r1 = [
      [0.97, 0.03],
      [0.08, 0.92],
    ]
    model.addReadoutError(new ReadoutError(r0), [0])
    model.addReadoutError(new ReadoutError(r1), [1])
    const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)
    const { probabilities } = await simulateDensityMatrix(qc, { noiseModel: model })
    const expected = new Map<string, number>()
    for (let read = 0; read < 4; read++) {
      let p = 0
      for (let truth = 0; truth < 4; truth++) {
        p += probabilities[truth]! * r0[truth & 1]![read & 1]! * r1[truth >> 1]![read >> 1]!
      }
      expected.set(`0x${read.toString(16)}`, p)
    }
    const { counts } = await sampleDensityMatrix(qc, { shots: 30_000, seed: 12, noiseModel: model })
    expectFits(counts, expected)
  })
})
