import { CommutativeCancellation } from '../optimization/commutative-cancellation.js'
import { ConsolidateBlocks } from '../optimization/consolidate-blocks.js'
import { ElidePermutations } from '../optimization/elide-permutations.js'
import { InverseCancellation } from '../optimization/inverse-cancellation.js'
import { OptimizeSwapBeforeMeasure } from '../optimization/optimize-swap-before-measure.js'
import { RemoveDiagonalGatesBeforeMeasure } from '../optimization/remove-diagonal-gates-before-measure.js'
import { RemoveIdentityEquivalent } from '../optimization/remove-identity-equivalent.js'
import { RemoveResetInZeroState } from '../optimization/remove-reset-in-zero-state.js'
import { Split2QUnitaries } from '../optimization/split-2q-unitaries.js'
import type { StagePluginEntry } from '../passmanager/builtin-stage-plugins.js'
import type { Task } from '../passmanager/pass.js'
import type { PassManagerConfig, StagePlugin } from '../passmanager/stage-plugin.js'
import { HighLevelSynthesis } from '../synthesis/high-level-synthesis.js'
import { UnitarySynthesis } from '../synthesis/unitary-synthesis.js'
import { Unroll3qOrMore } from '../synthesis/unroll-3q-or-more.js'
import { isLaidOut, synthesisTarget } from './basis-target.js'

declare module '../passmanager/stage-registry.js' {
  interface InitStagePlugins {
    default: StagePlugin
  }
}

/**
 * The init stage of the presets (Qiskit's `DefaultInitPassManager`): every level unrolls
 * operations on three or more qubits (layout and routing see only 1- and 2-qubit gates);
 * level 1 also cancels adjacent inverse pairs; levels 2–3 simplify before layout — identity
 * removal, inverse and commutative cancellation, and 2-qubit block consolidation into unitaries
 * (split again when they are products), so layout and routing see fewer interactions, after
 * eliding swaps (relabelling the gates after them; `pluginOptions.elidePermutations: false`
 * keeps them, since a circuit's own swaps sometimes route it well) and dropping diagonal gates
 * right before measurements (they cannot change the counts).
 *
 * @param config - the pass-manager configuration
 * @returns the stage's tasks
 */
export function initTasks(config: PassManagerConfig): Task[] {
  const target = synthesisTarget(config)
  const library = config.equivalenceLibrary
  const level = config.optimizationLevel
  const tasks: Task[] = [
    new UnitarySynthesis({ target, physical: false, minQubits: 3 }),
    new HighLevelSynthesis({ target, physical: false, minQubits: 3, equivalenceLibrary: library }),
    new Unroll3qOrMore({ target, equivalenceLibrary: library }),
  ]
  if (level >= 1) tasks.push(new RemoveResetInZeroState())
  if (level === 1) tasks.push(new InverseCancellation())
  if (level >= 2) {
    // With a device, swaps become relabellings (their permutation joins the final layout after
    // routing); without one there is no layout to record it, so only final swaps go.
    const elide = isLaidOut(config) && config.pluginOptions?.['elidePermutations'] !== false
    tasks.push(elide ? new ElidePermutations() : new OptimizeSwapBeforeMeasure())
    tasks.push(new RemoveDiagonalGatesBeforeMeasure())
    tasks.push(new RemoveIdentityEquivalent(), new InverseCancellation())
    tasks.push(new CommutativeCancellation())
    if (target !== undefined) {
      tasks.push(new ConsolidateBlocks({ target, physical: false }), new Split2QUnitaries())
    }
  }
  return tasks
}

/** The built-in init-stage plugins. */
export const INIT_STAGE_PLUGINS: readonly StagePluginEntry[] = [
  {
    stage: 'init',
    name: 'default',
    plugin: {
      description: 'unroll 3+ qubit operations; simplify before layout at levels 1–3',
      createTasks: initTasks,
    },
  },
]
