/**
 * Edge lists of the standard device layouts, numbered and ordered exactly as rustworkx's
 * `directed_*_graph` generators (which Qiskit's `CouplingMap.from_*` call) produce them, so that
 * qubit numbers and edge order carry over from Qiskit code and drawings.
 */

/** A generated layout: its node count and its directed edges, in generation order. */
export interface GeneratedLayout {
  /** Number of physical qubits (nodes `0 … numQubits − 1`). */
  readonly numQubits: number
  /** Directed edges `[source, target]`. */
  readonly edges: readonly (readonly [number, number])[]
}

type Edge = readonly [number, number]

/**
 * Collects edges in rustworkx's order: `add` puts an edge's reverse right after it; `addPair`
 * puts two edges, then both reverses (the heavy-hex and heavy-square generators' order).
 */
class EdgeList {
  readonly edges: Edge[] = []
  readonly #bidirectional: boolean

  constructor(bidirectional: boolean) {
    this.#bidirectional = bidirectional
  }

  add(a: number, b: number): void {
    this.edges.push([a, b])
    if (this.#bidirectional) this.edges.push([b, a])
  }

  addPair(first: Edge, second: Edge): void {
    this.edges.push(first, second)
    if (this.#bidirectional) this.edges.push([first[1], first[0]], [second[1], second[0]])
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer`)
}

function checkDistance(d: number): void {
  if (!Number.isInteger(d) || d < 1 || d % 2 === 0) {
    throw new RangeError(`the code distance must be a positive odd integer, got ${d}`)
  }
}

/**
 * A line `0 — 1 — … — n−1` (rustworkx `directed_path_graph`).
 *
 * @param n - number of qubits
 * @param bidirectional - also add each reverse edge
 * @returns the layout
 */
export function lineLayout(n: number, bidirectional: boolean): GeneratedLayout {
  checkCount(n, 'the number of qubits')
  const list = new EdgeList(bidirectional)
  for (let i = 0; i + 1 < n; i++) list.add(i, i + 1)
  return { numQubits: n, edges: list.edges }
}

/**
 * A ring `0 — 1 — … — n−1 — 0` (rustworkx `directed_cycle_graph`). A single qubit gets no
 * self-loop (rustworkx would add one), and two qubits get one edge per direction at most.
 *
 * @param n - number of qubits
 * @param bidirectional - also add each reverse edge
 * @returns the layout
 */
export function ringLayout(n: number, bidirectional: boolean): GeneratedLayout {
  checkCount(n, 'the number of qubits')
  const list = new EdgeList(bidirectional)
  for (let i = 0; i + 1 < n; i++) list.add(i, i + 1)
  if (n > 2) list.add(n - 1, 0)
  else if (n === 2 && !bidirectional) list.edges.push([1, 0])
  return { numQubits: n, edges: list.edges }
}

/**
 * A `rows × columns` grid, numbered row by row (rustworkx `directed_grid_graph`): for each node,
 * the edge down, then the edge right.
 *
 * @param rows - number of rows
 * @param columns - number of columns
 * @param bidirectional - also add each reverse edge
 * @returns the layout
 */
export function gridLayout(rows: number, columns: number, bidirectional: boolean): GeneratedLayout {
  checkCount(rows, 'the number of rows')
  checkCount(columns, 'the number of columns')
  const list = new EdgeList(bidirectional)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (i + 1 < rows) list.add(i * columns + j, (i + 1) * columns + j)
      if (j + 1 < columns) list.add(i * columns + j, i * columns + j + 1)
    }
  }
  return { numQubits: rows * columns, edges: list.edges }
}

/**
 * All-to-all connectivity. Bidirectional: `(i, j), (j, i)` for `i < j` in order (rustworkx
 * `directed_mesh_graph`); otherwise `(j, i)` for `j < i`, by increasing `i` (Qiskit's loop).
 *
 * @param n - number of qubits
 * @param bidirectional - add both directions
 * @returns the layout
 */
export function fullLayout(n: number, bidirectional: boolean): GeneratedLayout {
  checkCount(n, 'the number of qubits')
  const list = new EdgeList(bidirectional)
  if (bidirectional) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) list.add(i, j)
  } else {
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) list.edges.push([j, i])
  }
  return { numQubits: n, edges: list.edges }
}

/**
 * The heavy-hexagon lattice of distance `d` (Fig. 2 of arXiv:1907.09528; rustworkx
 * `directed_heavy_hex_graph`): `d²` data qubits first, then `(d−1)(d+1)/2` syndrome qubits,
 * then `d(d−1)` flag qubits — `(5d² − 2d − 1)/2` qubits in all (19 for `d = 3`).
 *
 * @param d - the code distance, a positive odd integer
 * @param bidirectional - also add each reverse edge
 * @returns the layout
 * @throws RangeError if `d` is not a positive odd integer
 */
export function heavyHexLayout(d: number, bidirectional: boolean): GeneratedLayout {
  checkDistance(d)
  const numQubits = (5 * d * d - 2 * d - 1) / 2
  if (d === 1) return { numQubits, edges: [] }
  const half = (d + 1) / 2
  const syndrome = (i: number, j: number): number => d * d + i * half + j
  const flag = (k: number): number => d * d + (d - 1) * half + k
  const list = new EdgeList(bidirectional)
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d - 1; j++) {
      const f = flag(i * (d - 1) + j)
      list.addPair([i * d + j, f], [i * d + j + 1, f])
    }
  }
  for (let i = 0; i < d - 1; i++) {
    const s = i % 2 === 0 ? syndrome(i, 0) : syndrome(i, half - 1)
    const [a, b] = i % 2 === 0 ? [i * d, (i + 1) * d] : [i * d + d - 1, i * d + 2 * d - 1]
    list.addPair([a, s], [b, s])
  }
  for (let i = 0; i < d - 1; i++) {
    for (let j = 0; j < half; j++) {
      if (i % 2 === 0 && j === 0) continue
      if (i % 2 === 1 && j === half - 1) continue
      const k = i % 2 === 0 ? 2 * (j - 1) + 1 : 2 * j
      const s = syndrome(i, j)
      list.addPair([s, flag(i * (d - 1) + k)], [s, flag((i + 1) * (d - 1) + k)])
    }
  }
  return { numQubits, edges: list.edges }
}

/**
 * The heavy-square lattice of distance `d` (Fig. 6 / 10b-left of arXiv:1907.09528; rustworkx
 * `directed_heavy_square_graph`): `d²` data qubits, then `d(d−1)` syndrome qubits, then
 * `d(d−1)` flag qubits — `3d² − 2d` qubits in all (21 for `d = 3`).
 *
 * @param d - the code distance, a positive odd integer
 * @param bidirectional - also add each reverse edge
 * @returns the layout
 * @throws RangeError if `d` is not a positive odd integer
 */
export function heavySquareLayout(d: number, bidirectional: boolean): GeneratedLayout {
  checkDistance(d)
  const numQubits = 3 * d * d - 2 * d
  if (d === 1) return { numQubits, edges: [] }
  const syndrome = (i: number, j: number): number => d * d + i * d + j
  const flag = (k: number): number => d * d + d * (d - 1) + k
  const list = new EdgeList(bidirectional)
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d - 1; j++) {
      const f = flag(i * (d - 1) + j)
      list.addPair([i * d + j, f], [f, i * d + j + 1])
    }
  }
  for (let i = 0; i < d - 1; i++) {
    const s = i % 2 === 0 ? syndrome(i, d - 1) : syndrome(i, 0)
    const [a, b] = i % 2 === 0 ? [i * d + d - 1, i * d + 2 * d - 1] : [i * d, (i + 1) * d]
    list.addPair([a, s], [b, s])
  }
  for (let i = 0; i < d - 1; i++) {
    for (let j = 0; j < d; j++) {
      if (i % 2 === 0 && j === d - 1) continue
      if (i % 2 === 1 && j === 0) continue
      const k = i % 2 === 0 ? j : j - 1
      const s = syndrome(i, j)
      list.addPair([s, flag(i * (d - 1) + k)], [s, flag((i + 1) * (d - 1) + k)])
    }
  }
  return { numQubits, edges: list.edges }
}
