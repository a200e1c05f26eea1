import { isControlFlowOp } from '../../circuit/control-flow.js'
import type { Instruction } from '../../circuit/instruction.js'
import { isStandardGate, standardGate } from '../../circuit/library/standard-gates.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { addValues } from '../../circuit/parameter-functions.js'
import type { StandardGateName } from '../../circuit/library/standard-gate-specs.js'
import type { CouplingMap } from '../../target/coupling-map.js'
import type { Target } from '../../target/target.js'
import { circuitToDag } from '../dag/circuit-to-dag.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import { dagToCircuit } from '../dag/dag-to-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import { DeviceGraph } from '../layout/device-graph.js'
import type { AnalysisPass, PassContext, TransformationPass } from '../passmanager/pass.js'
import { RoutingError } from '../transpiler-error.js'
import { everyPhysicalOp } from './physical-ops.js'

/** Where the direction passes read the allowed directions from. */
export interface GateDirectionOptions {
  /** The device: an operation is allowed on the qargs it is defined on (takes precedence). */
  readonly target?: Target | undefined
  /** The directed couplings (used when there is no target). */
  readonly couplingMap?: CouplingMap | undefined
}

/** Gates whose matrix does not change when their two qubits are exchanged. */
const SYMMETRIC = new Set(['cz', 'swap', 'iswap', 'rxx', 'ryy', 'rzz', 'cp', 'cu1', 'cs', 'csdg'])

/** One step of a flipped gate: a gate name, parameters and which original qubit(s). */
type Step = readonly [StandardGateName, readonly ParameterValue[], readonly (0 | 1)[]]

/**
 * How to write a gate on `(a, b)` with the same gate on `(b, a)`: the steps (qubit 0 = `a`,
 * 1 = `b`) and the global phase they add.
 */
function flipSteps(op: Instruction): { steps: Step[]; phase: number } | undefined {
  if (!isStandardGate(op)) return undefined
  const name = op.name
  const params = op.params
  if (SYMMETRIC.has(name)) return { steps: [[name, params, [1, 0]]], phase: 0 }
  const hh: Step[] = [
    ['h', [], [0]],
    ['h', [], [1]],
  ]
  if (name === 'cx' || name === 'rzx') {
    return { steps: [...hh, [name, params, [1, 0]], ...hh], phase: 0 }
  }
  if (name === 'ecr') {
    // Qiskit's GateDirection rule for ECR.
    return {
      steps: [['ry', [-Math.PI / 2], [0]], ['ry', [Math.PI / 2], [1]], ['ecr', [], [1, 0]], ...hh],
      phase: 0,
    }
  }
  return undefined
}

/** The allowed-direction test of a device: `undefined` when every direction is allowed. */
type Allowed = (op: Instruction, a: number, b: number) => boolean

function allowedOf(options: GateDirectionOptions): Allowed | undefined {
  const { target } = options
  if (target !== undefined) {
    return (op, a, b) =>
      !target.has(op.name) || target.instructionSupported({ operationName: op.name, qargs: [a, b] })
  }
  const device = DeviceGraph.of({ couplingMap: options.couplingMap })
  if (device === undefined) return undefined
  return (_op, a, b) => device.hasDirectedEdge(a, b)
}

/**
 * Flips 2-qubit gates onto the directions the device supports (Qiskit's `GateDirection`), for
 * devices with one-way couplings: `cx` and `rzx` by conjugating with Hadamards, `ecr` with
 * `ry`/`h` corrections, symmetric gates (`cz`, `swap`, `rzz`, `cp`, …) by exchanging their
 * qubits. Control-flow bodies are fixed too. The output may contain `h`/`ry` gates the target
 * lacks: translate again afterwards.
 *
 * @example
 * ```ts
 * const oneWay = new CouplingMap([[0, 1]])
 * new PassManager([new GateDirection({ couplingMap: oneWay })]).run(new QuantumCircuit(2).cx(1, 0))
 * // h 0; h 1; cx 0,1; h 0; h 1
 * ```
 */
export class GateDirection implements TransformationPass {
  readonly name = 'GateDirection'
  readonly kind = 'transformation'
  readonly #options: GateDirectionOptions

  /** @param options - the target or the directed coupling map */
  constructor(options: GateDirectionOptions = {}) {
    this.#options = options
  }

  /**
   * @throws RoutingError `transpiler.gate-direction` for a gate allowed in neither direction
   *   that cannot be flipped onto an allowed one
   */
  run(dag: DagCircuit): DagCircuit {
    const allowed = allowedOf(this.#options)
    if (allowed === undefined) return dag
    return fixDirections(dag, { allowed, physical: (q) => q })
  }
}

function fixDirections(
  dag: DagCircuit,
  context: { readonly allowed: Allowed; readonly physical: (q: number) => number },
): DagCircuit {
  const out = dag.copyEmptyLike()
  for (const node of dag.topologicalOpNodes()) {
    const op = node.operation
    if (isControlFlowOp(op)) {
      const blocks = op.blocks.map((block) =>
        dagToCircuit(
          fixDirections(circuitToDag(block), {
            allowed: context.allowed,
            physical: (q) => context.physical(node.qubits[q]!),
          }),
        ),
      )
      out.applyOperationBack({ ...node, operation: op.withBlocks(blocks) })
      continue
    }
    if (node.qubits.length !== 2 || op.isDirective) {
      out.applyOperationBack(node)
      continue
    }
    const a = context.physical(node.qubits[0]!)
    const b = context.physical(node.qubits[1]!)
    if (context.allowed(op, a, b)) out.applyOperationBack(node)
    else flip(out, node, { allowedReversed: context.allowed(op, b, a), a, b })
  }
  return out
}

function flip(
  out: DagCircuit,
  node: DagOpNode,
  where: { readonly allowedReversed: boolean; readonly a: number; readonly b: number },
): void {
  const rule = where.allowedReversed ? flipSteps(node.operation) : undefined
  if (rule === undefined) {
    const why = where.allowedReversed
      ? 'only the other way round and cannot be flipped'
      : 'in neither direction'
    throw new RoutingError(
      'transpiler.gate-direction',
      `'${node.operation.name}' on physical qubits (${where.a}, ${where.b}) is supported ${why}`,
    )
  }
  if (rule.phase !== 0) out.globalPhase = addValues(out.globalPhase, rule.phase)
  for (const [name, params, qubits] of rule.steps) {
    out.applyOperationBack({
      operation: standardGate(name, params),
      qubits: qubits.map((k) => node.qubits[k]!),
      clbits: [],
      condition: node.condition,
    })
  }
}

/**
 * Checks that every 2-qubit gate, control-flow bodies included, runs in a direction the
 * device supports (Qiskit's `CheckGateDirection`). Sets `isDirectionMapped`.
 */
export class CheckGateDirection implements AnalysisPass {
  readonly name = 'CheckGateDirection'
  readonly kind = 'analysis'
  readonly #options: GateDirectionOptions

  /** @param options - the target or the directed coupling map */
  constructor(options: GateDirectionOptions = {}) {
    this.#options = options
  }

  /** Sets `isDirectionMapped`. */
  run(dag: DagCircuit, { propertySet }: PassContext): void {
    const allowed = allowedOf(this.#options)
    propertySet.set(
      'isDirectionMapped',
      allowed === undefined ||
        everyPhysicalOp(
          dag,
          (op, qubits) =>
            qubits.length !== 2 || op.isDirective || allowed(op, qubits[0]!, qubits[1]!),
        ),
    )
  }
}
