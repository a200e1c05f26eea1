import type { DagCircuit } from '../dag/dag-circuit.js'
import { DeviceGraph, type DeviceOptions } from '../layout/device-graph.js'
import type { PassContext, TransformationPass } from '../passmanager/pass.js'
import { RoutingError } from '../transpiler-error.js'
import { emitRouted, emptyRoutedLike, recordPermutation } from './routed-dag.js'
import { routingDag } from './routing-dag.js'

/**
 * Routes a physical circuit the simple way (Qiskit's `BasicSwap`): operations run in order;
 * before a 2-qubit operation on uncoupled qubits, its first qubit is swapped along a shortest
 * path until it neighbours the second. Sets `finalLayout` and `routingSwaps`.
 */
export class BasicSwap implements TransformationPass {
  readonly name = 'BasicSwap'
  readonly kind = 'transformation'
  readonly #device: DeviceOptions

  /** @param device - the target or coupling map */
  constructor(device: DeviceOptions = {}) {
    this.#device = device
  }

  /**
   * @throws RoutingError `transpiler.not-physical`, `transpiler.multi-qubit-operation` or
   *   `transpiler.disconnected`, as `SabreSwap`
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
    const v2p = Int32Array.from({ length: n }, (_, i) => i)
    const p2v = Int32Array.from(v2p)
    const events: number[] = []
    let swaps = 0
    source.nodes.forEach((node, i) => {
      if (source.twoQubit[i] === 1) {
        const path = device.shortestPath(v2p[node.qubits[0]!]!, v2p[node.qubits[1]!]!)
        if (path === undefined) {
          throw new RoutingError(
            'transpiler.disconnected',
            `'${node.operation.name}' acts on qubits placed on disconnected physical qubits`,
          )
        }
        for (let k = 0; k + 2 < path.length; k++) {
          const a = path[k]!
          const b = path[k + 1]!
          events.push(-1 - (a * n + b))
          swaps++
          const va = p2v[a]!
          const vb = p2v[b]!
          p2v[a] = vb
          p2v[b] = va
          v2p[va] = b
          v2p[vb] = a
        }
      }
      events.push(i)
    })
    const initialLayout = Int32Array.from({ length: n }, (_, i) => i)
    const out = emitRouted(emptyRoutedLike(dag, n), {
      source,
      events,
      initialLayout,
      width: n,
      blockRouting: { device, seed: 0 },
    })
    recordPermutation(propertySet, v2p, swaps)
    return out
  }
}
