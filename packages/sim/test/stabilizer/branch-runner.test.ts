import { QuantumCircuit } from '@qfabric/core/circuit'
import { Statevector } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/engine/random/seeded-rng.js'
import { fairBinomial } from '../../src/stabilizer/branch-runner.js'
import { runStabilizer } from '../../src/stabilizer/run-stabilizer.js'
import { cliffordCircuitArb, toCircuit } from './clifford-circuits.js'

/** The state projected onto qubit q = outcome, renormalised, with the outcome's probability. */
function project(
  state: Statevector,
  q: number,
  outcome: number,
): { state: Statevector; p: number } {
  const data = state.data.slice()
  let p = 0
  for (let i = 0; i < data.length / 2; i++) {
    if (((i >>> q) & 1) !== outcome) {
      data[2 * i] = 0
      data[2 * i + 1] = 0
    } else p += data[2 * i]! ** 2 + data[2 * i + 1]! ** 2
  }
  const s = p > 0 ? 1 / Math.sqrt(p) : 0
  return { state: new Statevector(data.map((v) => v * s)), p }
}

describe('fairBinomial', () => {
  it('has mean n/2 and variance n/4', () => {
    const rng = createRng(12)
    for (const n of [1, 31, 32, 33, 1000]) {
      const draws = Array.from({ length: 4000 }, () => fairBinomial(n, rng))
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...draws)).toBeLessThanOrEqual(n)
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length
      const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length
      expect(Math.abs(mean - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4 / draws.length))
      expect(variance / (n / 4)).toBeGreaterThan(0.85)
      expect(variance / (n / 4)).toBeLessThan(1.15)
    }
  })
})

describe('shot branching', () => {
  it('matches the exact distribution of a mid-circuit measurement followed by more gates', async () => {
    const arb = fc.integer({ min: 2, max: 5 }).chain((n) =>
      fc.tuple(
        cliffordCircuitArb(n, 15).map(([, g]) => g.filter((x) => x.qubits.every((q) => q < n))),
        cliffordCircuitArb(n, 15).map(([, g]) => g.filter((x) => x.qubits.every((q) => q < n))),
        fc.nat(n - 1),
        fc.nat(),
        fc.constant(n),
      ),
    )
    await fc.assert(
      fc.asyncProperty(arb, async ([first, second, mid, seed, n]) => {
        const a = toCircuit(n, first)
        const b = toCircuit(n, second)
        const qc = new QuantumCircuit(n, n + 1)
        qc.compose(a, { inplace: true }).measure(mid, n).compose(b, { inplace: true })
        for (let q = 0; q < n; q++) qc.measure(q, q)
        const exact = new Map<string, number>()
        const before = Statevector.fromCircuit(a)
        for (const outcome of [0, 1]) {
          const { state, p } = project(before, mid, outcome)
          if (p < 1e-12) continue
          state
            .evolve(b)
            .probabilities()
            .forEach((pf, i) => {
              if (pf > 1e-12) {
                const key = `${outcome}${i.toString(2).padStart(n, '0')}`
                exact.set(key, (exact.get(key) ?? 0) + p * pf)
              }
            })
        }
        const shots = 2000
        const { counts } = await runStabilizer(qc, { shots, seed })
        for (const key of counts.keys()) expect(exact.has(key), key).toBe(true)
        for (const [key, p] of exact) {
          const sigma = Math.sqrt(Math.max(0, shots * p * (1 - p)))
          expect(Math.abs((counts.get(key) ?? 0) - shots * p)).toBeLessThanOrEqual(5 * sigma + 1)
        }
      }),
      { seed: 5150, numRuns: 30 },
    )
  })

  it('samples a wide state after a mid-circuit split without measuring qubit by qubit', async () => {
    const n = 600
    const qc = new QuantumCircuit(n, n + 1).h(0)
    for (let q = 0; q + 1 < n; q++) qc.cx(q, q + 1)
    qc.measure(0, n)
      .h(0)
      .h(n - 1)
    for (let q = 0; q < n; q++) qc.measure(q, q)
    const { counts } = await runStabilizer(qc, { shots: 500, seed: 1 })
    // The middle qubits copy the mid-circuit outcome; the two re-randomised ends are free.
    for (const key of counts.keys()) {
      const mid = key[0]!
      expect(key.slice(2, n)).toBe(mid.repeat(n - 2))
    }
    expect(counts.size).toBe(8)
  })

  it('returns memory in shot order, not grouped by branch', async () => {
    const qc = new QuantumCircuit(2, 2).h(0).measure(0, 0).cx(0, 1).measure(1, 1)
    const { memory, counts } = await runStabilizer(qc, { shots: 1000, seed: 4, memory: true })
    let changes = 0
    for (let i = 1; i < memory!.length; i++) if (memory![i] !== memory![i - 1]) changes++
    expect(changes).toBeGreaterThan(400)
    expect([...counts.keys()].sort()).toEqual(['00', '11'])
  })

  it('keeps resets of untouched qubits from forcing per-shot work, and still applies later resets', async () => {
    const qc = new QuantumCircuit(2, 2)
      .reset(0)
      .reset(1)
      .h(0)
      .cx(0, 1)
      .reset(1)
      .measure(0, 0)
      .measure(1, 1)
    const { counts } = await runStabilizer(qc, { shots: 400, seed: 2 })
    expect([...counts.keys()].sort()).toEqual(['00', '01'])
  })
})
