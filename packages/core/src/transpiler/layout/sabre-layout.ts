import { SeededRng } from '../../internal/seeded-rng.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { PassContext, TransformationPass } from '../passmanager/pass.js'
import { emitRouted, recordPermutation } from '../routing/routed-dag.js'
import { reverseRoutingDag, routingDag, type RoutingDag } from '../routing/routing-dag.js'
import { sabreRoute } from '../routing/sabre-router.js'
import { bestSabreRun, isBetterRun, type ScoredSabreRun } from '../routing/sabre-swap.js'
import { physicalDagLike } from './apply-layout.js'
import { denseLayoutArray } from './dense-layout.js'
import { DeviceGraph, type DeviceOptions } from './device-graph.js'
import { assignComponents, checkWidth, interactionGraph } from './interaction-graph.js'
import { Layout } from './layout.js'
import { startingLayouts } from './starting-layouts.js'

/** Options of {@link SabreLayout}. */
export interface SabreLayoutOptions extends DeviceOptions {
  /** The seed of the random starting layouts and tie-breaks (default 0). */
  readonly seed?: number | undefined
  /** Starting layouts to improve: trivial, dense, then random ones (default 5). */
  readonly layoutTrials?: number | undefined
  /** Routing trials of the final forward pass of each layout trial (default 5). */
  readonly swapTrials?: number | undefined
  /** Forward-and-backward refinement rounds per layout trial (default 2). */
  readonly maxIterations?: number | undefined
  /** Only choose the layout; return the DAG unrouted (default `false`). */
  readonly skipRouting?: boolean | undefined
}

/** Node routings (operations × routing runs) one layout search may spend, roughly 3 s. */
const WORK_BUDGET = 2_000_000
/** Layout trials kept however long the circuit. */
const MIN_TRIALS_UNDER_BUDGET = 5

/** The best layout trial: its starting layout and its final forward routing. */
interface LayoutTrial {
  readonly initial: Int32Array
  readonly routing: ScoredSabreRun
}

/**
 * Chooses an initial layout with Sabre (Qiskit's `SabreLayout`): from each starting layout
 * (trivial, dense, then seeded random ones), route the circuit forwards and backwards a few
 * times, each routing's final layout seeding the next; then route forwards with several trials.
 * The trial with fewest swaps wins. Unless `skipRouting`, it returns the routed physical circuit
 * of that trial (setting `layout`, `finalLayout`, `sabreLayoutSwaps`, `routingSwaps`), so the
 * routing stage finds it already mapped; otherwise it sets `layout` only.
 *
 * @example
 * ```ts
 * new PassManager([new SabreLayout({ target, seed: 7, layoutTrials: 20, swapTrials: 20 })])
 * ```
 */
export class SabreLayout implements TransformationPass {
  readonly name = 'SabreLayout'
  readonly kind = 'transformation'
  readonly key: string
  readonly #options: SabreLayoutOptions

  /** @param options - device, seed, trial counts, iterations */
  constructor(options: SabreLayoutOptions = {}) {
    this.#options = options
    this.key =
      `SabreLayout(seed=${options.seed ?? 0},layout=${options.layoutTrials ?? 5},` +
      `swap=${options.swapTrials ?? 5},it=${options.maxIterations ?? 2},skip=${String(options.skipRouting ?? false)})`
  }

  /**
   * @throws CircuitTooWideError for a circuit wider than the device; LayoutError
   *   `transpiler.disconnected` if the interacting qubits cannot be placed on the couplings;
   *   RoutingError `transpiler.multi-qubit-operation` for operations on 3+ qubits
   */
  run(dag: DagCircuit, { propertySet }: PassContext): DagCircuit {
    const device = DeviceGraph.of(this.#options)
    checkWidth(dag, DeviceGraph.numQubitsOf(this.#options))
    if (device === undefined) {
      propertySet.set('layout', Layout.trivial(dag.numQubits))
      return dag
    }
    const graph = interactionGraph(dag)
    const components = device.components.length > 1 ? assignComponents(graph, device) : undefined
    const forward = routingDag(dag)
    const best = this.#bestTrial(forward, {
      device,
      starts: startingLayouts({
        graph,
        device,
        components,
        dense: denseLayoutArray(graph, device),
        trials: this.#layoutTrials(forward.nodes.length),
        rng: new SeededRng(this.#options.seed ?? 0),
      }),
    })
    const layout = new Layout(Array.from(best.initial, (p, v) => [v, p] as const))
    propertySet.set('layout', layout)
    propertySet.set('sabreLayoutSwaps', best.routing.swaps)
    if (this.#options.skipRouting === true) return dag
    const n = device.numQubits
    const out = emitRouted(physicalDagLike(dag, n), {
      source: forward,
      events: best.routing.events,
      initialLayout: best.initial,
      width: n,
      blockRouting: { device, seed: this.#options.seed ?? 0 },
    })
    const permutation = new Int32Array(n)
    best.initial.forEach((p, v) => (permutation[p] = best.routing.finalLayout[v]!))
    recordPermutation(propertySet, permutation, best.routing.swaps)
    return out
  }

  /**
   * The layout trials to run: as asked, but scaled down for long circuits so that the total
   * routing work stays within {@link WORK_BUDGET} (at least {@link MIN_TRIALS_UNDER_BUDGET}
   * trials, never more than asked). The extra trials matter little on long circuits.
   */
  #layoutTrials(numNodes: number): number {
    const asked = Math.max(1, this.#options.layoutTrials ?? 5)
    const routingsPerTrial =
      2 * Math.max(0, this.#options.maxIterations ?? 2) + Math.max(1, this.#options.swapTrials ?? 5)
    const affordable = Math.floor(WORK_BUDGET / (routingsPerTrial * Math.max(1, numNodes)))
    return Math.min(asked, Math.max(MIN_TRIALS_UNDER_BUDGET, affordable))
  }

  #bestTrial(
    forward: RoutingDag,
    context: { readonly device: DeviceGraph; readonly starts: readonly Int32Array[] },
  ): LayoutTrial {
    const reverse = reverseRoutingDag(forward)
    const seeds = new SeededRng((this.#options.seed ?? 0) ^ 0x5eed)
    const iterations = Math.max(0, this.#options.maxIterations ?? 2)
    let best: LayoutTrial | undefined
    for (const start of context.starts) {
      const rng = new SeededRng(seeds.nextUint32())
      let layout = start
      for (let i = 0; i < iterations; i++) {
        for (const source of [forward, reverse]) {
          const run = sabreRoute(source, {
            device: context.device,
            heuristic: 'decay',
            rng,
            initialLayout: layout,
          })
          layout = run.finalLayout
        }
      }
      const routing = bestSabreRun(forward, {
        device: context.device,
        heuristic: 'decay',
        initialLayout: layout,
        trials: Math.max(1, this.#options.swapTrials ?? 5),
        seed: rng.nextUint32(),
      })
      if (best === undefined || isBetterRun(routing, best.routing)) {
        best = { initial: layout, routing }
      }
      if (best.routing.swaps === 0) break
    }
    return best!
  }
}
