import type { DagGraph } from './dag-graph.js'
import type { DagNode, DagOpNode } from './dag-node.js'
import { MinHeap } from './min-heap.js'

/**
 * The operation nodes in a topological order. Among ready nodes the lowest id goes first, so a
 * DAG built from a circuit lists its operations in the circuit's order.
 *
 * @param dag - the DAG
 * @returns the operation nodes
 */
export function topologicalOpNodes(dag: DagGraph): DagOpNode[] {
  const ops = dag.opNodes()
  const indegree = new Map<number, number>()
  const heap = new MinHeap()
  for (const node of ops) {
    const d = dag.predecessors(node).filter((p) => p.kind === 'op').length
    indegree.set(node.id, d)
    if (d === 0) heap.push(node.id)
  }
  const out: DagOpNode[] = []
  for (let id = heap.pop(); id !== undefined; id = heap.pop()) {
    const node = dag.node(id) as DagOpNode
    out.push(node)
    for (const s of dag.successors(node)) {
      if (s.kind !== 'op') continue
      const d = indegree.get(s.id)! - 1
      indegree.set(s.id, d)
      if (d === 0) heap.push(s.id)
    }
  }
  return out
}

/**
 * All nodes in a topological order: every input node, the operations, then every output node.
 *
 * @param dag - the DAG
 * @returns the nodes
 */
export function topologicalNodes(dag: DagGraph): DagNode[] {
  const wires = dag.wires()
  return [
    ...wires.map((w) => dag.inputNode(w)),
    ...topologicalOpNodes(dag),
    ...wires.map((w) => dag.outputNode(w)),
  ]
}

/**
 * The layers of a DAG: layer `k` holds the operations whose longest chain of predecessors has
 * length `k` (Qiskit's `layers()`, each as a node list in topological order).
 *
 * @param dag - the DAG
 * @returns the layers
 */
export function layers(dag: DagGraph): DagOpNode[][] {
  const level = new Map<number, number>()
  const out: DagOpNode[][] = []
  for (const node of topologicalOpNodes(dag)) {
    let k = 0
    for (const p of dag.predecessors(node)) {
      if (p.kind === 'op') k = Math.max(k, level.get(p.id)! + 1)
    }
    level.set(node.id, k)
    ;(out[k] ??= []).push(node)
  }
  return out
}

/**
 * One single-node layer per operation, in topological order (Qiskit's `serial_layers`).
 *
 * @param dag - the DAG
 * @returns the layers
 */
export function serialLayers(dag: DagGraph): DagOpNode[][] {
  return topologicalOpNodes(dag).map((n) => [n])
}

/**
 * The depth with `QuantumCircuit.depth`'s definition: the longest chain of operations along
 * wires (conditions included), where directives such as barriers add no layer.
 *
 * @param dag - the DAG
 * @returns the depth (0 for an empty DAG)
 */
export function dagDepth(dag: DagGraph): number {
  const level = new Map<number, number>()
  let depth = 0
  for (const node of topologicalOpNodes(dag)) {
    let k = 0
    for (const p of dag.predecessors(node)) if (p.kind === 'op') k = Math.max(k, level.get(p.id)!)
    if (!node.operation.isDirective) k++
    level.set(node.id, k)
    depth = Math.max(depth, k)
  }
  return depth
}

/**
 * The operation nodes from which `node` can be reached.
 *
 * @param dag - the DAG
 * @param node - any node of it
 * @returns the ancestors, in no particular order
 */
export function ancestors(dag: DagGraph, node: DagNode): DagOpNode[] {
  return reach(node, (n) => dag.predecessors(n))
}

/**
 * The operation nodes reachable from `node`.
 *
 * @param dag - the DAG
 * @param node - any node of it
 * @returns the descendants, in no particular order
 */
export function descendants(dag: DagGraph, node: DagNode): DagOpNode[] {
  return reach(node, (n) => dag.successors(n))
}

function reach(start: DagNode, next: (n: DagNode) => DagNode[]): DagOpNode[] {
  const seen = new Set<number>([start.id])
  const stack = [start]
  const out: DagOpNode[] = []
  while (stack.length > 0) {
    for (const n of next(stack.pop()!)) {
      if (seen.has(n.id)) continue
      seen.add(n.id)
      stack.push(n)
      if (n.kind === 'op') out.push(n)
    }
  }
  return out
}
