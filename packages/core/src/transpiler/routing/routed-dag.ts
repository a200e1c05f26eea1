import { isControlFlowOp } from '../../circuit/control-flow.js'
import { standardGate } from '../../circuit/library/standard-gates.js'
import { QuantumRegister } from '../../circuit/register.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import { Layout } from '../layout/layout.js'
import type { PropertySet } from '../passmanager/property-set.js'
import { routeControlFlow, type BlockRouting } from './route-control-flow.js'
import type { RoutingDag } from './routing-dag.js'

/** What {@link emitRouted} writes. @internal */
export interface EmitRoutedOptions {
  /** The routing structure whose events are replayed. */
  readonly source: RoutingDag
  /** The events of the chosen routing run. */
  readonly events: readonly number[]
  /** Virtual → physical at the start. */
  readonly initialLayout: Int32Array
  /** The device width (swap codes are `a * width + b`). */
  readonly width: number
  /** Route control-flow bodies on this device (otherwise they are only relabelled). */
  readonly blockRouting?: BlockRouting | undefined
}

/**
 * Replays a routing run into an empty physical DAG: each operation on the physical qubits its
 * virtual qubits occupy at that point, each swap as a `swap` gate.
 *
 * @param out - the empty physical DAG (changed in place)
 * @param options - the source, events, initial layout and device width
 * @returns `out`
 * @internal
 */
export function emitRouted(out: DagCircuit, options: EmitRoutedOptions): DagCircuit {
  const { source, events, width } = options
  const v2p = Int32Array.from(options.initialLayout)
  const p2v = new Int32Array(width).fill(-1)
  v2p.forEach((p, v) => (p2v[p] = v))
  const swap = standardGate('swap')
  for (const event of events) {
    if (event >= 0) {
      const node = source.nodes[event]!
      const qubits = node.qubits.map((q) => v2p[q]!)
      const op = node.operation
      if (isControlFlowOp(op) && options.blockRouting !== undefined) {
        out.applyOperationBack({ ...node, ...routeControlFlow(op, qubits, options.blockRouting) })
      } else {
        out.applyOperationBack({ ...node, qubits })
      }
      continue
    }
    const code = -1 - event
    const a = Math.floor(code / width)
    const b = code % width
    out.applyOperationBack({ operation: swap, qubits: [a, b] })
    const va = p2v[a]!
    const vb = p2v[b]!
    p2v[a] = vb
    p2v[b] = va
    if (va >= 0) v2p[va] = b
    if (vb >= 0) v2p[vb] = a
  }
  return out
}

/**
 * A physical DAG's empty copy, widened with an `ancilla` register to `width` qubits if it is
 * narrower (routing may then use the extra device qubits).
 *
 * @internal
 */
export function emptyRoutedLike(dag: DagCircuit, width: number): DagCircuit {
  const out = dag.copyEmptyLike()
  if (dag.numQubits < width) out.addQreg(new QuantumRegister(width - dag.numQubits, 'ancilla'))
  return out
}

/**
 * Records the permutation a routing pass caused on a physical DAG (position at start →
 * position at end), composed after any earlier one, and the swap count.
 *
 * @param propertySet - the run's property set
 * @param finalPositions - where the qubit that started on each position ends
 * @param swaps - the number of swaps inserted
 * @internal
 */
export function recordPermutation(
  propertySet: PropertySet,
  finalPositions: ArrayLike<number>,
  swaps: number,
): void {
  const permutation = Layout.fromArray(Array.from(finalPositions))
  const previous = propertySet.get('finalLayout')
  propertySet.set(
    'finalLayout',
    previous === undefined ? permutation : previous.compose(permutation),
  )
  propertySet.set('routingSwaps', swaps)
}
