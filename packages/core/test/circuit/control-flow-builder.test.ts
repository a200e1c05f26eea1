import { describe, expect, it } from 'vitest'
import {
  BoxOp,
  ClassicalRegister,
  clbitCondition,
  ForLoopOp,
  IfElseOp,
  Parameter,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  standardGate,
  WhileLoopOp,
} from '../../src/circuit/index.js'
import { as } from './fixtures/dense.js'

describe('control flow with body callbacks (Qiskit’s builder blocks)', () => {
  it('ifTest places the op on exactly the bits the bodies and the condition use', () => {
    const qc = new QuantumCircuit(4, 3).h(0).measure(0, 2)
    qc.ifTest(
      clbitCondition(2),
      (body) => body.x(3),
      (body) => body.cx(1, 3).measure(1, 0),
    )
    const inst = qc.data.at(-1)!
    const op = as(inst.operation, IfElseOp)
    expect(inst.qubits).toEqual([1, 3])
    expect(inst.clbits).toEqual([0, 2])
    // bodies use body-local indices: outer 1 → 0, outer 3 → 1; outer clbit 0 → 0, 2 → 1
    expect(op.trueBody.data.map((d) => [d.operation.name, ...d.qubits])).toEqual([['x', 1]])
    expect(op.falseBody!.data.map((d) => [d.operation.name, ...d.qubits, ...d.clbits])).toEqual([
      ['cx', 0, 1],
      ['measure', 0, 0],
    ])
    expect(op.trueBody.qubits).toEqual([qc.qubits[1], qc.qubits[3]])
  })

  it('keeps registers whose bits the body uses, for register conditions inside the body', () => {
    const cr = new ClassicalRegister(2, 'flag')
    const qc = new QuantumCircuit(new QuantumRegister(2, 'q'), new ClassicalRegister(1, 'c'), cr)
    qc.box((body) => {
      body.append(standardGate('x'), [1], [], { condition: registerCondition(cr, 2) })
    })
    const inst = qc.data[0]!
    const op = as(inst.operation, BoxOp)
    expect(inst.qubits).toEqual([1])
    expect(inst.clbits).toEqual([1, 2])
    expect(op.body.cregs).toEqual([cr])
    expect(op.body.data[0]!.condition).toMatchObject({ kind: 'register', register: cr })
  })

  it('whileLoop and forLoop take builders too', () => {
    const i = new Parameter('i')
    const qc = new QuantumCircuit(3, 1)
    qc.whileLoop(clbitCondition(0), (body) => body.h(2).measure(2, 0))
    qc.forLoop([0, 1], i, (body) => body.rx(i, 1))
    expect(qc.data[0]!.operation).toBeInstanceOf(WhileLoopOp)
    expect(qc.data[0]!.qubits).toEqual([2])
    expect(qc.data[0]!.clbits).toEqual([0])
    const loop = as(qc.data[1]!.operation, ForLoopOp)
    expect(qc.data[1]!.qubits).toEqual([1])
    expect(loop.body.parameters).toEqual([i])
    expect(qc.parameters).toEqual([])
  })

  it('nested builders compose', () => {
    const qc = new QuantumCircuit(3, 2)
    qc.ifTest(clbitCondition(0), (outer) => {
      outer.x(0).ifTest(clbitCondition(1), (inner) => inner.z(2))
    })
    const inst = qc.data[0]!
    expect(inst.qubits).toEqual([0, 2])
    expect(inst.clbits).toEqual([0, 1])
    const inner = as(inst.operation, IfElseOp).trueBody.data[1]!
    expect(inner.qubits).toEqual([1])
    expect(as(inner.operation, IfElseOp).condition).toEqual(clbitCondition(1))
  })
})
