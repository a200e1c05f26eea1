import type { StagePluginEntry } from '../passmanager/builtin-stage-plugins.js'
import type { Task } from '../passmanager/pass.js'
import type { PassManagerConfig, StagePlugin } from '../passmanager/stage-plugin.js'
import { isLaidOut, synthesisTarget } from '../preset/basis-target.js'
import { ConsolidateBlocks } from '../optimization/consolidate-blocks.js'
import { MergeCommuting2q } from '../optimization/merge-commuting-2q.js'
import { CheckGateDirection, GateDirection } from '../routing/gate-direction.js'
import { HighLevelSynthesis } from '../synthesis/high-level-synthesis.js'
import { UnitarySynthesis } from '../synthesis/unitary-synthesis.js'
import { BasisTranslator } from './basis-translator.js'

declare module '../passmanager/stage-registry.js' {
  interface TranslationStagePlugins {
    default: StagePlugin
    translator: StagePlugin
    synthesis: StagePlugin
  }
}

/**
 * The tasks that bring a circuit into the target's instructions: unitary synthesis, high-level
 * synthesis, basis translation, then, on targets with one-way couplings, gate direction fixing
 * and a second translation for the gates the flips add.
 *
 * @param config - the pass-manager configuration
 * @param options - `synthesizeBlocks`: first turn every 2-qubit block into a unitary and
 *   synthesise it (the `synthesis` method)
 * @returns the tasks
 */
export function translationTasks(
  config: PassManagerConfig,
  options: { readonly synthesizeBlocks?: boolean | undefined } = {},
): Task[] {
  const target = synthesisTarget(config)
  if (target === undefined) return []
  const physical = isLaidOut(config)
  const tasks: Task[] =
    options.synthesizeBlocks === true
      ? [new ConsolidateBlocks({ target, physical, force: true })]
      : []
  // Routing leaves swaps that commuting gates keep apart from gates on the same pair.
  if (physical && config.optimizationLevel >= 2) {
    tasks.push(new MergeCommuting2q({ target, physical }))
  }
  tasks.push(...translateOnly(config))
  if (physical && config.target !== undefined) tasks.push(...directionTasks(config))
  return tasks
}

/**
 * Unitary synthesis, high-level synthesis and basis translation, without direction fixing.
 *
 * @param config - the pass-manager configuration
 * @returns the tasks (none without a basis)
 */
export function translateOnly(config: PassManagerConfig): Task[] {
  const target = synthesisTarget(config)
  if (target === undefined) return []
  const physical = isLaidOut(config)
  const library = config.equivalenceLibrary
  return [
    new UnitarySynthesis({ target, physical }),
    new HighLevelSynthesis({ target, physical, equivalenceLibrary: library }),
    new BasisTranslator({ target, physical, equivalenceLibrary: library }),
  ]
}

/**
 * Fixes two-qubit gates on couplings the target has only the other way round, then translates
 * whatever the fix added (`h`, `ry`, … around a flipped `cx` or `ecr`).
 *
 * @param config - the pass-manager configuration (with a target)
 * @returns the tasks (none without a device target)
 */
export function directionTasks(config: PassManagerConfig): Task[] {
  const target = config.target
  if (target === undefined || (target.numQubits ?? 0) === 0) return []
  const library = config.equivalenceLibrary
  return [
    new CheckGateDirection({ target }),
    {
      kind: 'conditional',
      condition: (ps) => ps.get('isDirectionMapped') === false,
      tasks: [
        new GateDirection({ target }),
        new BasisTranslator({ target, physical: true, equivalenceLibrary: library }),
      ],
    },
  ]
}

const translator: StagePlugin = {
  description:
    'unitary and high-level synthesis, then BasisTranslator over the equivalence library',
  createTasks: (config) => translationTasks(config),
}

/** The built-in translation-stage plugins. */
export const TRANSLATION_STAGE_PLUGINS: readonly StagePluginEntry[] = [
  { stage: 'translation', name: 'default', plugin: translator },
  { stage: 'translation', name: 'translator', plugin: translator },
  {
    stage: 'translation',
    name: 'synthesis',
    plugin: {
      description: 'every 2-qubit block resynthesised with KAK, then as translator',
      createTasks: (config) => translationTasks(config, { synthesizeBlocks: true }),
    },
  },
]
