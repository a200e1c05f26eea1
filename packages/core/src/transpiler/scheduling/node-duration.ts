import type { InstructionDurations } from '../../target/instruction-durations.js'
import type { DagOpNode } from '../dag/dag-node.js'
import { TranspilerError } from '../transpiler-error.js'

/**
 * The duration of an operation node in `dt`: barriers take none, a `delay` its own length,
 * anything else what the target says for it on its qubits.
 *
 * @param node - an operation node (physical qubits)
 * @param durations - the target's durations (`target.durations()`)
 * @returns a whole number of `dt`
 * @throws TranspilerError `transpiler.scheduling` when the duration is unknown or `dt` is
 *   needed but unknown
 */
export function nodeDuration(node: DagOpNode, durations: InstructionDurations): number {
  const op = node.operation
  if (op.isDirective) return 0
  try {
    return durations.get(op, node.qubits, { unit: 'dt' })
  } catch (cause) {
    throw new TranspilerError(
      'transpiler.scheduling',
      `cannot schedule '${op.name}' on qubits [${node.qubits.join(', ')}]: its duration is ` +
        'unknown (the target has no duration for it, or no dt)',
      { cause },
    )
  }
}
