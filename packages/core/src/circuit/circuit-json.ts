import { registersToJson } from './circuit-json-bits.js'
import type {
  CircuitJson,
  ConditionJson,
  InstructionJson,
  OperationJson,
} from './circuit-json-types.js'
import type { Condition } from './condition.js'
import { BoxOp, ForLoopOp, IfElseOp, isControlFlowOp, WhileLoopOp } from './control-flow.js'
import { Barrier, Delay, Measure, Reset } from './directives.js'
import { ParameterTable, valueToJson } from './expression-json.js'
import { ControlledGate, Gate } from './gate.js'
import type { Instruction } from './instruction.js'
import { StandardGate } from './library/standard-gates.js'
import type { QuantumCircuit } from './quantum-circuit.js'
import { UnitaryGate } from './unitary-gate.js'

export { circuitFromJson } from './circuit-json-reader.js'
export type * from './circuit-json-types.js'

/** The version `circuitToJson` writes and `circuitFromJson` reads. */
export const CIRCUIT_JSON_VERSION = 1

function conditionToJson(c: Condition): ConditionJson {
  return c.kind === 'clbit'
    ? { kind: 'clbit', clbit: c.clbit, value: c.value }
    : { kind: 'register', register: c.register.name, op: c.op, value: c.value.toString() }
}

/** Whether `base.control(n, state)` rebuilds `op` (so its definition need not be stored). */
function controlRebuilds(op: ControlledGate): boolean {
  try {
    const again = op.baseGate.control(op.numCtrlQubits, op.ctrlState)
    return again instanceof ControlledGate && again.name === op.name && op.label === undefined
  } catch {
    return false
  }
}

/** A custom operation's definition: its template (over plain parameters) where it has one. */
function writeDefinition(
  op: Instruction,
  out: Record<string, unknown>,
  table: ParameterTable,
): void {
  const template = op.definitionTemplate
  if (template === undefined) {
    if (op.definition !== undefined) out['definition'] = writeCircuit(op.definition, table)
    return
  }
  const def = typeof template.source === 'function' ? template.source() : template.source
  out['definition'] = writeCircuit(def, table)
  out['templateParams'] = template.params.map((p) => {
    table.add(p)
    return p.id
  })
}

function typeOf(op: Instruction): OperationJson['type'] {
  if (op instanceof StandardGate) return 'standard'
  if (op instanceof UnitaryGate) return 'unitary'
  if (op instanceof ControlledGate) return 'controlled'
  if (op instanceof Measure) return 'measure'
  if (op instanceof Reset) return 'reset'
  if (op instanceof Barrier) return 'barrier'
  if (op instanceof Delay) return 'delay'
  if (op instanceof IfElseOp) return 'if_else'
  if (op instanceof WhileLoopOp) return 'while_loop'
  if (op instanceof ForLoopOp) return 'for_loop'
  if (op instanceof BoxOp) return 'box'
  return op instanceof Gate ? 'gate' : 'instruction'
}

function operationToJson(op: Instruction, table: ParameterTable): OperationJson {
  const type = typeOf(op)
  const out: Record<string, unknown> = {
    type,
    name: op.name,
    numQubits: op.numQubits,
    numClbits: op.numClbits,
    params: op.params.map((p) => valueToJson(p, table)),
  }
  if (op.label !== undefined) out['label'] = op.label
  if (op instanceof StandardGate && op.numCtrlQubits !== undefined)
    out['numCtrlQubits'] = op.numCtrlQubits
  if (op instanceof ControlledGate) {
    out['numCtrlQubits'] = op.numCtrlQubits
    out['ctrlState'] = op.ctrlState
    out['base'] = operationToJson(op.baseGate, table)
    if (!controlRebuilds(op)) out['definition'] = writeCircuit(op.definition!, table)
  }
  if (type === 'gate' || type === 'instruction') writeDefinition(op, out, table)
  if (op instanceof UnitaryGate) out['matrix'] = op.toMatrix().toArray()
  if (op instanceof Delay) out['unit'] = op.unit
  if (isControlFlowOp(op)) {
    out['blocks'] = op.blocks.map((b) => writeCircuit(b, table))
    if (op.condition !== undefined) out['condition'] = conditionToJson(op.condition)
  }
  if (op instanceof ForLoopOp) {
    out['indexSet'] = [...op.indexSet]
    if (op.loopParameter !== undefined) {
      table.add(op.loopParameter)
      out['loopParameter'] = op.loopParameter.id
    }
  }
  return out as unknown as OperationJson
}

function writeCircuit(circuit: QuantumCircuit, outer?: ParameterTable): CircuitJson {
  const table = new ParameterTable()
  const instructions: InstructionJson[] = circuit.data.map((inst) => ({
    ...operationToJson(inst.operation, table),
    qubits: [...inst.qubits],
    clbits: [...inst.clbits],
    ...(inst.condition === undefined ? {} : { condition: conditionToJson(inst.condition) }),
  }))
  const globalPhase = valueToJson(circuit.globalPhase, table)
  for (const p of circuit.parameters) table.add(p)
  const parameters = table.toJson()
  if (outer !== undefined) for (const p of table.parameters()) outer.add(p)
  const q = registersToJson(circuit.qubits, circuit.qregs)
  const c = registersToJson(circuit.clbits, circuit.cregs)
  return {
    format: 'qfabric.circuit',
    version: CIRCUIT_JSON_VERSION,
    name: circuit.name,
    globalPhase,
    qubits: q.bits,
    clbits: c.bits,
    qregs: q.registers,
    cregs: c.registers,
    instructions,
    parameters,
    metadata: { ...circuit.metadata },
  }
}

/**
 * A circuit as versioned, lossless JSON (plain data, `JSON.stringify`-ready): registers and
 * loose bits, instructions with their operations (standard gates by name; custom gates with
 * their definitions; controlled and unitary gates; control flow with bodies; conditions),
 * parameter expressions as trees over a table of parameters (ids kept), and metadata (which must
 * itself be JSON-serialisable). `circuitFromJson(circuitToJson(c))` equals `c` instruction for
 * instruction.
 *
 * @param circuit - the circuit
 * @returns the JSON document
 * @example
 * ```ts
 * const text = JSON.stringify(circuitToJson(qc))
 * const back = circuitFromJson(JSON.parse(text))
 * ```
 */
export function circuitToJson(circuit: QuantumCircuit): CircuitJson {
  return writeCircuit(circuit)
}
