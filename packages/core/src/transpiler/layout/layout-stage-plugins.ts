import type { DagCircuit } from '../dag/dag-circuit.js'
import type { StagePluginEntry } from '../passmanager/builtin-stage-plugins.js'
import { conditional, type AnalysisPass, type Task } from '../passmanager/pass.js'
import type { PropertySet } from '../passmanager/property-set.js'
import type { OptimizationLevel, PassManagerConfig } from '../passmanager/stage-plugin.js'
import { CheckMap } from '../routing/check-map.js'
import { ApplyLayout } from './apply-layout.js'
import { DenseLayout } from './dense-layout.js'
import { DeviceGraph, type DeviceOptions } from './device-graph.js'
import { FullAncillaAllocation } from './full-ancilla-allocation.js'
import { checkWidth } from './interaction-graph.js'
import { SabreLayout } from './sabre-layout.js'
import { SetLayout } from './set-layout.js'
import { TrivialLayout } from './trivial-layout.js'
import { VF2Layout } from './vf2-layout.js'

/** Sabre layout effort per level: layout trials, swap trials, forward-backward iterations. */
const SABRE_EFFORT: Readonly<Record<OptimizationLevel, readonly [number, number, number]>> = {
  0: [5, 5, 1],
  1: [5, 5, 2],
  2: [20, 20, 2],
  3: [40, 20, 4],
}

/** VF2 search limits per level: candidate checks, scored layouts. */
const VF2_EFFORT: Readonly<Record<OptimizationLevel, readonly [number, number]>> = {
  0: [5e4, 2500],
  1: [5e4, 2500],
  2: [5e5, 25_000],
  3: [3e6, 250_000],
}

function deviceOf(config: PassManagerConfig): DeviceOptions {
  return { target: config.target, couplingMap: config.couplingMap }
}

function sabreLayout(config: PassManagerConfig): SabreLayout {
  const [layoutTrials, swapTrials, maxIterations] = SABRE_EFFORT[config.optimizationLevel]
  const routing = config.routingMethod
  return new SabreLayout({
    ...deviceOf(config),
    seed: config.seed,
    layoutTrials: config.layoutTrials ?? layoutTrials,
    swapTrials: config.swapTrials ?? swapTrials,
    maxIterations,
    // Sabre routes inline only when Sabre also is the router (as Qiskit's plugin does).
    skipRouting: routing !== undefined && routing !== 'sabre' && routing !== 'default',
  })
}

function vf2Layout(config: PassManagerConfig): VF2Layout {
  const [callLimit, maxTrials] = VF2_EFFORT[config.optimizationLevel]
  return new VF2Layout({ ...deviceOf(config), seed: config.seed, callLimit, maxTrials })
}

const noLayout = (ps: PropertySet): boolean => !ps.has('layout')

const resetLayout: AnalysisPass = {
  name: 'ResetLayout',
  kind: 'analysis',
  run: (_dag, { propertySet }) => {
    propertySet.delete('layout')
  },
}

function checkCircuitWidth(device: DeviceOptions): AnalysisPass {
  return {
    name: 'CheckCircuitWidth',
    kind: 'analysis',
    run: (dag: DagCircuit) => {
      checkWidth(dag, DeviceGraph.numQubitsOf(device))
    },
  }
}

/**
 * The layout stage around a layout chooser: an explicit `initialLayout` wins (`SetLayout`);
 * otherwise the chooser's tasks run; then ancillas are allocated and the layout applied,
 * unless `SabreLayout` already returned the routed physical circuit. Without connectivity
 * constraints (and no initial layout) the circuit stays virtual.
 */
function layoutStage(config: PassManagerConfig, choose: () => Task[]): Task[] {
  const device = deviceOf(config)
  const apply = [new FullAncillaAllocation(device), new ApplyLayout()]
  if (config.initialLayout !== undefined) {
    return [new SetLayout(config.initialLayout, device), ...apply]
  }
  if (DeviceGraph.of(device) === undefined) return [checkCircuitWidth(device)]
  return [...choose(), conditional(apply, (ps) => !ps.has('finalLayout'))]
}

function defaultChooser(config: PassManagerConfig): Task[] {
  const device = deviceOf(config)
  if (config.optimizationLevel === 0) return [new TrivialLayout(device)]
  const vf2ThenSabre = [vf2Layout(config), conditional([sabreLayout(config)], noLayout)]
  if (config.optimizationLevel >= 2) return vf2ThenSabre
  // Level 1: keep the trivial layout when it needs no swaps.
  return [
    new TrivialLayout(device),
    new CheckMap(device),
    conditional([resetLayout, ...vf2ThenSabre], (ps) => ps.get('isSwapMapped') !== true),
  ]
}

/** The built-in layout-stage plugins: `default`, `trivial`, `dense`, `vf2`, `sabre`. */
export const LAYOUT_STAGE_PLUGINS: readonly StagePluginEntry[] = [
  {
    stage: 'layout',
    name: 'default',
    plugin: {
      description:
        'trivial at level 0; trivial if perfect, else VF2, else Sabre at level 1; VF2, else Sabre at 2–3',
      createTasks: (config) => layoutStage(config, () => defaultChooser(config)),
    },
  },
  {
    stage: 'layout',
    name: 'trivial',
    plugin: {
      description: 'circuit qubit i on device qubit i',
      createTasks: (config) => layoutStage(config, () => [new TrivialLayout(deviceOf(config))]),
    },
  },
  {
    stage: 'layout',
    name: 'dense',
    plugin: {
      description: 'the densest, least noisy connected part of the device',
      createTasks: (config) => layoutStage(config, () => [new DenseLayout(deviceOf(config))]),
    },
  },
  {
    stage: 'layout',
    name: 'vf2',
    plugin: {
      description: 'a swap-free, noise-aware embedding (VF2), else Sabre',
      createTasks: (config) =>
        layoutStage(config, () => [
          vf2Layout(config),
          conditional([sabreLayout(config)], noLayout),
        ]),
    },
  },
  {
    stage: 'layout',
    name: 'sabre',
    plugin: {
      description: 'Sabre layout: seeded trials of forward-backward routing',
      createTasks: (config) => layoutStage(config, () => [sabreLayout(config)]),
    },
  },
]
