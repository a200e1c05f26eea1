import { circuitFromJson, Parameter, QuantumCircuit } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import {
  createExecutionRequest,
  type SubmissionSettings,
} from '../../src/backends/create-execution-request.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { StabilizerError } from '../../src/stabilizer/stabilizer-error.js'

const base: SubmissionSettings = {
  kind: 'qasm',
  method: 'automatic',
  shots: 10,
  memory: false,
  noiseModel: null,
}

describe('createExecutionRequest', () => {
  it('sends circuits as circuit JSON with resolved engine settings', () => {
    const qc = new QuantumCircuit(2, 2, { name: 'bell' }).h(0).cx(0, 1).measure([0, 1], [0, 1])
    const request = createExecutionRequest([qc], {
      ...base,
      seed: 3,
      fusionEnable: false,
      maxParallelThreads: 2,
      maxMemoryMb: 64,
    })
    expect(circuitFromJson(request.circuits[0]!).name).toBe('bell')
    expect(request.options).toMatchObject({
      seed: 3,
      fusion: 'off',
      threads: 2,
      memoryBudgetBytes: 32 * 2 ** 20,
      noiseModel: null,
    })
    const unseeded = createExecutionRequest([qc], base)
    expect(Number.isSafeInteger(unseeded.options.seed)).toBe(true)
    expect(unseeded.options.threads).toBe('auto')
  })

  it('refuses circuits it cannot run', () => {
    const theta = new Parameter('theta')
    expect(() => createExecutionRequest([new QuantumCircuit(1).rx(theta, 0)], base)).toThrow(
      expect.objectContaining({ code: 'sim.backend.unbound-parameters' }),
    )
    expect(() =>
      createExecutionRequest([new QuantumCircuit(1, 1).measure(0, 0)], {
        ...base,
        kind: 'unitary',
      }),
    ).toThrow(expect.objectContaining({ code: 'sim.backend.non-unitary' }))
    expect(() =>
      createExecutionRequest([new QuantumCircuit(1).t(0)], { ...base, method: 'stabilizer' }),
    ).toThrow(StabilizerError)
    const wide = new QuantumCircuit(20)
    for (let q = 0; q < 20; q++) wide.h(q)
    expect(() => createExecutionRequest([wide], { ...base, maxMemoryMb: 1 })).toThrow(
      expect.objectContaining({ code: 'sim.backend.memory-limit' }),
    )
    expect(() => createExecutionRequest([wide], { ...base, method: 'density_matrix' })).toThrow(
      expect.objectContaining({ code: 'sim.backend.too-many-qubits' }),
    )
  })

  it('checks memory on the qubits a circuit uses', () => {
    const sparse = new QuantumCircuit(30, 1).h(29).measure(29, 0)
    expect(() => createExecutionRequest([sparse], { ...base, maxMemoryMb: 1 })).not.toThrow()
  })

  it('refuses noise where it cannot be simulated, and sends only the used qubits’ noise', () => {
    const noise = new NoiseModel()
    noise.addQuantumError(depolarizingError(0.1, 1), 'x', [0])
    noise.addQuantumError(depolarizingError(0.1, 1), 'x', [5])
    noise.addAllQubitQuantumError(depolarizingError(0.1, 1), 'h')
    const qc = new QuantumCircuit(6, 1).x(0).measure(0, 0)
    for (const kind of ['statevector', 'unitary'] as const) {
      expect(() => createExecutionRequest([qc], { ...base, kind, noiseModel: noise })).toThrow(
        expect.objectContaining({ code: 'sim.backend.unsupported-noise' }),
      )
    }
    expect(() =>
      createExecutionRequest([qc], { ...base, method: 'stabilizer', noiseModel: noise }),
    ).toThrow(expect.objectContaining({ code: 'sim.backend.unsupported-noise' }))
    const sent = NoiseModel.fromJSON(
      createExecutionRequest([qc], { ...base, noiseModel: noise }).options.noiseModel,
    )
    expect(sent.errorsFor('x', [0]).length).toBe(1)
    expect(sent.errorsFor('x', [5]).length).toBe(0)
    expect(sent.errorsFor('h', [3]).length).toBe(1)
    // An ideal model is sent as none.
    expect(
      createExecutionRequest([qc], { ...base, noiseModel: new NoiseModel() }).options.noiseModel,
    ).toBeNull()
  })
})
