import { SeededRng } from '../../internal/seeded-rng.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import { DeviceGraph, type DeviceOptions } from '../layout/device-graph.js'
import type { PassContext, TransformationPass } from '../passmanager/pass.js'
import { RoutingError } from '../transpiler-error.js'
import { emitRouted, emptyRoutedLike, recordPermutation } from './routed-dag.js'
import { routingDag, type RoutingDag } from './routing-dag.js'
import { estimatedTwoQubitCost } from './routing-cost.js'
import { sabreRoute, type SabreHeuristic, type SabreRouteResult } from './sabre-router.js'

/** The default score multiplier of swaps that merge into the previous 2-qubit block. */
const ABSORB_FACTOR = 0.8

/** Options of {@link SabreSwap}. */
export interface SabreSwapOptions extends DeviceOptions {
  /** The seed of the tie-breaking (default 0). */
  readonly seed?: number | undefined
  /** Independent routing runs; the one with fewest swaps wins (default 5). */
  readonly trials?: number | undefined
  /** The cost function (default `'decay'`). */
  readonly heuristic?: SabreHeuristic | undefined
}

/**
 * Routes a physical circuit with Sabre (Qiskit's `SabreSwap`): swaps are inserted so that every
 * 2-qubit operation acts on a coupling, choosing each swap by front-layer distance, a lookahead
 * over the next 2-qubit gates (weight 0.5) and a decay that favours parallel swaps. Several
 * seeded trials run; the one with fewest swaps is kept. Sets `finalLayout` (the permutation the
 * swaps caused) and `routingSwaps`.
 *
 * @example
 * ```ts
 * new PassManager([new TrivialLayout({ target }), new FullAncillaAllocation({ target }),
 *   new ApplyLayout(), new SabreSwap({ target, seed: 1, trials: 10 })])
 * ```
 */
export class SabreSwap implements TransformationPass {
  readonly name = 'SabreSwap'
  readonly kind = 'transformation'
  readonly key: string
  readonly #device: DeviceOptions
  readonly #seed: number
  readonly #trials: number
  readonly #heuristic: SabreHeuristic

  /** @param options - device, seed, trials, heuristic */
  constructor(options: SabreSwapOptions = {}) {
    this.#device = options
    this.#seed = options.seed ?? 0
    this.#trials = Math.max(1, options.trials ?? 5)
    this.#heuristic = options.heuristic ?? 'decay'
    this.key = `SabreSwap(seed=${this.#seed},trials=${this.#trials},${this.#heuristic})`
  }

  /**
   * @throws RoutingError `transpiler.not-physical` for a circuit wider than the device,
   *   `transpiler.multi-qubit-operation` for operations on 3+ qubits, `transpiler.disconnected`
   *   for gates across disconnected qubits
   */
  run(dag: DagCircuit, { propertySet }: PassContext): DagCircuit {
    const device = DeviceGraph.of(this.#device)
    if (device === undefined) return dag
    const n = device.numQubits
    if (dag.numQubits > n) {
      throw new RoutingError(
        'transpiler.not-physical',
        `the circuit '${dag.name}' has ${dag.numQubits} qubits, the device ${n}: apply a layout first`,
      )
    }
    const source = routingDag(dag)
    const initialLayout = Int32Array.from({ length: n }, (_, i) => i)
    const best = bestSabreRun(source, {
      device,
      heuristic: this.#heuristic,
      initialLayout,
      trials: this.#trials,
      seed: this.#seed,
    })
    const out = emitRouted(emptyRoutedLike(dag, n), {
      source,
      events: best.events,
      initialLayout,
      width: n,
      blockRouting: { device, seed: this.#seed },
    })
    recordPermutation(propertySet, best.finalLayout, best.swaps)
    return out
  }
}

/** Options of {@link bestSabreRun}. @internal */
export interface BestSabreRunOptions {
  readonly device: DeviceGraph
  readonly heuristic: SabreHeuristic
  readonly initialLayout: Int32Array
  readonly trials: number
  readonly seed: number
  /** See {@link SabreRouteOptions.absorbFactor}; odd trials use it, even ones plain Sabre. */
  readonly absorbFactor?: number | undefined
}

/** A routing run with its estimated 2-qubit cost. @internal */
export interface ScoredSabreRun extends SabreRouteResult {
  /** {@link estimatedTwoQubitCost} of the run. */
  readonly cost: number
}

/**
 * Runs several seeded Sabre routings and keeps the best: lowest estimated 2-qubit cost after
 * resynthesis, then fewest swaps, then the first.
 *
 * @internal
 */
export function bestSabreRun(source: RoutingDag, options: BestSabreRunOptions): ScoredSabreRun {
  const seeds = new SeededRng(options.seed)
  let best: ScoredSabreRun | undefined
  for (let t = 0; t < options.trials; t++) {
    const result = sabreRoute(source, {
      device: options.device,
      heuristic: options.heuristic,
      rng: new SeededRng(seeds.nextUint32()),
      initialLayout: options.initialLayout,
      // Alternate plain Sabre with absorption-aware Sabre: the trials then differ more.
      absorbFactor: t % 2 === 1 ? (options.absorbFactor ?? ABSORB_FACTOR) : 1,
    })
    const scored = {
      ...result,
      cost: estimatedTwoQubitCost({
        source,
        events: result.events,
        initialLayout: options.initialLayout,
        width: options.device.numQubits,
      }),
    }
    if (best === undefined || isBetterRun(scored, best)) best = scored
    if (best.swaps === 0) break
  }
  return best!
}

/**
 * Whether run `a` beats run `b`: lower estimated cost, then fewer swaps.
 *
 * @internal
 */
export function isBetterRun(a: ScoredSabreRun, b: ScoredSabreRun): boolean {
  return a.cost < b.cost || (a.cost === b.cost && a.swaps < b.swaps)
}
