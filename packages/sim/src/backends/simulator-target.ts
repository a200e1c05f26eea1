/**
 * The target of a local simulator: every standard gate, `measure`, `reset`, `delay`, arbitrary
 * `unitary` gates, the multi-controlled `mcx`/`mcp`, and control flow, all on any qubits (no
 * connectivity, no calibration), as Qiskit's `BasicSimulator` and `AerSimulator` declare.
 */
import { StandardGate, UnitaryGate } from '@qfabric/core/circuit'
import { controlFlowMapping, standardInstructionMapping, Target } from '@qfabric/core/target'

/**
 * A frozen simulator target.
 *
 * @param numQubits - the widest circuit the simulator takes
 * @param description - the target's description
 * @returns the target
 * @example
 * ```ts
 * const target = createSimulatorTarget(30)
 * target.instructionSupported({ operationName: 'cx', qargs: [7, 3] }) // true
 * target.buildCouplingMap() // null: all-to-all
 * ```
 */
export function createSimulatorTarget(numQubits: number, description?: string): Target {
  const target = new Target({ numQubits, description })
  for (const operation of standardInstructionMapping().values()) target.addInstruction(operation)
  target.addInstruction(UnitaryGate, undefined, 'unitary')
  target.addInstruction(StandardGate, undefined, 'mcx')
  target.addInstruction(StandardGate, undefined, 'mcp')
  for (const [name, cls] of controlFlowMapping()) target.addInstruction(cls, undefined, name)
  return target.freeze()
}
