/**
 * `statevector_simulator`: the final statevector of each circuit.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import type {
  PauliSumTerms,
  SimulateOptions,
  SimulatesExpectationValues,
  SimulatesStatevector,
} from '@qfabric/core/providers'
import { SparsePauliOp, Statevector } from '@qfabric/core/quantum-info'
import { MAX_QUBITS } from '../engine/validate-program.js'
import { createExecutionRequest } from './create-execution-request.js'
import { LocalSimulatorBackend, type LocalBackendOptions } from './local-simulator-backend.js'
import { runOnPool } from './run-on-pool.js'

/**
 * Returns the final statevector of each circuit (Qiskit's legacy `statevector_simulator`):
 * `result.getStatevector(i)`, little-endian (amplitude index bit `k` is qubit `k`). A circuit
 * with measurements is run once for its statevector — each measurement collapses the state to a
 * seeded random outcome — and `shots` times for its counts. Ideal only; at most 30 qubits.
 *
 * @example
 * ```ts
 * const ghz = new QuantumCircuit(3).h(0).cx(0, 1).cx(1, 2)
 * const result = await (await new StatevectorSimulator().run(ghz)).result()
 * result.getStatevector() // [0.707…, 0, 0, 0, 0, 0, 0, 0.707…]
 * ```
 */
export class StatevectorSimulator
  extends LocalSimulatorBackend
  implements SimulatesStatevector, SimulatesExpectationValues
{
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'statevector_simulator',
      description: 'A local statevector simulator returning the final state of each circuit',
      kind: 'statevector',
      numQubits: MAX_QUBITS,
      methods: ['statevector', 'automatic'],
    })
  }

  /**
   * The final state of a circuit, computed on the backend's pool without a job.
   *
   * @param circuit - the circuit (measurements collapse the state at random, seeded)
   * @param options - seed and abort signal (aborting stops the computation)
   * @returns interleaved amplitudes, little-endian
   * @throws as `run()` for circuits the simulator refuses; `signal.reason` on abort
   */
  async simulateStatevector(
    circuit: QuantumCircuit,
    options: SimulateOptions = {},
  ): Promise<Float64Array> {
    const request = createExecutionRequest([circuit], {
      kind: 'statevector',
      method: 'statevector',
      shots: 1,
      seed: options.seed,
      memory: false,
      noiseModel: null,
    })
    const [outcome] = await runOnPool(this.pool, request, { signal: options.signal })
    return outcome!.statevector!
  }

  /**
   * Exact expectation values `⟨ψ|O|ψ⟩` (real parts) of Pauli sums on the state a circuit
   * prepares (for backend-based estimators).
   *
   * @param circuit - a measurement-free circuit (at most 24 qubits)
   * @param observables - each a list of `[label, coefficient]`, qubit 0 the rightmost character
   * @param options - seed and abort signal
   * @returns one value per observable
   * @throws as {@link simulateStatevector}; QuantumInfoError for labels of the wrong width
   */
  async simulateExpectationValues(
    circuit: QuantumCircuit,
    observables: readonly PauliSumTerms[],
    options: SimulateOptions = {},
  ): Promise<number[]> {
    const state = new Statevector(await this.simulateStatevector(circuit, options))
    return observables.map(
      (terms) =>
        state.expectationValue(SparsePauliOp.fromList(terms, { numQubits: circuit.numQubits })).re,
    )
  }
}
