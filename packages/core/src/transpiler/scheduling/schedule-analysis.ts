import type { Target } from '../../target/target.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'
import { alapSchedule, asapSchedule } from './schedule.js'

declare module '../passmanager/property-set.js' {
  interface PropertySetTypes {
    /** The scheduled circuit's total duration, in `dt` (scheduling passes). */
    circuitDuration: number
  }
}

/**
 * Computes each operation's start time, in `dt`, from the target's durations, with operations
 * as late as possible (Qiskit's `ALAPScheduleAnalysis`). Writes `nodeStartTime` (node id →
 * start) and `circuitDuration`. Run on a laid-out circuit in the target's instructions.
 *
 * @example
 * ```ts
 * const ps = new PropertySet()
 * new ALAPScheduleAnalysis(target).run(dag, { propertySet: ps })
 * ps.get('nodeStartTime')
 * ```
 */
export class ALAPScheduleAnalysis implements AnalysisPass {
  readonly name = 'ALAPScheduleAnalysis'
  readonly kind = 'analysis' as const
  readonly #target: Target

  /** @param target - the target, with durations and `dt` */
  constructor(target: Target) {
    this.#target = target
  }

  /**
   * @param dag - the circuit
   * @param context - the property set to write
   * @throws TranspilerError `transpiler.scheduling` for an operation without a duration
   */
  run(dag: DagCircuit, context: PassContext): void {
    const schedule = alapSchedule(dag, this.#target.durations())
    context.propertySet.set('nodeStartTime', schedule.startTimes)
    context.propertySet.set('circuitDuration', schedule.duration)
  }
}

/**
 * Computes each operation's start time, in `dt`, with operations as early as possible (Qiskit's
 * `ASAPScheduleAnalysis`). Writes `nodeStartTime` and `circuitDuration`.
 *
 * @example
 * ```ts
 * new ASAPScheduleAnalysis(target).run(dag, { propertySet: ps })
 * ```
 */
export class ASAPScheduleAnalysis implements AnalysisPass {
  readonly name = 'ASAPScheduleAnalysis'
  readonly kind = 'analysis' as const
  readonly #target: Target

  /** @param target - the target, with durations and `dt` */
  constructor(target: Target) {
    this.#target = target
  }

  /**
   * @param dag - the circuit
   * @param context - the property set to write
   * @throws TranspilerError `transpiler.scheduling` for an operation without a duration
   */
  run(dag: DagCircuit, context: PassContext): void {
    const schedule = asapSchedule(dag, this.#target.durations())
    context.propertySet.set('nodeStartTime', schedule.startTimes)
    context.propertySet.set('circuitDuration', schedule.duration)
  }
}
