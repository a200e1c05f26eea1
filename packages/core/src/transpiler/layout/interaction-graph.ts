import { isControlFlowOp } from '../../circuit/control-flow.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import { CircuitTooWideError, LayoutError } from '../transpiler-error.js'
import type { DeviceGraph } from './device-graph.js'

/**
 * Which circuit qubits interact, and how often: the graph layout passes embed into the device.
 *
 * @internal
 */
export interface InteractionGraph {
  /** The circuit's qubit count. */
  readonly numQubits: number
  /** Two-qubit interaction counts, keyed `a * numQubits + b` with `a < b`. */
  readonly edges: ReadonlyMap<number, number>
  /** Distinct interaction partners of each qubit. */
  readonly neighbors: readonly (readonly number[])[]
  /** Count of 1-qubit operations (measurements included) on each qubit. */
  readonly oneQubitCounts: readonly number[]
  /** Whether some non-directive operation acts on three or more qubits. */
  readonly hasMultiQubitOps: boolean
}

/**
 * The interaction graph of a DAG: directives (barriers) are ignored; a control-flow operation
 * makes all its qubits interact pairwise (they must be routable together).
 *
 * @param dag - the circuit
 * @returns the graph
 * @internal
 */
export function interactionGraph(dag: DagCircuit): InteractionGraph {
  const n = dag.numQubits
  const edges = new Map<number, number>()
  const partners = Array.from({ length: n }, () => new Set<number>())
  const oneQubitCounts = new Array<number>(n).fill(0)
  let hasMultiQubitOps = false
  for (const node of dag.opNodes()) {
    if (node.operation.isDirective) continue
    const qs = node.qubits
    if (qs.length === 1) oneQubitCounts[qs[0]!]! += 1
    if (qs.length > 2 && !isControlFlowOp(node.operation)) hasMultiQubitOps = true
    for (let i = 0; i < qs.length; i++) {
      for (let j = i + 1; j < qs.length; j++) {
        const a = Math.min(qs[i]!, qs[j]!)
        const b = Math.max(qs[i]!, qs[j]!)
        edges.set(a * n + b, (edges.get(a * n + b) ?? 0) + 1)
        partners[a]!.add(b)
        partners[b]!.add(a)
      }
    }
  }
  return {
    numQubits: n,
    edges,
    neighbors: partners.map((s) => [...s].sort((x, y) => x - y)),
    oneQubitCounts,
    hasMultiQubitOps,
  }
}

/**
 * @throws CircuitTooWideError if the circuit has more qubits than the device
 * @internal
 */
export function checkWidth(dag: DagCircuit, deviceQubits: number | undefined): void {
  if (deviceQubits !== undefined && dag.numQubits > deviceQubits) {
    throw new CircuitTooWideError(dag.numQubits, deviceQubits, dag.name)
  }
}

/**
 * The connected groups of interacting circuit qubits, largest first.
 *
 * @internal
 */
export function interactionComponents(graph: InteractionGraph): number[][] {
  const seen = new Uint8Array(graph.numQubits)
  const out: number[][] = []
  for (let s = 0; s < graph.numQubits; s++) {
    if (seen[s] === 1) continue
    seen[s] = 1
    const group = [s]
    for (let h = 0; h < group.length; h++) {
      for (const v of graph.neighbors[group[h]!]!) {
        if (seen[v] === 0) {
          seen[v] = 1
          group.push(v)
        }
      }
    }
    out.push(group)
  }
  return out.sort((a, b) => b.length - a.length)
}

/**
 * Which device component hosts each circuit qubit, when the device is disconnected: groups of
 * interacting qubits must each fit in one component (first fit, largest group first, into the
 * component with the most room).
 *
 * @returns the device component id of each circuit qubit
 * @throws LayoutError `transpiler.disconnected` if the groups do not fit
 * @internal
 */
export function assignComponents(graph: InteractionGraph, device: DeviceGraph): Int32Array {
  const room = device.components.map((c) => c.length)
  const out = new Int32Array(graph.numQubits)
  const groups = interactionComponents(graph)
  for (const group of groups) {
    let best = -1
    for (let c = 0; c < room.length; c++) {
      if (room[c]! >= group.length && (best < 0 || room[c]! > room[best]!)) best = c
    }
    if (best < 0) {
      throw new LayoutError(
        'transpiler.disconnected',
        `the circuit's groups of interacting qubits (sizes ${groups.map((g) => g.length).join(', ')}) ` +
          `do not fit the coupling map's connected components (sizes ${device.components.map((c) => c.length).join(', ')})`,
      )
    }
    room[best]! -= group.length
    for (const q of group) out[q] = best
  }
  return out
}
