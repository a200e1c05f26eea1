import { QuantumCircuit } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import type {
  ExecutionOptions,
  ExecutionRequest,
} from '../../src/backends/execution/execution-request.js'
import { estimateRequestWork } from '../../src/jobs/estimate-request-work.js'
import { DEFAULT_INLINE_BELOW } from '../../src/jobs/job-worker-pool.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { executionRequest } from './execution-request-fixture.js'

const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)

function request(
  circuits: readonly QuantumCircuit[],
  options: Partial<ExecutionOptions> = {},
): ExecutionRequest {
  return executionRequest(circuits, { method: 'automatic', ...options })
}

/** `n` qubits, `layers` of a rotation on each qubit and a ladder of cx. */
function layered(n: number, layers: number): QuantumCircuit {
  const qc = new QuantumCircuit(n, n)
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < n; q++) qc.rx(0.1 * (q + 1), q)
    for (let q = 0; q + 1 < n; q++) qc.cx(q, q + 1)
  }
  for (let q = 0; q < n; q++) qc.measure(q, q)
  return qc
}

describe('estimateRequestWork', () => {
  it('puts a Bell pair with 100 shots well below the default threshold', () => {
    expect(estimateRequestWork(request([bell]))).toBeLessThan(DEFAULT_INLINE_BELOW / 2)
    expect(estimateRequestWork(request([bell], { method: 'statevector' }))).toBeLessThan(
      DEFAULT_INLINE_BELOW,
    )
  })

  it('puts a 16-qubit circuit far above it', () => {
    expect(estimateRequestWork(request([layered(16, 4)]))).toBeGreaterThan(
      100 * DEFAULT_INLINE_BELOW,
    )
  })

  it('grows with shots, circuits, gates and width', () => {
    const base = estimateRequestWork(request([layered(3, 2)]))
    expect(estimateRequestWork(request([layered(3, 2)], { shots: 10_000 }))).toBeGreaterThan(base)
    expect(estimateRequestWork(request([layered(3, 2), layered(3, 2)]))).toBe(2 * base)
    expect(estimateRequestWork(request([layered(3, 4)]))).toBeGreaterThan(base)
    expect(estimateRequestWork(request([layered(6, 2)]))).toBeGreaterThan(base)
  })

  it('costs a density matrix more than a statevector', () => {
    const qc = layered(4, 2)
    const sv = estimateRequestWork(request([qc], { method: 'statevector' }))
    expect(estimateRequestWork(request([qc], { method: 'density_matrix' }))).toBeGreaterThan(sv)
    expect(estimateRequestWork(request([qc], { kind: 'density_matrix' }))).toBeGreaterThan(sv)
  })

  it('bounds a dynamic circuit by a run per shot', () => {
    const circuit = (isDynamic: boolean): QuantumCircuit => {
      const qc = new QuantumCircuit(10, 10)
      for (let q = 0; q < 10; q++) qc.rx(0.3, q)
      if (isDynamic) qc.reset(0)
      for (let q = 0; q < 10; q++) qc.measure(q, q)
      return qc
    }
    const options = { method: 'statevector', shots: 1000 } as const
    const stat = estimateRequestWork(request([circuit(false)], options))
    const dyn = estimateRequestWork(request([circuit(true)], options))
    expect(dyn).toBeGreaterThan(10 * stat)
  })

  it('refuses to estimate noise, while loops and unknown methods', () => {
    const noise = new NoiseModel()
    noise.addAllQubitQuantumError(depolarizingError(0.01, 2), 'cx')
    expect(estimateRequestWork(request([bell], { noiseModel: noise.toJSON() }))).toBe(Infinity)
    // A model without errors runs as an ideal one.
    expect(estimateRequestWork(request([bell], { noiseModel: new NoiseModel().toJSON() }))).toBe(
      estimateRequestWork(request([bell])),
    )
    const method = 'tensor_network' as ExecutionOptions['method']
    expect(estimateRequestWork(request([bell], { method }))).toBe(Infinity)
    const kind = 'superop' as ExecutionOptions['kind']
    expect(estimateRequestWork(request([bell], { kind }))).toBe(Infinity)
    expect(estimateRequestWork(request([bell], { shots: -1 }))).toBe(Infinity)
  })

  it('ignores shots for the unitary simulator', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1)
    expect(estimateRequestWork(request([qc], { kind: 'unitary', shots: 1 }))).toBe(
      estimateRequestWork(request([qc], { kind: 'unitary', shots: 1_000_000 })),
    )
  })
})
