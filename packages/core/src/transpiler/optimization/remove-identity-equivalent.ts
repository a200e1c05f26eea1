import { addValues } from '../../circuit/parameter-functions.js'
import { hasKnownMatrix } from '../dag/dag-collect.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { identityPhase } from './commutation-checker.js'
import { operationMatrix } from '../synthesis/block-unitary.js'

/** Widest gate whose matrix is checked. */
const MAX_QUBITS = 3

/**
 * Removes gates equal to the identity up to a global phase (`rz(0)`, `p(2π)`, `id`,
 * `unitary(I)`, `rzz(0)`, …), adding their phase to the circuit's (Qiskit's
 * `RemoveIdentityEquivalent` with exact tolerance).
 *
 * @example
 * ```ts
 * new RemoveIdentityEquivalent().run(circuitToDag(new QuantumCircuit(1).rz(0, 0))) // empty
 * ```
 */
export class RemoveIdentityEquivalent implements TransformationPass {
  readonly name = 'RemoveIdentityEquivalent'
  readonly kind = 'transformation' as const

  /**
   * @param dag - the circuit
   * @returns the circuit without identity gates (`dag` itself when there are none)
   */
  run(dag: DagCircuit): DagCircuit {
    let out: DagCircuit | undefined
    for (const node of dag.opNodes()) {
      if (node.condition !== undefined || node.qubits.length > MAX_QUBITS) continue
      if (node.qubits.length === 0 || !hasKnownMatrix(node.operation)) continue
      const phase = identityPhase(operationMatrix(node.operation), 1e-12)
      if (phase === undefined) continue
      out ??= dag.copy()
      out.removeOpNode(node)
      out.globalPhase = addValues(out.globalPhase, phase)
    }
    return out ?? dag
  }
}
