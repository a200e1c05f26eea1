/**
 * The qubits a circuit acts on, found without compiling it (for memory checks and to trim noise
 * models at submission).
 */
import { isControlFlowOp, type QuantumCircuit } from '@qfabric/core/circuit'

/**
 * The qubits some instruction of the circuit (or of a control-flow body) touches; barriers do
 * not count.
 *
 * @param circuit - the circuit
 * @param into - a set to add them to
 * @returns the set of active qubit indices
 */
export function activeQubits(circuit: QuantumCircuit, into = new Set<number>()): Set<number> {
  const visit = (c: QuantumCircuit, map: readonly number[]): void => {
    for (const inst of c.data) {
      const op = inst.operation
      if (op.isDirective) continue
      const qubits = inst.qubits.map((q) => map[q]!)
      for (const q of qubits) into.add(q)
      if (isControlFlowOp(op)) for (const block of op.blocks) visit(block, qubits)
    }
  }
  visit(
    circuit,
    circuit.qubits.map((_, i) => i),
  )
  return into
}
