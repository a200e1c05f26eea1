import type { Condition } from '../../circuit/condition.js'
import { registerCondition } from '../../circuit/condition.js'
import { isControlFlowOp } from '../../circuit/control-flow.js'
import type { Instruction } from '../../circuit/instruction.js'
import { addValues } from '../../circuit/parameter-functions.js'
import type { DagCircuit } from './dag-circuit.js'
import type { DagOpNode } from './dag-node.js'
import { wireKey } from './dag-node.js'

/** Options of {@link substituteNodeWithDag}. */
export interface SubstituteNodeWithDagOptions {
  /** The DAG qubit each replacement qubit stands for (default: the node's qubits, in order). */
  readonly qubits?: readonly number[] | undefined
  /** The DAG clbit each replacement clbit stands for (default: the node's clbits, in order). */
  readonly clbits?: readonly number[] | undefined
}

/**
 * Replaces an operation node by the operations of another DAG, in place (Qiskit's
 * `substitute_node_with_dag`). The replacement's qubits and clbits map positionally onto the
 * node's (or onto `qubits`/`clbits`), which must be among the node's wires; its global phase is
 * added to the DAG's. A condition on the replaced node is put on every replacement operation
 * that has none.
 *
 * @param dag - the DAG to edit
 * @param node - an operation node of it
 * @param options - the replacement DAG and the bit maps
 * @returns the new nodes, keyed by the id of the replacement node each copies
 * @throws TypeError if the replacement's width does not match; RangeError if it touches a wire
 *   the node does not
 * @example
 * ```ts
 * const [cx] = dag.opNodes({ name: 'cx' })
 * const replacement = circuitToDag(new QuantumCircuit(2).h(1).cz(0, 1).h(1))
 * dag.substituteNodeWithDag(cx!, replacement)
 * ```
 */
export function substituteNodeWithDag(
  dag: DagCircuit,
  node: DagOpNode,
  options: SubstituteNodeWithDagOptions & { readonly replacement: DagCircuit },
): Map<number, DagOpNode> {
  const { replacement } = options
  const qubits = options.qubits ?? node.qubits
  const clbits = options.clbits ?? node.clbits
  if (replacement.numQubits !== qubits.length || replacement.numClbits !== clbits.length) {
    throw new TypeError(
      `the replacement has ${replacement.numQubits} qubits and ${replacement.numClbits} clbits, ` +
        `the node's map ${qubits.length} and ${clbits.length}`,
    )
  }
  const before = new Map<number, number>()
  for (const wire of dag.nodeWires(node)) {
    before.set(wireKey(wire), dag.wireSuccessor(node, wire).id)
  }
  dag.removeOpNode(node)
  dag.globalPhase = addValues(dag.globalPhase, replacement.globalPhase)
  const out = new Map<number, DagOpNode>()
  for (const sub of replacement.topologicalOpNodes()) {
    const map = (c: Condition): Condition =>
      mapCondition(dag, replacement, { condition: c, clbits })
    let operation = sub.operation
    let condition = sub.condition === undefined ? undefined : map(sub.condition)
    if (isControlFlowOp(operation)) {
      // A control-flow operation carries its own condition, over the replacement's clbits.
      if (operation.condition !== undefined) {
        operation = operation.withCondition(map(operation.condition))
      }
    } else {
      condition ??= node.condition
    }
    const created = dag.insertOp(
      {
        operation,
        qubits: sub.qubits.map((q) => qubits[q]!),
        clbits: sub.clbits.map((c) => clbits[c]!),
        condition,
      },
      before,
    )
    out.set(sub.id, created)
  }
  return out
}

/**
 * Replaces a convex block of operation nodes by one operation on `qubits`, in place (Qiskit's
 * `replace_block_with_op`). The block must touch exactly the qubit wires in `qubits` and no
 * clbit wire, and be convex (as the blocks of `collectBlocks` are); convexity is not checked.
 *
 * @param dag - the DAG to edit
 * @param options - the block, the new operation and the qubits it acts on (in its qarg order)
 * @returns the new node
 * @throws TypeError if the block touches other wires than `qubits`, or the widths differ
 */
export function replaceBlockWithOp(
  dag: DagCircuit,
  options: {
    readonly block: readonly DagOpNode[]
    readonly operation: Instruction
    readonly qubits: readonly number[]
  },
): DagOpNode {
  const { block, operation, qubits } = options
  const ids = new Set(block.map((n) => n.id))
  const exits = new Map<number, number>()
  for (const node of block) {
    for (const wire of dag.nodeWires(node)) {
      if (wire.kind !== 'qubit' || !qubits.includes(wire.index)) {
        throw new TypeError(
          `the block touches ${wire.kind} ${wire.index}, not among the new operation's qubits`,
        )
      }
      const next = dag.wireSuccessor(node, wire)
      if (!ids.has(next.id)) exits.set(wire.index, next.id)
    }
  }
  if (exits.size !== qubits.length) {
    throw new TypeError(`the block touches ${exits.size} qubits, the operation ${qubits.length}`)
  }
  for (const node of block) dag.removeOpNode(node)
  return dag.insertOp({ operation, qubits, clbits: [] }, exits)
}

function mapCondition(
  dag: DagCircuit,
  replacement: DagCircuit,
  options: { readonly condition: Condition; readonly clbits: readonly number[] },
): Condition {
  const { condition, clbits } = options
  if (condition.kind === 'clbit') return { ...condition, clbit: clbits[condition.clbit]! }
  const mapped = replacement.conditionClbits(condition).map((c) => clbits[c]!)
  const register = dag.cregs.find(
    (r) => r.size === mapped.length && r.bits.every((b, i) => dag.clbitIndex(b) === mapped[i]),
  )
  if (register === undefined) {
    throw new RangeError(
      `the replacement's condition on '${condition.register.name}' maps onto no register of the DAG`,
    )
  }
  return registerCondition(register, condition.value, condition.op)
}
