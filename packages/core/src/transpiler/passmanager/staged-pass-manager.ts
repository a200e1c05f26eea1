import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { Task } from './pass.js'
import {
  PassManager,
  type PassManagerDagResult,
  type PassManagerResult,
  type PassManagerRunOptions,
} from './pass-manager.js'
import { STAGE_NAMES, type PassManagerConfig, type StageName } from './stage-plugin.js'
import { getStagePlugin } from './stage-registry.js'

/** Where a stage's tasks sit: before it (`pre`), the stage itself (`main`), after it (`post`). */
export type StageSlot = 'pre' | 'main' | 'post'

/** Tasks per stage, for the {@link StagedPassManager} constructor. */
export type StageTasks = Partial<Readonly<Record<StageName, readonly Task[]>>>

/** Options of the {@link StagedPassManager} constructor. */
export interface StagedPassManagerOptions {
  /** The stages' own tasks. */
  readonly stages?: StageTasks | undefined
  /** Tasks run before each stage. */
  readonly pre?: StageTasks | undefined
  /** Tasks run after each stage. */
  readonly post?: StageTasks | undefined
}

/**
 * A pass manager in fixed stages — `init`, `layout`, `routing`, `translation`, `optimization`,
 * `scheduling` — each with `pre` and `post` hooks (Qiskit's `StagedPassManager`). Stages and
 * hooks can be replaced, so a preset can be customised one stage at a time.
 *
 * @example
 * ```ts
 * const spm = StagedPassManager.fromPlugins(
 *   { optimizationLevel: 1, target, seed: 1 },
 *   { layout: 'sabre', routing: 'sabre' },
 * )
 * spm.setStage('routing', stageRegistry.routing.basic.createTasks(config))
 * spm.setStage('layout', [new MyAnalysis()], 'post')
 * const out = spm.run(circuit)
 * ```
 */
export class StagedPassManager {
  readonly #slots = new Map<string, readonly Task[]>()

  /** @param options - the tasks of the stages and hooks */
  constructor(options: StagedPassManagerOptions = {}) {
    for (const stage of STAGE_NAMES) {
      for (const [slot, tasks] of [
        ['pre', options.pre?.[stage]],
        ['main', options.stages?.[stage]],
        ['post', options.post?.[stage]],
      ] as const) {
        if (tasks !== undefined) this.setStage(stage, tasks, slot)
      }
    }
  }

  /**
   * A staged pass manager whose stages come from registered plugins.
   *
   * @param config - what the plugins build from
   * @param methods - the plugin name per stage (stages not named stay empty)
   * @returns the pass manager
   * @throws TranspilerError `transpiler.unknown-plugin` for an unregistered name
   */
  static fromPlugins(
    config: PassManagerConfig,
    methods: Partial<Readonly<Record<StageName, string>>>,
  ): StagedPassManager {
    const spm = new StagedPassManager()
    for (const stage of STAGE_NAMES) {
      const name = methods[stage]
      if (name !== undefined) spm.setStage(stage, getStagePlugin(stage, name).createTasks(config))
    }
    return spm
  }

  /** The stage names, in run order. */
  get stages(): readonly StageName[] {
    return STAGE_NAMES
  }

  /**
   * The tasks of a stage or of one of its hooks.
   *
   * @param stage - the stage
   * @param slot - `'main'` (default), `'pre'` or `'post'`
   * @returns the tasks (empty if none)
   */
  stage(stage: StageName, slot: StageSlot = 'main'): readonly Task[] {
    return this.#slots.get(slotKey(stage, slot)) ?? []
  }

  /**
   * Replaces the tasks of a stage or hook (builds in place).
   *
   * @param stage - the stage
   * @param tasks - the new tasks
   * @param slot - `'main'` (default), `'pre'` or `'post'`
   * @returns this pass manager
   * @throws RangeError for an unknown stage
   */
  setStage(stage: StageName, tasks: readonly Task[], slot: StageSlot = 'main'): this {
    if (!(STAGE_NAMES as readonly string[]).includes(stage)) {
      throw new RangeError(`unknown stage '${stage}' (stages: ${STAGE_NAMES.join(', ')})`)
    }
    this.#slots.set(slotKey(stage, slot), Object.freeze([...tasks]))
    return this
  }

  /** All tasks in run order: for each stage, its `pre` hook, the stage, its `post` hook. */
  get tasks(): readonly Task[] {
    return STAGE_NAMES.flatMap((s) => [
      ...this.stage(s, 'pre'),
      ...this.stage(s, 'main'),
      ...this.stage(s, 'post'),
    ])
  }

  /** A plain {@link PassManager} over {@link tasks}. */
  toPassManager(): PassManager {
    return new PassManager(this.tasks)
  }

  /**
   * Runs all stages on one circuit, or on each of a list; see {@link PassManager.run}.
   *
   * @throws as {@link PassManager.run}
   */
  run(circuits: QuantumCircuit, options?: PassManagerRunOptions): QuantumCircuit
  run(circuits: readonly QuantumCircuit[], options?: PassManagerRunOptions): QuantumCircuit[]
  run(
    circuits: QuantumCircuit | readonly QuantumCircuit[],
    options: PassManagerRunOptions = {},
  ): QuantumCircuit | QuantumCircuit[] {
    const pm = this.toPassManager()
    return Array.isArray(circuits)
      ? (circuits as readonly QuantumCircuit[]).map((c) => pm.run(c, options))
      : pm.run(circuits as QuantumCircuit, options)
  }

  /** Runs all stages on one circuit; see {@link PassManager.runWithPropertySet}. */
  runWithPropertySet(circuit: QuantumCircuit, options?: PassManagerRunOptions): PassManagerResult {
    return this.toPassManager().runWithPropertySet(circuit, options)
  }

  /** Runs all stages on a DAG; see {@link PassManager.runDag}. */
  runDag(dag: DagCircuit, options?: PassManagerRunOptions): PassManagerDagResult {
    return this.toPassManager().runDag(dag, options)
  }
}

function slotKey(stage: StageName, slot: StageSlot): string {
  return `${slot}:${stage}`
}
