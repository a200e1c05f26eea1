import type { SeededRng } from '../../internal/seeded-rng.js'
import type { DeviceGraph } from './device-graph.js'
import type { InteractionGraph } from './interaction-graph.js'

/** Limits and randomness of {@link findVf2Mapping}. @internal */
export interface Vf2SearchOptions {
  /** Stop after this many candidate checks. */
  readonly callLimit: number
  /** Stop after this many complete mappings. */
  readonly maxTrials: number
  /** Shuffles equally good candidates (otherwise lowest qubit first). */
  readonly rng: SeededRng | undefined
}

/** The outcome of {@link findVf2Mapping}. @internal */
export interface Vf2SearchResult {
  /** Physical qubit of each circuit qubit, or `undefined` if none was found. */
  readonly mapping: number[] | undefined
  /** Its score: the summed `−log(1 − error)` of every operation (lower is better). */
  readonly score: number
  /** Whether the call limit cut the search short. */
  readonly hitCallLimit: boolean
}

/**
 * Searches embeddings of the interaction graph into the coupling graph (subgraph
 * monomorphism, VF2-style: circuit qubits placed most-constrained first, each next to an
 * already placed partner) and keeps the one whose operations have the lowest total
 * `−log(1 − error)` under the device's average errors. Branches whose partial score already
 * reaches the best are pruned; without error data the first embedding is taken. Circuit qubits
 * without 2-qubit interactions go last, onto the best remaining qubits.
 *
 * @internal
 */
export function findVf2Mapping(
  graph: InteractionGraph,
  device: DeviceGraph,
  options: Vf2SearchOptions,
): Vf2SearchResult {
  return new Vf2Search(graph, device, options).run()
}

class Vf2Search {
  readonly #graph: InteractionGraph
  readonly #device: DeviceGraph
  readonly #options: Vf2SearchOptions
  readonly #order: number[]
  readonly #free: number[]
  readonly #qubitCost: Float64Array
  readonly #map: Int32Array
  readonly #used: Uint8Array
  #calls = 0
  #trials = 0
  #best: number[] | undefined
  #bestScore = Infinity
  #stopped = false

  constructor(graph: InteractionGraph, device: DeviceGraph, options: Vf2SearchOptions) {
    this.#graph = graph
    this.#device = device
    this.#options = options
    this.#qubitCost = device.qubitError.map((e) => cost(e))
    this.#map = new Int32Array(graph.numQubits).fill(-1)
    this.#used = new Uint8Array(device.numQubits)
    ;[this.#order, this.#free] = this.#matchingOrder()
  }

  run(): Vf2SearchResult {
    this.#extend(0, 0)
    return {
      mapping: this.#best,
      score: this.#bestScore,
      hitCallLimit: this.#calls >= this.#options.callLimit,
    }
  }

  /** Interacting qubits, most constrained first (most placed partners, then degree). */
  #matchingOrder(): [number[], number[]] {
    const n = this.#graph.numQubits
    const degree = (v: number): number => this.#graph.neighbors[v]!.length
    const interacting = Array.from({ length: n }, (_, v) => v).filter((v) => degree(v) > 0)
    const free = Array.from({ length: n }, (_, v) => v).filter((v) => degree(v) === 0)
    const placedPartners = new Int32Array(n)
    const order: number[] = []
    const left = new Set(interacting)
    while (left.size > 0) {
      let best = -1
      for (const v of left) {
        if (
          best < 0 ||
          placedPartners[v]! > placedPartners[best]! ||
          (placedPartners[v] === placedPartners[best] && degree(v) > degree(best))
        ) {
          best = v
        }
      }
      order.push(best)
      left.delete(best)
      for (const u of this.#graph.neighbors[best]!) placedPartners[u]! += 1
    }
    // Busiest free qubits first, so they get the best remaining physical qubits.
    free.sort((a, b) => this.#graph.oneQubitCounts[b]! - this.#graph.oneQubitCounts[a]! || a - b)
    return [order, free]
  }

  #extend(depth: number, score: number): void {
    if (this.#stopped) return
    if (depth === this.#order.length) {
      this.#complete(score)
      return
    }
    const v = this.#order[depth]!
    for (const [p, added] of this.#candidates(v)) {
      // #candidates and the recursion may stop the search.
      if (this.#isStopped()) return
      if (score + added >= this.#bestScore) continue
      this.#map[v] = p
      this.#used[p] = 1
      this.#extend(depth + 1, score + added)
      this.#map[v] = -1
      this.#used[p] = 0
    }
  }

  #isStopped(): boolean {
    return this.#stopped
  }

  /** Feasible physical qubits for `v` with the score they add, best first. */
  #candidates(v: number): [number, number][] {
    const partners = this.#graph.neighbors[v]!
    const anchor = partners.find((u) => this.#map[u]! >= 0)
    const pool =
      anchor === undefined
        ? Array.from({ length: this.#device.numQubits }, (_, p) => p)
        : this.#device.neighbors[this.#map[anchor]!]!
    const out: [number, number][] = []
    for (const p of pool) {
      if (++this.#calls >= this.#options.callLimit) {
        this.#stopped = true
        break
      }
      if (this.#used[p] === 1 || this.#device.neighbors[p]!.length < partners.length) continue
      let added = this.#graph.oneQubitCounts[v]! * this.#qubitCost[p]!
      let feasible = true
      for (const u of partners) {
        const q = this.#map[u]!
        if (q < 0) continue
        if (this.#device.dist(p, q) !== 1) {
          feasible = false
          break
        }
        added += this.#edgeCount(u, v) * cost(this.#device.edgeError(p, q))
      }
      if (feasible) out.push([p, added])
    }
    const rng = this.#options.rng
    const tie = rng === undefined ? undefined : new Map(out.map(([p]) => [p, rng.next()]))
    return out.sort(
      (a, b) => a[1] - b[1] || (tie === undefined ? 0 : tie.get(a[0])! - tie.get(b[0])!),
    )
  }

  #edgeCount(a: number, b: number): number {
    const n = this.#graph.numQubits
    return this.#graph.edges.get(Math.min(a, b) * n + Math.max(a, b)) ?? 0
  }

  /** Places the free qubits greedily and keeps the mapping if it beats the best. */
  #complete(score: number): void {
    const taken = new Set<number>()
    this.#map.forEach((p) => {
      if (p >= 0) taken.add(p)
    })
    const spare = Array.from({ length: this.#device.numQubits }, (_, p) => p)
      .filter((p) => !taken.has(p))
      .sort((a, b) => this.#qubitCost[a]! - this.#qubitCost[b]! || a - b)
    const mapping = Array.from(this.#map)
    let total = score
    this.#free.forEach((v, i) => {
      mapping[v] = spare[i]!
      total += this.#graph.oneQubitCounts[v]! * this.#qubitCost[spare[i]!]!
    })
    if (total < this.#bestScore) {
      this.#best = mapping
      this.#bestScore = total
    }
    this.#trials++
    if (this.#trials >= this.#options.maxTrials || !this.#device.hasErrors) this.#stopped = true
  }
}

/** The score of one operation with this error rate: `−log(1 − error)`. */
function cost(error: number): number {
  return error >= 1 ? 1e9 : -Math.log1p(-error)
}
