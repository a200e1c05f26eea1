import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'

/**
 * The number of non-directive operations on two or more qubits: the figure the optimisation
 * loops minimise first.
 *
 * @param dag - the circuit
 * @returns the count
 */
export function countMultiQubitOps(dag: DagCircuit): number {
  let n = 0
  for (const node of dag.opNodes()) if (node.qubits.length >= 2 && !node.operation.isDirective) n++
  return n
}

/**
 * Writes the circuit's depth to `depth` (Qiskit's `Depth`).
 *
 * @example
 * ```ts
 * new Depth().run(dag, { propertySet }) // propertySet.get('depth')
 * ```
 */
export class Depth implements AnalysisPass {
  readonly name = 'Depth'
  readonly kind = 'analysis' as const

  /**
   * @param dag - the circuit
   * @param context - the property set to write
   */
  run(dag: DagCircuit, context: PassContext): void {
    context.propertySet.set('depth', dag.depth())
  }
}

/**
 * Writes the circuit's size (operations, barriers excluded) to `size` (Qiskit's `Size`).
 *
 * @example
 * ```ts
 * new Size().run(dag, { propertySet }) // propertySet.get('size')
 * ```
 */
export class Size implements AnalysisPass {
  readonly name = 'Size'
  readonly kind = 'analysis' as const

  /**
   * @param dag - the circuit
   * @param context - the property set to write
   */
  run(dag: DagCircuit, context: PassContext): void {
    context.propertySet.set('size', dag.size())
  }
}
