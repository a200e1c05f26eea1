import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CouplingError, CouplingMap } from '../../src/target/index.js'

/** Floyd–Warshall on the undirected graph: an independent reference for distances. */
function referenceDistances(n: number, edges: readonly (readonly number[])[]): number[][] {
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  )
  for (const [a, b] of edges) {
    d[a!]![b!] = Math.min(d[a!]![b!]!, 1)
    d[b!]![a!] = Math.min(d[b!]![a!]!, 1)
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!)
  return d
}

/** Random directed graphs without self-loops: `b = a + 1 + k (mod n)` never equals `a`. */
const randomGraph = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc
    .array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: Math.max(0, n - 2) })), {
      maxLength: n === 1 ? 0 : 14,
    })
    .map((pairs) => ({ n, edges: pairs.map(([a, k]) => [a, (a + 1 + k) % n] as const) })),
)

const SEED = 20240917

describe('CouplingMap construction', () => {
  it('adds every qubit 0 … max of the edge list, isolated ones included (Qiskit: missed nodes are isolated)', () => {
    const cmap = new CouplingMap([
      [0, 1],
      [3, 2],
    ])
    expect(cmap.size()).toBe(4)
    expect(cmap.physicalQubits).toEqual([0, 1, 2, 3])
    expect(cmap.getEdges()).toEqual([
      [0, 1],
      [3, 2],
    ])
  })

  it('keeps each directed edge once, in insertion order', () => {
    const cmap = new CouplingMap([
      [1, 0],
      [0, 1],
      [1, 0],
    ])
    expect(cmap.getEdges()).toEqual([
      [1, 0],
      [0, 1],
    ])
    expect([...cmap]).toEqual([
      [1, 0],
      [0, 1],
    ])
  })

  it('an empty map has no qubits and is not connected', () => {
    const cmap = new CouplingMap()
    expect(cmap.size()).toBe(0)
    expect(cmap.isConnected()).toBe(false)
    expect(cmap.toString()).toBe('')
  })

  it('numQubits adds trailing isolated qubits; physicalQubits allows holes', () => {
    expect(new CouplingMap([[0, 1]], { numQubits: 4 }).physicalQubits).toEqual([0, 1, 2, 3])
    const holey = new CouplingMap([[0, 5]], { physicalQubits: [0, 5, 7] })
    expect(holey.physicalQubits).toEqual([0, 5, 7])
    expect(holey.hasQubit(1)).toBe(false)
    expect(() => new CouplingMap([[0, 9]], { physicalQubits: [0, 5] })).toThrow(RangeError)
  })

  it('rejects negative or fractional qubits and edges of the wrong length (misuse)', () => {
    expect(() => new CouplingMap([[0, -1]])).toThrow(RangeError)
    expect(() => new CouplingMap([[0, 1.5]])).toThrow(RangeError)
    expect(() => new CouplingMap([[0, 1, 2]])).toThrow(TypeError)
  })

  it('addPhysicalQubit refuses a duplicate qubit (CouplingError coupling.duplicate-qubit)', () => {
    const cmap = new CouplingMap([[0, 1]])
    cmap.addPhysicalQubit(5)
    expect(cmap.physicalQubits).toEqual([0, 1, 5])
    expect(() => cmap.addPhysicalQubit(1)).toThrow(CouplingError)
    try {
      cmap.addPhysicalQubit(1)
    } catch (error) {
      expect((error as CouplingError).code).toBe('coupling.duplicate-qubit')
    }
  })

  it('addEdge adds missing qubits and invalidates cached distances', () => {
    const cmap = new CouplingMap([[0, 1]])
    expect(cmap.distanceMatrix).toEqual([
      [0, 1],
      [1, 0],
    ])
    cmap.addEdge(1, 2)
    expect(cmap.distance(0, 2)).toBe(2)
    expect(cmap.hasEdge(1, 2)).toBe(true)
    expect(cmap.hasEdge(2, 1)).toBe(false)
  })

  it('toJSON gives the coupling_map pairs and toString prints like Qiskit', () => {
    const cmap = new CouplingMap([
      [0, 1],
      [1, 2],
    ])
    expect(cmap.toJSON()).toEqual([
      [0, 1],
      [1, 2],
    ])
    expect(cmap.toString()).toBe('[[0, 1], [1, 2]]')
    expect(new CouplingMap(cmap.toJSON()).getEdges()).toEqual(cmap.getEdges())
  })
})

describe('CouplingMap distances and paths', () => {
  it('distance is undirected: a one-way line still has distance 1 both ways', () => {
    const cmap = CouplingMap.fromLine(4, { bidirectional: false })
    expect(cmap.distance(3, 0)).toBe(3)
    expect(cmap.distance(0, 3)).toBe(3)
    expect(cmap.shortestUndirectedPath(3, 0)).toEqual([3, 2, 1, 0])
  })

  it('distance of a qubit outside the map is a RangeError; of disconnected qubits a CouplingError', () => {
    const cmap = new CouplingMap([
      [0, 1],
      [2, 3],
    ])
    expect(() => cmap.distance(0, 9)).toThrow(RangeError)
    expect(() => cmap.distance(0, 3)).toThrow(CouplingError)
    expect(() => cmap.shortestUndirectedPath(0, 3)).toThrow(/not connected/)
    expect(cmap.distanceMatrix[0]![3]).toBe(Infinity)
  })

  it('distanceMatrix equals Floyd–Warshall on random graphs (property, seeded)', () => {
    fc.assert(
      fc.property(randomGraph, ({ n, edges }) => {
        const cmap = new CouplingMap(edges, { numQubits: n })
        expect(cmap.distanceMatrix).toEqual(referenceDistances(n, edges))
      }),
      { seed: SEED, numRuns: 200 },
    )
  })

  it('shortestUndirectedPath has distance + 1 nodes, each step along an edge (property, seeded)', () => {
    fc.assert(
      fc.property(randomGraph, ({ n, edges }) => {
        const cmap = new CouplingMap(edges, { numQubits: n })
        const ref = referenceDistances(n, edges)
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) {
            if (ref[a]![b] === Infinity) {
              expect(() => cmap.shortestUndirectedPath(a, b)).toThrow(CouplingError)
              continue
            }
            const path = cmap.shortestUndirectedPath(a, b)
            expect(path.length).toBe(ref[a]![b]! + 1)
            expect(path[0]).toBe(a)
            expect(path.at(-1)).toBe(b)
            for (let i = 0; i + 1 < path.length; i++) {
              const [u, v] = [path[i]!, path[i + 1]!]
              expect(cmap.hasEdge(u, v) || cmap.hasEdge(v, u)).toBe(true)
            }
          }
        }
      }),
      { seed: SEED, numRuns: 100 },
    )
  })

  it('neighbors are the successors along edge direction, ascending', () => {
    const cmap = new CouplingMap([
      [1, 3],
      [1, 0],
      [2, 1],
    ])
    expect(cmap.neighbors(1)).toEqual([0, 3])
    expect(cmap.neighbors(2)).toEqual([1])
    expect(cmap.neighbors(0)).toEqual([])
    expect(() => cmap.neighbors(7)).toThrow(RangeError)
  })
})

describe('CouplingMap connectivity', () => {
  it('isConnected means weakly connected', () => {
    expect(CouplingMap.fromLine(5, { bidirectional: false }).isConnected()).toBe(true)
    expect(new CouplingMap([[0, 1]], { numQubits: 3 }).isConnected()).toBe(false)
  })

  it('connectedComponents gives one renumbered map per component, ordered by lowest qubit', () => {
    // 0 → 1   4 → 5 → 6   2 → 3 (Qiskit's docstring example, plus isolated 7)
    const cmap = new CouplingMap(
      [
        [0, 1],
        [4, 5],
        [5, 6],
        [2, 3],
      ],
      { numQubits: 8 },
    )
    expect(cmap.componentQubits()).toEqual([[0, 1], [2, 3], [4, 5, 6], [7]])
    const parts = cmap.connectedComponents()
    expect(parts.map((p) => p.getEdges())).toEqual([
      [[0, 1]],
      [[0, 1]],
      [
        [0, 1],
        [1, 2],
      ],
      [],
    ])
    expect(parts.map((p) => p.size())).toEqual([2, 2, 3, 1])
    expect(cmap.largestConnectedComponent()).toEqual([4, 5, 6])
  })

  it('components partition the qubits and each is connected (property, seeded)', () => {
    fc.assert(
      fc.property(randomGraph, ({ n, edges }) => {
        const cmap = new CouplingMap(edges, { numQubits: n })
        const comps = cmap.componentQubits()
        expect(comps.flat().sort((a, b) => a - b)).toEqual(cmap.physicalQubits)
        expect(cmap.isConnected()).toBe(comps.length === 1)
        const ref = referenceDistances(n, edges)
        for (const comp of comps) {
          for (const a of comp) for (const b of comp) expect(ref[a]![b]).toBeLessThan(Infinity)
        }
        for (const part of cmap.connectedComponents()) expect(part.isConnected()).toBe(true)
      }),
      { seed: SEED, numRuns: 200 },
    )
  })
})

describe('CouplingMap symmetry', () => {
  it('isSymmetric holds when every edge has its reverse; makeSymmetric adds reverses in place', () => {
    const cmap = new CouplingMap([
      [0, 1],
      [1, 2],
      [2, 1],
    ])
    expect(cmap.isSymmetric).toBe(false)
    expect(cmap.makeSymmetric()).toBe(cmap)
    expect(cmap.isSymmetric).toBe(true)
    expect(cmap.getEdges()).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
      [1, 0],
    ])
  })

  it('makeSymmetric keeps distances and doubles only one-way edges (property, seeded)', () => {
    fc.assert(
      fc.property(randomGraph, ({ n, edges }) => {
        const cmap = new CouplingMap(edges, { numQubits: n })
        const before = cmap.distanceMatrix.map((row) => [...row])
        const copy = cmap.copy().makeSymmetric()
        expect(copy.isSymmetric).toBe(true)
        expect(copy.distanceMatrix).toEqual(before)
        const undirected = new Set(edges.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`))
        expect(copy.getEdges().length).toBe(2 * undirected.size)
        expect(cmap.getEdges().length).toBeLessThanOrEqual(copy.getEdges().length)
      }),
      { seed: SEED, numRuns: 200 },
    )
  })
})

describe('CouplingMap sub-maps', () => {
  it('reduce renumbers by the mapping order and keeps the edges among those qubits', () => {
    const cmap = CouplingMap.fromLine(5, { bidirectional: false }) // 0→1→2→3→4
    const reduced = cmap.reduce([3, 2, 1])
    expect(reduced.getEdges()).toEqual([
      [2, 1],
      [1, 0],
    ])
    expect(reduced.size()).toBe(3)
  })

  it('reduce throws coupling.disconnected unless checkIfConnected is false', () => {
    const cmap = CouplingMap.fromLine(5)
    expect(() => cmap.reduce([0, 4])).toThrow(CouplingError)
    expect(cmap.reduce([0, 4], { checkIfConnected: false }).getEdges()).toEqual([])
    expect(() => cmap.reduce([0, 0])).toThrow(RangeError)
    expect(() => cmap.reduce([0, 9])).toThrow(RangeError)
  })

  it('subgraph renumbers in ascending order of the kept qubits', () => {
    const cmap = CouplingMap.fromRing(6, { bidirectional: false }) // 0→1→…→5→0
    const sub = cmap.subgraph([5, 0, 1])
    expect(sub.getEdges()).toEqual([
      [0, 1],
      [2, 0],
    ])
  })

  it('copy is independent of the original', () => {
    const cmap = CouplingMap.fromLine(3)
    const copy = cmap.copy()
    copy.addEdge(0, 2)
    expect(cmap.hasEdge(0, 2)).toBe(false)
    expect(copy.description).toBe('line')
  })
})
