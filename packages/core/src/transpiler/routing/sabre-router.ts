import type { SeededRng } from '../../internal/seeded-rng.js'
import type { DeviceGraph } from '../layout/device-graph.js'
import { RoutingError } from '../transpiler-error.js'
import type { RoutingDag } from './routing-dag.js'

/** The Sabre cost functions: distance only, plus lookahead, plus decay (Qiskit's names). */
export const SABRE_HEURISTICS = ['basic', 'lookahead', 'decay'] as const

/** A Sabre cost function. */
export type SabreHeuristic = (typeof SABRE_HEURISTICS)[number]

/** The size of the lookahead (extended) set and its weight, as in Qiskit. */
const EXTENDED_SET_SIZE = 20
const EXTENDED_SET_WEIGHT = 0.5
const DECAY_RATE = 0.001
const DECAY_RESET_INTERVAL = 5
const BEST_EPSILON = 1e-10

/** Inputs of one Sabre routing run. @internal */
export interface SabreRouteOptions {
  readonly device: DeviceGraph
  readonly heuristic: SabreHeuristic
  readonly rng: SeededRng
  /** Virtual → physical at the start, one entry per routed virtual qubit. */
  readonly initialLayout: Int32Array
  /**
   * Score multiplier of a swap on the pair the last operation on both its qubits acted on (it
   * merges into that 2-qubit block when blocks are resynthesised): below 1 favours such swaps.
   * Default 1 (plain Sabre).
   */
  readonly absorbFactor?: number | undefined
}

/** The outcome of one Sabre routing run. @internal */
export interface SabreRouteResult {
  /** Node indices (≥ 0) and swaps (`-1 - (a * n + b)` on physical `a`, `b`), in output order. */
  readonly events: readonly number[]
  /** The number of swaps inserted. */
  readonly swaps: number
  /** Virtual → physical at the end. */
  readonly finalLayout: Int32Array
}

/**
 * Routes a circuit with Qiskit's Sabre algorithm: operations run as soon as their qubits are
 * adjacent; otherwise the swap minimising the distance of the front layer (plus a weighted
 * lookahead over the next 2-qubit gates, times a decay that spreads swaps over qubits) is
 * inserted; ties are broken by `rng`. When no gate becomes routable for too long, the release
 * valve walks the closest front gate together along a shortest path.
 *
 * @param dag - the routing structure
 * @param options - device, heuristic, rng and initial layout
 * @returns the events, swap count and final layout
 * @throws RoutingError `transpiler.disconnected` for a gate across disconnected qubits
 * @internal
 */
export function sabreRoute(dag: RoutingDag, options: SabreRouteOptions): SabreRouteResult {
  return new SabreState(dag, options).run()
}

/**
 * Marks for deduplicating candidate swaps, shared by all runs (routing is synchronous): a
 * pair is a candidate of the current step when its mark equals the step's counter value.
 */
const STAMPS = { buffer: new Int32Array(0), counter: 0 }

class SabreState {
  readonly #dag: RoutingDag
  readonly #device: DeviceGraph
  readonly #heuristic: SabreHeuristic
  readonly #rng: SeededRng
  readonly #v2p: Int32Array
  readonly #p2v: Int32Array
  readonly #remaining: Int32Array
  readonly #decay: Float64Array
  /** The partner of each physical qubit in the last 2-qubit operation on it (-1: none). */
  readonly #partner: Int32Array
  readonly #absorbFactor: number
  readonly #events: number[] = []
  #front: number[] = []
  #extended: number[] | undefined
  #pending: number[] = []
  #swaps = 0

  constructor(dag: RoutingDag, options: SabreRouteOptions) {
    this.#dag = dag
    this.#device = options.device
    this.#heuristic = options.heuristic
    this.#rng = options.rng
    const n = options.device.numQubits
    this.#v2p = Int32Array.from(options.initialLayout)
    this.#p2v = new Int32Array(n).fill(-1)
    this.#v2p.forEach((p, v) => (this.#p2v[p] = v))
    this.#remaining = Int32Array.from(dag.predecessorCount)
    this.#decay = new Float64Array(n).fill(1)
    this.#partner = new Int32Array(n).fill(-1)
    if (STAMPS.buffer.length < n * n) STAMPS.buffer = new Int32Array(n * n)
    this.#absorbFactor = options.absorbFactor ?? 1
  }

  run(): SabreRouteResult {
    this.#dag.predecessorCount.forEach((c, i) => {
      if (c === 0) this.#pending.push(i)
    })
    this.#drain()
    const attemptLimit = 10 * this.#device.numQubits
    let stalled = 0
    while (this.#front.length > 0) {
      if (stalled >= attemptLimit) {
        this.#releaseValve()
        stalled = 0
        continue
      }
      const [a, b] = this.#bestSwap()
      this.#swap(a, b)
      stalled++
      this.#decay[a]! += DECAY_RATE
      this.#decay[b]! += DECAY_RATE
      if (this.#swaps % DECAY_RESET_INTERVAL === 0) this.#decay.fill(1)
      if (this.#executeRoutableFront()) stalled = 0
    }
    return { events: this.#events, swaps: this.#swaps, finalLayout: this.#v2p }
  }

  /** Runs every ready operation whose qubits are adjacent; parks the others in the front. */
  #drain(): void {
    // A FIFO keeps the output close to the input's order.
    for (let head = 0; head < this.#pending.length; head++) {
      const node = this.#pending[head]!
      if (this.#dag.twoQubit[node] === 1 && !this.#routable(node)) {
        this.#front.push(node)
        this.#extended = undefined
      } else {
        this.#execute(node)
      }
    }
    this.#pending = []
  }

  #execute(node: number): void {
    this.#events.push(node)
    const qubits = this.#dag.qubits[node]!
    if (this.#dag.twoQubit[node] === 1) {
      const a = this.#v2p[qubits[0]!]!
      const b = this.#v2p[qubits[1]!]!
      this.#partner[a] = b
      this.#partner[b] = a
    } else if (qubits.length !== 1 || this.#dag.breaksBlocks[node] === 1) {
      for (const q of qubits) this.#partner[this.#v2p[q]!] = -1
    }
    for (const s of this.#dag.successors[node]!) {
      const left = this.#remaining[s]! - 1
      this.#remaining[s] = left
      if (left === 0) this.#pending.push(s)
    }
  }

  /** Runs the front gates that became routable; @returns whether any did. */
  #executeRoutableFront(): boolean {
    const still: number[] = []
    let progressed = false
    for (const node of this.#front) {
      if (this.#routable(node)) {
        this.#execute(node)
        progressed = true
      } else still.push(node)
    }
    if (!progressed) return false
    this.#front = still
    this.#extended = undefined
    this.#decay.fill(1)
    this.#drain()
    return true
  }

  #routable(node: number): boolean {
    const q0 = this.#dag.first[node]!
    const q1 = this.#dag.second[node]!
    const d = this.#device.dist(this.#v2p[q0]!, this.#v2p[q1]!)
    if (d === Infinity) {
      throw new RoutingError(
        'transpiler.disconnected',
        `'${this.#dag.nodes[node]!.operation.name}' acts on qubits ${q0}, ${q1}, placed on ` +
          `disconnected physical qubits ${this.#v2p[q0]} and ${this.#v2p[q1]}`,
      )
    }
    return d === 1
  }

  #swap(a: number, b: number): void {
    const va = this.#p2v[a]!
    const vb = this.#p2v[b]!
    this.#p2v[a] = vb
    this.#p2v[b] = va
    if (va >= 0) this.#v2p[va] = b
    if (vb >= 0) this.#v2p[vb] = a
    this.#events.push(-1 - (a * this.#device.numQubits + b))
    this.#partner[a] = b
    this.#partner[b] = a
    this.#swaps++
  }

  /** The 2-qubit gates that follow the front layer (Qiskit's extended set). */
  #extendedSet(): number[] {
    if (this.#extended !== undefined) return this.#extended
    const out: number[] = []
    const decremented = new Map<number, number>()
    const visit = [...this.#front]
    for (let i = 0; i < visit.length && out.length < EXTENDED_SET_SIZE; i++) {
      for (const s of this.#dag.successors[visit[i]!]!) {
        const seen = (decremented.get(s) ?? 0) + 1
        decremented.set(s, seen)
        if (this.#remaining[s]! - seen === 0) {
          if (this.#dag.twoQubit[s] === 1) out.push(s)
          visit.push(s)
        }
      }
    }
    this.#extended = out
    return out
  }

  #bestSwap(): [number, number] {
    const n = this.#device.numQubits
    // Candidate swaps: every coupling touching a front-layer qubit, each once (stamped).
    if (STAMPS.counter >= 0x3fffffff) {
      STAMPS.buffer.fill(0)
      STAMPS.counter = 0
    }
    const stamp = ++STAMPS.counter
    const stamps = STAMPS.buffer
    const candidates: number[] = []
    for (const node of this.#front) {
      for (const p of [this.#v2p[this.#dag.first[node]!]!, this.#v2p[this.#dag.second[node]!]!]) {
        for (const r of this.#device.neighbors[p]!) {
          const key = p < r ? p * n + r : r * n + p
          if (stamps[key] !== stamp) {
            stamps[key] = stamp
            candidates.push(key)
          }
        }
      }
    }
    const extended = this.#heuristic === 'basic' ? [] : this.#extendedSet()
    let min = Infinity
    let best: number[] = []
    for (const key of candidates) {
      const a = Math.floor(key / n)
      const b = key - a * n
      const score = this.#score(a, b, extended)
      if (score < min - BEST_EPSILON) {
        min = score
        best = [key]
      } else if (score - min < BEST_EPSILON) best.push(key)
    }
    const chosen = best[this.#rng.int(best.length)]!
    return [Math.floor(chosen / n), chosen % n]
  }

  #score(a: number, b: number, extended: readonly number[]): number {
    const front = this.#setCost(this.#front, a, b)
    if (this.#heuristic === 'basic') return front
    let score = front / this.#front.length
    if (extended.length > 0) {
      score += (EXTENDED_SET_WEIGHT * this.#setCost(extended, a, b)) / extended.length
    }
    if (this.#heuristic === 'decay') score *= Math.max(this.#decay[a]!, this.#decay[b]!)
    if (this.#partner[a] === b) score *= this.#absorbFactor
    return score
  }

  /** The summed distance of the gates' qubits if physical `a` and `b` were swapped. */
  #setCost(nodes: readonly number[], a: number, b: number): number {
    let cost = 0
    const dist = this.#device.distance
    const n = this.#device.numQubits
    for (const node of nodes) {
      let p0 = this.#v2p[this.#dag.first[node]!]!
      let p1 = this.#v2p[this.#dag.second[node]!]!
      p0 = p0 === a ? b : p0 === b ? a : p0
      p1 = p1 === a ? b : p1 === b ? a : p1
      cost += dist[p0 * n + p1]!
    }
    return cost
  }

  /** Forces the closest front gate routable by swapping along a shortest path. */
  #releaseValve(): void {
    let closest = this.#front[0]!
    let closestDist = Infinity
    for (const node of this.#front) {
      const d = this.#device.dist(
        this.#v2p[this.#dag.first[node]!]!,
        this.#v2p[this.#dag.second[node]!]!,
      )
      if (d < closestDist) {
        closest = node
        closestDist = d
      }
    }
    const path = this.#device.shortestPath(
      this.#v2p[this.#dag.first[closest]!]!,
      this.#v2p[this.#dag.second[closest]!]!,
    )!
    const needed = path.length - 2
    const forward = Math.floor(needed / 2)
    for (let i = 0; i < forward; i++) this.#swap(path[i]!, path[i + 1]!)
    for (let i = 0; i < needed - forward; i++) {
      this.#swap(path[path.length - 1 - i]!, path[path.length - 2 - i]!)
    }
    this.#executeRoutableFront()
  }
}
