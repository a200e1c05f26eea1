import { clbitCondition, QuantumCircuit, standardGate } from '@qfabric/core/circuit'
import { Statevector } from '@qfabric/core/quantum-info'
import { describeBackendConformance } from '@qfabric/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LocalSimulatorError } from '../../src/backends/local-simulator-error.js'
import { StatevectorSimulator } from '../../src/backends/statevector-simulator.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'

describeBackendConformance({
  describe,
  it,
  expect,
  createBackend: () => new StatevectorSimulator(),
})

const backend = new StatevectorSimulator()
const s = Math.SQRT1_2

describe('StatevectorSimulator', () => {
  it('returns the GHZ state exactly', async () => {
    const ghz = new QuantumCircuit(3).h(0).cx(0, 1).cx(1, 2)
    const result = await (await backend.run(ghz)).result()
    const sv = result.getStatevector()
    expect(sv.length).toBe(8)
    sv.forEach((z, i) => {
      expect(z.re).toBeCloseTo(i === 0 || i === 7 ? s : 0, 12)
      expect(z.im).toBeCloseTo(0, 12)
    })
    // No clbits: no counts, but getCounts falls back to the state's probabilities (Qiskit).
    expect(result.data().counts).toBeUndefined()
    expect(result.getCounts().toObject()).toEqual({ '000': 0.5, '111': 0.5 })
  })

  it('keeps the global phase and little-endian order', async () => {
    const qc = new QuantumCircuit(2).x(1)
    qc.globalPhase = Math.PI / 2
    const sv = (await (await backend.run(qc)).result()).getStatevector()
    // |q1 q0⟩ = |10⟩ is index 2, times i.
    expect(sv[2]!.re).toBeCloseTo(0, 12)
    expect(sv[2]!.im).toBeCloseTo(1, 12)
  })

  it('collapses the state at a measurement and samples the counts over the shots', async () => {
    const qc = new QuantumCircuit(2, 1).h(0).cx(0, 1).measure(0, 0)
    const result = await (await backend.run(qc, { shots: 200, seed: 3 })).result()
    const sv = result.getStatevector()
    const collapsed = sv.map((z) => z.re * z.re + z.im * z.im)
    expect(collapsed[0]! + collapsed[3]!).toBeCloseTo(1, 12)
    expect(collapsed[0]! * collapsed[3]!).toBeCloseTo(0, 12)
    expect(result.getCounts().shots()).toBe(200)
  })

  it('applies resets and classical conditions to the returned state', async () => {
    // q0 := 1, measured (c0 = 1), reset to 0; c0 == 1 flips q1: the state is |q1 q0⟩ = |10⟩.
    const qc = new QuantumCircuit(2, 1).x(0).measure(0, 0).reset(0)
    qc.append(standardGate('x'), [1], [], { condition: clbitCondition(0) })
    const result = await (await backend.run(qc, { shots: 10 })).result()
    const probabilities = result.getStatevector().map((z) => z.re * z.re + z.im * z.im)
    expect(probabilities.map((p) => Number(p.toFixed(12)))).toEqual([0, 0, 1, 0])
    expect(result.getCounts().toObject()).toEqual({ '1': 10 })
  })

  it('agrees with quantum-info Statevector on random circuits', async () => {
    const gates = [
      'h',
      'x',
      'y',
      'z',
      's',
      't',
      'sx',
      'cx',
      'cz',
      'swap',
      'rx',
      'ry',
      'rz',
    ] as const
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...gates),
            fc.nat(2),
            fc.nat(1),
            fc.double({ min: -3, max: 3, noNaN: true }),
          ),
          {
            maxLength: 15,
          },
        ),
        async (ops) => {
          const qc = new QuantumCircuit(3)
          for (const [g, a, shift, theta] of ops) {
            const b = (a + 1 + shift) % 3
            if (g === 'cx' || g === 'cz' || g === 'swap') qc[g](a, b)
            else if (g === 'rx' || g === 'ry' || g === 'rz') qc[g](theta, a)
            else qc[g](a)
          }
          const sv = (await (await backend.run(qc)).result()).getStatevector()
          const expected = Statevector.fromCircuit(qc).data
          sv.forEach((z, i) => {
            expect(z.re).toBeCloseTo(expected[2 * i]!, 10)
            expect(z.im).toBeCloseTo(expected[2 * i + 1]!, 10)
          })
        },
      ),
      { numRuns: 25, seed: 20240601 },
    )
  })

  it('computes a statevector without a job (SimulatesStatevector)', async () => {
    const sv = await backend.simulateStatevector(new QuantumCircuit(1).h(0))
    expect([...sv]).toEqual([expect.closeTo(s, 12), 0, expect.closeTo(s, 12), 0])
  })

  it('refuses noise models', async () => {
    const noise = new NoiseModel()
    noise.addAllQubitQuantumError(depolarizingError(0.1, 1), 'h')
    await expect(
      backend.run(new QuantumCircuit(1).h(0), { noiseModel: noise }),
    ).rejects.toMatchObject({
      code: 'sim.backend.unsupported-noise',
    })
    await expect(
      backend.run(new QuantumCircuit(1).h(0), { noiseModel: noise }),
    ).rejects.toBeInstanceOf(LocalSimulatorError)
  })
})

describe('StatevectorSimulator expectation values', () => {
  it('computes exact Pauli expectation values (SimulatesExpectationValues)', async () => {
    const bell = new QuantumCircuit(2).h(0).cx(0, 1)
    const values = await new StatevectorSimulator().simulateExpectationValues(bell, [
      [['ZZ', 1]],
      [['XX', 2]],
      [
        ['ZI', 1],
        ['IZ', 0.5],
      ],
      [['YY', 1]],
    ])
    expect(values.map((v) => Number(v.toFixed(12)))).toEqual([1, 2, 0, -1])
  })
})
