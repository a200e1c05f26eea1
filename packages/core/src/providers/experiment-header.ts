import type { QuantumCircuit } from '../circuit/quantum-circuit.js'
import type { ExperimentHeaderJson } from './result-json.js'

/**
 * The result header Qiskit writes for a circuit: its name (the `getCounts(name)` key), classical
 * and quantum registers in circuit order (`creg_sizes` drives count-key formatting),
 * `memory_slots` (the number of clbits), `n_qubits`, bit labels, the global phase when numeric,
 * and the circuit's metadata. Backends put it in each experiment result.
 *
 * @param circuit - the executed circuit
 * @returns the header, as JSON
 * @example
 * ```ts
 * const qc = new QuantumCircuit(new QuantumRegister(2, 'q'), new ClassicalRegister(2, 'c'))
 * experimentHeaderOf(qc) // { name: …, creg_sizes: [['c', 2]], memory_slots: 2, n_qubits: 2, … }
 * ```
 */
export function experimentHeaderOf(circuit: QuantumCircuit): ExperimentHeaderJson {
  const labels = (
    regs: readonly { readonly name: string; readonly size: number }[],
  ): [string, number][] =>
    regs.flatMap((r) => Array.from({ length: r.size }, (_, i): [string, number] => [r.name, i]))
  const phase = circuit.globalPhase
  return {
    name: circuit.name,
    creg_sizes: circuit.cregs.map((r): [string, number] => [r.name, r.size]),
    memory_slots: circuit.numClbits,
    qreg_sizes: circuit.qregs.map((r): [string, number] => [r.name, r.size]),
    n_qubits: circuit.numQubits,
    clbit_labels: labels(circuit.cregs),
    qubit_labels: labels(circuit.qregs),
    ...(typeof phase === 'number' ? { global_phase: phase } : {}),
    metadata: { ...circuit.metadata },
  }
}
