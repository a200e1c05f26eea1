import { type ControlFlowOp } from '../../circuit/control-flow.js'
import { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { QuantumRegister } from '../../circuit/register.js'
import { SeededRng } from '../../internal/seeded-rng.js'
import { circuitToDag } from '../dag/circuit-to-dag.js'
import { DagCircuit } from '../dag/dag-circuit.js'
import type { DeviceGraph } from '../layout/device-graph.js'
import { isSwapMapped } from './check-map.js'
import { restoringSwaps } from './restoring-swaps.js'
import { emitRouted } from './routed-dag.js'
import { routingDag } from './routing-dag.js'
import { sabreRoute } from './sabre-router.js'

/** How blocks are routed. @internal */
export interface BlockRouting {
  readonly device: DeviceGraph
  readonly seed: number
}

/**
 * Routes the bodies of a control-flow operation sitting on physical qubits `qubits`: each body
 * that needs swaps is routed on the whole device from the current placement, then swapped back
 * to it, so the layout after the operation is the layout before it (which loops need). The
 * operation then acts on every physical qubit any body touches.
 *
 * @returns the new operation and its physical qubits
 * @internal
 */
export function routeControlFlow(
  op: ControlFlowOp,
  qubits: readonly number[],
  routing: BlockRouting,
): { operation: ControlFlowOp; qubits: number[] } {
  const n = routing.device.numQubits
  const routed = op.blocks.map((block, k) => {
    const wide = widen(block, qubits, n)
    if (isSwapMapped(wide, routing.device)) return wide
    const source = routingDag(wide)
    const identity = Int32Array.from({ length: n }, (_, i) => i)
    const run = sabreRoute(source, {
      device: routing.device,
      heuristic: 'decay',
      rng: new SeededRng(routing.seed + k),
      initialLayout: identity,
    })
    const back = restoringSwaps(run.finalLayout, routing.device)
    const events = [...run.events, ...back.map(([a, b]) => -1 - (a * n + b))]
    return emitRouted(wide.copyEmptyLike(), {
      source,
      events,
      initialLayout: identity,
      width: n,
      blockRouting: routing,
    })
  })
  const used = new Set(qubits)
  for (const dag of routed) {
    for (const node of dag.opNodes()) for (const q of node.qubits) used.add(q)
  }
  const outer = [...used].sort((a, b) => a - b)
  const blocks = routed.map((dag, k) => narrow(dag, outer, op.blocks[k]!))
  return { operation: op.withBlocks(blocks), qubits: outer }
}

/** A body on the whole device: its qubit `i` becomes physical `qubits[i]`. */
function widen(block: QuantumCircuit, qubits: readonly number[], n: number): DagCircuit {
  const inner = circuitToDag(block)
  const out = new DagCircuit({ name: block.name, globalPhase: block.globalPhase })
  out.addQreg(new QuantumRegister(n, 'q'))
  out.addClbits(block.clbits)
  for (const r of block.cregs) out.addCreg(r)
  for (const node of inner.topologicalOpNodes()) {
    out.applyOperationBack({ ...node, qubits: node.qubits.map((q) => qubits[q]!) })
  }
  return out
}

/** A routed body back on the operation's qubits `outer` (its qubit `i` is `outer[i]`). */
function narrow(
  dag: DagCircuit,
  outer: readonly number[],
  original: QuantumCircuit,
): QuantumCircuit {
  const index = new Map(outer.map((p, i) => [p, i]))
  const out = new QuantumCircuit(new QuantumRegister(outer.length, 'q'), {
    name: original.name,
    globalPhase: dag.globalPhase,
    metadata: original.metadata,
  })
  out.addBits(original.clbits)
  out.addRegister(...original.cregs)
  for (const node of dag.topologicalOpNodes()) {
    out.appendRaw({
      operation: node.operation,
      qubits: node.qubits.map((q) => index.get(q)!),
      clbits: node.clbits,
      ...(node.condition === undefined ? {} : { condition: node.condition }),
    })
  }
  return out
}
