import type { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { addValues } from '../../circuit/parameter-functions.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import type { SequenceGate } from './sequence-dag.js'

/** Guards against self-referential definitions. */
const MAX_DEPTH = 64

/** What {@link expandDefinitions} does with one operation on its qubits. */
export type ExpandDecision = 'keep' | 'expand'

/**
 * Expands an operation through its definition, recursively, until every operation is one to
 * keep: the unrolling of Qiskit's `UnrollCustomDefinitions`, `Unroll3qOrMore` and
 * `HighLevelSynthesis`. Operations without a definition are kept whatever `decide` says, and
 * left for later passes to reject.
 *
 * @param op - the operation
 * @param options - its qubits and the keep/expand decision per (operation, qubits)
 * @returns the operations (qubits in the caller's indices) and the phase the definitions add
 */
export function expandDefinitions(
  op: Instruction,
  options: {
    readonly qubits: readonly number[]
    readonly decide: (op: Instruction, qubits: readonly number[]) => ExpandDecision
  },
): { gates: SequenceGate[]; globalPhase: ParameterValue } {
  const gates: SequenceGate[] = []
  let globalPhase: ParameterValue = 0
  const visit = (current: Instruction, qubits: readonly number[], depth: number): void => {
    const definition =
      depth < MAX_DEPTH && options.decide(current, qubits) === 'expand'
        ? current.definition
        : undefined
    if (definition === undefined || definition.numClbits > 0) {
      gates.push({ operation: current, qubits })
      return
    }
    globalPhase = addValues(globalPhase, definition.globalPhase)
    for (const inst of definition.data) {
      visit(
        inst.operation,
        inst.qubits.map((q) => qubits[q]!),
        depth + 1,
      )
    }
  }
  visit(op, options.qubits, 0)
  return { gates, globalPhase }
}

/**
 * A copy of the DAG with the chosen nodes expanded through their definitions (conditions are
 * carried onto the expansion), or `dag` itself when no node is chosen.
 *
 * @param dag - the circuit
 * @param decide - the keep/expand decision per (operation, qubits)
 * @returns the new DAG
 */
export function expandDag(
  dag: DagCircuit,
  decide: (op: Instruction, qubits: readonly number[]) => ExpandDecision,
): DagCircuit {
  const chosen = (node: DagOpNode): boolean =>
    node.operation.hasDefinition && decide(node.operation, node.qubits) === 'expand'
  const nodes = dag.topologicalOpNodes()
  if (!nodes.some(chosen)) return dag
  const out = dag.copyEmptyLike()
  for (const node of nodes) {
    if (!chosen(node)) {
      out.applyOperationBack(node)
      continue
    }
    const { gates, globalPhase } = expandDefinitions(node.operation, {
      qubits: node.qubits,
      decide,
    })
    for (const g of gates) {
      out.applyOperationBack({
        operation: g.operation,
        qubits: g.qubits,
        condition: node.condition,
      })
    }
    out.globalPhase = addValues(out.globalPhase, globalPhase)
  }
  return out
}
