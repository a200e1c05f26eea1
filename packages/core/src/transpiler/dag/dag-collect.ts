import { Gate } from '../../circuit/gate.js'
import type { Instruction } from '../../circuit/instruction.js'
import { isStandardGate } from '../../circuit/library/standard-gates.js'
import { UnitaryGate } from '../../circuit/unitary-gate.js'
import type { DagGraph } from './dag-graph.js'
import type { DagNode, DagOpNode } from './dag-node.js'
import { topologicalOpNodes } from './dag-traversal.js'

/** Options of {@link collectBlocks}. */
export interface CollectBlocksOptions {
  /** Which operation nodes may join a block. */
  readonly filter: (node: DagOpNode) => boolean
  /** The most qubits a block may span (default: unbounded). */
  readonly maxBlockWidth?: number | undefined
  /** Drop blocks with fewer nodes (default 1). */
  readonly minBlockSize?: number | undefined
  /** Split each block into its qubit-connected parts (default `true`). */
  readonly splitBlocks?: boolean | undefined
}

/**
 * Whether an operation is a bound gate whose matrix is known (standard gates, unitary gates,
 * and gates with a definition): the gates that resynthesis passes may fold.
 *
 * @param op - an operation
 * @returns whether its matrix can be computed
 */
export function hasKnownMatrix(op: Instruction): boolean {
  if (!(op instanceof Gate) || op.isDirective || op.isParameterized()) return false
  return isStandardGate(op) || op instanceof UnitaryGate || op.hasDefinition
}

/**
 * Runs of operations named in `names`, without conditions: a run continues from a node to its
 * only successor while that successor also matches (Qiskit's `collect_runs`).
 *
 * @param dag - the DAG
 * @param names - the operation names
 * @returns the runs, each in order
 */
export function collectRuns(dag: DagGraph, names: Iterable<string>): DagOpNode[][] {
  const set = new Set(names)
  return runs(dag, (n) => set.has(n.operation.name) && n.condition === undefined)
}

/**
 * Runs of unconditioned, bound 1-qubit gates with a known matrix on one wire (Qiskit's
 * `collect_1q_runs`).
 *
 * @param dag - the DAG
 * @returns the runs, each in order
 */
export function collect1qRuns(dag: DagGraph): DagOpNode[][] {
  return runs(
    dag,
    (n) =>
      n.qubits.length === 1 &&
      n.clbits.length === 0 &&
      n.condition === undefined &&
      hasKnownMatrix(n.operation),
  )
}

/**
 * Blocks of unconditioned gates with known matrices on at most two qubits, each with at least
 * one 2-qubit gate, for 2-qubit resynthesis (Qiskit's `Collect2qBlocks`). Each block is convex
 * and in topological order.
 *
 * @param dag - the DAG
 * @returns the blocks
 */
export function collect2qBlocks(dag: DagGraph): DagOpNode[][] {
  return collectBlocks(dag, {
    filter: (n) =>
      n.qubits.length <= 2 &&
      n.qubits.length > 0 &&
      n.clbits.length === 0 &&
      n.condition === undefined &&
      hasKnownMatrix(n.operation),
    maxBlockWidth: 2,
  }).filter((block) => block.some((n) => n.qubits.length === 2))
}

/**
 * Maximal blocks of matching operations (Qiskit's `BlockCollector.collect_all_matching_blocks`):
 * alternately sweeps past non-matching nodes and greedily grows a block of matching ones whose
 * qubits stay within `maxBlockWidth`, so every block is convex (no path leaves and re-enters it).
 *
 * @param dag - the DAG
 * @param options - the filter, width and size limits, and whether to split blocks
 * @returns the blocks, each in topological order
 */
export function collectBlocks(dag: DagGraph, options: CollectBlocksOptions): DagOpNode[][] {
  const collector = new BlockCollector(dag)
  const blocks: DagOpNode[][] = []
  const notFilter = (n: DagOpNode): boolean => !options.filter(n)
  while (collector.hasPending()) {
    collector.collect(notFilter, undefined)
    const block = collector.collect(options.filter, options.maxBlockWidth)
    if (block.length > 0) blocks.push(block)
  }
  const split = (options.splitBlocks ?? true) ? blocks.flatMap(splitBlock) : blocks
  const minSize = options.minBlockSize ?? 1
  return split.filter((b) => b.length >= minSize)
}

class BlockCollector {
  readonly #dag: DagGraph
  readonly #indegree = new Map<number, number>()
  #pending: DagOpNode[] = []

  constructor(dag: DagGraph) {
    this.#dag = dag
    for (const node of topologicalOpNodes(dag)) {
      const d = this.#opNeighbours(dag.predecessors(node)).length
      this.#indegree.set(node.id, d)
      if (d === 0) this.#pending.push(node)
    }
  }

  hasPending(): boolean {
    return this.#pending.length > 0
  }

  collect(filter: (n: DagOpNode) => boolean, maxWidth: number | undefined): DagOpNode[] {
    const block: DagOpNode[] = []
    const qubits = new Set<number>()
    let unprocessed = this.#pending
    this.#pending = []
    while (unprocessed.length > 0) {
      const next: DagOpNode[] = []
      for (const node of unprocessed) {
        if (!filter(node) || !fits(qubits, node, maxWidth)) {
          this.#pending.push(node)
          continue
        }
        block.push(node)
        for (const q of node.qubits) qubits.add(q)
        for (const s of this.#opNeighbours(this.#dag.successors(node))) {
          const d = this.#indegree.get(s.id)! - 1
          this.#indegree.set(s.id, d)
          if (d === 0) next.push(s)
        }
      }
      unprocessed = next
    }
    return block
  }

  #opNeighbours(nodes: readonly DagNode[]): DagOpNode[] {
    return nodes.filter((n): n is DagOpNode => n.kind === 'op')
  }
}

function fits(qubits: ReadonlySet<number>, node: DagOpNode, maxWidth: number | undefined): boolean {
  if (maxWidth === undefined) return true
  let width = qubits.size
  for (const q of node.qubits) if (!qubits.has(q)) width++
  return width <= maxWidth
}

/** Splits a block into the parts connected through shared qubits, keeping the node order. */
function splitBlock(block: DagOpNode[]): DagOpNode[][] {
  const parent = new Map<number, number>()
  const find = (q: number): number => {
    let r = q
    while (parent.get(r) !== r) r = parent.get(r)!
    parent.set(q, r)
    return r
  }
  for (const node of block) {
    for (const q of node.qubits) if (!parent.has(q)) parent.set(q, q)
    const [first, ...rest] = node.qubits
    if (first !== undefined) for (const q of rest) parent.set(find(q), find(first))
  }
  const groups = new Map<number, DagOpNode[]>()
  for (const node of block) {
    const key = node.qubits.length === 0 ? -1 - node.id : find(node.qubits[0]!)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [node])
    else group.push(node)
  }
  return [...groups.values()]
}

function runs(dag: DagGraph, matches: (n: DagOpNode) => boolean): DagOpNode[][] {
  const seen = new Set<number>()
  const out: DagOpNode[][] = []
  for (const node of topologicalOpNodes(dag)) {
    if (seen.has(node.id) || !matches(node)) continue
    const run = [node]
    seen.add(node.id)
    let current: DagOpNode = node
    for (;;) {
      const next = dag.successors(current)
      const only = next.length === 1 ? next[0] : undefined
      if (only?.kind !== 'op' || seen.has(only.id) || !matches(only)) break
      run.push(only)
      seen.add(only.id)
      current = only
    }
    out.push(run)
  }
  return out
}
