import type { EquivalenceLibrary } from '../../circuit/equivalence-library.js'
import { CouplingMap } from '../../target/coupling-map.js'
import { Target } from '../../target/target.js'
import { Layout } from '../layout/layout.js'
import {
  OPTIMIZATION_LEVELS,
  type OptimizationLevel,
  type PassManagerConfig,
  type StageName,
} from '../passmanager/stage-plugin.js'
import { StagedPassManager } from '../passmanager/staged-pass-manager.js'
import { FinalizeElidedPermutation } from '../optimization/elide-permutations.js'
import { OptimizeSwapBeforeMeasure } from '../optimization/optimize-swap-before-measure.js'

/** Anything with a target: a `Backend` fits (the transpiler does not import providers). */
export interface TargetSource {
  readonly target: Target
}

/** Options of {@link generatePresetPassManager} (Qiskit's `generate_preset_pass_manager`). */
export interface PresetPassManagerOptions {
  /** The device to compile for (takes precedence over everything else). */
  readonly target?: Target | undefined
  /** A backend: its target is used when no `target` and no loose constraints are given. */
  readonly backend?: TargetSource | undefined
  /** Basis gate names (loose constraint; with `couplingMap` they make a target). */
  readonly basisGates?: readonly string[] | undefined
  /** The connectivity (loose constraint): a map or a list of `[control, target]` pairs. */
  readonly couplingMap?: CouplingMap | readonly (readonly number[])[] | undefined
  /** Where each circuit qubit starts: `initialLayout[v]` is virtual qubit `v`'s physical qubit. */
  readonly initialLayout?: Layout | readonly number[] | undefined
  /** The init plugin (default `'default'`). */
  readonly initMethod?: string | undefined
  /** The layout plugin: `'default'`, `'trivial'`, `'dense'`, `'vf2'`, `'sabre'`, or yours. */
  readonly layoutMethod?: string | undefined
  /** The routing plugin: `'default'`, `'sabre'`, `'basic'`, `'none'`, or yours. */
  readonly routingMethod?: string | undefined
  /** The translation plugin: `'default'`, `'translator'`, `'synthesis'`, or yours. */
  readonly translationMethod?: string | undefined
  /** The optimisation plugin (default `'default'`). */
  readonly optimizationMethod?: string | undefined
  /** The scheduling plugin: `'default'` (none), `'alap'`, `'asap'`, or yours. */
  readonly schedulingMethod?: string | undefined
  /** The seed of every randomised pass (default 0: outputs are reproducible). */
  readonly seed?: number | undefined
  /** 1 = exact synthesis (the default, and at present the only mode: lower values are ignored). */
  readonly approximationDegree?: number | undefined
  /** Equivalence rules for translation (default: the session library). */
  readonly equivalenceLibrary?: EquivalenceLibrary | undefined
  /** Sabre layout trials (default by level). */
  readonly layoutTrials?: number | undefined
  /** Sabre routing trials (default by level). */
  readonly swapTrials?: number | undefined
  /** Options for third-party plugins, by plugin name. */
  readonly pluginOptions?: Readonly<Record<string, unknown>> | undefined
}

/**
 * The configuration the stage plugins build from, with Qiskit's precedence: an explicit
 * `target`, else loose constraints (`basisGates` and/or `couplingMap`), else the backend's
 * target.
 *
 * @param level - the optimisation level
 * @param options - the preset options
 * @returns the configuration
 * @throws RangeError for a level outside 0–3
 */
export function presetConfig(
  level: number,
  options: PresetPassManagerOptions = {},
): PassManagerConfig {
  if (!(OPTIMIZATION_LEVELS as readonly number[]).includes(level)) {
    throw new RangeError(`optimizationLevel must be 0, 1, 2 or 3, got ${level}`)
  }
  const { target, couplingMap, basisGates } = resolveDevice(options)
  const initialLayout = options.initialLayout
  return {
    optimizationLevel: level as OptimizationLevel,
    target,
    couplingMap: target === undefined ? couplingMap : undefined,
    basisGates,
    initialLayout:
      initialLayout === undefined || initialLayout instanceof Layout
        ? initialLayout
        : Layout.fromArray(initialLayout),
    seed: options.seed ?? 0,
    approximationDegree: options.approximationDegree,
    equivalenceLibrary: options.equivalenceLibrary,
    layoutTrials: options.layoutTrials,
    swapTrials: options.swapTrials,
    layoutMethod: options.layoutMethod ?? 'default',
    routingMethod: options.routingMethod ?? 'default',
    pluginOptions: options.pluginOptions,
  }
}

/**
 * The plugin name of each stage for a configuration: layout and routing only when there is a
 * device (a target of known width, or a coupling map).
 *
 * @param config - the configuration
 * @param options - the methods chosen
 * @returns stage → plugin name
 */
export function presetMethods(
  config: PassManagerConfig,
  options: PresetPassManagerOptions = {},
): Partial<Record<StageName, string>> {
  const hasDevice = (config.target?.numQubits ?? 0) > 0 || config.couplingMap !== undefined
  return {
    init: options.initMethod ?? 'default',
    ...(hasDevice
      ? { layout: config.layoutMethod ?? 'default', routing: config.routingMethod ?? 'default' }
      : {}),
    translation: options.translationMethod ?? 'default',
    optimization: options.optimizationMethod ?? 'default',
    scheduling: options.schedulingMethod ?? 'default',
  }
}

/**
 * A staged pass manager for an optimisation level, built from the registered stage plugins
 * (Qiskit's `generate_preset_pass_manager`): init (unroll, early simplification), layout,
 * routing, translation (synthesis, basis translation, gate direction), optimisation (a loop to
 * the best two-qubit count and depth) and scheduling. Any stage can be replaced afterwards with
 * `setStage`.
 *
 * - level 0: no optimisation; trivial layout.
 * - level 1: light optimisation (1-qubit resynthesis, adjacent cancellation); cheap layout.
 * - level 2 (the `transpile` default): simplification before layout, VF2 or Sabre layout,
 *   commutative cancellation and KAK block resynthesis to a fixed point.
 * - level 3: as 2, with more Sabre trials, a longer optimisation loop and the removal of
 *   diagonal gates before measurements.
 *
 * @param level - 0, 1, 2 or 3
 * @param options - target or backend or loose constraints, methods, seed, …
 * @returns the pass manager
 * @throws RangeError for a bad level; TranspilerError `transpiler.unknown-plugin` for an
 *   unregistered method
 * @example
 * ```ts
 * const pm = generatePresetPassManager(3, { target, seed: 11 })
 * const out = pm.run(circuit)
 * getTranspileLayout(out)?.finalIndexLayout()
 * ```
 */
export function generatePresetPassManager(
  level: number,
  options: PresetPassManagerOptions = {},
): StagedPassManager {
  const config = presetConfig(level, options)
  return presetPassManager(config, presetMethods(config, options))
}

/**
 * The staged pass manager of a configuration: each stage from its plugin, plus the presets'
 * own hook after routing at levels 2–3: the permutation the init stage's `ElidePermutations`
 * removed joins the final layout, and swaps followed only by measurements are dropped (the
 * measurements exchanged instead; routing often ends with such swaps).
 *
 * @param config - the configuration
 * @param methods - stage → plugin name
 * @returns the pass manager
 * @throws TranspilerError `transpiler.unknown-plugin` for an unregistered method
 */
export function presetPassManager(
  config: PassManagerConfig,
  methods: Partial<Readonly<Record<StageName, string>>>,
): StagedPassManager {
  const spm = StagedPassManager.fromPlugins(config, methods)
  if (config.optimizationLevel >= 2 && methods.routing !== undefined) {
    spm.setStage(
      'routing',
      [new FinalizeElidedPermutation(), new OptimizeSwapBeforeMeasure()],
      'post',
    )
  }
  return spm
}

/** The device with Qiskit's precedence: target, then loose constraints, then backend. */
function resolveDevice(options: PresetPassManagerOptions): {
  target: Target | undefined
  couplingMap: CouplingMap | undefined
  basisGates: readonly string[] | undefined
} {
  const couplingMap = toCouplingMap(options.couplingMap)
  if (options.target !== undefined)
    return { target: options.target, couplingMap, basisGates: undefined }
  const basisGates = options.basisGates
  if (basisGates !== undefined && couplingMap !== undefined) {
    const target = Target.fromConfiguration({ basisGates, couplingMap }).freeze()
    return { target, couplingMap, basisGates: undefined }
  }
  if (basisGates !== undefined || couplingMap !== undefined) {
    return { target: undefined, couplingMap, basisGates }
  }
  return { target: options.backend?.target, couplingMap: undefined, basisGates: undefined }
}

function toCouplingMap(
  map: CouplingMap | readonly (readonly number[])[] | undefined,
): CouplingMap | undefined {
  if (map === undefined || map instanceof CouplingMap) return map
  return new CouplingMap(map)
}
