import { SeededRng } from '../../internal/seeded-rng.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'
import { DeviceGraph, type DeviceOptions } from './device-graph.js'
import { interactionGraph } from './interaction-graph.js'
import { Layout } from './layout.js'
import { findVf2Mapping } from './vf2-mapping.js'

/** Options of {@link VF2Layout}. */
export interface VF2LayoutOptions extends DeviceOptions {
  /** Shuffles equally good candidates; without it the search is in qubit order. */
  readonly seed?: number | undefined
  /** Stop after this many candidate checks (default 100 000). */
  readonly callLimit?: number | undefined
  /** Stop after scoring this many complete layouts (default 10 000). */
  readonly maxTrials?: number | undefined
}

/**
 * Finds a layout that needs no swaps (Qiskit's `VF2Layout`): an embedding of the circuit's
 * interaction graph in the coupling graph (directions ignored), chosen among those found for
 * the lowest expected error under the target's average gate and readout errors (noise-aware).
 * Sets `layout` when one is found, and always `vf2LayoutStopReason`; a circuit with operations
 * on three or more qubits is not handled (`'more-than-2q'`).
 *
 * @example
 * ```ts
 * const pm = new PassManager([new VF2Layout({ target, seed: 1 })])
 * const { propertySet } = pm.runWithPropertySet(circuit)
 * propertySet.get('vf2LayoutStopReason') // 'solution-found'
 * ```
 */
export class VF2Layout implements AnalysisPass {
  readonly name = 'VF2Layout'
  readonly kind = 'analysis'
  readonly key: string
  readonly #options: VF2LayoutOptions

  /** @param options - device, seed and search limits */
  constructor(options: VF2LayoutOptions = {}) {
    this.#options = options
    this.key = `VF2Layout(seed=${String(options.seed)},calls=${options.callLimit ?? 1e5},trials=${options.maxTrials ?? 1e4})`
  }

  /** Sets `layout` (if found) and `vf2LayoutStopReason`. */
  run(dag: DagCircuit, { propertySet }: PassContext): void {
    const device = DeviceGraph.of(this.#options)
    const graph = interactionGraph(dag)
    if (graph.hasMultiQubitOps) {
      propertySet.set('vf2LayoutStopReason', 'more-than-2q')
      return
    }
    if (device === undefined || dag.numQubits > device.numQubits) {
      propertySet.set('vf2LayoutStopReason', 'no-solution-found')
      return
    }
    const result = findVf2Mapping(graph, device, {
      callLimit: this.#options.callLimit ?? 1e5,
      maxTrials: this.#options.maxTrials ?? 1e4,
      rng: this.#options.seed === undefined ? undefined : new SeededRng(this.#options.seed),
    })
    if (result.mapping === undefined) {
      propertySet.set(
        'vf2LayoutStopReason',
        result.hitCallLimit ? 'call-limit' : 'no-solution-found',
      )
      return
    }
    propertySet.set('layout', Layout.fromArray(result.mapping))
    propertySet.set('vf2LayoutStopReason', 'solution-found')
  }
}
