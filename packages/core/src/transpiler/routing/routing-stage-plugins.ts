import type { StagePluginEntry } from '../passmanager/builtin-stage-plugins.js'
import { conditional, type AnalysisPass, type Task } from '../passmanager/pass.js'
import type { OptimizationLevel, PassManagerConfig } from '../passmanager/stage-plugin.js'
import { RoutingError } from '../transpiler-error.js'
import { BasicSwap } from './basic-swap.js'
import { CheckMap } from './check-map.js'
import { SabreSwap } from './sabre-swap.js'
import type { SabreHeuristic } from './sabre-router.js'

/** Sabre swap effort per level: trials and heuristic. */
const SABRE_EFFORT: Readonly<Record<OptimizationLevel, readonly [number, SabreHeuristic]>> = {
  0: [5, 'basic'],
  1: [5, 'decay'],
  2: [20, 'decay'],
  3: [20, 'decay'],
}

const needsNoRouting: AnalysisPass = {
  name: 'RequireMapped',
  kind: 'analysis',
  run: (dag) => {
    throw new RoutingError(
      'transpiler.routing-failed',
      `the circuit '${dag.name}' needs routing, but the routing method is 'none'`,
    )
  },
}

/** The routing stage around a router: check the mapping, route only if needed. */
function routingStage(config: PassManagerConfig, router: Task): Task[] {
  const device = { target: config.target, couplingMap: config.couplingMap }
  return [new CheckMap(device), conditional([router], (ps) => ps.get('isSwapMapped') !== true)]
}

function sabreSwap(config: PassManagerConfig): SabreSwap {
  const [trials, heuristic] = SABRE_EFFORT[config.optimizationLevel]
  return new SabreSwap({
    target: config.target,
    couplingMap: config.couplingMap,
    seed: config.seed,
    trials: config.swapTrials ?? trials,
    heuristic,
  })
}

/** The built-in routing-stage plugins: `default` (= `sabre`), `sabre`, `basic`, `none`. */
export const ROUTING_STAGE_PLUGINS: readonly StagePluginEntry[] = [
  {
    stage: 'routing',
    name: 'default',
    plugin: {
      description: 'Sabre routing',
      createTasks: (config) => routingStage(config, sabreSwap(config)),
    },
  },
  {
    stage: 'routing',
    name: 'sabre',
    plugin: {
      description: 'Sabre routing with lookahead, decay and seeded trials',
      createTasks: (config) => routingStage(config, sabreSwap(config)),
    },
  },
  {
    stage: 'routing',
    name: 'basic',
    plugin: {
      description: 'swaps along shortest paths, gate by gate',
      createTasks: (config) =>
        routingStage(
          config,
          new BasicSwap({ target: config.target, couplingMap: config.couplingMap }),
        ),
    },
  },
  {
    stage: 'routing',
    name: 'none',
    plugin: {
      description: 'no routing: fails if the circuit is not already mapped',
      createTasks: (config) => routingStage(config, needsNoRouting),
    },
  },
]
