import type { StagePluginEntry } from '../passmanager/builtin-stage-plugins.js'
import type { Task } from '../passmanager/pass.js'
import type { PassManagerConfig, StagePlugin } from '../passmanager/stage-plugin.js'
import { TranspilerError } from '../transpiler-error.js'
import { PadDelay } from './pad-delay.js'
import { ALAPScheduleAnalysis, ASAPScheduleAnalysis } from './schedule-analysis.js'

declare module '../passmanager/stage-registry.js' {
  interface SchedulingStagePlugins {
    default: StagePlugin
    alap: StagePlugin
    asap: StagePlugin
  }
}

function scheduled(kind: 'alap' | 'asap'): StagePlugin {
  return {
    description: `${kind.toUpperCase()} scheduling from the target's durations, idle time padded with delays`,
    createTasks: (config: PassManagerConfig): Task[] => {
      const target = config.target
      if (target === undefined || target.dt === null) {
        throw new TranspilerError(
          'transpiler.scheduling',
          `scheduling method '${kind}' needs a target with durations and dt`,
        )
      }
      const analysis =
        kind === 'alap' ? new ALAPScheduleAnalysis(target) : new ASAPScheduleAnalysis(target)
      return [analysis, new PadDelay(target)]
    },
  }
}

/** The built-in scheduling-stage plugins (`default` schedules nothing, as Qiskit's). */
export const SCHEDULING_STAGE_PLUGINS: readonly StagePluginEntry[] = [
  {
    stage: 'scheduling',
    name: 'default',
    plugin: { description: 'no scheduling', createTasks: () => [] },
  },
  { stage: 'scheduling', name: 'alap', plugin: scheduled('alap') },
  { stage: 'scheduling', name: 'asap', plugin: scheduled('asap') },
]
