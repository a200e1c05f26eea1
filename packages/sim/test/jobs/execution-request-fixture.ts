import { circuitToJson, type QuantumCircuit } from '@qfabric/core/circuit'
import type {
  ExecutionOptions,
  ExecutionRequest,
} from '../../src/backends/execution/execution-request.js'

/**
 * A `qasm` execution request for the circuits: 100 shots on the statevector method, seed 1,
 * one thread, no noise — unless `options` says otherwise.
 *
 * @param circuits - the experiments
 * @param options - options that differ from those defaults
 * @returns the request
 */
export function executionRequest(
  circuits: readonly QuantumCircuit[],
  options: Partial<ExecutionOptions> = {},
): ExecutionRequest {
  return {
    circuits: circuits.map((c) => circuitToJson(c)),
    options: {
      kind: 'qasm',
      method: 'statevector',
      shots: 100,
      seed: 1,
      memory: false,
      fusion: 'auto',
      threads: 1,
      memoryBudgetBytes: 2 ** 26,
      noiseModel: null,
      dt: null,
      densityMatrixMaxQubits: 8,
      ...options,
    },
  }
}
