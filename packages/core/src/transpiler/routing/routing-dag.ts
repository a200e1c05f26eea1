import { isControlFlowOp } from '../../circuit/control-flow.js'
import { Gate } from '../../circuit/gate.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import { RoutingError } from '../transpiler-error.js'

/**
 * The dependency structure routing needs, in flat arrays: per node its qubits, whether it
 * needs its two qubits adjacent, its successors (along any wire) and its predecessor count.
 *
 * @internal
 */
export interface RoutingDag {
  /** The DAG nodes, by routing index (topological order of the source DAG). */
  readonly nodes: readonly DagOpNode[]
  /** Qubits of each node. */
  readonly qubits: readonly (readonly number[])[]
  /** 1 where the node is a 2-qubit operation that must sit on a coupling. */
  readonly twoQubit: Uint8Array
  /** First and second qubit of each 2-qubit node (flat, for the router's hot loops). */
  readonly first: Int32Array
  readonly second: Int32Array
  /** 1 where a 1-qubit node ends 2-qubit blocks (measure, reset, conditioned or non-gate ops). */
  readonly breaksBlocks: Uint8Array
  /** Successor indices of each node. */
  readonly successors: readonly (readonly number[])[]
  /** Predecessor count of each node. */
  readonly predecessorCount: Int32Array
}

/**
 * The routing structure of a DAG.
 *
 * @param dag - the circuit
 * @returns the structure (nodes in topological order)
 * @throws RoutingError `transpiler.multi-qubit-operation` for a non-directive operation on three
 *   or more qubits (other than control flow)
 * @internal
 */
export function routingDag(dag: DagCircuit): RoutingDag {
  const nodes = dag.topologicalOpNodes()
  const index = new Map<number, number>()
  nodes.forEach((n, i) => index.set(n.id, i))
  const successors: number[][] = []
  const predecessorCount = new Int32Array(nodes.length)
  const twoQubit = new Uint8Array(nodes.length)
  const breaksBlocks = new Uint8Array(nodes.length)
  const first = new Int32Array(nodes.length).fill(-1)
  const second = new Int32Array(nodes.length).fill(-1)
  nodes.forEach((node, i) => {
    const op = node.operation
    if (!(op instanceof Gate) || node.condition !== undefined) breaksBlocks[i] = 1
    if (!op.isDirective && !isControlFlowOp(op)) {
      if (node.qubits.length > 2) {
        throw new RoutingError(
          'transpiler.multi-qubit-operation',
          `'${op.name}' acts on ${node.qubits.length} qubits: routing needs operations on at most ` +
            `two qubits (unroll them first)`,
        )
      }
      if (node.qubits.length === 2) {
        twoQubit[i] = 1
        first[i] = node.qubits[0]!
        second[i] = node.qubits[1]!
      }
    }
    const succ: number[] = []
    for (const s of dag.successors(node)) {
      if (s.kind === 'op') {
        const j = index.get(s.id)!
        succ.push(j)
        predecessorCount[j]! += 1
      }
    }
    successors.push(succ)
  })
  return {
    nodes,
    qubits: nodes.map((n) => n.qubits),
    twoQubit,
    first,
    second,
    breaksBlocks,
    successors,
    predecessorCount,
  }
}

/**
 * The same structure with every dependency reversed (the circuit run backwards), for the
 * backward passes of Sabre layout.
 *
 * @internal
 */
export function reverseRoutingDag(dag: RoutingDag): RoutingDag {
  const predecessors: number[][] = dag.nodes.map(() => [])
  dag.successors.forEach((succ, i) => {
    for (const j of succ) predecessors[j]!.push(i)
  })
  const predecessorCount = new Int32Array(dag.nodes.length)
  dag.successors.forEach((succ, i) => (predecessorCount[i] = succ.length))
  return { ...dag, successors: predecessors, predecessorCount }
}
