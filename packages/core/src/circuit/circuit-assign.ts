import { CircuitError } from './circuit-error.js'
import { circuitInstruction, type CircuitInstruction } from './circuit-instruction.js'
import { ForLoopOp, isControlFlowOp } from './control-flow.js'
import type { Parameter } from './parameter.js'
import { isParameterExpression, type ParameterValue } from './parameter-expression.js'
import { simplifyValue } from './parameter-functions.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/**
 * Values for parameters: a map keyed by `Parameter`, a record keyed by parameter name, or an
 * array in `circuit.parameters` order.
 */
export type ParameterBindings =
  | ReadonlyMap<Parameter, ParameterValue>
  | Readonly<Record<string, ParameterValue>>
  | readonly ParameterValue[]

/** Options of `assignParameters`. */
export interface AssignParametersOptions {
  /** Modify this circuit instead of returning a new one. */
  readonly inplace?: boolean | undefined
  /** Ignore bindings for parameters the circuit does not have (default: throw). */
  readonly allowUnknown?: boolean | undefined
}

function checkValue(value: unknown, name: string): ParameterValue {
  if (typeof value === 'number' || isParameterExpression(value)) return value
  throw new TypeError(`the value for parameter '${name}' must be a number or a ParameterExpression`)
}

function unknown(name: string): CircuitError {
  return new CircuitError('circuit.unknown-parameter', `the circuit has no parameter '${name}'`)
}

/** The bindings as a map from the circuit's parameters (by id) to values. */
function normalize(
  circuit: QuantumCircuit,
  values: ParameterBindings,
  allowUnknown: boolean,
): Map<Parameter, ParameterValue> {
  const params = circuit.parameters
  const out = new Map<Parameter, ParameterValue>()
  if (Array.isArray(values)) {
    const list = values as readonly ParameterValue[]
    if (list.length !== params.length) {
      throw new RangeError(
        `got ${list.length} values for a circuit with ${params.length} parameters`,
      )
    }
    params.forEach((p, i) => out.set(p, checkValue(list[i], p.name)))
  } else if (values instanceof Map) {
    const byId = new Map(params.map((p) => [p.id, p]))
    for (const [key, value] of values as ReadonlyMap<Parameter, ParameterValue>) {
      const p = byId.get(key.id)
      if (p !== undefined) out.set(p, checkValue(value, key.name))
      else if (!allowUnknown) throw unknown(key.name)
    }
  } else {
    const byName = new Map(params.map((p) => [p.name, p]))
    for (const [name, value] of Object.entries(
      values as Readonly<Record<string, ParameterValue>>,
    )) {
      const p = byName.get(name)
      if (p !== undefined) out.set(p, checkValue(value, name))
      else if (!allowUnknown) throw unknown(name)
    }
  }
  return out
}

function bindValue(
  value: ParameterValue,
  bindings: ReadonlyMap<Parameter, ParameterValue>,
): ParameterValue {
  if (typeof value === 'number' || value.isBound()) return simplifyValue(value)
  return simplifyValue(value.subs(bindings))
}

function bindInstruction(
  inst: CircuitInstruction,
  bindings: ReadonlyMap<Parameter, ParameterValue>,
): CircuitInstruction {
  let op = inst.operation
  if (op.params.some((p) => typeof p !== 'number')) {
    op = op.withParams(op.params.map((p) => bindValue(p, bindings)))
  }
  if (isControlFlowOp(op)) {
    let inner = bindings
    if (op instanceof ForLoopOp && op.loopParameter !== undefined) {
      // The loop variable shadows any outer binding of the same parameter.
      const loopId = op.loopParameter.id
      inner = new Map([...bindings].filter(([p]) => p.id !== loopId))
    }
    const blocks = op.blocks.map((b) => assignCircuitParameters(b, inner, { allowUnknown: true }))
    op = op.withBlocks(blocks)
  }
  return op === inst.operation ? inst : circuitInstruction({ ...inst, operation: op })
}

/**
 * Binds parameters to values (Qiskit's `assign_parameters`): numbers, or expressions for
 * partial binding. Fully bound expressions fold to numbers; gate definitions written over the
 * parameters are re-bound; the global phase and control-flow bodies are bound too.
 *
 * @param circuit - the circuit (unchanged unless `inplace`)
 * @param values - a map by `Parameter`, a record by name, or an array in `parameters` order
 * @param options - `inplace`, `allowUnknown`
 * @returns the bound circuit (`circuit` itself with `inplace`)
 * @throws CircuitError `circuit.unknown-parameter` for a parameter the circuit does not have;
 *   RangeError for an array of the wrong length; TypeError for a value of the wrong type
 */
export function assignCircuitParameters(
  circuit: QuantumCircuit,
  values: ParameterBindings,
  options: AssignParametersOptions = {},
): QuantumCircuit {
  const bindings = normalize(circuit, values, options.allowUnknown === true)
  const dest = options.inplace === true ? circuit : circuit.copy()
  if (bindings.size === 0) return dest
  dest.replaceData(dest.data.map((inst) => bindInstruction(inst, bindings)))
  dest.globalPhase = bindValue(dest.globalPhase, bindings)
  return dest
}
