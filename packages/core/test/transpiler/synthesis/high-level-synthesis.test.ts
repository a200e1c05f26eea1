import { describe, expect, it } from 'vitest'
import { Gate } from '../../../src/circuit/gate.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { HighLevelSynthesis } from '../../../src/transpiler/synthesis/high-level-synthesis.js'
import { Unroll3qOrMore } from '../../../src/transpiler/synthesis/unroll-3q-or-more.js'
import { TranspilerError } from '../../../src/transpiler/transpiler-error.js'

describe('HighLevelSynthesis', () => {
  it('expands custom gates down to gates the translator knows, leaving ruled gates alone', () => {
    const inner = new QuantumCircuit(3).h(0).ccx(0, 1, 2).rz(0.4, 2)
    const outer = new QuantumCircuit(3).append(inner.toGate(), [0, 1, 2]).cx(2, 0)
    const qc = new QuantumCircuit(4).append(outer.toGate(), [3, 1, 0]).cswap(0, 1, 2)
    const out = dagToCircuit(
      new HighLevelSynthesis({ basisGates: ['rz', 'sx', 'x', 'cz'] }).run(circuitToDag(qc)),
    )
    const names = new Set(out.data.map((i) => i.operation.name))
    expect(names).toEqual(new Set(['h', 'ccx', 'rz', 'cx', 'cswap']))
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('expands multi-controlled gates beyond the equivalence library', () => {
    const qc = new QuantumCircuit(7)
    qc.append(standardGate('mcx', [], { numCtrlQubits: 6 }), [0, 1, 2, 3, 4, 5, 6])
    const out = dagToCircuit(
      new HighLevelSynthesis({ basisGates: ['u', 'cx'] }).run(circuitToDag(qc)),
    )
    expect(out.data.every((i) => i.operation.name !== 'mcx' || i.qubits.length <= 5)).toBe(true)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('does nothing without a basis', () => {
    const dag = circuitToDag(
      new QuantumCircuit(3).append(new QuantumCircuit(3).ccx(0, 1, 2).toGate(), [0, 1, 2]),
    )
    expect(new HighLevelSynthesis().run(dag)).toBe(dag)
  })
})

describe('Unroll3qOrMore', () => {
  it('leaves only operations on at most two qubits, exactly equivalent', () => {
    const qc = new QuantumCircuit(5, 1)
    qc.ccx(0, 1, 2).cswap(2, 3, 4).rccx(4, 0, 1).c3x(0, 1, 2, 3).c3sx(4, 3, 2, 1).rcccx(1, 2, 3, 0)
    qc.append(standardGate('mcp', [0.3], { numCtrlQubits: 4 }), [0, 1, 2, 3, 4]).ccz(0, 3, 4)
    qc.append(new QuantumCircuit(3).h(0).ccx(0, 1, 2).toGate(), [2, 0, 4])
    const out = dagToCircuit(new Unroll3qOrMore().run(circuitToDag(qc)))
    expect(out.data.every((i) => i.qubits.length <= 2)).toBe(true)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('keeps barriers and fails on an opaque 3-qubit gate without a rule', () => {
    const qc = new QuantumCircuit(3).barrier(0, 1, 2)
    const dag = circuitToDag(qc)
    expect(new Unroll3qOrMore().run(dag)).toBe(dag)
    const opaque = new QuantumCircuit(3).append(
      new Gate({ name: 'toffoli3', numQubits: 3 }),
      [0, 1, 2],
    )
    expect(() => new Unroll3qOrMore().run(circuitToDag(opaque))).toThrow(TranspilerError)
  })
})
