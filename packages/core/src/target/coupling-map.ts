import {
  fullLayout,
  gridLayout,
  heavyHexLayout,
  heavySquareLayout,
  lineLayout,
  ringLayout,
  type GeneratedLayout,
} from './coupling-map-generators.js'
import { CouplingError } from './target-errors.js'

/** A directed coupling `[control, target]` between two physical qubits. */
export type CouplingEdge = readonly [number, number]

/** Options of the {@link CouplingMap} constructor. */
export interface CouplingMapOptions {
  /** A free-text description (`'line'`, `'heavy-hex'`, a device name, …). */
  readonly description?: string | undefined
  /**
   * The physical qubits, when they are not simply `0 … max` (a map built with holes, as
   * `Target.buildCouplingMap({ filterIdleQubits: true })` does). Must contain every edge's ends.
   */
  readonly physicalQubits?: Iterable<number> | undefined
  /** Make at least this many qubits (`0 … numQubits − 1`), adding isolated ones as needed. */
  readonly numQubits?: number | undefined
}

/** Options of the layout factories (`CouplingMap.fromLine`, …). */
export interface CouplingLayoutOptions {
  /** Add both directions of every coupling (default `true`, as Qiskit). */
  readonly bidirectional?: boolean | undefined
}

function checkQubit(q: number): void {
  if (!Number.isInteger(q) || q < 0) {
    throw new RangeError(`a physical qubit must be a non-negative integer, got ${String(q)}`)
  }
}

/**
 * The connectivity of a device: a directed graph whose nodes are physical qubits and whose edges
 * are the allowed two-qubit interactions, from control to target (Qiskit's `CouplingMap`).
 *
 * Nodes are numbered from 0; a map built from an edge list gets every qubit `0 … max` (isolated
 * ones included). Distances and shortest paths ignore edge direction; {@link neighbors} respects
 * it. Edges are kept once each (Qiskit's graph would keep duplicates), in insertion order.
 *
 * Like Qiskit's, a coupling map is a mutable builder: {@link addEdge}, {@link addPhysicalQubit}
 * and {@link makeSymmetric} change it in place (and return it). Maps handed out by a `Target`
 * are fresh copies, so changing them never changes the target.
 *
 * @example
 * ```ts
 * const cmap = CouplingMap.fromHeavyHex(3) // 19 qubits, bidirectional
 * cmap.distance(0, 8)                      // undirected hop count
 * cmap.shortestUndirectedPath(0, 8)        // [0, 13, 1, …]
 * const line = new CouplingMap([[0, 1], [1, 2]])
 * line.isSymmetric                         // false
 * line.makeSymmetric().isSymmetric         // true
 * ```
 */
export class CouplingMap implements Iterable<CouplingEdge> {
  /** A free-text description, or `undefined`. */
  description: string | undefined
  readonly #nodes = new Set<number>()
  readonly #edges: CouplingEdge[] = []
  readonly #edgeKeys = new Set<string>()
  readonly #successors = new Map<number, number[]>()
  #distance: readonly (readonly number[])[] | undefined
  #qubitList: readonly number[] | undefined

  /**
   * @param edges - directed couplings `[control, target]` (Qiskit's `couplinglist`)
   * @param options - a description, an explicit qubit set, or a minimum qubit count
   * @throws RangeError if a qubit is not a non-negative integer, or an edge end is missing from
   *   `options.physicalQubits`
   */
  constructor(edges: Iterable<readonly number[]> = [], options: CouplingMapOptions = {}) {
    this.description = options.description
    const list = [...edges].map((e): CouplingEdge => {
      if (e.length !== 2) throw new TypeError('a coupling edge has exactly two qubits')
      return [e[0]!, e[1]!]
    })
    if (options.physicalQubits !== undefined) {
      for (const q of options.physicalQubits) this.#addNode(q)
      for (const [a, b] of list) {
        if (!this.#nodes.has(a) || !this.#nodes.has(b)) {
          throw new RangeError(`edge [${a}, ${b}] uses a qubit outside physicalQubits`)
        }
      }
    } else {
      let max = (options.numQubits ?? 0) - 1
      for (const [a, b] of list) {
        checkQubit(a)
        checkQubit(b)
        max = Math.max(max, a, b)
      }
      for (let q = 0; q <= max; q++) this.#nodes.add(q)
    }
    for (const [a, b] of list) this.#insertEdge(a, b)
  }

  /**
   * A line `0 — 1 — … — n−1`, numbered as Qiskit's `CouplingMap.from_line`.
   *
   * @param numQubits - the qubit count
   * @param options - `bidirectional` (default `true`)
   * @returns the map
   */
  static fromLine(numQubits: number, options: CouplingLayoutOptions = {}): CouplingMap {
    return fromLayout(lineLayout(numQubits, options.bidirectional ?? true), 'line')
  }

  /**
   * A ring `0 — 1 — … — n−1 — 0`, numbered as Qiskit's `CouplingMap.from_ring`.
   *
   * @param numQubits - the qubit count
   * @param options - `bidirectional` (default `true`)
   * @returns the map
   */
  static fromRing(numQubits: number, options: CouplingLayoutOptions = {}): CouplingMap {
    return fromLayout(ringLayout(numQubits, options.bidirectional ?? true), 'ring')
  }

  /**
   * A grid, numbered row by row.
   *
   * @param rows - number of rows
   * @param columns - number of columns
   * @param options - direction
   * @returns the map
   */
  static fromGrid(rows: number, columns: number, options: CouplingLayoutOptions = {}): CouplingMap {
    return fromLayout(gridLayout(rows, columns, options.bidirectional ?? true), 'grid')
  }

  /**
   * All-to-all connectivity, as Qiskit's `CouplingMap.from_full`.
   *
   * @param numQubits - the qubit count
   * @param options - `bidirectional` (default `true`)
   * @returns the map
   */
  static fromFull(numQubits: number, options: CouplingLayoutOptions = {}): CouplingMap {
    return fromLayout(fullLayout(numQubits, options.bidirectional ?? true), 'full')
  }

  /**
   * The heavy-hex lattice of code distance `d` ((5d² − 2d − 1)/2 qubits), numbered as Qiskit's
   * `CouplingMap.from_heavy_hex`.
   *
   * @param distance - a positive odd integer
   * @param options - direction
   * @returns the map
   * @throws RangeError if `distance` is not a positive odd integer
   */
  static fromHeavyHex(distance: number, options: CouplingLayoutOptions = {}): CouplingMap {
    return fromLayout(heavyHexLayout(distance, options.bidirectional ?? true), 'heavy-hex')
  }

  /**
   * The heavy-square lattice of code distance `d` (3d² − 2d qubits), numbered as Qiskit's
   * `CouplingMap.from_heavy_square`.
   *
   * @param distance - a positive odd integer
   * @param options - direction
   * @returns the map
   * @throws RangeError if `distance` is not a positive odd integer
   */
  static fromHeavySquare(distance: number, options: CouplingLayoutOptions = {}): CouplingMap {
    return fromLayout(heavySquareLayout(distance, options.bidirectional ?? true), 'heavy-square')
  }

  /** @returns the number of physical qubits (nodes) */
  size(): number {
    return this.#nodes.size
  }

  /** The physical qubits, sorted ascending. */
  get physicalQubits(): readonly number[] {
    this.#qubitList ??= Object.freeze([...this.#nodes].sort((a, b) => a - b))
    return this.#qubitList
  }

  /** @returns the directed edges, in insertion order (a copy) */
  getEdges(): readonly CouplingEdge[] {
    return Object.freeze([...this.#edges])
  }

  /** Iterates over the directed edges, in insertion order. */
  [Symbol.iterator](): Iterator<CouplingEdge> {
    return this.getEdges()[Symbol.iterator]()
  }

  /**
   * @param qubit - a physical qubit
   * @returns whether the qubit is a node of this map
   */
  hasQubit(qubit: number): boolean {
    return this.#nodes.has(qubit)
  }

  /**
   * @param source - control qubit
   * @param target - target qubit
   * @returns whether the directed edge `source → target` exists
   */
  hasEdge(source: number, target: number): boolean {
    return this.#edgeKeys.has(`${source},${target}`)
  }

  /**
   * Adds a physical qubit with no couplings.
   *
   * @param qubit - a new qubit number
   * @returns this map
   * @throws CouplingError `coupling.duplicate-qubit` if the qubit exists
   */
  addPhysicalQubit(qubit: number): this {
    checkQubit(qubit)
    if (this.#nodes.has(qubit)) {
      throw new CouplingError(
        'coupling.duplicate-qubit',
        `The physical qubit ${qubit} is already in the coupling graph`,
      )
    }
    this.#addNode(qubit)
    return this
  }

  /**
   * Adds the directed edge `source → target`, adding missing qubits (a no-op if it exists).
   *
   * @param source - control qubit
   * @param target - target qubit
   * @returns this map
   */
  addEdge(source: number, target: number): this {
    checkQubit(source)
    checkQubit(target)
    this.#addNode(source)
    this.#addNode(target)
    this.#insertEdge(source, target)
    return this
  }

  /**
   * The qubits reachable in one hop along an edge's direction (successors), ascending.
   *
   * @param qubit - a physical qubit
   * @returns its successors
   * @throws RangeError if the qubit is not in the map
   */
  neighbors(qubit: number): readonly number[] {
    this.#requireQubit(qubit)
    return Object.freeze([...(this.#successors.get(qubit) ?? [])].sort((a, b) => a - b))
  }

  /** Whether every edge has its reverse. */
  get isSymmetric(): boolean {
    return this.#edges.every(([a, b]) => this.#edgeKeys.has(`${b},${a}`))
  }

  /**
   * Adds the reverse of every one-way edge, in place (Qiskit's `make_symmetric`).
   *
   * @returns this map, now symmetric
   */
  makeSymmetric(): this {
    for (const [a, b] of [...this.#edges]) this.#insertEdge(b, a)
    return this
  }

  /**
   * The undirected hop distances between all qubits: `distanceMatrix[a][b]`, indexed by qubit
   * number (rows of missing qubit numbers, and unreachable pairs, hold `Infinity`).
   */
  get distanceMatrix(): readonly (readonly number[])[] {
    this.#distance ??= this.#computeDistances()
    return this.#distance
  }

  /**
   * The undirected distance (number of hops) between two qubits.
   *
   * @param a - a physical qubit
   * @param b - another physical qubit
   * @returns the hop count
   * @throws RangeError if a qubit is not in the map
   * @throws CouplingError `coupling.no-path` if the qubits are not connected
   */
  distance(a: number, b: number): number {
    this.#requireQubit(a)
    this.#requireQubit(b)
    const d = this.distanceMatrix[a]![b]!
    if (d === Infinity) throw new CouplingError('coupling.no-path', `No path from ${a} to ${b}`)
    return d
  }

  /**
   * A shortest path between two qubits, ignoring edge direction (breadth-first; among equal
   * paths, the one through lower qubit numbers first).
   *
   * @param a - the start qubit
   * @param b - the end qubit
   * @returns the qubits on the path, `a` first and `b` last
   * @throws RangeError if a qubit is not in the map
   * @throws CouplingError `coupling.no-path` if the qubits are not connected
   */
  shortestUndirectedPath(a: number, b: number): readonly number[] {
    this.#requireQubit(a)
    this.#requireQubit(b)
    const adjacency = this.#undirectedAdjacency()
    const parent = new Map<number, number>([[a, a]])
    const queue = [a]
    for (let head = 0; head < queue.length && !parent.has(b); head++) {
      const u = queue[head]!
      for (const v of adjacency.get(u) ?? []) {
        if (!parent.has(v)) {
          parent.set(v, u)
          queue.push(v)
        }
      }
    }
    if (!parent.has(b)) {
      throw new CouplingError('coupling.no-path', `Nodes ${a} and ${b} are not connected`)
    }
    const path = [b]
    while (path[0] !== a) path.unshift(parent.get(path[0]!)!)
    return Object.freeze(path)
  }

  /** @returns whether the map is weakly connected (false for an empty map, as Qiskit) */
  isConnected(): boolean {
    return this.#nodes.size > 0 && this.#components().length === 1
  }

  /**
   * The weakly connected components as sorted qubit lists, ordered by their lowest qubit.
   *
   * @returns one list of physical qubits per component
   */
  componentQubits(): readonly (readonly number[])[] {
    return this.#components()
  }

  /**
   * One coupling map per weakly connected component (Qiskit's `connected_components`), each
   * renumbered `0 … k−1` in the order of {@link componentQubits}, which gives the original
   * qubit of every node.
   *
   * @returns the component maps, ordered by their lowest original qubit
   */
  connectedComponents(): readonly CouplingMap[] {
    return Object.freeze(
      this.#components().map((qubits) => this.reduce(qubits, { checkIfConnected: false })),
    )
  }

  /**
   * @returns the qubits of the largest weakly connected component, ascending (on a tie, the
   *   component with the lowest qubit)
   */
  largestConnectedComponent(): readonly number[] {
    let best: readonly number[] = []
    for (const c of this.#components()) if (c.length > best.length) best = c
    return best
  }

  /**
   * The map restricted to some qubits, renumbered `0 … k−1` in ascending order of the original
   * qubits (Qiskit's `subgraph`; use {@link reduce} to choose the numbering).
   *
   * @param qubits - the qubits to keep
   * @returns the sub-map
   * @throws RangeError if a qubit is not in the map
   */
  subgraph(qubits: Iterable<number>): CouplingMap {
    const sorted = [...new Set(qubits)].sort((a, b) => a - b)
    return this.reduce(sorted, { checkIfConnected: false })
  }

  /**
   * The map restricted to `mapping`, where `mapping[i]` is the physical qubit that becomes qubit
   * `i` (Qiskit's `reduce`).
   *
   * @param mapping - the physical qubits to keep, in their new order
   * @param options - `checkIfConnected` (default `true`): throw if the result is disconnected
   * @returns the reduced map
   * @throws RangeError if a qubit is not in the map or appears twice
   * @throws CouplingError `coupling.disconnected` if the result is disconnected and checked
   */
  reduce(
    mapping: readonly number[],
    options: { readonly checkIfConnected?: boolean | undefined } = {},
  ): CouplingMap {
    const index = new Map<number, number>()
    mapping.forEach((q, i) => {
      this.#requireQubit(q)
      if (index.has(q)) throw new RangeError(`qubit ${q} appears twice in the mapping`)
      index.set(q, i)
    })
    const edges: CouplingEdge[] = []
    for (const [a, b] of this.#edges) {
      const ia = index.get(a)
      const ib = index.get(b)
      if (ia !== undefined && ib !== undefined) edges.push([ia, ib])
    }
    const reduced = new CouplingMap(edges, { numQubits: mapping.length })
    if ((options.checkIfConnected ?? true) && !reduced.isConnected()) {
      throw new CouplingError('coupling.disconnected', 'coupling_map must be connected.')
    }
    return reduced
  }

  /** @returns an independent copy */
  copy(): CouplingMap {
    return new CouplingMap(this.#edges, {
      description: this.description,
      physicalQubits: this.#nodes,
    })
  }

  /** @returns the edges as `[[control, target], …]`, the `coupling_map` shape of IBM's JSON */
  toJSON(): number[][] {
    return this.#edges.map(([a, b]) => [a, b])
  }

  /** @returns the edge list as Qiskit prints it: `[[0, 1], [1, 0]]` (empty string if none) */
  toString(): string {
    if (this.#edges.length === 0) return ''
    return `[${this.#edges.map(([a, b]) => `[${a}, ${b}]`).join(', ')}]`
  }

  #addNode(q: number): void {
    checkQubit(q)
    if (this.#nodes.has(q)) return
    this.#nodes.add(q)
    this.#invalidate()
  }

  #insertEdge(a: number, b: number): void {
    const key = `${a},${b}`
    if (this.#edgeKeys.has(key)) return
    this.#edgeKeys.add(key)
    this.#edges.push([a, b])
    const successors = this.#successors.get(a)
    if (successors === undefined) this.#successors.set(a, [b])
    else successors.push(b)
    this.#invalidate()
  }

  #invalidate(): void {
    this.#distance = undefined
    this.#qubitList = undefined
  }

  #requireQubit(q: number): void {
    if (!this.#nodes.has(q)) throw new RangeError(`${String(q)} not in coupling graph`)
  }

  #undirectedAdjacency(): Map<number, number[]> {
    const adjacency = new Map<number, Set<number>>()
    for (const q of this.#nodes) adjacency.set(q, new Set())
    for (const [a, b] of this.#edges) {
      adjacency.get(a)!.add(b)
      adjacency.get(b)!.add(a)
    }
    const sorted = new Map<number, number[]>()
    for (const [q, set] of adjacency)
      sorted.set(
        q,
        [...set].sort((x, y) => x - y),
      )
    return sorted
  }

  #components(): readonly (readonly number[])[] {
    const adjacency = this.#undirectedAdjacency()
    const seen = new Set<number>()
    const components: (readonly number[])[] = []
    for (const start of this.physicalQubits) {
      if (seen.has(start)) continue
      const component = [start]
      seen.add(start)
      for (let head = 0; head < component.length; head++) {
        for (const v of adjacency.get(component[head]!) ?? []) {
          if (!seen.has(v)) {
            seen.add(v)
            component.push(v)
          }
        }
      }
      components.push(Object.freeze(component.sort((a, b) => a - b)))
    }
    return Object.freeze(components)
  }

  #computeDistances(): readonly (readonly number[])[] {
    const adjacency = this.#undirectedAdjacency()
    const dim = this.#nodes.size === 0 ? 0 : Math.max(...this.#nodes) + 1
    const matrix: (readonly number[])[] = []
    for (let source = 0; source < dim; source++) {
      const row = new Array<number>(dim).fill(Infinity)
      if (this.#nodes.has(source)) {
        row[source] = 0
        const queue = [source]
        for (let head = 0; head < queue.length; head++) {
          const u = queue[head]!
          for (const v of adjacency.get(u) ?? []) {
            if (row[v] === Infinity) {
              row[v] = row[u]! + 1
              queue.push(v)
            }
          }
        }
      }
      matrix.push(Object.freeze(row))
    }
    return Object.freeze(matrix)
  }
}

function fromLayout(layout: GeneratedLayout, description: string): CouplingMap {
  return new CouplingMap(layout.edges, { description, numQubits: layout.numQubits })
}
