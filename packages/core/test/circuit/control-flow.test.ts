import { describe, expect, it } from 'vitest'
import {
  BoxOp,
  CircuitError,
  ClassicalRegister,
  clbitCondition,
  evaluateCondition,
  ForLoopOp,
  IfElseOp,
  Parameter,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  WhileLoopOp,
} from '../../src/circuit/index.js'
import { as } from './fixtures/dense.js'

describe('control-flow operations', () => {
  it('if_else takes its width from the bodies and maps them onto the listed bits', () => {
    const t = new QuantumCircuit(2, 1).cx(0, 1)
    const f = new QuantumCircuit(2, 1).x(1)
    const qc = new QuantumCircuit(3, 2).h(0).measure(0, 1)
    qc.ifElse(clbitCondition(1), t, f, [2, 0], [1])
    const inst = qc.data.at(-1)!
    const op = as(inst.operation, IfElseOp)
    expect(op.name).toBe('if_else')
    expect([op.numQubits, op.numClbits]).toEqual([2, 1])
    expect(inst.qubits).toEqual([2, 0])
    expect(inst.clbits).toEqual([1])
    expect(op.blocks).toEqual([t, f])
    expect(op.trueBody).toBe(t)
    expect(op.falseBody).toBe(f)
    expect(op.condition).toEqual(clbitCondition(1, true))
  })

  it('rejects bodies of different widths, and lists of bits of the wrong length', () => {
    expect(
      () => new IfElseOp(clbitCondition(0), new QuantumCircuit(1, 1), new QuantumCircuit(2, 1)),
    ).toThrow(CircuitError)
    const qc = new QuantumCircuit(3, 1)
    expect(() =>
      qc.ifElse(clbitCondition(0), new QuantumCircuit(2, 1), undefined, [0], [0]),
    ).toThrow(TypeError)
  })

  it('requires the condition bits to be among the instruction clbits', () => {
    const qc = new QuantumCircuit(2, 2)
    expect(() =>
      qc.ifElse(clbitCondition(1), new QuantumCircuit(1, 1).x(0), undefined, [0], [0]),
    ).toThrow(CircuitError)
    const cr = new ClassicalRegister(2, 'cr')
    const q2 = new QuantumCircuit(new QuantumRegister(1, 'q'), cr)
    expect(() =>
      q2.whileLoop(registerCondition(cr, 1), new QuantumCircuit(1, 1), [0], [0]),
    ).toThrow(CircuitError)
    q2.whileLoop(registerCondition(cr, 1), new QuantumCircuit(1, 2).h(0), [0], [cr])
    expect(q2.data[0]!.operation).toBeInstanceOf(WhileLoopOp)
    expect(() =>
      q2.whileLoop(
        registerCondition(new ClassicalRegister(2, 'other'), 1),
        new QuantumCircuit(1, 2),
        [0],
        [0, 1],
      ),
    ).toThrow(CircuitError)
  })

  it('for_loop keeps its index set and loop variable; box wraps a body', () => {
    const i = new Parameter('i')
    const body = new QuantumCircuit(2).rz(i, 0).cx(0, 1)
    const qc = new QuantumCircuit(3)
      .forLoop([0, 2, 4], i, body, [1, 2])
      .box(new QuantumCircuit(1).x(0), [0])
    const loop = as(qc.data[0]!.operation, ForLoopOp)
    expect(loop.indexSet).toEqual([0, 2, 4])
    expect(loop.loopParameter).toBe(i)
    expect(qc.parameters).toEqual([])
    expect(qc.data[1]!.operation).toBeInstanceOf(BoxOp)
    expect(() => new ForLoopOp([0.5], undefined, body)).toThrow(TypeError)
  })

  it('box inverts its body; other control flow cannot be inverted', () => {
    const box = new BoxOp(new QuantumCircuit(1).s(0))
    expect(box.inverse().body.data[0]!.operation.name).toBe('sdg')
    expect(() => new WhileLoopOp(clbitCondition(0), new QuantumCircuit(1, 1)).inverse()).toThrow(
      CircuitError,
    )
  })

  it('a plain instruction may carry a condition (c_if); control flow may not get a second one', () => {
    const qc = new QuantumCircuit(1, 1)
    qc.append(new QuantumCircuit(1).x(0).toGate(), [0], [], { condition: clbitCondition(0, false) })
    expect(qc.data[0]!.condition).toEqual({ kind: 'clbit', clbit: 0, value: false })
    const op = new BoxOp(new QuantumCircuit(1))
    expect(() => qc.append(op, [0], [], { condition: clbitCondition(0) })).toThrow(CircuitError)
  })
})

describe('evaluateCondition', () => {
  it('reads registers little-endian and compares', () => {
    const cr = new ClassicalRegister(3, 'c')
    const bits = [true, false, true] // value 0b101 = 5
    const read = (i: number): boolean => bits[i]!
    const index = (_: ClassicalRegister, i: number): number => i
    expect(evaluateCondition(registerCondition(cr, 5), read, index)).toBe(true)
    expect(evaluateCondition(registerCondition(cr, 4, '>'), read, index)).toBe(true)
    expect(evaluateCondition(registerCondition(cr, 5, '!='), read, index)).toBe(false)
    expect(evaluateCondition(clbitCondition(1, false), read, index)).toBe(true)
    expect(() => registerCondition(cr, -1)).toThrow(RangeError)
  })
})
