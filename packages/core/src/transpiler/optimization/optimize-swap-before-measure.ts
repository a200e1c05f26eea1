import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import { clbitWire, qubitWire } from '../dag/dag-node.js'
import type { PassContext, TransformationPass } from '../passmanager/pass.js'

/**
 * Removes swaps whose two qubits are only measured afterwards (final measurements, barriers
 * aside), measuring the exchanged qubits into each other's clbits instead (Qiskit's
 * `OptimizeSwapBeforeMeasure`). The counts are unchanged. After routing, the recorded
 * `finalLayout` is updated to match: the measured states end where they are measured.
 *
 * @example
 * ```ts
 * const qc = new QuantumCircuit(2, 2).h(0).swap(0, 1).measure([0, 1], [0, 1])
 * new OptimizeSwapBeforeMeasure().run(circuitToDag(qc)) // h(0), measure 1→c0, 0→c1
 * ```
 */
export class OptimizeSwapBeforeMeasure implements TransformationPass {
  readonly name = 'OptimizeSwapBeforeMeasure'
  readonly kind = 'transformation' as const

  /**
   * @param dag - the circuit
   * @returns the circuit without those swaps (`dag` itself when there are none)
   */
  run(dag: DagCircuit, context?: PassContext): DagCircuit {
    let out = dag
    // The last swap first: removing it can leave the one before followed by measurements only.
    for (;;) {
      const swap = out
        .topologicalOpNodes()
        .reverse()
        .find(
          (n) =>
            n.operation.name === 'swap' && n.condition === undefined && onlyMeasuredAfter(out, n),
        )
      if (swap === undefined) return out
      out = withoutSwap(out, swap)
      const final = context?.propertySet.get('finalLayout')
      if (final !== undefined) {
        context!.propertySet.set('finalLayout', final.withSwap(swap.qubits[0]!, swap.qubits[1]!))
      }
    }
  }
}

/**
 * Whether each of the swap's qubits is measured afterwards, with nothing but final
 * measurements and barriers after the swap.
 */
function onlyMeasuredAfter(dag: DagCircuit, swap: DagOpNode): boolean {
  for (const q of swap.qubits) {
    let node = dag.wireSuccessor(swap, qubitWire(q))
    let measured = false
    while (node.kind === 'op') {
      const name = node.operation.name
      if (node.condition !== undefined || (name !== 'measure' && name !== 'barrier')) return false
      if (
        name === 'measure' &&
        dag.wireSuccessor(node, clbitWire(node.clbits[0]!)).kind !== 'out'
      ) {
        return false
      }
      measured ||= name === 'measure'
      node = dag.wireSuccessor(node, qubitWire(q))
    }
    if (!measured) return false
  }
  return true
}

/** The DAG without `swap`, the operations after it on its qubits exchanging those qubits. */
function withoutSwap(dag: DagCircuit, swap: DagOpNode): DagCircuit {
  const [a, b] = swap.qubits as [number, number]
  const after = new Set(dag.descendants(swap).map((n) => n.id))
  const exchange = (q: number): number => (q === a ? b : q === b ? a : q)
  const out = dag.copyEmptyLike()
  for (const node of dag.topologicalOpNodes()) {
    if (node.id === swap.id) continue
    out.applyOperationBack(
      after.has(node.id) ? { ...node, qubits: node.qubits.map(exchange) } : node,
    )
  }
  return out
}
