import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { DagCircuit } from './dag-circuit.js'

/**
 * The DAG of a circuit (Qiskit's `circuit_to_dag`): same bits, registers, name, global phase
 * and metadata, one node per instruction. Control-flow operations stay single nodes whose
 * bodies are circuits. Node ids follow the instruction order.
 *
 * @param circuit - the circuit (not modified)
 * @returns a new DAG
 * @example
 * ```ts
 * const dag = circuitToDag(new QuantumCircuit(2, 2).h(0).cx(0, 1).measure([0, 1], [0, 1]))
 * dag.countOps() // Map { 'measure' => 2, 'h' => 1, 'cx' => 1 }
 * ```
 */
export function circuitToDag(circuit: QuantumCircuit): DagCircuit {
  const dag = new DagCircuit({
    name: circuit.name,
    globalPhase: circuit.globalPhase,
    metadata: circuit.metadata,
  })
  dag.addQubits(circuit.qubits)
  dag.addClbits(circuit.clbits)
  for (const r of circuit.qregs) dag.addQreg(r)
  for (const r of circuit.cregs) dag.addCreg(r)
  for (const inst of circuit.data) dag.applyOperationBack(inst)
  return dag
}
