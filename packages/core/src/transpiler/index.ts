/**
 * The transpiler: compiles circuits for a device.
 *
 * - {@link transpile} (Qiskit's `transpile`): one call from circuits and a target (or a backend,
 *   or loose `basisGates`/`couplingMap`) to device-ready circuits carrying their layout.
 * - {@link generatePresetPassManager}: the staged pass manager of an optimisation level (0–3),
 *   built from the stage plugins (`init`, `layout`, `routing`, `translation`, `optimization`,
 *   `scheduling`); replace any stage to customise it.
 * - Passes, usable on their own in a `PassManager`: synthesis (`UnitarySynthesis`,
 *   `HighLevelSynthesis`, `Unroll3qOrMore`), translation (`BasisTranslator` over an
 *   `EquivalenceLibrary` — register rules for a provider's gates in
 *   {@link sessionEquivalenceLibrary}), optimisation (`Optimize1qGatesDecomposition`,
 *   `InverseCancellation`, `CommutativeCancellation`, `ConsolidateBlocks`, …) and scheduling
 *   (`ALAPScheduleAnalysis`, `ASAPScheduleAnalysis`, `PadDelay`).
 *
 * Circuits that cannot be compiled fail with a `TranspilerError` whose `code` names the reason.
 *
 * @example
 * ```ts
 * import { transpile, getTranspileLayout } from '@qfabric/core/transpiler'
 *
 * const out = transpile(circuit, { target, optimizationLevel: 3, seed: 7 })
 * out.countOps()                              // only the target's instructions
 * getTranspileLayout(out)?.finalIndexLayout() // where each circuit qubit ends
 * ```
 *
 * @packageDocumentation
 * @module transpiler
 */

// Part B: synthesis, translation, optimisation, scheduling, presets and transpile().
export { BasisTranslator, type BasisTranslatorOptions } from './translation/basis-translator.js'
export {
  applyTranslation,
  BasisSearch,
  defaultBasisWeight,
  type BasisWeight,
  type TranslatedGate,
  type Translation,
} from './translation/basis-search.js'
export { sessionEquivalenceLibrary } from './translation/session-equivalence-library.js'
export { TRANSLATION_STAGE_PLUGINS } from './translation/translation-stage-plugins.js'
export { blockUnitary, operationMatrix } from './synthesis/block-unitary.js'
export {
  HighLevelSynthesis,
  type HighLevelSynthesisOptions,
} from './synthesis/high-level-synthesis.js'
export {
  defaultGateCost,
  EULER_BASIS_GATES,
  eulerBasesFor,
  synthesizeOneQubit,
  type GateCost,
  type OneQubitSynthesis,
} from './synthesis/one-qubit-synthesis.js'
export { ALWAYS_SUPPORTED, TargetView } from './synthesis/target-view.js'
export { TwoQubitSynthesizer, type TwoQubitResult } from './synthesis/two-qubit-synthesis.js'
export {
  synthesizeUnitary,
  UnitarySynthesis,
  type UnitaryDecomposition,
  type UnitarySynthesisOptions,
} from './synthesis/unitary-synthesis.js'
export { Unroll3qOrMore, type Unroll3qOrMoreOptions } from './synthesis/unroll-3q-or-more.js'
export { countMultiQubitOps, Depth, Size } from './optimization/circuit-metrics.js'
export { CommutationChecker, DIAGONAL_GATES } from './optimization/commutation-checker.js'
export {
  CommutativeCancellation,
  type CommutativeCancellationOptions,
} from './optimization/commutative-cancellation.js'
export {
  ConsolidateBlocks,
  type ConsolidateBlocksOptions,
} from './optimization/consolidate-blocks.js'
export {
  cancelGates,
  type CancelGatesOptions,
  type CombineGates,
  type CombinedGates,
} from './optimization/gate-cancellation.js'
export { InverseCancellation } from './optimization/inverse-cancellation.js'
export {
  MergeCommuting2q,
  type MergeCommuting2qOptions,
} from './optimization/merge-commuting-2q.js'
export {
  MinimumPoint,
  optimizationScore,
  ResetMinimumPoint,
  type MinimumPointState,
} from './optimization/minimum-point.js'
export {
  Optimize1qGatesDecomposition,
  type Optimize1qGatesDecompositionOptions,
} from './optimization/optimize-1q-gates-decomposition.js'
export { OptimizeSwapBeforeMeasure } from './optimization/optimize-swap-before-measure.js'
export { OPTIMIZATION_STAGE_PLUGINS } from './optimization/optimization-stage-plugins.js'
export { RemoveDiagonalGatesBeforeMeasure } from './optimization/remove-diagonal-gates-before-measure.js'
export { RemoveIdentityEquivalent } from './optimization/remove-identity-equivalent.js'
export { RemoveResetInZeroState } from './optimization/remove-reset-in-zero-state.js'
export { Split2QUnitaries } from './optimization/split-2q-unitaries.js'
export { nodeDuration } from './scheduling/node-duration.js'
export { PadDelay } from './scheduling/pad-delay.js'
export { alapSchedule, asapSchedule, type Schedule } from './scheduling/schedule.js'
export { ALAPScheduleAnalysis, ASAPScheduleAnalysis } from './scheduling/schedule-analysis.js'
export { SCHEDULING_STAGE_PLUGINS } from './scheduling/scheduling-stage-plugins.js'
export { basisTarget, isLaidOut, synthesisTarget } from './preset/basis-target.js'
export {
  generatePresetPassManager,
  presetConfig,
  presetMethods,
  presetPassManager,
  type PresetPassManagerOptions,
  type TargetSource,
} from './preset/generate-preset-pass-manager.js'
export { INIT_STAGE_PLUGINS, initTasks } from './preset/init-stage-plugins.js'
export { transpile, type TranspileOptions } from './transpile.js'

// DAG, pass managers, stage registry, layout and routing.
export {
  BasisTranslationError,
  CircuitTooWideError,
  LayoutError,
  RoutingError,
  TRANSPILER_ERROR_CODES,
  type TranspilerErrorCode,
} from './transpiler-error.js'
export { DagCircuit, type DagCircuitOptions } from './dag/dag-circuit.js'
export { circuitToDag } from './dag/circuit-to-dag.js'
export { dagToCircuit } from './dag/dag-to-circuit.js'
export {
  clbitWire,
  isDagOpNode,
  qubitWire,
  wireFromKey,
  wireKey,
  type DagInNode,
  type DagNode,
  type DagOpNode,
  type DagOutNode,
  type DagWire,
} from './dag/dag-node.js'
export {
  type PassManagerDagResult,
  type PassManagerResult,
  type PassManagerRunOptions,
} from './passmanager/pass-manager.js'
export {
  StagedPassManager,
  type StageSlot,
  type StageTasks,
  type StagedPassManagerOptions,
} from './passmanager/staged-pass-manager.js'
export { PropertySet, type PropertyKey, type PropertySetTypes } from './passmanager/property-set.js'
export {
  conditional,
  doWhile,
  isPass,
  type AnalysisPass,
  type ConditionalController,
  type DoWhileController,
  type FlowController,
  type Pass,
  type PassBase,
  type PassContext,
  type PassSignal,
  type Task,
  type TransformationPass,
} from './passmanager/pass.js'
export {
  getStagePlugin,
  registerStagePlugin,
  stagePluginNames,
  stageRegistry,
  unregisterStagePlugin,
  type InitStagePlugins,
  type LayoutStagePlugins,
  type OptimizationStagePlugins,
  type RoutingStagePlugins,
  type SchedulingStagePlugins,
  type StagePluginMap,
  type StageRegistry,
  type TranslationStagePlugins,
} from './passmanager/stage-registry.js'
export {
  OPTIMIZATION_LEVELS,
  STAGE_NAMES,
  type OptimizationLevel,
  type PassManagerConfig,
  type StageName,
  type StagePlugin,
} from './passmanager/stage-plugin.js'
export {
  runTasks,
  type PassCallback,
  type PassEvent,
  type RunState,
} from './passmanager/run-tasks.js'
export { Layout } from './layout/layout.js'
export {
  TranspileLayout,
  setTranspileLayout,
  type TranspileLayoutInit,
} from './layout/transpile-layout.js'
export { TrivialLayout } from './layout/trivial-layout.js'
export { DenseLayout, denseLayoutArray } from './layout/dense-layout.js'
export { VF2Layout, type VF2LayoutOptions } from './layout/vf2-layout.js'
export { SabreLayout, type SabreLayoutOptions } from './layout/sabre-layout.js'
export { SetLayout } from './layout/set-layout.js'
export { FullAncillaAllocation } from './layout/full-ancilla-allocation.js'
export { ApplyLayout, applyLayout, physicalDagLike } from './layout/apply-layout.js'
export { DeviceGraph, type DeviceOptions } from './layout/device-graph.js'
export { CheckMap, isSwapMapped } from './routing/check-map.js'
export {
  SabreSwap,
  bestSabreRun,
  isBetterRun,
  type BestSabreRunOptions,
  type SabreSwapOptions,
  type ScoredSabreRun,
} from './routing/sabre-swap.js'
export { BasicSwap } from './routing/basic-swap.js'
export {
  CheckGateDirection,
  GateDirection,
  type GateDirectionOptions,
} from './routing/gate-direction.js'
export { getTranspileLayout } from './layout/transpile-layout.js'
export { PassManager } from './passmanager/pass-manager.js'
export { TranspilerError } from './transpiler-error.js'
