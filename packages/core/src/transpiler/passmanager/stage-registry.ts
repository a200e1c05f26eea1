import { TranspilerError } from '../transpiler-error.js'
import { BUILTIN_STAGE_PLUGINS } from './builtin-stage-plugins.js'
import { STAGE_NAMES, type StageName, type StagePlugin } from './stage-plugin.js'

/** Built-in plugins of the `init` stage (augment to declare yours). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by interface merging
export interface InitStagePlugins {}
/** Built-in plugins of the `layout` stage (augment to declare yours). */
export interface LayoutStagePlugins {
  default: StagePlugin
  trivial: StagePlugin
  dense: StagePlugin
  vf2: StagePlugin
  sabre: StagePlugin
}
/** Built-in plugins of the `routing` stage (augment to declare yours). */
export interface RoutingStagePlugins {
  default: StagePlugin
  sabre: StagePlugin
  basic: StagePlugin
  none: StagePlugin
}
/** Built-in plugins of the `translation` stage (augment to declare yours). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by interface merging
export interface TranslationStagePlugins {}
/** Built-in plugins of the `optimization` stage (augment to declare yours). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by interface merging
export interface OptimizationStagePlugins {}
/** Built-in plugins of the `scheduling` stage (augment to declare yours). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by interface merging
export interface SchedulingStagePlugins {}

/** The declared plugins of every stage. */
export interface StagePluginMap {
  init: InitStagePlugins
  layout: LayoutStagePlugins
  routing: RoutingStagePlugins
  translation: TranslationStagePlugins
  optimization: OptimizationStagePlugins
  scheduling: SchedulingStagePlugins
}

/**
 * The registry's shape: per stage, the declared plugins as typed properties
 * (`stageRegistry.routing.sabre`), and any other registered name by index
 * (`stageRegistry.routing['my-router']`, possibly `undefined`).
 */
export type StageRegistry = {
  readonly [TStage in StageName]: Readonly<StagePluginMap[TStage]> &
    Readonly<Record<string, StagePlugin | undefined>>
}

const tables = Object.fromEntries(
  STAGE_NAMES.map((s) => [s, Object.create(null) as Record<string, StagePlugin>]),
) as Record<StageName, Record<string, StagePlugin>>

/**
 * The stage plugin registry (Qiskit's entry points `qiskit.transpiler.<stage>`): where the
 * built-in plugins (`stageRegistry.layout.sabre`, `stageRegistry.routing.basic`, …) and
 * third-party ones sit side by side. Add plugins with {@link registerStagePlugin}.
 *
 * @example
 * ```ts
 * const tasks = stageRegistry.routing.sabre.createTasks({ optimizationLevel: 3, target, seed: 7 })
 * ```
 */
export const stageRegistry = tables as unknown as StageRegistry

/**
 * Registers a stage plugin under a name; the built-ins are registered the same way. To replace
 * a plugin, {@link unregisterStagePlugin} it first.
 *
 * @param stage - the stage
 * @param name - the plugin's name, unique within the stage
 * @param plugin - the plugin
 * @throws TranspilerError `transpiler.duplicate-plugin` if the name is taken; RangeError for an
 *   unknown stage
 */
export function registerStagePlugin(stage: StageName, name: string, plugin: StagePlugin): void {
  const table = tableOf(stage)
  if (name in table) {
    throw new TranspilerError(
      'transpiler.duplicate-plugin',
      `a ${stage} plugin named '${name}' is already registered`,
    )
  }
  table[name] = plugin
}

/**
 * Removes a registered plugin (to replace it, or to undo a test's registration).
 *
 * @param stage - the stage
 * @param name - the plugin's name
 * @returns whether a plugin was removed
 * @throws RangeError for an unknown stage
 */
export function unregisterStagePlugin(stage: StageName, name: string): boolean {
  const table = tableOf(stage)
  if (!(name in table)) return false
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the registry is a name table
  delete table[name]
  return true
}

/**
 * A registered plugin by name.
 *
 * @param stage - the stage
 * @param name - the plugin's name
 * @returns the plugin
 * @throws TranspilerError `transpiler.unknown-plugin` naming the registered alternatives
 */
export function getStagePlugin(stage: StageName, name: string): StagePlugin {
  const plugin = tableOf(stage)[name]
  if (plugin === undefined) {
    throw new TranspilerError(
      'transpiler.unknown-plugin',
      `no ${stage} plugin named '${name}' (registered: ${stagePluginNames(stage).join(', ') || 'none'})`,
    )
  }
  return plugin
}

/**
 * The names registered for a stage, in registration order.
 *
 * @param stage - the stage
 * @returns the names
 */
export function stagePluginNames(stage: StageName): string[] {
  return Object.keys(tableOf(stage))
}

function tableOf(stage: StageName): Record<string, StagePlugin> {
  const table = (tables as Partial<Record<string, Record<string, StagePlugin>>>)[stage]
  if (table === undefined) throw new RangeError(`unknown stage '${stage}'`)
  return table
}

for (const entry of BUILTIN_STAGE_PLUGINS)
  registerStagePlugin(entry.stage, entry.name, entry.plugin)
