import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'
import { DeviceGraph, type DeviceOptions } from './device-graph.js'
import { checkWidth } from './interaction-graph.js'
import { Layout } from './layout.js'

/**
 * Places circuit qubit `i` on device qubit `i` (Qiskit's `TrivialLayout`).
 *
 * @example
 * ```ts
 * new PassManager([new TrivialLayout({ target }), new FullAncillaAllocation({ target }), new ApplyLayout()])
 * ```
 */
export class TrivialLayout implements AnalysisPass {
  readonly name = 'TrivialLayout'
  readonly kind = 'analysis'
  readonly #device: DeviceOptions

  /** @param device - the target or coupling map */
  constructor(device: DeviceOptions = {}) {
    this.#device = device
  }

  /** @throws CircuitTooWideError for a circuit wider than the device */
  run(dag: DagCircuit, { propertySet }: PassContext): void {
    checkWidth(dag, DeviceGraph.numQubitsOf(this.#device))
    propertySet.set('layout', Layout.trivial(dag.numQubits))
  }
}
