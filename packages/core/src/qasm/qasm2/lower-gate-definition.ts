import { Barrier } from '../../circuit/directives.js'
import { Gate } from '../../circuit/gate.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type {
  Barrier as BarrierNode,
  Expression,
  GateCall,
  GateDefinition,
  Identifier,
  OpaqueDeclaration,
} from './ast.js'
import { evaluateExpression, foldExpression } from './expression-evaluator.js'
import { lookupGate } from './lower-operands.js'
import type { GateSymbol, LoweringContext } from './lowering-context.js'
import { Qasm2Gate, type GateTemplate } from './qasm2-gate.js'

/** One checked statement of a gate body, ready to be instantiated for parameter values. */
type BodyStep =
  | {
      readonly kind: 'gate'
      readonly symbol: GateSymbol
      readonly params: readonly Expression[]
      readonly qubits: readonly number[]
    }
  | { readonly kind: 'barrier'; readonly qubits: readonly number[] }

/**
 * Lowers `gate name(params) qubits { body }`: checks the body against the gates defined so far
 * and declares the gate, whose applications become {@link Qasm2Gate}s built from the body.
 *
 * @param ctx - the lowering state
 * @param node - the definition
 */
export function lowerGateDefinition(ctx: LoweringContext, node: GateDefinition): void {
  const scope = declareScope(ctx, node.params, node.qubits)
  const steps: BodyStep[] = []
  let isValid = scope !== undefined
  if (scope !== undefined) {
    for (const statement of node.body) {
      const step = checkStep(ctx, statement, scope)
      if (step === undefined) isValid = false
      else steps.push(step)
    }
  }
  const signature = { numParams: node.params.length, numQubits: node.qubits.length }
  if (!isValid || scope === undefined) {
    // Declare it anyway (opaque) so that its uses do not report a second, confusing error.
    ctx.defineGate(node.name, signature, (params) =>
      opaqueGate(node.name.name, signature.numQubits, params),
    )
    return
  }
  const template = createTemplate(node.name.name, signature, { steps, params: scope.params })
  ctx.defineGate(node.name, signature, (params) => new Qasm2Gate(template, params))
}

/**
 * Lowers `opaque name(params) qubits;`: a gate without a definition.
 *
 * @param ctx - the lowering state
 * @param node - the declaration
 */
export function lowerOpaque(ctx: LoweringContext, node: OpaqueDeclaration): void {
  declareScope(ctx, node.params, node.qubits)
  const numQubits = node.qubits.length
  ctx.defineGate(node.name, { numParams: node.params.length, numQubits }, (params) =>
    opaqueGate(node.name.name, numQubits, params),
  )
}

function opaqueGate(
  name: string,
  numQubits: number,
  params: readonly ParameterValue[],
): Instruction {
  return new Gate({ name, numQubits, params })
}

interface Scope {
  readonly params: ReadonlyMap<string, number>
  readonly qubits: ReadonlyMap<string, number>
}

/** The gate's parameter and qubit names (one namespace, as in Qiskit), or `undefined` on a clash. */
function declareScope(
  ctx: LoweringContext,
  params: readonly Identifier[],
  qubits: readonly Identifier[],
): Scope | undefined {
  const paramScope = new Map<string, number>()
  const qubitScope = new Map<string, number>()
  const errorsBefore = ctx.diagnostics.errorCount
  const declare = (id: Identifier, into: Map<string, number>): void => {
    if (paramScope.has(id.name) || qubitScope.has(id.name)) {
      const what = paramScope.has(id.name) ? 'a parameter' : 'a qubit'
      ctx.error('qasm2.semantic.redefinition', `'${id.name}' is already defined as ${what}`, id)
      return
    }
    into.set(id.name, into.size)
  }
  for (const id of params) declare(id, paramScope)
  for (const id of qubits) declare(id, qubitScope)
  return ctx.diagnostics.errorCount === errorsBefore
    ? { params: paramScope, qubits: qubitScope }
    : undefined
}

function checkStep(
  ctx: LoweringContext,
  statement: GateCall | BarrierNode,
  scope: Scope,
): BodyStep | undefined {
  if (statement.kind === 'barrier') {
    if (statement.operands.length === 0) {
      return { kind: 'barrier', qubits: Array.from({ length: scope.qubits.size }, (_, i) => i) }
    }
    const qubits = resolveGateQubits(ctx, statement, scope)
    return qubits === undefined ? undefined : { kind: 'barrier', qubits: [...new Set(qubits)] }
  }
  const symbol = lookupGate(ctx, statement.name)
  if (symbol === undefined) return undefined
  if (statement.params.length !== symbol.numParams) {
    ctx.error(
      'qasm2.semantic.param-count',
      `'${symbol.name}' takes ${symbol.numParams} parameter${symbol.numParams === 1 ? '' : 's'}, but got ${statement.params.length}`,
      statement.name,
    )
    return undefined
  }
  const errorsBefore = ctx.diagnostics.errorCount
  for (const expression of statement.params)
    foldExpression(expression, scope.params, ctx.reportProblem)
  const isValid = ctx.diagnostics.errorCount === errorsBefore
  if (statement.operands.length !== symbol.numQubits) {
    ctx.error(
      'qasm2.semantic.qubit-count',
      `'${symbol.name}' takes ${symbol.numQubits} quantum argument${symbol.numQubits === 1 ? '' : 's'}, but got ${statement.operands.length}`,
      statement.name,
    )
    return undefined
  }
  const qubits = resolveGateQubits(ctx, statement, scope)
  if (qubits === undefined || !isValid) return undefined
  if (new Set(qubits).size !== qubits.length) {
    ctx.error('qasm2.semantic.duplicate-qubit', 'duplicate qubits in gate application', statement)
    return undefined
  }
  return { kind: 'gate', symbol, params: statement.params, qubits }
}

/** The body-local indices of a body statement's operands, which must be plain gate qubits. */
function resolveGateQubits(
  ctx: LoweringContext,
  statement: GateCall | BarrierNode,
  scope: Scope,
): number[] | undefined {
  const qubits: number[] = []
  for (const operand of statement.operands) {
    const index = scope.qubits.get(operand.name)
    if (index === undefined) {
      const what = scope.params.has(operand.name)
        ? 'is a parameter, not a qubit'
        : 'is not a qubit of this gate'
      ctx.error('qasm2.semantic.undefined-qubit', `'${operand.name}' ${what}`, operand)
      return undefined
    }
    if (operand.index !== undefined) {
      ctx.error(
        'qasm2.semantic.indexed-gate-qubit',
        `the gate qubit '${operand.name}' cannot be indexed`,
        operand,
      )
      return undefined
    }
    qubits.push(index)
  }
  return qubits
}

function createTemplate(
  name: string,
  signature: { readonly numParams: number; readonly numQubits: number },
  body: { readonly steps: readonly BodyStep[]; readonly params: ReadonlyMap<string, number> },
): GateTemplate {
  return {
    name,
    numParams: signature.numParams,
    numQubits: signature.numQubits,
    build(args: readonly ParameterValue[]): QuantumCircuit {
      const circuit = new QuantumCircuit(signature.numQubits)
      for (const step of body.steps) {
        if (step.kind === 'barrier') {
          circuit.appendRaw({
            operation: new Barrier(step.qubits.length),
            qubits: step.qubits,
            clbits: [],
          })
          continue
        }
        const values = step.params.map((expression) =>
          evaluateExpression(expression, args, body.params),
        )
        const operation =
          step.symbol.numParams === 0
            ? (step.symbol.fixed ??= step.symbol.make(values))
            : step.symbol.make(values)
        circuit.appendRaw({ operation, qubits: step.qubits, clbits: [] })
      }
      return circuit
    },
  }
}
