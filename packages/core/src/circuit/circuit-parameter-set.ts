import type { CircuitInstruction } from './circuit-instruction.js'
import { ForLoopOp, isControlFlowOp } from './control-flow.js'
import { compareParameters, type Parameter } from './parameter.js'
import type { ParameterValue } from './parameter-expression.js'

/** The parts of a circuit that hold parameters. */
interface ParameterHolder {
  readonly data: readonly CircuitInstruction[]
  readonly globalPhase: ParameterValue
}

function addValue(value: ParameterValue, into: Map<string, Parameter>): void {
  if (typeof value === 'number') return
  for (const p of value.parameters) if (!into.has(p.id)) into.set(p.id, p)
}

/**
 * The free parameters of a circuit: of its operations' parameters, its control-flow bodies
 * (minus each for-loop's own loop variable) and its global phase; one per id, sorted as
 * Qiskit sorts them (by name, vector elements by index).
 *
 * @param circuit - the circuit
 * @returns the sorted parameters
 */
export function collectCircuitParameters(circuit: ParameterHolder): Parameter[] {
  const found = new Map<string, Parameter>()
  addValue(circuit.globalPhase, found)
  for (const inst of circuit.data) {
    const op = inst.operation
    for (const v of op.params) addValue(v, found)
    if (!isControlFlowOp(op)) continue
    const loopVar = op instanceof ForLoopOp ? op.loopParameter?.id : undefined
    for (const block of op.blocks) {
      for (const p of block.parameters) if (p.id !== loopVar && !found.has(p.id)) found.set(p.id, p)
    }
  }
  return [...found.values()].sort(compareParameters)
}
