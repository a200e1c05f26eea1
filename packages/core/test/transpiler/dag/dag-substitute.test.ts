import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ClassicalRegister,
  clbitCondition,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  standardGate,
} from '../../../src/circuit/index.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { randomRoutingCircuit } from '../routing/routing-support.js'

/** cx(a, b) = H_b · CZ · H_b, with a phase-carrying decoration to check phases add up. */
function cxReplacement(): QuantumCircuit {
  const qc = new QuantumCircuit(2).h(1).cz(0, 1).h(1)
  qc.globalPhase = 0.3
  return qc.rz(0, 0)
}

describe('substituteNodeWithDag', () => {
  it('replaces every cx by h·cz·h on random circuits, keeping the operator', () => {
    fc.assert(
      fc.property(randomRoutingCircuit(4, 20), (qc) => {
        const dag = circuitToDag(qc)
        let count = 0
        for (const node of dag.opNodes({ name: 'cx' })) {
          dag.substituteNodeWithDag(node, circuitToDag(cxReplacement()))
          count++
        }
        expect(dag.opNodes({ name: 'cx' })).toHaveLength(0)
        const out = dagToCircuit(dag)
        const expected = Operator.fromCircuit(qc)
        const phase = (0.3 * count) % (2 * Math.PI)
        const withPhase = qc.copy()
        withPhase.globalPhase = (qc.globalPhase as number) + phase
        expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(withPhase))).toBe(true)
        expect(Operator.fromCircuit(out).equiv(expected)).toBe(true)
      }),
      { seed: 8, numRuns: 30 },
    )
  })

  it('maps the replacement onto given wires and propagates the node condition', () => {
    const c = new ClassicalRegister(1, 'c')
    const qc = new QuantumCircuit(new QuantumRegister(3, 'q'), c)
      .measure(0, 0)
      .append(standardGate('swap'), [1, 2], [], { condition: clbitCondition(0) })
      .h(2)
    const dag = circuitToDag(qc)
    const [swap] = dag.opNodes({ name: 'swap' })
    const replacement = circuitToDag(new QuantumCircuit(2).cx(0, 1).cx(1, 0).cx(0, 1))
    const created = dag.substituteNodeWithDag(swap!, replacement, { qubits: [2, 1] })
    expect(created.size).toBe(3)
    const out = dagToCircuit(dag)
    expect(out.data.map((d) => [d.operation.name, d.qubits])).toEqual([
      ['measure', [0]],
      ['cx', [2, 1]],
      ['cx', [1, 2]],
      ['cx', [2, 1]],
      ['h', [2]],
    ])
    expect(out.data.slice(1, 4).every((d) => d.condition?.kind === 'clbit')).toBe(true)
  })

  it('maps register conditions and control-flow conditions of the replacement', () => {
    const cr = new ClassicalRegister(2, 'flags')
    const outer = new QuantumCircuit(new QuantumRegister(2, 'q'), cr).append(
      new QuantumCircuit(2, 2).toInstruction(),
      [0, 1],
      [0, 1],
    )
    const dag = circuitToDag(outer)
    const inner = new ClassicalRegister(2, 'flags')
    const replacement = new QuantumCircuit(new QuantumRegister(2, 'r'), inner)
      .append(standardGate('x'), [0], [], { condition: registerCondition(inner, 1) })
      .ifElse(clbitCondition(1), new QuantumCircuit(1, 1).z(0), undefined, [1], [1])
    dag.substituteNodeWithDag(dag.opNodes()[0]!, circuitToDag(replacement))
    const out = dagToCircuit(dag)
    expect(out.data[0]!.condition).toEqual(registerCondition(cr, 1))
    expect(out.data[1]!.operation.name).toBe('if_else')
  })

  it('rejects replacements of the wrong width', () => {
    const dag = circuitToDag(new QuantumCircuit(2).cx(0, 1))
    expect(() =>
      dag.substituteNodeWithDag(dag.opNodes()[0]!, circuitToDag(new QuantumCircuit(3))),
    ).toThrow(TypeError)
  })
})
