/**
 * `qasm_simulator`: shots, with Aer's automatic choice of method.
 */
import { MAX_QUBITS } from '../engine/validate-program.js'
import { LocalSimulatorBackend, type LocalBackendOptions } from './local-simulator-backend.js'

/**
 * Samples circuits shot by shot (Aer's `qasm_simulator`): counts and, with `memory: true`, every
 * shot's outcome. `method: 'automatic'` (the default) runs Clifford circuits on the stabilizer
 * simulator, small noisy circuits as an exact density matrix and everything else on the
 * statevector engine (noise by trajectories); `statevector`, `density_matrix` and `stabilizer`
 * force a method. Idle qubits are not simulated, so a circuit compiled for a large device runs
 * at the cost of the qubits it uses (at most 30 of them for the statevector method).
 *
 * @example
 * ```ts
 * const backend = new QasmSimulator()
 * const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)
 * const result = await (await backend.run(qc, { shots: 1000, seed: 1 })).result()
 * result.getCounts() // Counts { '00': 4xx, '11': 5xx }
 * ```
 */
export class QasmSimulator extends LocalSimulatorBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'qasm_simulator',
      description:
        'A local simulator of shots: statevector, density matrix or stabilizer methods, with noise',
      kind: 'qasm',
      numQubits: MAX_QUBITS,
      methods: ['automatic', 'statevector', 'density_matrix', 'stabilizer'],
    })
  }
}
