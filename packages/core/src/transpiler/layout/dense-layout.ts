import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext } from '../passmanager/pass.js'
import { LayoutError } from '../transpiler-error.js'
import { DeviceGraph, type DeviceOptions } from './device-graph.js'
import { checkWidth, interactionGraph, type InteractionGraph } from './interaction-graph.js'
import { Layout } from './layout.js'

/**
 * Places the circuit on the most densely connected part of the device (Qiskit's
 * `DenseLayout`): among the breadth-first neighbourhoods of every qubit with as many qubits as
 * the circuit, the one with most couplings wins, ties going to the lowest average error. Within
 * it, the busiest circuit qubits go first, each next to the qubits it interacts with.
 */
export class DenseLayout implements AnalysisPass {
  readonly name = 'DenseLayout'
  readonly kind = 'analysis'
  readonly #device: DeviceOptions

  /** @param device - the target (its errors weight the choice) or coupling map */
  constructor(device: DeviceOptions = {}) {
    this.#device = device
  }

  /**
   * @throws CircuitTooWideError for a circuit wider than the device; LayoutError
   *   `transpiler.disconnected` if no connected part of the device is large enough
   */
  run(dag: DagCircuit, { propertySet }: PassContext): void {
    const device = DeviceGraph.of(this.#device)
    checkWidth(dag, DeviceGraph.numQubitsOf(this.#device))
    if (device === undefined) {
      propertySet.set('layout', Layout.trivial(dag.numQubits))
      return
    }
    const placement = denseLayoutArray(interactionGraph(dag), device)
    if (placement === undefined) {
      throw new LayoutError(
        'transpiler.disconnected',
        `no connected part of the coupling map has ${dag.numQubits} qubits`,
      )
    }
    propertySet.set('layout', Layout.fromArray(placement))
  }
}

/**
 * The dense placement of a circuit: physical qubit of each circuit qubit, or `undefined` if no
 * connected component of the device is large enough.
 *
 * @internal
 */
export function denseLayoutArray(
  graph: InteractionGraph,
  device: DeviceGraph,
): number[] | undefined {
  const subset = densestSubset(graph.numQubits, device)
  return subset === undefined ? undefined : placeInSubset(graph, device, subset)
}

function densestSubset(size: number, device: DeviceGraph): number[] | undefined {
  let best: number[] | undefined
  let bestLinks = -1
  let bestError = Infinity
  for (let start = 0; start < device.numQubits; start++) {
    const subset = bfsPrefix(device, start, size)
    if (subset === undefined) continue
    const inside = new Set(subset)
    let links = 0
    let error = 0
    for (const p of subset) {
      error += device.qubitError[p]!
      for (const r of device.neighbors[p]!) {
        if (r > p && inside.has(r)) {
          links++
          error += device.edgeError(p, r)
        }
      }
    }
    if (links > bestLinks || (links === bestLinks && error < bestError)) {
      best = subset
      bestLinks = links
      bestError = error
    }
  }
  return best
}

function bfsPrefix(device: DeviceGraph, start: number, size: number): number[] | undefined {
  const order = [start]
  const seen = new Set(order)
  for (let h = 0; h < order.length && order.length < size; h++) {
    for (const v of device.neighbors[order[h]!]!) {
      if (!seen.has(v) && order.length < size) {
        seen.add(v)
        order.push(v)
      }
    }
  }
  return order.length === size ? order : undefined
}

/** Busiest circuit qubits first, each on the free subset qubit closest to its placed partners. */
function placeInSubset(graph: InteractionGraph, device: DeviceGraph, subset: number[]): number[] {
  const n = graph.numQubits
  const weight = (a: number, b: number): number =>
    graph.edges.get(Math.min(a, b) * n + Math.max(a, b)) ?? 0
  const busy = (v: number): number =>
    graph.neighbors[v]!.reduce((s, u) => s + weight(u, v), 0) * 1e6 + graph.oneQubitCounts[v]!
  const inside = new Set(subset)
  const degree = (p: number): number => device.neighbors[p]!.filter((r) => inside.has(r)).length
  const order = Array.from({ length: n }, (_, v) => v).sort((a, b) => busy(b) - busy(a) || a - b)
  const placed = new Array<number>(n).fill(-1)
  const free = new Set(subset)
  for (const v of order) {
    let best = -1
    let bestKey: readonly number[] = []
    for (const p of free) {
      let cost = 0
      for (const u of graph.neighbors[v]!) {
        if (placed[u]! >= 0) cost += weight(u, v) * device.dist(p, placed[u]!)
      }
      const key = [cost, -degree(p), device.qubitError[p]!, p]
      if (best < 0 || lexLess(key, bestKey)) {
        best = p
        bestKey = key
      }
    }
    placed[v] = best
    free.delete(best)
  }
  return placed
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!
  }
  return false
}
