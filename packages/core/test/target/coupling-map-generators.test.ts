import { describe, expect, it } from 'vitest'
import { CouplingMap } from '../../src/target/index.js'

/** Degree histogram of the undirected graph: a layout invariant independent of numbering. */
function degrees(cmap: CouplingMap): Map<number, number> {
  const neighbours = new Map<number, Set<number>>()
  for (const q of cmap.physicalQubits) neighbours.set(q, new Set())
  for (const [a, b] of cmap.getEdges()) {
    neighbours.get(a)!.add(b)
    neighbours.get(b)!.add(a)
  }
  const histogram = new Map<number, number>()
  for (const set of neighbours.values()) histogram.set(set.size, (histogram.get(set.size) ?? 0) + 1)
  return histogram
}

describe('CouplingMap.fromLine', () => {
  it('is directed_path_graph: i → i+1, reverse right after when bidirectional (the default)', () => {
    expect(CouplingMap.fromLine(4).getEdges()).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
      [2, 3],
      [3, 2],
    ])
    expect(CouplingMap.fromLine(4, { bidirectional: false }).getEdges()).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ])
    expect(CouplingMap.fromLine(1).size()).toBe(1)
    expect(CouplingMap.fromLine(4).description).toBe('line')
  })
})

describe('CouplingMap.fromRing', () => {
  it('is directed_cycle_graph: the closing edge n−1 → 0 comes last', () => {
    // rustworkx test_bidirectional for cycle_graph(4)
    expect(CouplingMap.fromRing(4).getEdges()).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
      [2, 3],
      [3, 2],
      [3, 0],
      [0, 3],
    ])
    expect(CouplingMap.fromRing(3, { bidirectional: false }).getEdges()).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ])
  })

  it('has no self-loop on one qubit and one edge per direction on two', () => {
    expect(CouplingMap.fromRing(1).getEdges()).toEqual([])
    expect(CouplingMap.fromRing(2).getEdges()).toEqual([
      [0, 1],
      [1, 0],
    ])
    expect(CouplingMap.fromRing(2, { bidirectional: false }).getEdges()).toEqual([
      [0, 1],
      [1, 0],
    ])
  })
})

describe('CouplingMap.fromGrid', () => {
  it('is directed_grid_graph: row-major numbering, edge down then edge right per node', () => {
    // rustworkx test_directed_grid_simple_row_col (3 × 3)
    expect(CouplingMap.fromGrid(3, 3, { bidirectional: false }).getEdges()).toEqual([
      [0, 3],
      [0, 1],
      [1, 4],
      [1, 2],
      [2, 5],
      [3, 6],
      [3, 4],
      [4, 7],
      [4, 5],
      [5, 8],
      [6, 7],
      [7, 8],
    ])
    // rustworkx test_directed_grid_bidirectional (2 × 3)
    expect(CouplingMap.fromGrid(2, 3).getEdges()).toEqual([
      [0, 3],
      [3, 0],
      [0, 1],
      [1, 0],
      [1, 4],
      [4, 1],
      [1, 2],
      [2, 1],
      [2, 5],
      [5, 2],
      [3, 4],
      [4, 3],
      [4, 5],
      [5, 4],
    ])
  })
})

describe('CouplingMap.fromFull', () => {
  it('bidirectional is directed_mesh_graph: (i, j), (j, i) for i < j', () => {
    const expected: number[][] = []
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) expected.push([i, j], [j, i])
    const cmap = CouplingMap.fromFull(5)
    expect(cmap.getEdges()).toEqual(expected)
    expect(cmap.getEdges()).toHaveLength(20)
  })

  it('one-way is (j, i) for j < i by increasing i, as Qiskit builds it', () => {
    expect(CouplingMap.fromFull(4, { bidirectional: false }).getEdges()).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [0, 3],
      [1, 3],
      [2, 3],
    ])
  })
})

describe('CouplingMap.fromHeavyHex', () => {
  it('distance 3 has 19 qubits and rustworkx heavy_hex_graph(3)’s exact edges', () => {
    const cmap = CouplingMap.fromHeavyHex(3, { bidirectional: false })
    expect(cmap.size()).toBe(19)
    // rustworkx-core test_heavy_hex_graph_3
    expect(cmap.getEdges()).toEqual([
      [0, 13],
      [1, 13],
      [1, 14],
      [2, 14],
      [3, 15],
      [4, 15],
      [4, 16],
      [5, 16],
      [6, 17],
      [7, 17],
      [7, 18],
      [8, 18],
      [0, 9],
      [3, 9],
      [5, 12],
      [8, 12],
      [10, 14],
      [10, 16],
      [11, 15],
      [11, 17],
    ])
  })

  it('bidirectional puts both reverses after each generated pair', () => {
    const edges = CouplingMap.fromHeavyHex(3).getEdges()
    expect(edges.slice(0, 4)).toEqual([
      [0, 13],
      [1, 13],
      [13, 0],
      [13, 1],
    ])
    expect(edges).toHaveLength(40)
    expect(CouplingMap.fromHeavyHex(3).isSymmetric).toBe(true)
  })

  it('has (5d² − 2d − 1)/2 qubits and 2d(d−1) + (d+1)(d−1) couplings, degrees ≤ 3, connected', () => {
    for (const d of [1, 3, 5, 7, 9]) {
      const cmap = CouplingMap.fromHeavyHex(d, { bidirectional: false })
      expect(cmap.size()).toBe((5 * d * d - 2 * d - 1) / 2)
      expect(cmap.getEdges()).toHaveLength(2 * d * (d - 1) + (d + 1) * (d - 1))
      expect(Math.max(...degrees(cmap).keys())).toBeLessThanOrEqual(3)
      expect(cmap.isConnected()).toBe(true)
    }
  })

  it('rejects an even or non-positive distance', () => {
    expect(() => CouplingMap.fromHeavyHex(2)).toThrow(RangeError)
    expect(() => CouplingMap.fromHeavyHex(0)).toThrow(RangeError)
  })
})

describe('CouplingMap.fromHeavySquare', () => {
  it('distance 3 has 21 qubits and rustworkx heavy_square_graph(3)’s exact edges', () => {
    const cmap = CouplingMap.fromHeavySquare(3, { bidirectional: false })
    expect(cmap.size()).toBe(21)
    // rustworkx-core test_heavy_square_3
    expect(cmap.getEdges()).toEqual([
      [0, 15],
      [15, 1],
      [1, 16],
      [16, 2],
      [3, 17],
      [17, 4],
      [4, 18],
      [18, 5],
      [6, 19],
      [19, 7],
      [7, 20],
      [20, 8],
      [2, 11],
      [5, 11],
      [3, 12],
      [6, 12],
      [9, 15],
      [9, 17],
      [10, 16],
      [10, 18],
      [13, 17],
      [13, 19],
      [14, 18],
      [14, 20],
    ])
  })

  it('has 3d² − 2d qubits and 4d(d−1) couplings, connected', () => {
    for (const d of [1, 3, 5, 7]) {
      const cmap = CouplingMap.fromHeavySquare(d, { bidirectional: false })
      expect(cmap.size()).toBe(3 * d * d - 2 * d)
      expect(cmap.getEdges()).toHaveLength(4 * d * (d - 1))
      expect(cmap.isConnected()).toBe(true)
      expect(CouplingMap.fromHeavySquare(d).getEdges()).toHaveLength(8 * d * (d - 1))
    }
    expect(() => CouplingMap.fromHeavySquare(4)).toThrow(RangeError)
  })
})
