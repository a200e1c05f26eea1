/**
 * `density_matrix_simulator`: exact noisy simulation of small circuits.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { ComplexMatrix } from '@qfabric/core/math'
import type { SimulateOptions, SimulatesDensityMatrix } from '@qfabric/core/providers'
import { createExecutionRequest } from './create-execution-request.js'
import { LocalSimulatorBackend, type LocalBackendOptions } from './local-simulator-backend.js'
import { runOnPool } from './run-on-pool.js'
import { DENSITY_MATRIX_SIMULATOR_QUBITS } from './simulator-limits.js'

/**
 * Simulates circuits as density matrices: noise (`noiseModel`) is applied exactly, as channels,
 * not sampled. Each experiment has its counts and the final density matrix
 * (`result.data(i).density_matrix`, rows of `[re, im]`), averaged over the outcomes of its
 * measurements (a measured qubit is dephased; classical control follows every outcome with its
 * probability). At most 12 qubits.
 *
 * @example
 * ```ts
 * const noise = new NoiseModel()
 * noise.addAllQubitQuantumError(depolarizingError(0.05, 2), 'cx')
 * const job = await new DensityMatrixSimulator().run(bell, { noiseModel: noise, shots: 1000 })
 * ```
 */
export class DensityMatrixSimulator
  extends LocalSimulatorBackend
  implements SimulatesDensityMatrix
{
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'density_matrix_simulator',
      description: 'A local density-matrix simulator: exact noise for small circuits',
      kind: 'density_matrix',
      numQubits: DENSITY_MATRIX_SIMULATOR_QUBITS,
      methods: ['density_matrix', 'automatic'],
    })
  }

  /**
   * The final density matrix of a circuit, with this backend's noise model, without a job.
   *
   * @param circuit - the circuit (measurements average over their outcomes)
   * @param options - seed and abort signal
   * @returns the `2^n × 2^n` density matrix (little-endian indices)
   * @throws as `run()`; `signal.reason` on abort
   */
  async simulateDensityMatrix(
    circuit: QuantumCircuit,
    options: SimulateOptions = {},
  ): Promise<ComplexMatrix> {
    const request = createExecutionRequest([circuit], {
      kind: 'density_matrix',
      method: 'density_matrix',
      shots: 1,
      seed: options.seed,
      memory: false,
      noiseModel: this.options.get('noiseModel'),
    })
    const [outcome] = await runOnPool(this.pool, request, { signal: options.signal })
    const dim = 2 ** circuit.numQubits
    // A shared buffer (engine threads) is copied: matrices own plain arrays.
    return new ComplexMatrix(dim, dim, Float64Array.from(outcome!.densityMatrix!))
  }
}
