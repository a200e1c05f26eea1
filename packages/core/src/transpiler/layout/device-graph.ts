import type { CouplingMap } from '../../target/coupling-map.js'
import type { Target } from '../../target/target.js'

/** Where a layout or routing pass reads the device from. */
export interface DeviceOptions {
  /** The device; its coupling map and error rates are used. */
  readonly target?: Target | undefined
  /** The connectivity (overrides the target's). */
  readonly couplingMap?: CouplingMap | undefined
}

/**
 * The device as layout and routing need it: qubit count, undirected adjacency, all-pairs
 * distances, connected components, directed edges, and error rates (average error per qubit and
 * per coupling, from the target). Built once per coupling map or target and cached.
 *
 * @internal
 */
export class DeviceGraph {
  /** The number of physical qubits. */
  readonly numQubits: number
  /** Undirected neighbours of each qubit, ascending. */
  readonly neighbors: readonly (readonly number[])[]
  /** Undirected hop distances (`Infinity` between components), row-major `n × n`. */
  readonly distance: Float64Array
  /** The component id of each qubit. */
  readonly component: Int32Array
  /** The qubits of each component, ascending. */
  readonly components: readonly (readonly number[])[]
  /** Each undirected coupling once, `[a, b]` with `a < b`. */
  readonly edges: readonly (readonly [number, number])[]
  /** Average error of the 1-qubit instructions (measure included) on each qubit (0 if unknown). */
  readonly qubitError: Float64Array
  readonly #directed: ReadonlySet<number>
  readonly #edgeError: ReadonlyMap<number, number>
  /** Whether the target gave any error rate. */
  readonly hasErrors: boolean

  private constructor(map: CouplingMap, target: Target | undefined) {
    // A map built with holes in its numbering still indexes qubits up to its highest one.
    const highest = map.physicalQubits.at(-1) ?? -1
    const n = Math.max(map.size(), highest + 1, target?.numQubits ?? 0)
    this.numQubits = n
    const adjacency = Array.from({ length: n }, () => new Set<number>())
    const directed = new Set<number>()
    for (const [a, b] of map.getEdges()) {
      if (a === b) continue
      directed.add(a * n + b)
      adjacency[a]!.add(b)
      adjacency[b]!.add(a)
    }
    this.#directed = directed
    this.neighbors = adjacency.map((s) => Object.freeze([...s].sort((x, y) => x - y)))
    this.edges = this.neighbors.flatMap((ns, a) =>
      ns.filter((b) => b > a).map((b) => [a, b] as const),
    )
    this.distance = allPairs(this.neighbors)
    ;[this.component, this.components] = componentsOf(this.neighbors)
    const errors = averageErrors(target, n)
    this.qubitError = errors.qubit
    this.#edgeError = errors.edge
    this.hasErrors = errors.any
  }

  /**
   * The device graph of the options: the coupling map if given, else the target's. `undefined`
   * when there is no connectivity constraint (no map, or a target with global 2-qubit gates).
   */
  static of(options: DeviceOptions): DeviceGraph | undefined {
    const { couplingMap, target } = options
    const first: object | undefined = couplingMap ?? target
    if (first === undefined) return undefined
    // Keyed by the map (or target), then by the target: both objects shape the graph.
    let inner = CACHE.get(first)
    if (inner === undefined) {
      inner = new WeakMap()
      CACHE.set(first, inner)
    }
    const second = couplingMap !== undefined && target !== undefined ? target : NO_TARGET
    let graph = inner.get(second)
    if (graph === undefined) {
      const map = couplingMap ?? target?.buildCouplingMap() ?? null
      graph = map === null ? null : new DeviceGraph(map, target)
      inner.set(second, graph)
    }
    return graph ?? undefined
  }

  /** The device's qubit count, or `undefined` when unconstrained and unknown. */
  static numQubitsOf(options: DeviceOptions): number | undefined {
    const graph = DeviceGraph.of(options)
    if (graph !== undefined) return graph.numQubits
    const n = options.target?.numQubits
    return n === null || n === undefined || n === 0 ? undefined : n
  }

  /** The undirected distance between two qubits (`Infinity` if disconnected). */
  dist(a: number, b: number): number {
    return this.distance[a * this.numQubits + b]!
  }

  /** Whether the directed coupling `a → b` exists. */
  hasDirectedEdge(a: number, b: number): boolean {
    return this.#directed.has(a * this.numQubits + b)
  }

  /** The average error of the couplings between `a` and `b` (either direction; 0 if unknown). */
  edgeError(a: number, b: number): number {
    const n = this.numQubits
    return this.#edgeError.get(a * n + b) ?? this.#edgeError.get(b * n + a) ?? 0
  }

  /**
   * A shortest path between two qubits (breadth-first, lower qubits first).
   *
   * @returns the qubits from `a` to `b`, or `undefined` if they are disconnected
   */
  shortestPath(a: number, b: number): number[] | undefined {
    if (this.dist(a, b) === Infinity) return undefined
    const path = [a]
    let u = a
    // Walk downhill in the distance to b: each step has a neighbour one hop closer.
    while (u !== b) {
      u = this.neighbors[u]!.find((v) => this.dist(v, b) === this.dist(u, b) - 1)!
      path.push(u)
    }
    return path
  }
}

const CACHE = new WeakMap<object, WeakMap<object, DeviceGraph | null>>()
const NO_TARGET = {}

function allPairs(neighbors: readonly (readonly number[])[]): Float64Array {
  const n = neighbors.length
  const d = new Float64Array(n * n).fill(Infinity)
  const queue = new Int32Array(n)
  for (let s = 0; s < n; s++) {
    const row = s * n
    d[row + s] = 0
    let head = 0
    let tail = 0
    queue[tail++] = s
    while (head < tail) {
      const u = queue[head++]!
      for (const v of neighbors[u]!) {
        if (d[row + v] === Infinity) {
          d[row + v] = d[row + u]! + 1
          queue[tail++] = v
        }
      }
    }
  }
  return d
}

function componentsOf(
  neighbors: readonly (readonly number[])[],
): [Int32Array, readonly (readonly number[])[]] {
  const ids = new Int32Array(neighbors.length).fill(-1)
  const groups: number[][] = []
  for (let s = 0; s < neighbors.length; s++) {
    if (ids[s] !== -1) continue
    const group = [s]
    ids[s] = groups.length
    for (let h = 0; h < group.length; h++) {
      for (const v of neighbors[group[h]!]!) {
        if (ids[v] === -1) {
          ids[v] = groups.length
          group.push(v)
        }
      }
    }
    groups.push(group.sort((a, b) => a - b))
  }
  return [ids, groups]
}

/**
 * Average error per qubit and per qubit pair over every instruction with a known error on
 * exactly those qargs (Qiskit's `build_average_error_map`).
 */
function averageErrors(
  target: Target | undefined,
  n: number,
): { qubit: Float64Array; edge: Map<number, number>; any: boolean } {
  const qubitSum = new Float64Array(n)
  const qubitCount = new Float64Array(n)
  const edgeSum = new Map<number, [number, number]>()
  let any = false
  for (const [, qmap] of target ?? []) {
    for (const [qargs, props] of qmap.entries()) {
      const error = props?.error
      if (qargs === null || error === null || error === undefined) continue
      any = true
      if (qargs.length === 1 && qargs[0]! < n) {
        qubitSum[qargs[0]!]! += error
        qubitCount[qargs[0]!]! += 1
      } else if (qargs.length === 2) {
        const key = qargs[0]! * n + qargs[1]!
        const acc = edgeSum.get(key) ?? [0, 0]
        edgeSum.set(key, [acc[0] + error, acc[1] + 1])
      }
    }
  }
  const qubit = qubitSum.map((s, i) => (qubitCount[i]! > 0 ? s / qubitCount[i]! : 0))
  const edge = new Map<number, number>()
  for (const [k, [s, c]] of edgeSum) edge.set(k, s / c)
  return { qubit, edge, any }
}
