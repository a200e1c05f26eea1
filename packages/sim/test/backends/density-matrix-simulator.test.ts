import {
  clbitCondition,
  QuantumCircuit,
  standardGate,
  type StandardGateName,
} from '@qfabric/core/circuit'
import { ComplexMatrix } from '@qfabric/core/math'
import { Statevector } from '@qfabric/core/quantum-info'
import { describeBackendConformance } from '@qfabric/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DensityMatrixSimulator } from '../../src/backends/density-matrix-simulator.js'
import {
  applyChannelToDensityMatrix,
  applyUnitaryToDensityMatrix,
} from '../../src/noise/apply-channel.js'
import { amplitudeDampingError } from '../../src/noise/damping-errors.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import type { QuantumError } from '../../src/noise/quantum-error.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'

describeBackendConformance({
  describe,
  it,
  expect,
  createBackend: () => new DensityMatrixSimulator(),
})

function expectMatrixClose(actual: ComplexMatrix, expected: ComplexMatrix, digits = 10): void {
  expect([actual.rows, actual.cols]).toEqual([expected.rows, expected.cols])
  actual.data.forEach((x, k) => {
    expect(x).toBeCloseTo(expected.data[k]!, digits)
  })
}

function zeroState(n: number): ComplexMatrix {
  const rho = new ComplexMatrix(2 ** n, 2 ** n)
  rho.data[0] = 1
  return rho
}

describe('DensityMatrixSimulator', () => {
  it('applies noise exactly: a depolarized Bell state', async () => {
    const p = 0.3
    const noise = new NoiseModel()
    noise.addAllQubitQuantumError(depolarizingError(p, 2), 'cx')
    const backend = new DensityMatrixSimulator()
    backend.options.set('noiseModel', noise)
    const rho = await backend.simulateDensityMatrix(new QuantumCircuit(2).h(0).cx(0, 1))
    // (1 − p)|Φ+⟩⟨Φ+| + p·I/4
    const expected = new ComplexMatrix(4, 4)
    for (const i of [0, 3]) for (const j of [0, 3]) expected.data[2 * (4 * i + j)] = (1 - p) / 2
    for (let i = 0; i < 4; i++) expected.data[2 * (4 * i + i)]! += p / 4
    expectMatrixClose(rho, expected, 12)
  })

  it('matches the dense channel reference on a noisy three-qubit circuit', async () => {
    const noise = new NoiseModel()
    const errors: Record<string, QuantumError> = {
      h: thermalRelaxationError(50e-6, 70e-6, 1e-6),
      sx: amplitudeDampingError(0.1),
      cx: depolarizingError(0.05, 2),
      rz: thermalRelaxationError(40e-6, 30e-6, 2e-6),
    }
    for (const [name, error] of Object.entries(errors)) noise.addAllQubitQuantumError(error, name)
    const ops: [StandardGateName, number[], number[]][] = [
      ['h', [0], []],
      ['cx', [0, 1], []],
      ['sx', [2], []],
      ['rz', [1], [0.7]],
      ['cx', [2, 0], []],
      ['h', [1], []],
    ]
    const qc = new QuantumCircuit(3)
    let expected = zeroState(3)
    for (const [name, qubits, params] of ops) {
      const gate = standardGate(name, params)
      qc.append(gate, qubits)
      expected = applyUnitaryToDensityMatrix(expected, gate.toMatrix(), qubits)
      expected = applyChannelToDensityMatrix(expected, errors[name]!, qubits)
    }
    const backend = new DensityMatrixSimulator()
    const result = await (await backend.run(qc, { noiseModel: noise })).result()
    const rows = result.data()['density_matrix'] as [number, number][][]
    const rho = new ComplexMatrix(8, 8, Float64Array.from(rows.flat(2)))
    expectMatrixClose(rho, expected, 12)
  })

  it('agrees with the statevector on pure circuits', async () => {
    const backend = new DensityMatrixSimulator()
    const gates = ['h', 't', 'sx', 'cx', 'cz', 'ry', 'rz', 'swap'] as const
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...gates),
            fc.nat(2),
            fc.double({ min: -3, max: 3, noNaN: true }),
          ),
          {
            maxLength: 12,
          },
        ),
        async (ops) => {
          const qc = new QuantumCircuit(3)
          for (const [g, a, theta] of ops) {
            const b = (a + 1) % 3
            if (g === 'cx' || g === 'cz' || g === 'swap') qc[g](a, b)
            else if (g === 'ry' || g === 'rz') qc[g](theta, a)
            else qc[g](a)
          }
          const rho = await backend.simulateDensityMatrix(qc)
          const psi = Statevector.fromCircuit(qc).data
          for (let i = 0; i < 8; i++) {
            for (let j = 0; j < 8; j++) {
              // ψ_i · conj(ψ_j)
              const re = psi[2 * i]! * psi[2 * j]! + psi[2 * i + 1]! * psi[2 * j + 1]!
              const im = psi[2 * i + 1]! * psi[2 * j]! - psi[2 * i]! * psi[2 * j + 1]!
              expect(rho.data[2 * (8 * i + j)]).toBeCloseTo(re, 10)
              expect(rho.data[2 * (8 * i + j) + 1]).toBeCloseTo(im, 10)
            }
          }
        },
      ),
      { numRuns: 20, seed: 99 },
    )
  })

  it('dephases measured qubits and samples their counts', async () => {
    const backend = new DensityMatrixSimulator()
    const qc = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    const result = await (await backend.run(qc, { shots: 4000, seed: 2 })).result()
    const rows = result.data()['density_matrix'] as [number, number][][]
    expect(rows).toEqual([
      [
        [expect.closeTo(0.5, 12), 0],
        [0, 0],
      ],
      [
        [0, 0],
        [expect.closeTo(0.5, 12), 0],
      ],
    ])
    const n0 = result.getCounts().get('0') ?? 0
    expect(Math.abs(n0 - 2000)).toBeLessThan(5 * Math.sqrt(1000))
  })

  it('averages over mid-circuit outcomes and samples their counts', async () => {
    const backend = new DensityMatrixSimulator()
    // Measure |+⟩, flip qubit 1 when it read 1: ρ = (|00⟩⟨00| + |11⟩⟨11|)/2, counts 00/11.
    const qc = new QuantumCircuit(2, 2).h(0).measure(0, 0)
    qc.append(standardGate('x'), [1], [], { condition: clbitCondition(0) })
    qc.measure(1, 1)
    const result = await (await backend.run(qc, { shots: 1000, seed: 1 })).result()
    const rows = result.data()['density_matrix'] as [number, number][][]
    expect(rows[0]![0]![0]).toBeCloseTo(0.5, 12)
    expect(rows[3]![3]![0]).toBeCloseTo(0.5, 12)
    expect(rows[0]![3]![0]).toBeCloseTo(0, 12)
    expect([...result.getCounts().keys()].sort()).toEqual(['00', '11'])
  })
})
