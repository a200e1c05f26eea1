import { describe, expect, it } from 'vitest'
import {
  clbitCondition,
  ClassicalRegister,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  standardGate,
} from '../../../src/circuit/index.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { DagCircuit } from '../../../src/transpiler/dag/dag-circuit.js'
import {
  clbitWire,
  isDagOpNode,
  qubitWire,
  type DagOpNode,
} from '../../../src/transpiler/dag/dag-node.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'

const names = (nodes: readonly { operation: { name: string } }[]): string[] =>
  nodes.map((n) => n.operation.name)

function only(dag: DagCircuit, name: string): DagOpNode {
  const nodes = dag.opNodes({ name })
  expect(nodes).toHaveLength(1)
  return nodes[0]!
}

describe('DagCircuit', () => {
  it('links nodes along wires: predecessors, successors, wire neighbours', () => {
    const dag = circuitToDag(new QuantumCircuit(3, 1).h(0).cx(0, 1).x(2).measure(1, 0).cz(1, 2))
    const cx = only(dag, 'cx')
    const measure = only(dag, 'measure')
    const cz = only(dag, 'cz')
    expect(names(dag.predecessors(cx).filter(isDagOpNode))).toEqual(['h'])
    expect(dag.predecessors(cx).map((n) => n.kind)).toEqual(['op', 'in'])
    expect(dag.successors(cx)).toEqual([dag.outputNode(qubitWire(0)), measure])
    expect(dag.successors(measure).map((n) => n.kind)).toEqual(['op', 'out'])
    expect(dag.wireSuccessor(measure, clbitWire(0))).toEqual(dag.outputNode(clbitWire(0)))
    expect(dag.wirePredecessor(cz, qubitWire(2))).toEqual(only(dag, 'x'))
    expect(names(dag.quantumSuccessors(measure) as DagOpNode[])).toEqual(['cz'])
    expect(dag.nodeWires(measure)).toEqual([qubitWire(1), clbitWire(0)])
    expect(names(dag.ancestors(cz)).sort()).toEqual(['cx', 'h', 'measure', 'x'])
    expect(names(dag.descendants(cx)).sort()).toEqual(['cz', 'measure'])
  })

  it('adds the clbits of a condition to the node wires', () => {
    const c = new ClassicalRegister(2, 'c')
    const qc = new QuantumCircuit(new QuantumRegister(2, 'q'), c)
      .measure(0, 1)
      .append(standardGate('x'), [1], [], { condition: registerCondition(c, 2) })
      .append(standardGate('z'), [0], [], { condition: clbitCondition(0) })
    const dag = circuitToDag(qc)
    const x = only(dag, 'x')
    expect(dag.nodeWires(x)).toEqual([qubitWire(1), clbitWire(0), clbitWire(1)])
    // x reads c[1], written by the measurement: it must come after it
    expect(dag.predecessors(x)).toContainEqual(only(dag, 'measure'))
    const z = only(dag, 'z')
    expect(dag.wirePredecessor(z, clbitWire(0))).toEqual(x)
    expect(dag.depth()).toBe(3)
  })

  it('computes layers, depth, size and counts like the circuit', () => {
    const qc = new QuantumCircuit(4).h(0).h(1).cx(0, 1).barrier(0, 1, 2, 3).cx(2, 3).cx(1, 2).x(0)
    const dag = circuitToDag(qc)
    expect(dag.layers().map(names)).toEqual([['h', 'h'], ['cx'], ['barrier'], ['cx', 'x'], ['cx']])
    expect(dag.serialLayers().map(names)).toEqual(qc.data.map((i) => [i.operation.name]))
    expect(dag.depth()).toBe(qc.depth())
    expect(dag.size()).toBe(qc.size())
    expect([...dag.countOps()]).toEqual([...qc.countOps()])
    expect(names(dag.twoQubitOps())).toEqual(['cx', 'cx', 'cx'])
    expect(dag.multiQubitOps()).toEqual([])
  })

  it('applies operations at the front and back, and removes nodes', () => {
    const dag = circuitToDag(new QuantumCircuit(2).cx(0, 1))
    dag.applyOperationFront({ operation: standardGate('h'), qubits: [0] })
    dag.applyOperationBack({ operation: standardGate('z'), qubits: [1] })
    expect(names(dag.topologicalOpNodes())).toEqual(['h', 'cx', 'z'])
    dag.removeOpNode(only(dag, 'cx'))
    expect(dag.wireSuccessor(only(dag, 'h'), qubitWire(0)).kind).toBe('out')
    expect(dag.wirePredecessor(only(dag, 'z'), qubitWire(1)).kind).toBe('in')
    expect(dag.numOpNodes).toBe(2)
    expect(dag.idleWires()).toEqual([])
    dag.removeOpNode(only(dag, 'z'))
    expect(dag.idleWires()).toEqual([qubitWire(1)])
  })

  it('substitutes an operation in place, keeping the node id', () => {
    const dag = circuitToDag(new QuantumCircuit(2).h(0).cx(0, 1))
    const cx = only(dag, 'cx')
    const cz = dag.substituteNode(cx, standardGate('cz'))
    expect(cz.id).toBe(cx.id)
    expect(cz.qubits).toEqual([0, 1])
    expect(names(dag.topologicalOpNodes())).toEqual(['h', 'cz'])
    expect(() => dag.substituteNode(cz, standardGate('x'))).toThrow(TypeError)
  })

  it('rejects misuse with RangeError/TypeError', () => {
    const dag = circuitToDag(new QuantumCircuit(2, 1))
    expect(() => dag.applyOperationBack({ operation: standardGate('cx'), qubits: [0] })).toThrow(
      TypeError,
    )
    expect(() => dag.applyOperationBack({ operation: standardGate('cx'), qubits: [0, 0] })).toThrow(
      RangeError,
    )
    expect(() => dag.applyOperationBack({ operation: standardGate('x'), qubits: [5] })).toThrow(
      RangeError,
    )
    expect(() =>
      dag.applyOperationBack({
        operation: standardGate('x'),
        qubits: [0],
        condition: clbitCondition(3),
      }),
    ).toThrow(RangeError)
    expect(() => dag.node(999)).toThrow(RangeError)
    expect(() => dag.addQreg(new QuantumRegister(1, 'q'))).toThrow(RangeError)
  })

  it('copies independently, keeping ids, and builds empty copies', () => {
    const dag = circuitToDag(new QuantumCircuit(2, 2, { name: 'orig' }).h(0).cx(0, 1))
    dag.globalPhase = 0.5
    const copy = dag.copy()
    copy.removeOpNode(only(copy, 'h'))
    expect(names(dag.topologicalOpNodes())).toEqual(['h', 'cx'])
    expect(only(copy, 'cx').id).toBe(only(dag, 'cx').id)
    const empty = dag.copyEmptyLike()
    expect(empty.numOpNodes).toBe(0)
    expect(empty.qregs).toEqual(dag.qregs)
    expect(empty.cregs).toEqual(dag.cregs)
    expect(empty.name).toBe('orig')
    expect(empty.globalPhase).toBe(0.5)
  })

  it('copies a DAG whose wires were added interleaved', () => {
    const qa = new QuantumRegister(1, 'a')
    const qb = new QuantumRegister(1, 'b')
    const c = new ClassicalRegister(1, 'c')
    const dag = new DagCircuit({ name: 'x' })
    dag.addQreg(qa)
    dag.addCreg(c)
    dag.addQreg(qb)
    dag.applyOperationBack({ operation: standardGate('cx'), qubits: [0, 1] })
    const copy = dag.copy()
    copy.applyOperationBack({ operation: standardGate('h'), qubits: [1] })
    expect(names(dagToCircuit(copy).data.map((d) => d))).toEqual(['cx', 'h'])
    expect(copy.wires()).toEqual(dag.wires())
  })
})
