import { QuantumCircuit } from '@qfabric/core/circuit'
import { describeBackendConformance } from '@qfabric/core/testing'
import { describe, expect, it } from 'vitest'
import { StabilizerSimulator } from '../../src/backends/stabilizer-simulator.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { StabilizerError } from '../../src/stabilizer/stabilizer-error.js'

describeBackendConformance({
  describe,
  it,
  expect,
  createBackend: () => new StabilizerSimulator(),
})

const backend = new StabilizerSimulator()

describe('StabilizerSimulator', () => {
  it('declares 5000 qubits', () => {
    expect(backend.numQubits).toBe(5000)
    expect(backend.couplingMap).toBeNull()
  })

  it('samples a 300-qubit GHZ state: all zeros or all ones', async () => {
    const n = 300
    const qc = new QuantumCircuit(n, n).h(0)
    for (let q = 1; q < n; q++) qc.cx(q - 1, q)
    qc.measure([...Array(n).keys()], [...Array(n).keys()])
    const counts = (await (await backend.run(qc, { shots: 200, seed: 5 })).result()).getCounts()
    expect([...counts.keys()].sort()).toEqual(['0'.repeat(n), '1'.repeat(n)])
    expect(counts.shots()).toBe(200)
  })

  it('refuses non-Clifford circuits at submission, naming the gate', async () => {
    const error = await backend
      .run(new QuantumCircuit(1, 1).h(0).t(0).measure(0, 0))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StabilizerError)
    expect((error as StabilizerError).operationName).toBe('t')
  })

  it('refuses noise models', async () => {
    const noise = new NoiseModel()
    noise.addAllQubitQuantumError(depolarizingError(0.1, 1), 'h')
    await expect(
      backend.run(new QuantumCircuit(1, 1).h(0).measure(0, 0), { noiseModel: noise }),
    ).rejects.toMatchObject({ code: 'sim.backend.unsupported-noise' })
  })
})
