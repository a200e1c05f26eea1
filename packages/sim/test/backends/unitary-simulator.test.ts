import { ClassicalRegister, QuantumCircuit, QuantumRegister } from '@qfabric/core/circuit'
import { Operator } from '@qfabric/core/quantum-info'
import { describeBackendConformance } from '@qfabric/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UnitarySimulator } from '../../src/backends/unitary-simulator.js'

describeBackendConformance({
  describe,
  it,
  expect,
  createBackend: () => new UnitarySimulator(),
  // Qiskit's unitary simulator refuses measurements: give it gate-only circuits.
  circuits: () => [
    new QuantumCircuit(1, { name: 'conformance-h' }).h(0),
    new QuantumCircuit(new QuantumRegister(2, 'q'), new ClassicalRegister(1, 'a'), {
      name: 'conformance-cx',
    }).cx(0, 1),
  ],
  skip: [
    {
      reason: 'the unitary simulator returns unitaries, not counts (measurements are refused)',
      tests: ['counts sum to shots', 'result JSON round trip'],
    },
  ],
})

const backend = new UnitarySimulator()

function expectMatrixClose(
  actual: { rows: number; cols: number; data: Float64Array },
  expected: { rows: number; cols: number; data: Float64Array },
): void {
  expect([actual.rows, actual.cols]).toEqual([expected.rows, expected.cols])
  actual.data.forEach((x, k) => {
    expect(x).toBeCloseTo(expected.data[k]!, 10)
  })
}

describe('UnitarySimulator', () => {
  it('returns the unitary of a small circuit, as Operator.fromCircuit', async () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).rz(0.3, 1).sx(0)
    const u = (await (await backend.run(qc)).result()).getUnitary()
    expectMatrixClose(u, Operator.fromCircuit(qc).toMatrix())
  })

  it('includes the global phase', async () => {
    const qc = new QuantumCircuit(1).x(0)
    qc.globalPhase = Math.PI / 3
    const u = (await (await backend.run(qc)).result()).getUnitary()
    expect(u.data[2]).toBeCloseTo(Math.cos(Math.PI / 3), 12)
    expect(u.data[3]).toBeCloseTo(Math.sin(Math.PI / 3), 12)
  })

  it('agrees with Operator.fromCircuit on random circuits of 1–4 qubits', async () => {
    const gates = ['h', 's', 't', 'sx', 'y', 'cx', 'cz', 'swap', 'ry', 'rz', 'cp', 'ccx'] as const
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.tuple(
            fc.constantFrom(...gates),
            fc.nat(30),
            fc.double({ min: -3, max: 3, noNaN: true }),
          ),
          {
            maxLength: 12,
          },
        ),
        async (n, ops) => {
          const qc = new QuantumCircuit(n)
          for (const [g, pick, theta] of ops) {
            const a = pick % n
            const b = (a + 1) % n
            const c = (a + 2) % n
            if ((g === 'cx' || g === 'cz' || g === 'swap' || g === 'cp') && n < 2) continue
            if (g === 'ccx' && n < 3) continue
            if (g === 'cx' || g === 'cz' || g === 'swap') qc[g](a, b)
            else if (g === 'cp') qc.cp(theta, a, b)
            else if (g === 'ccx') qc.ccx(a, b, c)
            else if (g === 'ry' || g === 'rz') qc[g](theta, a)
            else qc[g](a)
          }
          const u = (await (await backend.run(qc)).result()).getUnitary()
          expectMatrixClose(u, Operator.fromCircuit(qc).toMatrix())
        },
      ),
      { numRuns: 20, seed: 7 },
    )
  })

  it('refuses measurements, resets and classical control at submission', async () => {
    await expect(backend.run(new QuantumCircuit(1, 1).measure(0, 0))).rejects.toMatchObject({
      code: 'sim.backend.non-unitary',
    })
    await expect(backend.run(new QuantumCircuit(1).reset(0))).rejects.toMatchObject({
      code: 'sim.backend.non-unitary',
    })
  })

  it('takes at most 12 qubits', async () => {
    expect(backend.numQubits).toBe(12)
    await expect(backend.run(new QuantumCircuit(13).h(0))).rejects.toBeInstanceOf(RangeError)
  })
})
