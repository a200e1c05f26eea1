import type { EquivalenceLibrary } from '../../circuit/equivalence-library.js'
import { isControlFlowOp } from '../../circuit/control-flow.js'
import { Gate } from '../../circuit/gate.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { Parameter } from '../../circuit/parameter.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import type { Target } from '../../target/target.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { TranspilerError } from '../transpiler-error.js'
import { sessionEquivalenceLibrary } from '../translation/session-equivalence-library.js'
import { expandDag } from './expand-definitions.js'
import { TargetView } from './target-view.js'

/** Options of {@link Unroll3qOrMore}. */
export interface Unroll3qOrMoreOptions {
  /** The target: operations it supports on three or more qubits are kept. */
  readonly target?: Target | undefined
  /** Rules used for gates without a definition (default: the session library). */
  readonly equivalenceLibrary?: EquivalenceLibrary | undefined
}

/**
 * Rewrites every operation on three or more qubits into operations on at most two (Qiskit's
 * `Unroll3qOrMore`), through definitions (`ccx` → 6 `cx` + 1-qubit gates, `mcx` → …), or an
 * equivalence rule for an opaque gate, recursively; layout and routing only handle one- and
 * two-qubit interactions. Barriers, measurements and control flow are kept.
 *
 * @example
 * ```ts
 * new Unroll3qOrMore().run(circuitToDag(new QuantumCircuit(3).ccx(0, 1, 2))) // 6 cx, t, h…
 * ```
 */
export class Unroll3qOrMore implements TransformationPass {
  readonly name = 'Unroll3qOrMore'
  readonly kind = 'transformation' as const
  readonly #view: TargetView
  readonly #library: EquivalenceLibrary

  /** @param options - the target and the library */
  constructor(options: Unroll3qOrMoreOptions = {}) {
    this.#view = new TargetView(options.target)
    this.#library = options.equivalenceLibrary ?? sessionEquivalenceLibrary()
  }

  /**
   * @param dag - the circuit
   * @returns the circuit with only 1- and 2-qubit operations (plus directives and control flow)
   * @throws TranspilerError `transpiler.multi-qubit-operation` for an operation on ≥ 3 qubits
   *   with neither a definition nor a rule
   */
  run(dag: DagCircuit): DagCircuit {
    // Wide operations the target has natively stay (a device with a native 3-qubit gate).
    const native = (op: Instruction): boolean =>
      !this.#view.isUnconstrained && this.#view.supports(op.name, undefined)
    const wide = (op: Instruction): boolean =>
      op.numQubits >= 3 &&
      op.numClbits === 0 &&
      !op.isDirective &&
      !isControlFlowOp(op) &&
      !native(op)
    const out = expandDag(this.#withRules(dag, wide), (op) => (wide(op) ? 'expand' : 'keep'))
    const left = out.opNodes((n) => wide(n.operation))
    if (left.length > 0) {
      throw new TranspilerError(
        'transpiler.multi-qubit-operation',
        `cannot unroll '${left[0]!.operation.name}' on ${left[0]!.qubits.length} qubits: it has ` +
          'no definition and no equivalence rule',
      )
    }
    return out
  }

  /** Opaque wide gates with an equivalence rule, given that rule as their definition. */
  #withRules(dag: DagCircuit, wide: (op: Instruction) => boolean): DagCircuit {
    const opaque = dag.opNodes((n) => wide(n.operation) && !n.operation.hasDefinition)
    if (opaque.length === 0) return dag
    const out = dag.copy()
    for (const node of opaque) {
      const op = node.operation
      const rule = this.#library.getEquivalences(op.name, op.numQubits)[0]
      if (rule?.params.length !== op.params.length) continue
      const values = new Map<Parameter, ParameterValue>()
      rule.params.forEach((p, i) => values.set(p, op.params[i]!))
      const definition = values.size === 0 ? rule.circuit : rule.circuit.assignParameters(values)
      const gate = new Gate({
        name: op.name,
        numQubits: op.numQubits,
        params: op.params,
        definition,
      })
      out.substituteNode(node, gate)
    }
    return out
  }
}
