import type { DagCircuit } from '../dag/dag-circuit.js'
import type { PropertySet } from './property-set.js'

/**
 * The part of an `AbortSignal` the pass manager uses (core compiles without the DOM and Node
 * type libraries; any real `AbortSignal` fits).
 */
export interface PassSignal {
  readonly aborted: boolean
  throwIfAborted(): void
}

/** What a pass gets besides the DAG. */
export interface PassContext {
  /** The run's shared, typed state. */
  readonly propertySet: PropertySet
  /** Aborts the run between passes; long passes may check it too. */
  readonly signal?: PassSignal | undefined
}

/** Members every pass has. */
export interface PassBase {
  /** A human-readable name (`'SabreLayout'`), used in messages and callbacks. */
  readonly name: string
  /**
   * The pass's identity for the "already run" bookkeeping of `requires` (default: `name`).
   * Give passes whose options change their result a key that includes them
   * (`'VF2Layout(seed=3)'`): identity is declared, never hashed from constructor arguments.
   */
  readonly key?: string | undefined
  /** Passes to run first, unless a pass with the same key already ran and is still valid. */
  readonly requires?: readonly Pass[] | undefined
}

/**
 * A pass that reads the DAG and writes results to the property set; it must not change the
 * DAG (Qiskit's `AnalysisPass`).
 */
export interface AnalysisPass extends PassBase {
  readonly kind: 'analysis'
  /** Analyses `dag`, writing to `context.propertySet`. */
  run(dag: DagCircuit, context: PassContext): void
}

/**
 * A pass that returns a new DAG (Qiskit's `TransformationPass`). It must not change the DAG it
 * is given; it may return that DAG itself when it has nothing to do. It may also write to the
 * property set (layout passes do).
 */
export interface TransformationPass extends PassBase {
  readonly kind: 'transformation'
  /** @returns the transformed DAG */
  run(dag: DagCircuit, context: PassContext): DagCircuit
}

/**
 * A pass: `{ name, kind: 'analysis' | 'transformation', key?, requires?, run(dag, context) }`.
 *
 * @example
 * ```ts
 * const countCx: AnalysisPass = {
 *   name: 'CountCx',
 *   kind: 'analysis',
 *   run: (dag, { propertySet }) => propertySet.set('size', dag.opNodes({ name: 'cx' }).length),
 * }
 * ```
 */
export type Pass = AnalysisPass | TransformationPass

/** Runs its tasks again while `condition` holds (Qiskit's `DoWhileController`). */
export interface DoWhileController {
  readonly kind: 'do-while'
  readonly tasks: readonly Task[]
  /** Checked after each round. */
  readonly condition: (propertySet: PropertySet) => boolean
  /** Give up (with a `TranspilerError`) after this many rounds (default 1000). */
  readonly maxIterations?: number | undefined
}

/** Runs its tasks only if `condition` holds (Qiskit's `ConditionalController`). */
export interface ConditionalController {
  readonly kind: 'conditional'
  readonly tasks: readonly Task[]
  /** Checked once, before the tasks. */
  readonly condition: (propertySet: PropertySet) => boolean
}

/** A flow controller: a group of tasks run conditionally or in a loop. */
export type FlowController = DoWhileController | ConditionalController

/** What a pass manager runs: passes and flow controllers. */
export type Task = Pass | FlowController

/**
 * A task group that repeats while `condition` holds (checked after each round).
 *
 * @param tasks - the tasks of one round
 * @param condition - whether to run another round
 * @param options - `maxIterations` (default 1000)
 * @returns the controller
 * @example
 * ```ts
 * doWhile([new Depth(), new FixedPoint('depth'), ...optimizations], (ps) => !ps.get('depthFixedPoint'))
 * ```
 */
export function doWhile(
  tasks: readonly Task[],
  condition: (propertySet: PropertySet) => boolean,
  options: { readonly maxIterations?: number | undefined } = {},
): DoWhileController {
  return Object.freeze({
    kind: 'do-while',
    tasks: Object.freeze([...tasks]),
    condition,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  })
}

/**
 * A task group that runs only if `condition` holds when it is reached.
 *
 * @param tasks - the tasks
 * @param condition - whether to run them
 * @returns the controller
 */
export function conditional(
  tasks: readonly Task[],
  condition: (propertySet: PropertySet) => boolean,
): ConditionalController {
  return Object.freeze({ kind: 'conditional', tasks: Object.freeze([...tasks]), condition })
}

/**
 * Whether a task is a pass (not a flow controller).
 *
 * @param task - a task
 * @returns true for analysis and transformation passes
 */
export function isPass(task: Task): task is Pass {
  return task.kind === 'analysis' || task.kind === 'transformation'
}
