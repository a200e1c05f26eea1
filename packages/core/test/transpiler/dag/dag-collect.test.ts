import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clbitCondition,
  QuantumCircuit,
  standardGate,
  UnitaryGate,
} from '../../../src/circuit/index.js'
import { circuitToMatrix } from '../../../src/circuit/circuit-unitary.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import type { DagCircuit } from '../../../src/transpiler/dag/dag-circuit.js'
import type { DagOpNode } from '../../../src/transpiler/dag/dag-node.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { randomRoutingCircuit } from '../routing/routing-support.js'

const names = (nodes: readonly DagOpNode[]): string[] => nodes.map((n) => n.operation.name)

/** A block's unitary on its qubits (in the order given), from its gates. */
function blockUnitary(block: readonly DagOpNode[], qubits: readonly number[]): UnitaryGate {
  const qc = new QuantumCircuit(qubits.length)
  for (const node of block)
    qc.append(
      node.operation,
      node.qubits.map((q) => qubits.indexOf(q)),
    )
  return new UnitaryGate(circuitToMatrix(qc))
}

/** Whether some path leaves the block and comes back (the block is not convex). */
function isConvex(dag: DagCircuit, block: readonly DagOpNode[]): boolean {
  const ids = new Set(block.map((n) => n.id))
  for (const node of block) {
    for (const d of dag.descendants(node)) {
      if (ids.has(d.id)) continue
      if (dag.descendants(d).some((x) => ids.has(x.id))) return false
    }
  }
  return true
}

describe('collecting runs and blocks', () => {
  it('collects runs by name (Qiskit collect_runs)', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).h(0).h(1).x(1).h(1)
    const dag = circuitToDag(qc)
    expect(dag.collectRuns(['h']).map(names)).toEqual([['h'], ['h'], ['h'], ['h']])
    expect(dag.collectRuns(['h', 'x']).map(names)).toEqual([['h'], ['h'], ['h', 'x', 'h']])
    expect(dag.collectRuns(['cx']).map(names)).toEqual([['cx']])
  })

  it('collects runs of bound 1-qubit gates, stopping at conditions and 2-qubit gates', () => {
    const qc = new QuantumCircuit(2, 1)
      .h(0)
      .t(0)
      .append(standardGate('x'), [0], [], { condition: clbitCondition(0) })
      .s(0)
      .cx(0, 1)
      .rz(0.2, 1)
      .sx(1)
    const runs = circuitToDag(qc).collect1qRuns()
    expect(runs.map(names)).toEqual([['h', 't'], ['s'], ['rz', 'sx']])
  })

  it('collects convex 2-qubit blocks whose unitaries recompose the circuit', () => {
    fc.assert(
      fc.property(randomRoutingCircuit(4, 25), (qc) => {
        const dag = circuitToDag(qc)
        const blocks = dag.collect2qBlocks()
        for (const block of blocks) {
          const qubits = [...new Set(block.flatMap((n) => n.qubits))]
          expect(qubits.length).toBeLessThanOrEqual(2)
          expect(block.some((n) => n.qubits.length === 2)).toBe(true)
          expect(isConvex(dag, block)).toBe(true)
        }
        // Replacing every block by its unitary keeps the circuit's operator.
        const out = dag.copy()
        for (const block of blocks) {
          const qubits = [...new Set(block.flatMap((n) => n.qubits))].sort((a, b) => a - b)
          const replaced = block.map((n) => out.node(n.id) as DagOpNode)
          out.replaceBlockWithOp(replaced, blockUnitary(block, qubits), qubits)
        }
        expect(Operator.fromCircuit(dagToCircuit(out)).equiv(Operator.fromCircuit(qc))).toBe(true)
      }),
      { seed: 99, numRuns: 40 },
    )
  })

  it('collects generic blocks with a width limit and splits disconnected ones', () => {
    const qc = new QuantumCircuit(4).h(0).cx(0, 1).h(2).cx(2, 3).cx(1, 2)
    const dag = circuitToDag(qc)
    const blocks = dag.collectBlocks({ filter: () => true, maxBlockWidth: 2 })
    // Greedy, as Qiskit's BlockCollector: h(0) and h(2) start one block, which then cannot grow.
    expect(blocks.map(names)).toEqual([['h'], ['h'], ['cx'], ['cx'], ['cx']])
    const wide = dag.collectBlocks({ filter: () => true, maxBlockWidth: 4 })
    expect(wide.map(names)).toEqual([['h', 'h', 'cx', 'cx', 'cx']])
    const unsplit = dag.collectBlocks({ filter: () => true, maxBlockWidth: 4, splitBlocks: false })
    expect(unsplit).toHaveLength(1)
    expect(
      dag.collectBlocks({ filter: (n) => n.qubits.length === 2, minBlockSize: 2 }).map(names),
    ).toEqual([['cx', 'cx', 'cx']])
    expect(dag.collectBlocks({ filter: () => true, maxBlockWidth: 2, minBlockSize: 2 })).toEqual([])
  })
})
