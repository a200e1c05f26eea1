import type { DagCircuit } from '../dag/dag-circuit.js'
import { qubitWire } from '../dag/dag-node.js'
import type { TransformationPass } from '../passmanager/pass.js'

/**
 * Removes resets that act on a qubit still in its initial |0⟩ state: the first operation on
 * its wire (Qiskit's `RemoveResetInZeroState`).
 *
 * @example
 * ```ts
 * new RemoveResetInZeroState().run(circuitToDag(new QuantumCircuit(1).reset(0).h(0))) // just h
 * ```
 */
export class RemoveResetInZeroState implements TransformationPass {
  readonly name = 'RemoveResetInZeroState'
  readonly kind = 'transformation' as const

  /**
   * @param dag - the circuit
   * @returns the circuit without the leading resets (`dag` itself when there are none)
   */
  run(dag: DagCircuit): DagCircuit {
    let out: DagCircuit | undefined
    for (let q = 0; q < dag.numQubits; q++) {
      const wire = qubitWire(q)
      let node = dag.wireSuccessor(dag.inputNode(wire), wire)
      // Several resets in a row are all redundant.
      while (
        node.kind === 'op' &&
        node.operation.name === 'reset' &&
        node.condition === undefined
      ) {
        out ??= dag.copy()
        const next = dag.wireSuccessor(node, wire)
        out.removeOpNode(node)
        node = next
      }
    }
    return out ?? dag
  }
}
