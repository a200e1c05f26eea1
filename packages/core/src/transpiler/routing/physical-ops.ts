import { isControlFlowOp } from '../../circuit/control-flow.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type { DagCircuit } from '../dag/dag-circuit.js'

/**
 * Calls `visit` for every operation of a physical DAG, control-flow bodies included (their
 * qubits translated to the physical qubits of the holding operation), with its physical qubits.
 * Stops early when `visit` returns `false`.
 *
 * @param dag - a physical DAG
 * @param visit - the callback
 * @returns `false` if a visit returned `false`
 * @internal
 */
export function everyPhysicalOp(
  dag: DagCircuit,
  visit: (operation: Instruction, qubits: readonly number[]) => boolean,
): boolean {
  for (const node of dag.opNodes()) {
    if (!visitOp(node.operation, node.qubits, visit)) return false
  }
  return true
}

function visitOp(
  op: Instruction,
  qubits: readonly number[],
  visit: (operation: Instruction, qubits: readonly number[]) => boolean,
): boolean {
  if (!isControlFlowOp(op)) return visit(op, qubits)
  return op.blocks.every((block: QuantumCircuit) =>
    block.data.every((inst) =>
      visitOp(
        inst.operation,
        inst.qubits.map((q) => qubits[q]!),
        visit,
      ),
    ),
  )
}
