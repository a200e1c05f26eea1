import {
  ClassicalRegister,
  clbitCondition,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  standardGate,
} from '@qfabric/core/circuit'
import { Statevector } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { randomCliffordCircuit } from '../../src/stabilizer/random-clifford-circuit.js'
import { runStabilizer } from '../../src/stabilizer/run-stabilizer.js'
import { StabilizerError } from '../../src/stabilizer/stabilizer-error.js'
import { cliffordCircuitArb, toCircuit } from './clifford-circuits.js'

/** The exact distribution of `measures` (qubit → clbit, later wins) over `numClbits` clbits. */
function exactCounts(
  state: Statevector,
  measures: readonly (readonly [number, number])[],
  numClbits: number,
): Map<string, number> {
  const out = new Map<string, number>()
  state.probabilities().forEach((p, i) => {
    if (p < 1e-12) return
    const bits = new Array<string>(numClbits).fill('0')
    for (const [q, c] of measures) bits[numClbits - 1 - c] = String((i >>> q) & 1)
    const key = bits.join('')
    out.set(key, (out.get(key) ?? 0) + p)
  })
  return out
}

/** Every count within 5σ (+1) of its expectation, and nothing outside the support. */
function expectCountsMatch(
  counts: Map<string, number>,
  exact: Map<string, number>,
  shots: number,
): void {
  for (const key of counts.keys()) expect(exact.has(key), `unexpected outcome ${key}`).toBe(true)
  for (const [key, p] of exact) {
    const observed = counts.get(key) ?? 0
    const sigma = Math.sqrt(Math.max(0, shots * p * (1 - p)))
    expect(Math.abs(observed - shots * p)).toBeLessThanOrEqual(5 * sigma + 1)
  }
  expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(shots)
}

const measuredArb = cliffordCircuitArb(6, 30).chain(([n, gates]) =>
  fc.tuple(
    fc.constant(n),
    fc.constant(gates),
    fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n)), { minLength: 1, maxLength: n + 2 }),
    fc.nat(),
  ),
)

describe('runStabilizer', () => {
  it('samples terminal measurements with the statevector’s statistics', async () => {
    await fc.assert(
      fc.asyncProperty(measuredArb, async ([n, gates, measures, seed]) => {
        const numClbits = n + 1
        const qc = toCircuit(n, gates, numClbits)
        const reference = Statevector.fromCircuit(qc)
        for (const [q, c] of measures) qc.measure(q, c)
        const shots = 2000
        const { counts } = await runStabilizer(qc, { shots, seed })
        expectCountsMatch(counts, exactCounts(reference, measures, numClbits), shots)
      }),
      { seed: 2024, numRuns: 40 },
    )
  })

  it('simulates shot by shot with the same statistics when a condition forces it', async () => {
    await fc.assert(
      fc.asyncProperty(measuredArb, async ([n, gates, measures, seed]) => {
        const numClbits = n + 1
        const qc = toCircuit(n, gates, numClbits)
        const reference = Statevector.fromCircuit(qc)
        for (const [q, c] of measures) qc.measure(q, c)
        // A condition on a clbit no measurement writes never holds, but forces per-shot runs.
        const spare = new QuantumCircuit(n, numClbits + 1)
        spare.compose(qc, {
          inplace: true,
          qubits: [...Array(n).keys()],
          clbits: [...Array(numClbits).keys()],
        })
        spare.append(standardGate('x'), [0], [], { condition: clbitCondition(numClbits, true) })
        const shots = 1000
        const { counts } = await runStabilizer(spare, { shots, seed })
        const widened = new Map(
          [...exactCounts(reference, measures, numClbits)].map(([k, p]) => [`0${k}`, p]),
        )
        expectCountsMatch(counts, widened, shots)
      }),
      { seed: 11, numRuns: 25 },
    )
  })

  it('gives a 1,000-qubit GHZ state only all-0 and all-1, about 50/50', async () => {
    const n = 1000
    const qc = new QuantumCircuit(n, n).h(0)
    for (let q = 0; q + 1 < n; q++) qc.cx(q, q + 1)
    for (let q = 0; q < n; q++) qc.measure(q, q)
    const shots = 2000
    const { counts } = await runStabilizer(qc, { shots, seed: 5 })
    expect([...counts.keys()].sort()).toEqual(['0'.repeat(n), '1'.repeat(n)])
    expect(Math.abs(counts.get('0'.repeat(n))! - shots / 2)).toBeLessThan(5 * Math.sqrt(shots / 4))
  })

  it('formats keys over all clbits, clbit 0 rightmost, unmeasured clbits 0', async () => {
    const qc = new QuantumCircuit(2, 4).x(0).measure(0, 2)
    const { counts } = await runStabilizer(qc, { shots: 10, seed: 1 })
    expect(counts).toEqual(new Map([['0100', 10]]))
    const bare = await runStabilizer(new QuantumCircuit(3).h(0), { shots: 7, seed: 1 })
    expect(bare.counts).toEqual(new Map([['', 7]]))
  })

  it('handles mid-circuit measurement, reset and conditions per shot', async () => {
    // c0 is random; after reset and x, q0 always reads 1 into c1; q1 copies c0 through a condition.
    const qc = new QuantumCircuit(2, 3).h(0).measure(0, 0).reset(0).x(0).measure(0, 1)
    qc.ifTest(clbitCondition(0, true), (body) => body.x(1))
    qc.measure(1, 2)
    const shots = 1000
    const { counts } = await runStabilizer(qc, { shots, seed: 9 })
    expect([...counts.keys()].sort()).toEqual(['010', '111'])
    expect(Math.abs(counts.get('111')! - shots / 2)).toBeLessThan(5 * Math.sqrt(shots / 4))
  })

  it.each([
    ['|0⟩', []],
    ['|1⟩', ['x']],
    ['|+⟩', ['h']],
    ['|−⟩', ['x', 'h']],
    ['|+i⟩', ['h', 's']],
    ['|−i⟩', ['h', 'sdg']],
    ['√X|0⟩', ['sx']],
  ] as const)(
    'teleports %s (checked by undoing the preparation on the receiver)',
    async (_, prep) => {
      for (const style of ['if_else', 'c_if'] as const) {
        const qc = new QuantumCircuit(3, 3)
        for (const g of prep) qc[g](0)
        qc.h(1).cx(1, 2).cx(0, 1).h(0).measure(0, 0).measure(1, 1)
        if (style === 'if_else') {
          qc.ifTest(clbitCondition(1, true), (body) => body.x(2))
          qc.ifTest(clbitCondition(0, true), (body) => body.z(2))
        } else {
          qc.append(standardGate('x'), [2], [], { condition: clbitCondition(1, true) })
          qc.append(standardGate('z'), [2], [], { condition: clbitCondition(0, true) })
        }
        for (const g of [...prep].reverse()) qc.append(standardGate(g).inverse(), [2])
        qc.measure(2, 2)
        const { counts } = await runStabilizer(qc, { shots: 400, seed: 3 })
        // c2 (leftmost) always 0; the Bell-measurement bits c1 c0 are uniform.
        expect([...counts.keys()].every((k) => k.startsWith('0'))).toBe(true)
        expect(counts.size).toBe(4)
      }
    },
  )

  it('evaluates register conditions with comparisons', async () => {
    const qr = new QuantumRegister(4, 'q')
    const c = new ClassicalRegister(2, 'c')
    const out = new ClassicalRegister(3, 'out')
    const qc = new QuantumCircuit(qr, c, out).x(1).measure(0, 0).measure(1, 1) // c = 2
    qc.append(standardGate('x'), [2], [], { condition: registerCondition(c, 2) })
    qc.append(standardGate('x'), [3], [], { condition: registerCondition(c, 2, '>') })
    qc.append(standardGate('x'), [0], [], { condition: registerCondition(c, 1, '>=') })
    qc.measure(2, 2).measure(3, 3).measure(0, 4)
    const { counts } = await runStabilizer(qc, { shots: 20, seed: 2 })
    expect(counts).toEqual(new Map([['10110', 20]]))
  })

  it('runs while loops until their condition fails (repeat until success)', async () => {
    const qc = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    qc.whileLoop(clbitCondition(0, true), (body) => body.reset(0).h(0).measure(0, 0))
    const { counts } = await runStabilizer(qc, { shots: 200, seed: 8 })
    expect(counts).toEqual(new Map([['0', 200]]))
    const forever = new QuantumCircuit(1, 1).x(0).measure(0, 0)
    forever.whileLoop(clbitCondition(0, true), (body) => body.measure(0, 0))
    await expect(runStabilizer(forever, { shots: 1, maxLoopIterations: 50 })).rejects.toMatchObject(
      {
        code: 'sim.stabilizer.loop-limit',
      },
    )
  })

  it('is reproducible from its seed, and reports the seed it drew', async () => {
    const qc = randomCliffordCircuit({ numQubits: 12, layers: 6, seed: 4, measure: true })
    const a = await runStabilizer(qc, { shots: 300, seed: 17, memory: true })
    const b = await runStabilizer(qc, { shots: 300, seed: 17, memory: true })
    const c = await runStabilizer(qc, { shots: 300, seed: 18, memory: true })
    expect(b.memory).toEqual(a.memory)
    expect(b.counts).toEqual(a.counts)
    expect(c.memory).not.toEqual(a.memory)
    expect(a.memory).toHaveLength(300)
    const tally = new Map<string, number>()
    for (const m of a.memory!) tally.set(m, (tally.get(m) ?? 0) + 1)
    expect(tally).toEqual(a.counts)
    const drawn = await runStabilizer(qc, { shots: 50, memory: true })
    expect((await runStabilizer(qc, { shots: 50, seed: drawn.seed, memory: true })).memory).toEqual(
      drawn.memory,
    )
  })

  it('keeps per-shot memory reproducible too', async () => {
    const qc = new QuantumCircuit(2, 2)
      .h(0)
      .measure(0, 0)
      .cx(0, 1)
      .measure(1, 1)
      .reset(1)
      .h(1)
      .measure(1, 0)
    const a = await runStabilizer(qc, { shots: 100, seed: 21, memory: true })
    expect((await runStabilizer(qc, { shots: 100, seed: 21, memory: true })).memory).toEqual(
      a.memory,
    )
  })

  it('rejects non-Clifford circuits with a StabilizerError', async () => {
    const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).rz(0.1, 1).measure(0, 0)
    await expect(runStabilizer(qc, { shots: 1 })).rejects.toBeInstanceOf(StabilizerError)
    await expect(runStabilizer(qc, { shots: 1 })).rejects.toMatchObject({
      operationName: 'rz',
      instructionIndex: 2,
    })
  })

  it('rejects bad shot counts', async () => {
    await expect(runStabilizer(new QuantumCircuit(1), { shots: -1 })).rejects.toThrow(RangeError)
    await expect(runStabilizer(new QuantumCircuit(1), { shots: 1.5 })).rejects.toThrow(RangeError)
    expect(
      (await runStabilizer(new QuantumCircuit(1, 1).measure(0, 0), { shots: 0 })).counts.size,
    ).toBe(0)
  })

  it('stops when its signal aborts, rejecting with the reason', async () => {
    const reason = new Error('stop')
    await expect(
      runStabilizer(new QuantumCircuit(1), { shots: 1, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
    // Large enough to outlast the engine's 20 ms yield interval even on an idle machine.
    const qc = randomCliffordCircuit({ numQubits: 1000, layers: 300, seed: 1, measure: true })
    const controller = new AbortController()
    // Fires at the first yield to the event loop, mid-run.
    setTimeout(() => {
      controller.abort(reason)
    }, 0)
    await expect(runStabilizer(qc, { shots: 10, signal: controller.signal })).rejects.toBe(reason)
  })
})
