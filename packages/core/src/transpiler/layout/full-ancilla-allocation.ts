import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'
import { DeviceGraph, type DeviceOptions } from './device-graph.js'
import { Layout } from './layout.js'

/**
 * Extends the `layout` to every device qubit: the unused physical qubits, ascending, get
 * ancilla virtual qubits numbered from the circuit's width up (Qiskit's
 * `FullAncillaAllocation`). Without a known device size it does nothing.
 */
export class FullAncillaAllocation implements AnalysisPass {
  readonly name = 'FullAncillaAllocation'
  readonly kind = 'analysis'
  readonly #device: DeviceOptions

  /** @param device - the target or coupling map */
  constructor(device: DeviceOptions = {}) {
    this.#device = device
  }

  /** @throws TranspilerError `transpiler.failed` if no layout was set */
  run(dag: DagCircuit, { propertySet }: PassContext): void {
    const layout = propertySet.require('layout', this.name)
    const n = DeviceGraph.numQubitsOf(this.#device)
    if (n === undefined) return
    const entries = layout.entries()
    let next = Math.max(dag.numQubits, ...layout.virtualQubits().map((v) => v + 1))
    for (let p = 0; p < n; p++) {
      if (layout.virtual(p) === undefined) entries.push([next++, p])
    }
    propertySet.set('layout', new Layout(entries))
  }
}
