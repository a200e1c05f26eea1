import { QuantumCircuit } from '@qfabric/core/circuit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lowerNoisyCircuit } from '../../../../src/backends/execution/noisy/lower-noisy-circuit.js'
import { noisyDensityMatrix } from '../../../../src/backends/execution/noisy/noisy-density-matrix.js'
import { runTrajectories } from '../../../../src/backends/execution/noisy/run-trajectories.js'
import { amplitudeDampingError } from '../../../../src/noise/damping-errors.js'
import { depolarizingError } from '../../../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../../../src/noise/noise-model.js'
import { ReadoutError } from '../../../../src/noise/readout-error.js'
import { thermalRelaxationError } from '../../../../src/noise/thermal-relaxation-error.js'

const READOUT: Readonly<Record<number, readonly (readonly number[])[]>> = {
  0: [
    [0.95, 0.05],
    [0.1, 0.9],
  ],
  2: [
    [0.9, 0.1],
    [0.02, 0.98],
  ],
}

function noiseModel(): NoiseModel {
  const noise = new NoiseModel()
  noise.addAllQubitQuantumError(amplitudeDampingError(0.15), ['h', 'sx'])
  noise.addAllQubitQuantumError(thermalRelaxationError(30e-6, 45e-6, 5e-6), ['rz', 'x'])
  noise.addAllQubitQuantumError(depolarizingError(0.08, 2), ['cx'])
  noise.addReadoutError(
    new ReadoutError([
      [0.95, 0.05],
      [0.1, 0.9],
    ]),
    [0],
  )
  noise.addReadoutError(
    new ReadoutError([
      [0.9, 0.1],
      [0.02, 0.98],
    ]),
    [2],
  )
  return noise
}

/**
 * The exact outcome distribution of a circuit measuring qubit q into clbit q: the density
 * matrix's diagonal, pushed through the readout matrices analytically.
 */
async function exactProbabilities(
  qc: QuantumCircuit,
  noise: NoiseModel,
): Promise<Map<string, number>> {
  const lowered = lowerNoisyCircuit(qc, noise, { dt: null })
  const rho = await noisyDensityMatrix(lowered)
  const n = qc.numQubits
  const diag = Array.from({ length: 2 ** n }, (_, i) => rho[2 * i * (2 ** n + 1)]!)
  const out = new Map<string, number>()
  for (let j = 0; j < 2 ** n; j++) {
    let total = 0
    diag.forEach((p, i) => {
      let w = p
      for (let q = 0; q < n; q++) {
        const prepared = (i >> q) & 1
        const reported = (j >> q) & 1
        const r = READOUT[q]
        w *= r === undefined ? (prepared === reported ? 1 : 0) : r[prepared]![reported]!
      }
      total += w
    })
    if (total > 1e-15) out.set(`0x${j.toString(16)}`, total)
  }
  return out
}

describe('runTrajectories', () => {
  it('samples the distribution the exact density matrix predicts', async () => {
    const noise = noiseModel()
    const gates = ['h', 'sx', 'rz', 'x', 'cx'] as const
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...gates), fc.nat(2)), { minLength: 1, maxLength: 10 }),
        async (ops) => {
          const qc = new QuantumCircuit(3, 3)
          for (const [g, a] of ops) {
            if (g === 'cx') qc.cx(a, (a + 1) % 3)
            else if (g === 'rz') qc.rz(0.9, a)
            else qc[g](a)
          }
          qc.measure([0, 1, 2], [0, 1, 2])
          const exact = await exactProbabilities(qc, noise)
          const shots = 6000
          const lowered = lowerNoisyCircuit(qc, noise, { dt: null })
          const { counts } = await runTrajectories(lowered, { shots, seed: 5, memory: false })
          const keys = new Set([...exact.keys(), ...Object.keys(counts)])
          for (const key of keys) {
            const p = exact.get(key) ?? 0
            const n = counts[key] ?? 0
            const bound = 5 * Math.sqrt(shots * p * (1 - p)) + 1e-9
            expect(Math.abs(n - shots * p), key).toBeLessThanOrEqual(bound)
          }
        },
      ),
      { numRuns: 12, seed: 17 },
    )
  })

  it('groups shots that draw the same noise, keeping memory in shot order', async () => {
    const noise = new NoiseModel()
    noise.addAllQubitQuantumError(depolarizingError(0.3, 1), 'x')
    const qc = new QuantumCircuit(1, 1).x(0).measure(0, 0)
    const lowered = lowerNoisyCircuit(qc, noise, { dt: null })
    const a = await runTrajectories(lowered, { shots: 500, seed: 9, memory: true })
    const b = await runTrajectories(lowered, { shots: 500, seed: 9, memory: true })
    expect(a.memory).toEqual(b.memory)
    expect(a.memory?.length).toBe(500)
    const tally: Record<string, number> = {}
    for (const m of a.memory ?? []) tally[m] = (tally[m] ?? 0) + 1
    expect(tally).toEqual(a.counts)
    // depolarizing(0.3) on |1⟩: P(0) = 0.3/2
    expect(Math.abs((a.counts['0x0'] ?? 0) - 75)).toBeLessThan(5 * Math.sqrt(500 * 0.15 * 0.85))
  })
})
