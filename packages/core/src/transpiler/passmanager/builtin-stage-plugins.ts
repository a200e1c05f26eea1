import { LAYOUT_STAGE_PLUGINS } from '../layout/layout-stage-plugins.js'
import { OPTIMIZATION_STAGE_PLUGINS } from '../optimization/optimization-stage-plugins.js'
import { INIT_STAGE_PLUGINS } from '../preset/init-stage-plugins.js'
import { ROUTING_STAGE_PLUGINS } from '../routing/routing-stage-plugins.js'
import { SCHEDULING_STAGE_PLUGINS } from '../scheduling/scheduling-stage-plugins.js'
import { TRANSLATION_STAGE_PLUGINS } from '../translation/translation-stage-plugins.js'
import type { StageName, StagePlugin } from './stage-plugin.js'

/** One built-in registration: the stage, the name, the plugin. */
export interface StagePluginEntry {
  readonly stage: StageName
  readonly name: string
  readonly plugin: StagePlugin
}

/**
 * The built-in stage plugins, registered into `stageRegistry` by the same
 * `registerStagePlugin` third parties call. Each stage's module exports its own list; this is
 * only the concatenation (keep it a plain list).
 */
export const BUILTIN_STAGE_PLUGINS: readonly StagePluginEntry[] = [
  ...INIT_STAGE_PLUGINS,
  ...LAYOUT_STAGE_PLUGINS,
  ...ROUTING_STAGE_PLUGINS,
  ...TRANSLATION_STAGE_PLUGINS,
  ...OPTIMIZATION_STAGE_PLUGINS,
  ...SCHEDULING_STAGE_PLUGINS,
]
