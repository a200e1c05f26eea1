import fc from 'fast-check'
import { expect } from 'vitest'
import { QuantumCircuit, standardGate, type StandardGateName } from '../../../src/circuit/index.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { Statevector } from '../../../src/quantum-info/statevector.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import type { TranspileLayout } from '../../../src/transpiler/layout/transpile-layout.js'

const ONE_Q: readonly [StandardGateName, number][] = [
  ['h', 0],
  ['x', 0],
  ['t', 0],
  ['sx', 0],
  ['rz', 1],
  ['ry', 1],
]
const TWO_Q: readonly [StandardGateName, number][] = [
  ['cx', 0],
  ['cz', 0],
  ['cy', 0],
  ['swap', 0],
  ['rzz', 1],
  ['cp', 1],
  ['crx', 1],
  ['ecr', 0],
]

/** A random unitary circuit of 1- and 2-qubit standard gates (and barriers) on `n` qubits. */
export function randomRoutingCircuit(n: number, maxGates = 30): fc.Arbitrary<QuantumCircuit> {
  const gate = fc.record({
    twoQ: fc.double({ min: 0, max: 1, noNaN: true }),
    which: fc.nat(99),
    a: fc.nat(n - 1),
    b: fc.nat(n - 1),
    theta: fc.double({ min: -3, max: 3, noNaN: true }),
  })
  return fc.array(gate, { minLength: 1, maxLength: maxGates }).map((gates) => {
    const qc = new QuantumCircuit(n, { name: 'random-routing' })
    for (const g of gates) {
      const b = g.a === g.b ? (g.a + 1) % n : g.b
      if (n > 1 && g.twoQ < 0.55) {
        const [name, np] = TWO_Q[g.which % TWO_Q.length]!
        qc.append(standardGate(name, np === 0 ? [] : [g.theta]), [g.a, b])
      } else if (g.which === 99) {
        qc.barrier(g.a, b)
      } else {
        const [name, np] = ONE_Q[g.which % ONE_Q.length]!
        qc.append(standardGate(name, np === 0 ? [] : [g.theta]), [g.a])
      }
    }
    return qc
  })
}

/** The named couplings of the property tests (≤ 8 qubits, for dense operator checks). */
export function smallCouplings(): [string, CouplingMap][] {
  const heavyHex = CouplingMap.fromHeavyHex(3)
  // A connected 8-qubit piece of the heavy-hex lattice (breadth-first from qubit 0).
  const piece = [0]
  for (let h = 0; piece.length < 8; h++) {
    for (const q of undirectedNeighbours(heavyHex, piece[h]!)) {
      if (!piece.includes(q) && piece.length < 8) piece.push(q)
    }
  }
  return [
    ['line-6', CouplingMap.fromLine(6)],
    ['ring-7', CouplingMap.fromRing(7)],
    ['grid-2x4', CouplingMap.fromGrid(2, 4)],
    ['heavy-hex-8', heavyHex.reduce(piece)],
  ]
}

function undirectedNeighbours(map: CouplingMap, q: number): number[] {
  return map
    .getEdges()
    .flatMap(([a, b]) => (a === q ? [b] : b === q ? [a] : []))
    .sort((x, y) => x - y)
}

/** Every non-directive 2-qubit operation of `circuit` acts on a coupling of `map` (any direction). */
export function expectOnCouplings(circuit: QuantumCircuit, map: CouplingMap): void {
  for (const inst of circuit.data) {
    if (inst.operation.isDirective || inst.qubits.length < 2) continue
    expect(inst.qubits).toHaveLength(2)
    const [a, b] = inst.qubits as [number, number]
    expect(map.hasEdge(a, b) || map.hasEdge(b, a), `${inst.operation.name} on ${a},${b}`).toBe(true)
  }
}

/**
 * A permutation as swaps: the state on position `p` goes to `permutation[p]`.
 */
export function permutationCircuit(permutation: readonly number[]): QuantumCircuit {
  const n = permutation.length
  const qc = new QuantumCircuit(n)
  const at = Array.from({ length: n }, (_, p) => p) // at[p]: which original position sits on p
  for (let target = 0; target < n; target++) {
    const source = permutation.indexOf(target)
    const where = at.indexOf(source)
    if (where !== target) {
      qc.swap(where, target)
      ;[at[where], at[target]] = [at[target]!, at[where]!]
    }
  }
  return qc
}

/**
 * What a transpiled circuit must equal: the input laid out on its initial physical qubits,
 * then the routing permutation.
 */
export function expectedCircuit(input: QuantumCircuit, layout: TranspileLayout): QuantumCircuit {
  const n = layout.outputQubitCount
  const expected = new QuantumCircuit(n)
  const initial = layout.initialIndexLayout({ filterAncillas: true })
  const body = input.removeFinalMeasurements()
  expected.compose(body.copy(), { qubits: initial, inplace: true })
  expected.compose(permutationCircuit(layout.routingPermutation()), { inplace: true })
  return expected
}

/** The transpiled circuit equals the input up to layout, routing permutation and global phase. */
export function expectEquivalent(
  input: QuantumCircuit,
  output: QuantumCircuit,
  layout: TranspileLayout,
): void {
  const expected = expectedCircuit(input, layout)
  if (output.numQubits <= 8) {
    expect(Operator.fromCircuit(output).equiv(Operator.fromCircuit(expected))).toBe(true)
    return
  }
  // Wide devices: compare the states reached from a generic product state.
  const prep = new QuantumCircuit(output.numQubits)
  for (let q = 0; q < output.numQubits; q++) prep.ry(0.3 + 0.17 * q, q).rz(0.1 * q, q)
  const a = Statevector.fromCircuit(prep.compose(output))
  const b = Statevector.fromCircuit(prep.compose(expected))
  const overlap = a.innerProduct(b)
  expect(Math.hypot(overlap.re, overlap.im)).toBeCloseTo(1, 8)
}
