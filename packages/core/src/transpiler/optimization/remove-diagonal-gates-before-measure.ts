import { isStandardGate } from '../../circuit/library/standard-gates.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import { qubitWire } from '../dag/dag-node.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { DIAGONAL_GATES } from './commutation-checker.js'

/**
 * Removes diagonal gates (`rz`, `p`, `z`, `s`, `t`, `cz`, `cp`, `rzz`, …) whose every qubit is
 * measured next (Qiskit's `RemoveDiagonalGatesBeforeMeasure`): a diagonal gate only changes
 * phases, which a computational-basis measurement cannot see. The output's unitary differs from
 * the input's; its measurement statistics do not.
 *
 * @example
 * ```ts
 * const qc = new QuantumCircuit(1, 1).h(0).t(0).measure(0, 0)
 * new RemoveDiagonalGatesBeforeMeasure().run(circuitToDag(qc)) // h, measure
 * ```
 */
export class RemoveDiagonalGatesBeforeMeasure implements TransformationPass {
  readonly name = 'RemoveDiagonalGatesBeforeMeasure'
  readonly kind = 'transformation' as const

  /**
   * @param dag - the circuit
   * @returns the circuit without those gates (`dag` itself when there are none)
   */
  run(dag: DagCircuit): DagCircuit {
    let out = dag
    // Repeat: removing `t` before a measurement exposes the `s` before it.
    for (let changed = true; changed;) {
      changed = false
      for (const measure of out.opNodes({ name: 'measure' })) {
        const prev = out.wirePredecessor(measure, qubitWire(measure.qubits[0]!))
        if (prev.kind !== 'op' || !isRemovable(prev)) continue
        if (!prev.qubits.every((q) => measuredNext(out, prev, q))) continue
        if (out === dag) out = dag.copy()
        out.removeOpNode(prev)
        changed = true
      }
    }
    return out
  }
}

function isRemovable(node: DagOpNode): boolean {
  const op = node.operation
  return (
    node.condition === undefined &&
    isStandardGate(op) &&
    DIAGONAL_GATES.has(op.name) &&
    node.qubits.length > 0
  )
}

function measuredNext(dag: DagCircuit, node: DagOpNode, qubit: number): boolean {
  const next = dag.wireSuccessor(node, qubitWire(qubit))
  return next.kind === 'op' && next.operation.name === 'measure' && next.condition === undefined
}
