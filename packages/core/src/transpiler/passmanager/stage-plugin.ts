import type { EquivalenceLibrary } from '../../circuit/equivalence-library.js'
import type { CouplingMap } from '../../target/coupling-map.js'
import type { Target } from '../../target/target.js'
import type { Layout } from '../layout/layout.js'
import type { Task } from './pass.js'

/** The fixed stages of a {@link StagedPassManager}, in run order. */
export const STAGE_NAMES = [
  'init',
  'layout',
  'routing',
  'translation',
  'optimization',
  'scheduling',
] as const

/** A stage of the staged pass manager. */
export type StageName = (typeof STAGE_NAMES)[number]

/** The optimisation levels of the presets. */
export const OPTIMIZATION_LEVELS = [0, 1, 2, 3] as const

/** An optimisation level: 0 (none) … 3 (heaviest). */
export type OptimizationLevel = (typeof OPTIMIZATION_LEVELS)[number]

/**
 * What a stage plugin builds its passes from (Qiskit's `PassManagerConfig` plus the level).
 * Add members only as optional ones.
 */
export interface PassManagerConfig {
  /** The optimisation level (0–3); plugins scale their effort with it. */
  readonly optimizationLevel: OptimizationLevel
  /** The device: instructions, qubits, errors, durations. */
  readonly target?: Target | undefined
  /** The connectivity; defaults to `target.buildCouplingMap()`. `undefined`: all-to-all. */
  readonly couplingMap?: CouplingMap | undefined
  /** Basis gate names, when there is no target. */
  readonly basisGates?: readonly string[] | undefined
  /** A user-chosen initial layout (virtual → physical); layout plugins must honour it. */
  readonly initialLayout?: Layout | undefined
  /** The seed of every randomised pass. */
  readonly seed?: number | undefined
  /** 1 = exact synthesis; lower values allow approximation (Qiskit's `approximation_degree`). */
  readonly approximationDegree?: number | undefined
  /** The equivalence rules for basis translation (default: the standard library). */
  readonly equivalenceLibrary?: EquivalenceLibrary | undefined
  /** Layout trials of Sabre layout (default by level). */
  readonly layoutTrials?: number | undefined
  /** Routing trials of Sabre swap (default by level). */
  readonly swapTrials?: number | undefined
  /** The layout plugin the preset chose (plugins of other stages may adapt to it). */
  readonly layoutMethod?: string | undefined
  /** The routing plugin the preset chose (`SabreLayout` routes inline only for `'sabre'`). */
  readonly routingMethod?: string | undefined
  /** Free-form options for third-party plugins, by plugin name. */
  readonly pluginOptions?: Readonly<Record<string, unknown>> | undefined
}

/**
 * A stage plugin: builds the tasks of one stage (Qiskit's `PassManagerStagePlugin`). Built-ins
 * and third-party plugins register the same way, with `registerStagePlugin`.
 *
 * @example
 * ```ts
 * const myRouter: StagePlugin = {
 *   description: 'route with my swap mapper',
 *   createTasks: (config) => [new MySwapMapper(config.target!)],
 * }
 * registerStagePlugin('routing', 'my-router', myRouter)
 * ```
 */
export interface StagePlugin {
  /** One line on what the plugin does. */
  readonly description?: string | undefined
  /** @returns the stage's tasks for this configuration */
  createTasks(config: PassManagerConfig): readonly Task[]
}
