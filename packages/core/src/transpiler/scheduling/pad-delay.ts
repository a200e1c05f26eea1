import { Delay } from '../../circuit/directives.js'
import type { Target } from '../../target/target.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { PassContext, TransformationPass } from '../passmanager/pass.js'
import { nodeDuration } from './node-duration.js'

/**
 * Fills the idle time of every qubit that has operations with `delay`s (in `dt`), following the
 * start times a scheduling analysis wrote (Qiskit's `PadDelay`): before the first operation,
 * between operations, and up to the end of the circuit. Qubits the circuit never uses are left
 * alone. The output has the same operations, in the same order on each wire.
 *
 * @example
 * ```ts
 * const pm = new PassManager([new ALAPScheduleAnalysis(target), new PadDelay(target)])
 * pm.run(circuit) // delays where qubits wait
 * ```
 */
export class PadDelay implements TransformationPass {
  readonly name = 'PadDelay'
  readonly kind = 'transformation' as const
  readonly #target: Target

  /** @param target - the target, with durations and `dt` */
  constructor(target: Target) {
    this.#target = target
  }

  /**
   * @param dag - the scheduled circuit
   * @param context - the property set with `nodeStartTime` and `circuitDuration`
   * @returns the padded circuit
   * @throws TranspilerError `transpiler.failed` when no schedule was computed
   */
  run(dag: DagCircuit, context: PassContext): DagCircuit {
    const starts = context.propertySet.require('nodeStartTime', this.name)
    const total = context.propertySet.get('circuitDuration') ?? 0
    const durations = this.#target.durations()
    const nodes = dag
      .topologicalOpNodes()
      .sort((a, b) => (starts.get(a.id) ?? 0) - (starts.get(b.id) ?? 0))
    const out = dag.copyEmptyLike()
    const idleFrom = new Map<number, number>()
    const pad = (q: number, until: number): void => {
      const from = idleFrom.get(q) ?? 0
      if (until > from)
        out.applyOperationBack({ operation: new Delay(until - from, 'dt'), qubits: [q] })
    }
    for (const node of nodes) {
      const start = starts.get(node.id) ?? 0
      for (const q of node.qubits) pad(q, start)
      out.applyOperationBack(node)
      const end = start + nodeDuration(node, durations)
      for (const q of node.qubits) idleFrom.set(q, end)
    }
    for (const q of idleFrom.keys()) pad(q, total)
    return out
  }
}
