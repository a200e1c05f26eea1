import type { DagCircuit } from '../dag/dag-circuit.js'
import { Layout } from '../layout/layout.js'
import type { AnalysisPass, PassContext, TransformationPass } from '../passmanager/pass.js'

declare module '../passmanager/property-set.js' {
  interface PropertySetTypes {
    /**
     * The qubit permutation `ElidePermutations` removed: circuit qubit `x`'s state ends on
     * qubit `virtualPermutation[x]` of the elided circuit.
     */
    virtualPermutation: readonly number[]
  }
}

/**
 * Removes swap gates by relabelling the qubits of everything after them (Qiskit's
 * `ElidePermutations`): a swap is free when later gates simply act on the other wire. The
 * permutation left at the end is recorded as `virtualPermutation`; run
 * {@link FinalizeElidedPermutation} after routing to fold it into the `finalLayout`, so the
 * output's layout still says where every circuit qubit ends. Conditioned swaps stay.
 *
 * @example
 * ```ts
 * // h(0) swap(0, 1) cx(1, 2) → h(0) cx(0, 2), virtualPermutation [1, 0, 2]
 * new ElidePermutations().run(dag, { propertySet })
 * ```
 */
export class ElidePermutations implements TransformationPass {
  readonly name = 'ElidePermutations'
  readonly kind = 'transformation' as const

  /**
   * @param dag - the circuit (virtual qubits)
   * @param context - the property set receiving `virtualPermutation`
   * @returns the circuit without swaps (`dag` itself when it has none)
   */
  run(dag: DagCircuit, context: PassContext): DagCircuit {
    const swaps = dag.opNodes((n) => n.operation.name === 'swap' && n.condition === undefined)
    if (swaps.length === 0) return dag
    // wire[x]: the output wire now holding what the input circuit has on wire x.
    const wire = Array.from({ length: dag.numQubits }, (_, q) => q)
    const out = dag.copyEmptyLike()
    for (const node of dag.topologicalOpNodes()) {
      if (node.operation.name === 'swap' && node.condition === undefined) {
        const [a, b] = node.qubits as [number, number]
        ;[wire[a], wire[b]] = [wire[b]!, wire[a]!]
        continue
      }
      out.applyOperationBack({ ...node, qubits: node.qubits.map((q) => wire[q]!) })
    }
    const previous = context.propertySet.get('virtualPermutation')
    context.propertySet.set(
      'virtualPermutation',
      previous === undefined ? wire : previous.map((w) => wire[w]!),
    )
    return out
  }
}

/**
 * Folds the permutation {@link ElidePermutations} left into the routing's `finalLayout`, once
 * the circuit is laid out and routed: physical qubit `p`'s state, which routing sent to
 * `finalLayout(p)`, stands for the circuit qubit the elision moved there. Does nothing without
 * a `virtualPermutation` or a `layout`.
 */
export class FinalizeElidedPermutation implements AnalysisPass {
  readonly name = 'FinalizeElidedPermutation'
  readonly kind = 'analysis' as const

  /**
   * @param _dag - the routed circuit (unused)
   * @param context - the property set: reads `layout`, `finalLayout`, `virtualPermutation`
   */
  run(_dag: DagCircuit, context: PassContext): void {
    const ps = context.propertySet
    const permutation = ps.get('virtualPermutation')
    const layout = ps.get('layout')
    if (permutation === undefined || layout === undefined) return
    const routed = ps.get('finalLayout')
    const entries: [number, number][] = []
    for (const [v, p] of layout.entries()) {
      const moved = layout.physical(permutation[v] ?? v) ?? p
      entries.push([p, routed?.physical(moved) ?? moved])
    }
    ps.set('finalLayout', new Layout(entries))
    ps.delete('virtualPermutation')
  }
}
