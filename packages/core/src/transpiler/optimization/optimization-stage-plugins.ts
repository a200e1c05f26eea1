import type { StagePluginEntry } from '../passmanager/builtin-stage-plugins.js'
import { doWhile, type Task } from '../passmanager/pass.js'
import type { PassManagerConfig, StagePlugin } from '../passmanager/stage-plugin.js'
import { isLaidOut, synthesisTarget } from '../preset/basis-target.js'
import { UnitarySynthesis } from '../synthesis/unitary-synthesis.js'
import { directionTasks, translateOnly } from '../translation/translation-stage-plugins.js'
import { CommutativeCancellation } from './commutative-cancellation.js'
import { ConsolidateBlocks } from './consolidate-blocks.js'
import { InverseCancellation } from './inverse-cancellation.js'
import { MinimumPoint, ResetMinimumPoint } from './minimum-point.js'
import { Optimize1qGatesDecomposition } from './optimize-1q-gates-decomposition.js'
import { RemoveIdentityEquivalent } from './remove-identity-equivalent.js'

declare module '../passmanager/stage-registry.js' {
  interface OptimizationStagePlugins {
    default: StagePlugin
  }
}

/**
 * The optimisation stage of the presets: a loop that runs until the circuit stops improving —
 * by two-qubit gate count, then depth, then size (`MinimumPoint`, which also returns the best
 * round) — of
 * - level 1: 1-qubit run resynthesis and adjacent inverse cancellation;
 * - levels 2–3: 2-qubit block consolidation with KAK resynthesis where it saves gates, identity
 *   removal, 1-qubit resynthesis and commutative cancellation (level 3 waits longer for an
 *   improvement before stopping);
 * each round ending with re-translation and direction fixing for whatever left the basis.
 *
 * @param config - the pass-manager configuration
 * @returns the stage's tasks (none at level 0)
 */
export function optimizationTasks(config: PassManagerConfig): Task[] {
  const level = config.optimizationLevel
  if (level === 0) return []
  const target = synthesisTarget(config)
  const physical = isLaidOut(config)
  const round: Task[] = []
  if (level === 1) {
    round.push(new Optimize1qGatesDecomposition({ target, physical }), new InverseCancellation())
  } else {
    if (target !== undefined) {
      round.push(
        new ConsolidateBlocks({ target, physical }),
        new UnitarySynthesis({ target, physical }),
      )
    }
    round.push(
      new RemoveIdentityEquivalent(),
      new Optimize1qGatesDecomposition({ target, physical }),
      new CommutativeCancellation(),
    )
  }
  round.push(...translateOnly(config))
  if (physical) round.push(...directionTasks(config))
  round.push(new MinimumPoint(level === 3 ? 3 : level === 2 ? 2 : 1))
  return [new ResetMinimumPoint(), doWhile(round, (ps) => ps.get('minimumPoint')?.done !== true)]
}

/** The built-in optimisation-stage plugins. */
export const OPTIMIZATION_STAGE_PLUGINS: readonly StagePluginEntry[] = [
  {
    stage: 'optimization',
    name: 'default',
    plugin: {
      description: 'resynthesis and cancellation to a fixed point (more at higher levels)',
      createTasks: optimizationTasks,
    },
  },
]
