import type { Condition } from '../../circuit/condition.js'
import type { Instruction } from '../../circuit/instruction.js'

/**
 * A wire of a {@link DagCircuit}: one qubit or one clbit, by its index in `dag.qubits` /
 * `dag.clbits`.
 */
export interface DagWire {
  readonly kind: 'qubit' | 'clbit'
  readonly index: number
}

/**
 * An operation node: an instruction of the circuit, its qubits and clbits by index, and its
 * classical condition. Frozen; a node's identity is its `id`, stable across `dag.copy()`.
 */
export interface DagOpNode {
  readonly kind: 'op'
  /** The node's id in its DAG (stable across copies; never reused within one DAG). */
  readonly id: number
  readonly operation: Instruction
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
  readonly condition?: Condition
}

/** The input end of a wire (Qiskit's `DAGInNode`). */
export interface DagInNode {
  readonly kind: 'in'
  readonly id: number
  readonly wire: DagWire
}

/** The output end of a wire (Qiskit's `DAGOutNode`). */
export interface DagOutNode {
  readonly kind: 'out'
  readonly id: number
  readonly wire: DagWire
}

/** Any node of a {@link DagCircuit}, tagged by `kind`. */
export type DagNode = DagOpNode | DagInNode | DagOutNode

/**
 * The wire of a qubit.
 *
 * @param index - the qubit's index
 * @returns a frozen wire
 */
export function qubitWire(index: number): DagWire {
  return Object.freeze({ kind: 'qubit', index })
}

/**
 * The wire of a clbit.
 *
 * @param index - the clbit's index
 * @returns a frozen wire
 */
export function clbitWire(index: number): DagWire {
  return Object.freeze({ kind: 'clbit', index })
}

/**
 * Whether a node is an operation node.
 *
 * @param node - any node
 * @returns true for `kind: 'op'`
 */
export function isDagOpNode(node: DagNode | undefined): node is DagOpNode {
  return node?.kind === 'op'
}

/**
 * A wire packed into one number, for the DAG's internal maps: qubit `q` is `q`, clbit `c` is
 * `-c - 1`.
 *
 * @internal
 */
export function wireKey(wire: DagWire): number {
  return wire.kind === 'qubit' ? wire.index : -wire.index - 1
}

/**
 * The wire a packed key stands for.
 *
 * @internal
 */
export function wireFromKey(key: number): DagWire {
  return key >= 0 ? qubitWire(key) : clbitWire(-key - 1)
}
