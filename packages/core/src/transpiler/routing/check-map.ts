import type { DagCircuit } from '../dag/dag-circuit.js'
import { DeviceGraph, type DeviceOptions } from '../layout/device-graph.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'
import { everyPhysicalOp } from './physical-ops.js'

/**
 * Checks that a physical circuit needs no routing (Qiskit's `CheckMap`): every non-directive
 * 2-qubit operation, control-flow bodies included, acts on coupled qubits (either direction),
 * and no operation acts on three or more qubits. Sets `isSwapMapped`.
 */
export class CheckMap implements AnalysisPass {
  readonly name = 'CheckMap'
  readonly kind = 'analysis'
  readonly #device: DeviceOptions

  /** @param device - the target or coupling map */
  constructor(device: DeviceOptions = {}) {
    this.#device = device
  }

  /** Sets `isSwapMapped` (`true` when there is no connectivity constraint). */
  run(dag: DagCircuit, { propertySet }: PassContext): void {
    propertySet.set('isSwapMapped', isSwapMapped(dag, DeviceGraph.of(this.#device)))
  }
}

/**
 * Whether every interaction of a physical DAG sits on a coupling.
 *
 * @internal
 */
export function isSwapMapped(dag: DagCircuit, device: DeviceGraph | undefined): boolean {
  if (device === undefined) return true
  if (dag.numQubits > device.numQubits) return false
  return everyPhysicalOp(dag, (op, qubits) => {
    if (op.isDirective || qubits.length < 2) return true
    return qubits.length === 2 && device.dist(qubits[0]!, qubits[1]!) === 1
  })
}
