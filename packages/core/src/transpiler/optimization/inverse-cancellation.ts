import type { DagCircuit } from '../dag/dag-circuit.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { cancelGates } from './gate-cancellation.js'

/**
 * Removes adjacent pairs of gates that multiply to the identity (Qiskit's
 * `InverseCancellation`): `cx·cx`, `h·h`, `s·sdg`, `rz(a)·rz(−a)`, any gate next to its inverse on
 * the same qubits, and merges adjacent rotations about one axis. The phase of a pair that is
 * `−I` goes to the global phase.
 *
 * @example
 * ```ts
 * new InverseCancellation().run(circuitToDag(new QuantumCircuit(2).cx(0, 1).cx(0, 1))) // empty
 * ```
 */
export class InverseCancellation implements TransformationPass {
  readonly name = 'InverseCancellation'
  readonly kind = 'transformation' as const

  /**
   * @param dag - the circuit
   * @returns the circuit without the cancelling pairs (`dag` itself when there are none)
   */
  run(dag: DagCircuit): DagCircuit {
    return cancelGates(dag)
  }
}
