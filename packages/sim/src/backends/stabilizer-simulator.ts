/**
 * `stabilizer_simulator`: Clifford circuits on thousands of qubits.
 */
import { LocalSimulatorBackend, type LocalBackendOptions } from './local-simulator-backend.js'
import { STABILIZER_SIMULATOR_QUBITS } from './simulator-limits.js'

/**
 * Samples Clifford circuits (gates `h`, `s`, `cx`, `cz`, `swap`, Pauli gates, Clifford rotations,
 * …, with measurement, reset and classical control) on a stabilizer tableau: thousands of
 * qubits in polynomial time. Non-Clifford circuits are refused by `run()` with a
 * `StabilizerError` naming the first non-Clifford gate. Ideal only.
 *
 * @example
 * ```ts
 * const ghz = new QuantumCircuit(1000, 1000).h(0)
 * for (let q = 1; q < 1000; q++) ghz.cx(q - 1, q)
 * ghz.measure([...Array(1000).keys()], [...Array(1000).keys()])
 * const result = await (await new StabilizerSimulator().run(ghz, { shots: 100 })).result()
 * ```
 */
export class StabilizerSimulator extends LocalSimulatorBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'stabilizer_simulator',
      description: 'A local Clifford (stabilizer tableau) simulator for thousands of qubits',
      kind: 'qasm',
      numQubits: STABILIZER_SIMULATOR_QUBITS,
      methods: ['stabilizer'],
    })
  }
}
