import { BoxOp, ForLoopOp, IfElseOp, WhileLoopOp } from '../circuit/control-flow.js'
import { Delay, Measure, Reset } from '../circuit/directives.js'
import type { Operation } from '../circuit/instruction.js'
import { STANDARD_GATE_NAMES, STANDARD_GATE_SPECS } from '../circuit/library/standard-gate-specs.js'
import { standardGate } from '../circuit/library/standard-gates.js'
import { Parameter } from '../circuit/parameter.js'
import type { OperationClass } from './target-operation.js'

/**
 * The operation each standard instruction name stands for in a target (Qiskit's
 * `get_standard_gate_name_mapping`): every fixed-width standard gate with symbolic parameters
 * (`rz` is `rz(phi)`, accepting any angle), plus `measure`, `reset` and `delay(t)`. The
 * variable-width `mcx`/`mcp` are not included, as in Qiskit. Each call makes fresh parameters.
 *
 * @returns name → operation
 */
export function standardInstructionMapping(): ReadonlyMap<string, Operation> {
  const mapping = new Map<string, Operation>()
  for (const name of STANDARD_GATE_NAMES) {
    const spec = STANDARD_GATE_SPECS[name]
    if (spec.numQubits === 'variable') continue
    const params = spec.params.map((p: string) => new Parameter(p))
    mapping.set(name, standardGate(name, params))
  }
  mapping.set('measure', new Measure())
  mapping.set('reset', new Reset())
  mapping.set('delay', new Delay(new Parameter('t')))
  return mapping
}

/**
 * The control-flow operation classes by instruction name (`if_else`, `while_loop`,
 * `for_loop`, `box`), added to targets globally by class. Qiskit's `switch_case` has no class
 * here yet, so configurations listing it get a conversion warning.
 *
 * @returns name → class
 */
export function controlFlowMapping(): ReadonlyMap<string, OperationClass> {
  return new Map<string, OperationClass>([
    ['if_else', IfElseOp],
    ['while_loop', WhileLoopOp],
    ['for_loop', ForLoopOp],
    ['box', BoxOp],
  ])
}

/** The control-flow instruction names Qiskit knows (`CONTROL_FLOW_OP_NAMES`). */
export const CONTROL_FLOW_OP_NAMES: ReadonlySet<string> = new Set([
  'if_else',
  'while_loop',
  'for_loop',
  'switch_case',
  'box',
])
