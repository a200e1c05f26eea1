import { Gate } from '../../../circuit/gate.js'
import { Parameter } from '../../../circuit/parameter.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import { QuantumCircuit } from '../../../circuit/quantum-circuit.js'
import { QuantumRegister } from '../../../circuit/register.js'
import type { GateDefinition } from '../ast.js'
import type { LoweringContext } from './lowering-context.js'
import { recordGateOrigin } from '../gate-origins.js'
import { fail, NeedsStaticError } from './lowering-error.js'
import { Scope, type GateSymbol } from './scope.js'
import { realValue } from './values.js'

/**
 * Lowers a gate body with the given parameter values into a circuit on the gate's qubits.
 * The body sees only gates and constants of the enclosing program (an isolated scope).
 */
function lowerGateBody(
  ctx: LoweringContext,
  node: GateDefinition,
  values: readonly ParameterValue[],
): QuantumCircuit {
  const scope = new Scope(ctx.scope.root(), true)
  node.params.forEach((p, i) => {
    scope.declare(
      p.name,
      {
        kind: 'value',
        value: realValue(values[i]!),
        type: undefined,
        isConst: true,
        level: 0,
        span: p.span,
      },
      p.span,
    )
  })
  node.qubits.forEach((q, i) => {
    scope.declare(q.name, { kind: 'qubits', indices: [i], isSingle: true }, q.span)
  })
  const wasGateBody = ctx.isGateBody
  ctx.isGateBody = true
  try {
    const block = ctx.lowerBlock(node.body.statements, { isDynamic: true, scope })
    const circuit = new QuantumCircuit(new QuantumRegister(node.qubits.length, 'q'), {
      name: node.name.name,
    })
    circuit.globalPhase = block.globalPhase
    for (const inst of block.instructions) circuit.appendRaw(inst)
    return circuit
  } finally {
    ctx.isGateBody = wasGateBody
  }
}

/**
 * Tries to lower the body once with placeholder parameters, so every call can reuse it by
 * assigning its values. A body that needs concrete parameter values (`pow(k) @`, a loop bound)
 * gets `undefined` and is lowered per call instead.
 */
function template(
  ctx: LoweringContext,
  node: GateDefinition,
  params: readonly Parameter[],
): QuantumCircuit | undefined {
  ctx.attemptDepth++
  try {
    return lowerGateBody(ctx, node, params)
  } catch (error) {
    if (error instanceof NeedsStaticError && params.length > 0) return undefined
    throw error
  } finally {
    ctx.attemptDepth--
  }
}

/**
 * Lowers `gate name(params) qubits { … }` to a gate symbol: calls build a `Gate` named after
 * the definition whose definition circuit is the body with the call's parameters, as Qiskit's
 * importer builds custom gates. A gate the caller supplied under that name (`customGates`)
 * replaces the definition.
 *
 * @param ctx - the lowering context
 * @param node - the definition
 * @returns the symbol to declare
 * @throws LoweringError for errors in the body
 */
export function lowerGateDefinition(ctx: LoweringContext, node: GateDefinition): GateSymbol {
  const name = node.name.name
  const numParams = node.params.length
  const numQubits = node.qubits.length
  const custom = ctx.options.customInstructions?.find((g) => g.name === name)
  if (custom !== undefined) {
    if (custom.numParams !== numParams || custom.numQubits !== numQubits) {
      fail(
        'qasm3.semantic.custom-gate-mismatch',
        `'${name}' is defined with ${numParams} parameters and ${numQubits} qubits, but the custom gate has ${custom.numParams} and ${custom.numQubits}`,
        node.name.span,
      )
    }
    return { name, numParams, numQubits, build: (params) => custom.constructor(...params) }
  }
  const params = node.params.map((p) => new Parameter(p.name))
  const body = template(ctx, node, params)
  if (body !== undefined && numParams === 0) {
    const gate = new Gate({ name, numQubits, definition: body })
    return { name, numParams, numQubits, build: () => gate }
  }
  if (body === undefined) {
    return {
      name,
      numParams,
      numQubits,
      build(values: readonly ParameterValue[]): Gate {
        return new Gate({
          name,
          numQubits,
          params: values,
          definition: lowerGateBody(ctx, node, values),
        })
      },
    }
  }
  // Every call re-binds the one parametric definition (`withParams` substitutes the values).
  const origin = new Gate({ name, numQubits, params, definition: body })
  return {
    name,
    numParams,
    numQubits,
    build(values: readonly ParameterValue[]): Gate {
      const gate = origin.withParams(values)
      recordGateOrigin(gate, origin)
      return gate
    },
  }
}
