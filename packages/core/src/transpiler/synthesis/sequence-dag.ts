import { Qubit } from '../../circuit/bit.js'
import type { Instruction } from '../../circuit/instruction.js'
import { standardGate } from '../../circuit/library/standard-gates.js'
import { isStandardGateName } from '../../circuit/library/standard-gate-specs.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'

/** One gate of a synthesised sequence: an operation on qubits of the sequence. */
export interface SequenceGate {
  readonly operation: Instruction
  readonly qubits: readonly number[]
}

/**
 * A DAG on `numQubits` fresh qubits holding a gate sequence, for `substituteNodeWithDag`.
 *
 * @param numQubits - the sequence's width
 * @param gates - the gates, in order
 * @param globalPhase - the sequence's global phase
 * @returns the DAG
 */
export function sequenceDag(
  numQubits: number,
  gates: readonly SequenceGate[],
  globalPhase: ParameterValue = 0,
): DagCircuit {
  const dag = new DagCircuit({ globalPhase })
  dag.addQubits(Array.from({ length: numQubits }, () => new Qubit()))
  for (const g of gates) dag.applyOperationBack({ operation: g.operation, qubits: g.qubits })
  return dag
}

/**
 * A standard gate from the `{ name, params }` a synthesis routine emits.
 *
 * @param gate - a standard gate name and its angles
 * @returns the gate
 * @throws TypeError if the name is not a standard gate
 */
export function gateFromSpec(gate: {
  readonly name: string
  readonly params: readonly number[]
}): Instruction {
  if (!isStandardGateName(gate.name)) {
    throw new TypeError(`'${gate.name}' is not a standard gate`)
  }
  return standardGate(gate.name, gate.params)
}

/**
 * Replaces a chain of nodes on one wire (a 1-qubit run) by the operations of a DAG (builds in
 * place): every node but the first is removed, the first is substituted.
 *
 * @param dag - the DAG to edit
 * @param run - the run, in order, nodes of `dag`
 * @param replacement - a 1-qubit DAG (its global phase is added to `dag`'s)
 */
export function replaceRun(
  dag: DagCircuit,
  run: readonly DagOpNode[],
  replacement: DagCircuit,
): void {
  const [first, ...rest] = run
  if (first === undefined) return
  for (const node of rest) dag.removeOpNode(node)
  dag.substituteNodeWithDag(first, replacement)
}
