/**
 * `unitary_simulator`: the unitary of each circuit.
 */
import { LocalSimulatorBackend, type LocalBackendOptions } from './local-simulator-backend.js'
import { UNITARY_SIMULATOR_QUBITS } from './simulator-limits.js'

/**
 * Returns the unitary of each circuit (Qiskit's `unitary_simulator`): `result.getUnitary(i)`,
 * global phase included, little-endian indices. Circuits must be gates only — measurements,
 * resets and classical control are refused by `run()`. Computed by the unitary engine (the matrix
 * evolved as a statevector of twice the qubits); at most 12 qubits. Ideal only; `shots` is ignored (1).
 *
 * @example
 * ```ts
 * const result = await (await new UnitarySimulator().run(new QuantumCircuit(1).h(0))).result()
 * result.getUnitary() // 2×2 Hadamard
 * ```
 */
export class UnitarySimulator extends LocalSimulatorBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'unitary_simulator',
      description: 'A local simulator returning the unitary of each circuit',
      kind: 'unitary',
      numQubits: UNITARY_SIMULATOR_QUBITS,
      methods: ['automatic'],
    })
  }
}
