import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'
import { LayoutError } from '../transpiler-error.js'
import { DeviceGraph, type DeviceOptions } from './device-graph.js'
import { checkWidth } from './interaction-graph.js'
import type { Layout } from './layout.js'

/**
 * Sets a given initial layout (Qiskit's `SetLayout`), after checking that it maps every circuit
 * qubit, and only those, onto distinct device qubits.
 *
 * @example
 * ```ts
 * new PassManager([new SetLayout(Layout.fromArray([3, 1, 2]), { target }), new ApplyLayout()])
 * ```
 */
export class SetLayout implements AnalysisPass {
  readonly name = 'SetLayout'
  readonly kind = 'analysis'
  readonly key: string
  readonly #layout: Layout
  readonly #device: DeviceOptions

  /**
   * @param layout - virtual (circuit qubit) → physical qubit
   * @param device - the target or coupling map, to check the physical qubits
   */
  constructor(layout: Layout, device: DeviceOptions = {}) {
    this.#layout = layout
    this.#device = device
    this.key = `SetLayout(${layout.toString()})`
  }

  /**
   * @throws CircuitTooWideError for a circuit wider than the device; LayoutError
   *   `transpiler.invalid-layout` for a layout that does not fit the circuit or the device
   */
  run(dag: DagCircuit, { propertySet }: PassContext): void {
    const n = DeviceGraph.numQubitsOf(this.#device)
    checkWidth(dag, n)
    const virtuals = this.#layout.virtualQubits()
    if (virtuals.length !== dag.numQubits || virtuals.some((v, i) => v !== i)) {
      throw new LayoutError(
        'transpiler.invalid-layout',
        `the initial layout maps virtual qubits [${virtuals.join(', ')}], ` +
          `the circuit '${dag.name}' has qubits 0…${dag.numQubits - 1}`,
      )
    }
    const outside = this.#layout.physicalQubits().filter((p) => n !== undefined && p >= n)
    if (outside.length > 0) {
      throw new LayoutError(
        'transpiler.invalid-layout',
        `the initial layout uses physical qubits [${outside.join(', ')}] outside the device (${n} qubits)`,
      )
    }
    propertySet.set('layout', this.#layout)
  }
}
