import { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type { DagCircuit } from './dag-circuit.js'

/**
 * The circuit of a DAG (Qiskit's `dag_to_circuit`): same bits, registers, name, global phase
 * and metadata, the operations in the DAG's stable topological order (so
 * `dagToCircuit(circuitToDag(c))` equals `c` instruction for instruction).
 *
 * @param dag - the DAG (not modified)
 * @returns a new circuit
 */
export function dagToCircuit(dag: DagCircuit): QuantumCircuit {
  const circuit = new QuantumCircuit({
    name: dag.name,
    globalPhase: dag.globalPhase,
    metadata: dag.metadata,
  })
  circuit.addBits([...dag.qubits, ...dag.clbits])
  circuit.addRegister(...dag.qregs, ...dag.cregs)
  circuit.replaceData(
    dag.topologicalOpNodes().map((n) => ({
      operation: n.operation,
      qubits: n.qubits,
      clbits: n.clbits,
      ...(n.condition === undefined ? {} : { condition: n.condition }),
    })),
  )
  return circuit
}
