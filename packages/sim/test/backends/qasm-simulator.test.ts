import {
  ClassicalRegister,
  clbitCondition,
  QuantumCircuit,
  QuantumRegister,
  standardGate,
} from '@qfabric/core/circuit'
import type { JobEvent, Result } from '@qfabric/core/providers'
import { OptionValidationError } from '@qfabric/core/providers'
import { describeBackendConformance } from '@qfabric/core/testing'
import { describe, expect, it } from 'vitest'
import { QasmSimulator } from '../../src/backends/qasm-simulator.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { ReadoutError } from '../../src/noise/readout-error.js'

describeBackendConformance({ describe, it, expect, createBackend: () => new QasmSimulator() })

const backend = new QasmSimulator()

async function runResult(
  circuits: QuantumCircuit | QuantumCircuit[],
  options: Record<string, unknown> = {},
): Promise<Result> {
  return (await backend.run(circuits, options)).result()
}

/** |n − shots·p| within 5 binomial standard deviations. */
function expectNear(n: number, shots: number, p: number): void {
  expect(Math.abs(n - shots * p)).toBeLessThanOrEqual(5 * Math.sqrt(shots * p * (1 - p)) + 1e-9)
}

function bell(): QuantumCircuit {
  return new QuantumCircuit(2, 2, { name: 'bell' }).h(0).cx(0, 1).measure([0, 1], [0, 1])
}

describe('QasmSimulator', () => {
  it('samples a Bell pair: only 00 and 11, about half each', async () => {
    const counts = (await runResult(bell(), { shots: 4000, seed: 3 })).getCounts().toObject()
    expect(Object.keys(counts).sort()).toEqual(['00', '11'])
    expectNear(counts['00']!, 4000, 0.5)
  })

  it.each(['off', 'auto'] as const)(
    'measures a subset of qubits: every shot counted once, unmeasured qubits never leak (structure %s)',
    async (structure) => {
      // A Toffoli keeps the state off the structured path's product form.
      const qc = new QuantumCircuit(4, 2)
        .h(0)
        .h(1)
        .h(2)
        .ccx(0, 1, 3)
        .h(3)
        .measure(0, 0)
        .measure(3, 1)
      const counts = (await runResult(qc, { shots: 4000, seed: 5, structure }))
        .getCounts()
        .toObject()
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(4000)
      expect(Object.keys(counts).sort()).toEqual(['00', '01', '10', '11'])
      for (const key of ['00', '01', '10', '11']) expectNear(counts[key]!, 4000, 0.25)
    },
  )

  it('formats keys per register, last register leftmost', async () => {
    const qc = new QuantumCircuit(
      new QuantumRegister(3, 'q'),
      new ClassicalRegister(1, 'a'),
      new ClassicalRegister(2, 'b'),
    )
    // a[0] ← q0 = 1; b[0] ← q1 = 0; b[1] ← q2 = 1
    qc.x(0).x(2).measure(0, 0).measure(1, 1).measure(2, 2)
    const result = await runResult(qc, { shots: 10, memory: true })
    expect(result.getCounts().toObject()).toEqual({ '10 1': 10 })
    expect(result.data().counts).toEqual({ '0x5': 10 })
    expect(result.getMemory()).toEqual(Array(10).fill('10 1'))
  })

  it('repeats a run exactly for the same seed, and not for another', async () => {
    const qc = new QuantumCircuit(3, 3).h(0).h(1).t(1).h(1).cx(1, 2).measure([0, 1, 2], [0, 1, 2])
    const a = await runResult(qc, { shots: 500, seed: 42, memory: true })
    const b = await runResult(qc, { shots: 500, seed: 42, memory: true })
    const c = await runResult(qc, { shots: 500, seed: 43, memory: true })
    expect(b.getMemory()).toEqual(a.getMemory())
    expect(b.getCounts().toObject()).toEqual(a.getCounts().toObject())
    expect(c.getMemory()).not.toEqual(a.getMemory())
    expect(a.results[0]!.seed_simulator).toBe(42)
  })

  it('gives circuit i of a batch the seed seed + i', async () => {
    const result = await runResult([bell(), bell(), bell()], { shots: 10, seed: 100 })
    expect(result.results.map((r) => r.seed_simulator)).toEqual([100, 101, 102])
  })

  it('keeps one outcome per shot with memory, consistent with the counts', async () => {
    const result = await runResult(bell(), { shots: 300, seed: 5, memory: true })
    const memory = result.getMemory()
    expect(memory.length).toBe(300)
    const tally: Record<string, number> = {}
    for (const m of memory) tally[m] = (tally[m] ?? 0) + 1
    expect(tally).toEqual(result.getCounts().toObject())
  })

  it('picks the method as Aer does: stabilizer for Clifford, statevector otherwise', async () => {
    const clifford = bell()
    const tGate = new QuantumCircuit(1, 1).h(0).t(0).h(0).measure(0, 0)
    const result = await runResult([clifford, tGate], { shots: 2000, seed: 9 })
    expect(result.results.map((r) => (r['metadata'] as { method: string }).method)).toEqual([
      'stabilizer',
      'statevector',
    ])
    // H T H |0⟩: P(1) = sin²(π/8)
    expectNear(result.getCounts(1).get('1') ?? 0, 2000, Math.sin(Math.PI / 8) ** 2)
  })

  it('simulates only the qubits a circuit uses', async () => {
    const qc = new QuantumCircuit(30, 2).h(12).cx(12, 29).measure(12, 0).measure(29, 1)
    const result = await runResult(qc, { shots: 1000, seed: 1, method: 'statevector' })
    expect(Object.keys(result.getCounts().toObject()).sort()).toEqual(['00', '11'])
    expect(result.results[0]!['metadata']).toEqual({
      method: 'statevector',
      active_input_qubits: 2,
    })
  })

  it('runs conditions, if/else and resets per shot (teleportation)', async () => {
    const theta = 1.1
    const qc = new QuantumCircuit(3, 3)
    qc.ry(theta, 0).h(1).cx(1, 2).cx(0, 1).h(0).measure(0, 0).measure(1, 1)
    qc.append(standardGate('x'), [2], [], { condition: clbitCondition(1) })
    qc.ifElse(clbitCondition(0), new QuantumCircuit(1, 1).z(0), undefined, [2], [0])
    qc.reset(0).measure(2, 2)
    const shots = 4000
    const counts = (await runResult(qc, { shots, seed: 8, method: 'statevector' })).getCounts()
    let ones = 0
    for (const [key, n] of counts.entries()) if (key.startsWith('1')) ones += n
    expectNear(ones, shots, Math.sin(theta / 2) ** 2)
  })

  it('applies a noise model: depolarizing cx and readout errors', async () => {
    const noise = new NoiseModel()
    const p = 0.2
    noise.addAllQubitQuantumError(depolarizingError(p, 2), 'cx')
    noise.addReadoutError(
      new ReadoutError([
        [0.9, 0.1],
        [0.25, 0.75],
      ]),
      [1],
    )
    const shots = 20000
    for (const method of ['density_matrix', 'statevector'] as const) {
      const counts = (
        await runResult(bell(), { shots, seed: 4, noiseModel: noise, method })
      ).getCounts()
      // Before readout: P(00) = P(11) = (1 − p)/2 + p/4, P(01) = P(10) = p/4.
      const same = (1 - p) / 2 + p / 4
      const diff = p / 4
      // Readout on qubit 1 (left bit): 0 → 1 w.p. 0.1, 1 → 0 w.p. 0.25.
      const expected: Record<string, number> = {
        '00': same * 0.9 + diff * 0.25,
        '10': same * 0.1 + diff * 0.75,
        '01': diff * 0.9 + same * 0.25,
        '11': diff * 0.1 + same * 0.75,
      }
      for (const [key, prob] of Object.entries(expected))
        expectNear(counts.get(key) ?? 0, shots, prob)
    }
  })

  it('uses trajectories for noisy circuits that measure mid-circuit', async () => {
    const noise = new NoiseModel()
    noise.addAllQubitReadoutError(
      new ReadoutError([
        [0.8, 0.2],
        [0.2, 0.8],
      ]),
    )
    // Measure q0 (reads 1 w.p. 0.2 though |0⟩), flip q1 if it read 1, measure q1.
    const qc = new QuantumCircuit(2, 2).measure(0, 0)
    qc.append(standardGate('x'), [1], [], { condition: clbitCondition(0) })
    qc.measure(1, 1)
    const shots = 10000
    const result = await runResult(qc, { shots, seed: 6, noiseModel: noise })
    expect((result.results[0]!['metadata'] as { method: string }).method).toBe('statevector')
    const counts = result.getCounts()
    // c0 = 1 w.p. 0.2, then q1 = c0, read with its own readout error.
    expectNear(counts.get('11') ?? 0, shots, 0.2 * 0.8)
    expectNear(counts.get('01') ?? 0, shots, 0.2 * 0.2)
    expectNear(counts.get('10') ?? 0, shots, 0.8 * 0.2)
  })

  it('warns about unknown run options and ignores them', async () => {
    const job = await backend.run(bell(), { shots: 10, notAnOption: 1 })
    const events: JobEvent[] = []
    for await (const e of job.events()) events.push(e)
    const log = events.find((e) => e.type === 'log')
    expect(log?.type === 'log' && log.message).toMatch(/notAnOption/)
  })

  it('validates its options', async () => {
    await expect(backend.run(bell(), { shots: 0 })).rejects.toBeInstanceOf(OptionValidationError)
    await expect(backend.run(bell(), { method: 'matrix_product_state' })).rejects.toBeInstanceOf(
      OptionValidationError,
    )
    await expect(backend.run(bell(), { precision: 'single' })).rejects.toBeInstanceOf(
      OptionValidationError,
    )
    await expect(backend.run(bell(), { noiseModel: {} })).rejects.toBeInstanceOf(
      OptionValidationError,
    )
    expect(backend.options.validator('shots')).toEqual({
      kind: 'range',
      min: 1,
      max: 1e7,
      isInteger: true,
    })
  })
})
