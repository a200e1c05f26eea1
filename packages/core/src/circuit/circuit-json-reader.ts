import { ComplexMatrix } from '../math/complex-matrix.js'
import { CircuitError } from './circuit-error.js'
import { registersFromJson } from './circuit-json-bits.js'
import type { InstructionJson, OperationJson, OperationJsonType } from './circuit-json-types.js'
import type { Condition } from './condition.js'
import { BoxOp, ForLoopOp, IfElseOp, WhileLoopOp } from './control-flow.js'
import { Barrier, Delay, Measure, Reset } from './directives.js'
import { invalidJson, ParameterResolver } from './expression-json.js'
import { ControlledGate, Gate } from './gate.js'
import { Instruction } from './instruction.js'
import { standardGate } from './library/standard-gates.js'
import { isStandardGateName } from './library/standard-gate-specs.js'
import { QuantumCircuit } from './quantum-circuit.js'
import type { ParameterValue } from './parameter-expression.js'
import { UnitaryGate } from './unitary-gate.js'

/** The version this reader understands (kept in step with `CIRCUIT_JSON_VERSION`). */
const READ_VERSION = 1

function readCondition(json: unknown, holder: QuantumCircuit): Condition {
  const c = json as Record<string, unknown> | null
  if (typeof c !== 'object' || c === null) throw invalidJson('a condition must be an object')
  if (c['kind'] === 'clbit' && Number.isInteger(c['clbit']) && typeof c['value'] === 'boolean') {
    return { kind: 'clbit', clbit: c['clbit'] as number, value: c['value'] }
  }
  if (c['kind'] === 'register' && typeof c['value'] === 'string') {
    const register = holder.cregs.find((r) => r.name === c['register'])
    if (register === undefined)
      throw invalidJson(`unknown condition register '${String(c['register'])}'`)
    return {
      kind: 'register',
      register,
      op: c['op'] as Extract<Condition, { kind: 'register' }>['op'],
      value: BigInt(c['value']),
    }
  }
  throw invalidJson('malformed condition')
}

interface ReadContext {
  readonly resolver: ParameterResolver
  readonly holder: QuantumCircuit
}

function blocks(j: OperationJson, ctx: ReadContext): QuantumCircuit[] {
  if (!Array.isArray(j.blocks) || j.blocks.length === 0)
    throw invalidJson(`'${j.name}' needs blocks`)
  return j.blocks.map((b) => readCircuit(b, ctx.resolver))
}

function readControlled(j: OperationJson, ctx: ReadContext): Gate {
  const base = readOperation(j.base, ctx)
  if (!(base instanceof Gate)) throw invalidJson('the base of a controlled gate must be a gate')
  const n = j.numCtrlQubits ?? 1
  if (j.definition === undefined) {
    const again = base.control(n, j.ctrlState)
    if (again instanceof ControlledGate && again.name === j.name && j.label === undefined)
      return again
  }
  return new ControlledGate({
    baseGate: base,
    numCtrlQubits: n,
    ctrlState: j.ctrlState,
    name: j.name,
    label: j.label,
    definition: j.definition === undefined ? undefined : readCircuit(j.definition, ctx.resolver),
  })
}

/** A custom gate or instruction; a template definition is bound to `params` by `withParams`. */
function readCustom(j: OperationJson, params: ParameterValue[], ctx: ReadContext): Instruction {
  const definition =
    j.definition === undefined ? undefined : readCircuit(j.definition, ctx.resolver)
  const templateParams = j.templateParams?.map((id) => ctx.resolver.get(id))
  const options = { name: j.name, numQubits: j.numQubits, label: j.label, definition }
  const op =
    j.type === 'gate'
      ? new Gate({ ...options, params: templateParams ?? params })
      : new Instruction({ ...options, numClbits: j.numClbits, params: templateParams ?? params })
  return templateParams === undefined ? op : op.withParams(params)
}

type Reader = (j: OperationJson, params: ParameterValue[], ctx: ReadContext) => Instruction

function readStandard(j: OperationJson, params: ParameterValue[]): Instruction {
  if (!isStandardGateName(j.name)) throw invalidJson(`'${j.name}' is not a standard gate`)
  return standardGate(j.name, params, {
    ...(j.numCtrlQubits === undefined ? {} : { numCtrlQubits: j.numCtrlQubits }),
    label: j.label,
  })
}

function readUnitary(j: OperationJson): Instruction {
  if (!Array.isArray(j.matrix)) throw invalidJson('a unitary gate needs its matrix')
  return new UnitaryGate(ComplexMatrix.fromRows(j.matrix), j.label)
}

const condition = (j: OperationJson, ctx: ReadContext): Condition =>
  readCondition((j as InstructionJson).condition, ctx.holder)

/** How each operation type is read back. */
const READERS: Record<OperationJsonType, Reader> = {
  standard: readStandard,
  gate: readCustom,
  instruction: readCustom,
  controlled: (j, _, ctx) => readControlled(j, ctx),
  unitary: readUnitary,
  measure: (j) => new Measure(j.label),
  reset: (j) => new Reset(j.label),
  barrier: (j) => new Barrier(j.numQubits, j.label),
  delay: (j, params) => new Delay(params[0] ?? 0, j.unit),
  if_else: (j, _, ctx) => {
    const [t, f] = blocks(j, ctx)
    return new IfElseOp(condition(j, ctx), t!, f)
  },
  while_loop: (j, _, ctx) => new WhileLoopOp(condition(j, ctx), blocks(j, ctx)[0]!),
  for_loop: (j, _, ctx) => {
    const loopVar = j.loopParameter === undefined ? undefined : ctx.resolver.get(j.loopParameter)
    return new ForLoopOp(j.indexSet ?? [], loopVar, blocks(j, ctx)[0]!)
  },
  box: (j, _, ctx) => new BoxOp(blocks(j, ctx)[0]!, j.label),
}

function readOperation(json: unknown, ctx: ReadContext): Instruction {
  if (typeof json !== 'object' || json === null) throw invalidJson('an operation must be an object')
  const j = json as OperationJson
  if (!Array.isArray(j.params)) throw invalidJson(`'${j.name}' needs params`)
  const reader = Object.hasOwn(READERS, j.type) ? READERS[j.type] : undefined
  if (reader === undefined) throw invalidJson(`unknown operation type '${j.type}'`)
  return reader(
    j,
    j.params.map((p) => ctx.resolver.value(p)),
    ctx,
  )
}

function readCircuit(json: unknown, resolver: ParameterResolver): QuantumCircuit {
  if (typeof json !== 'object' || json === null) throw invalidJson('a circuit must be an object')
  const j = json as Record<string, unknown>
  if (j['format'] !== 'qfabric.circuit')
    throw invalidJson(`format '${String(j['format'])}' is not 'qfabric.circuit'`)
  if (j['version'] !== READ_VERSION)
    throw invalidJson(`unsupported version ${String(j['version'])}`)
  resolver.register(j['parameters'])
  const q = registersFromJson(j['qubits'], j['qregs'], 'qubits')
  const c = registersFromJson(j['clbits'], j['cregs'], 'clbits')
  const metadata = j['metadata']
  const qc = new QuantumCircuit({
    name: typeof j['name'] === 'string' ? j['name'] : undefined,
    globalPhase: resolver.value(j['globalPhase'] ?? 0),
    metadata:
      typeof metadata === 'object' && metadata !== null
        ? (metadata as Record<string, unknown>)
        : {},
  })
  qc.addBits([...q.bits, ...c.bits]).addRegister(...q.registers, ...c.registers)
  const instructions = j['instructions']
  if (!Array.isArray(instructions)) throw invalidJson('instructions must be an array')
  const ctx = { resolver, holder: qc }
  for (const inst of instructions as InstructionJson[]) {
    const operation = readOperation(inst, ctx)
    const controlFlow = inst.type === 'if_else' || inst.type === 'while_loop'
    qc.appendRaw({
      operation,
      qubits: inst.qubits,
      clbits: inst.clbits,
      ...(inst.condition === undefined || controlFlow
        ? {}
        : { condition: readCondition(inst.condition, qc) }),
    })
  }
  return qc
}

/**
 * Reads a circuit written by `circuitToJson`. Parameters keep their ids, so they bind like the
 * originals.
 *
 * @param json - the parsed JSON document
 * @returns the circuit
 * @throws CircuitError `circuit.invalid-json` for anything that is not a valid document
 */
export function circuitFromJson(json: unknown): QuantumCircuit {
  try {
    return readCircuit(json, new ParameterResolver())
  } catch (error) {
    if (error instanceof CircuitError && error.code === 'circuit.invalid-json') throw error
    throw new CircuitError(
      'circuit.invalid-json',
      `invalid circuit JSON: ${(error as Error).message}`,
      { cause: error },
    )
  }
}
