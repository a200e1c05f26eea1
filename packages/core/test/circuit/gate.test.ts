import { describe, expect, it } from 'vitest'
import {
  CircuitError,
  circuitToMatrix,
  ControlledGate,
  controlledMatrix,
  Gate,
  Parameter,
  QuantumCircuit,
  standardGate,
} from '../../src/circuit/index.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { as, H, I2, kronQubits, P0, P1, sum } from './fixtures/dense.js'

const theta = new Parameter('θ')
const def = new QuantumCircuit(2).rx(theta, 0).cx(0, 1).h(1)
const custom = new Gate({ name: 'my_gate', numQubits: 2, params: [theta], definition: def })

describe('Gate', () => {
  it('takes its matrix from its definition once bound', () => {
    const g = custom.withParams([0.4])
    expect(g).toBeInstanceOf(Gate)
    expect(g.params).toEqual([0.4])
    expect(
      g.toMatrix().equals(circuitToMatrix(new QuantumCircuit(2).rx(0.4, 0).cx(0, 1).h(1))),
    ).toBe(true)
    expect(() => custom.toMatrix()).toThrow(CircuitError)
  })

  it('opaque gates have no matrix and no inverse', () => {
    const g = new Gate({ name: 'black_box', numQubits: 1 })
    expect(() => g.toMatrix()).toThrow(expect.objectContaining({ code: 'circuit.no-matrix' }))
    expect(() => g.inverse()).toThrow(expect.objectContaining({ code: 'circuit.not-invertible' }))
  })

  it('inverse is <name>_dg with the inverted definition', () => {
    const g = custom.withParams([1.3])
    const inv = g.inverse()
    expect(inv.name).toBe('my_gate_dg')
    expect(inv.toMatrix().mul(g.toMatrix()).equals(ComplexMatrix.identity(4))).toBe(true)
  })

  it('power: integer powers by repetition, negative through the inverse', () => {
    const g = custom.withParams([0.8])
    const u = g.toMatrix()
    const p3 = g.power(3)
    expect(p3.name).toBe('my_gate_pow_3')
    expect(p3.definition!.size()).toBe(3)
    expect(p3.toMatrix().equals(u.mul(u).mul(u))).toBe(true)
    expect(g.power(-2).toMatrix().mul(u).mul(u).equals(ComplexMatrix.identity(4))).toBe(true)
    expect(g.power(0).toMatrix().equals(ComplexMatrix.identity(4))).toBe(true)
    expect(g.power(1)).toBe(g)
    expect(() => g.power(Number.NaN)).toThrow(RangeError)
  })

  it('power of a symbolic gate keeps its parameters and binds later', () => {
    const p2 = custom.power(2)
    expect(p2.params).toEqual([theta])
    const bound = p2.withParams([0.5])
    const u = custom.withParams([0.5]).toMatrix()
    expect(bound.toMatrix().equals(u.mul(u))).toBe(true)
  })

  it('equals compares name, parameters and definitions', () => {
    const a = custom.withParams([0.1])
    expect(a.equals(custom.withParams([0.1]))).toBe(true)
    expect(a.equals(custom.withParams([0.2]))).toBe(false)
    const other = new Gate({
      name: 'my_gate',
      numQubits: 2,
      params: [0.1],
      definition: new QuantumCircuit(2),
    })
    expect(a.equals(other)).toBe(false)
  })
})

describe('ControlledGate', () => {
  it('is |0⟩⟨0|⊗I + |1⟩⟨1|⊗U with the control on qargs[0]', () => {
    const g = new Gate({ name: 'hh', numQubits: 1, definition: new QuantumCircuit(1).h(0) })
    const cg = g.control()
    expect(cg).toBeInstanceOf(ControlledGate)
    expect(cg.name).toBe('chh')
    const expected = sum(kronQubits([P0, I2]), kronQubits([P1, H]))
    expect(cg.toMatrix().equals(expected)).toBe(true)
    expect(circuitToMatrix(cg.definition!).equals(expected, 1e-12)).toBe(true)
  })

  it('open controls act on their control state (bitstring most-significant first, as Qiskit)', () => {
    const g = custom.withParams([0.6])
    const cg = as(g.control(2, '01'), ControlledGate)
    expect(cg.ctrlState).toBe(1)
    expect(cg.name).toBe('c2my_gate_o1')
    const expected = controlledMatrix(g.toMatrix(), 2, 1)
    expect(cg.toMatrix().equals(expected)).toBe(true)
    expect(circuitToMatrix(cg.definition!).equals(expected, 1e-10)).toBe(true)
    // state 1 = control 0 is |1⟩ and control 1 is |0⟩: basis index 0b…01
    const m = cg.toMatrix()
    expect(m.get(1, 1).abs()).toBeLessThan(1)
    expect(m.get(3, 3).equals(1)).toBe(true)
  })

  it('carries the global phase of the base definition as a controlled phase', () => {
    const g = new Gate({
      name: 'phased',
      numQubits: 1,
      definition: new QuantumCircuit(1, { globalPhase: 0.7 }).x(0),
    })
    for (const n of [1, 2, 3]) {
      const cg = g.control(n)
      expect(circuitToMatrix(cg.definition!).equals(cg.toMatrix(), 1e-10)).toBe(true)
    }
  })

  it('controlling again adds controls in front and keeps the states (Qiskit packing)', () => {
    const g = custom.withParams([0.2])
    const once = g.control(1, 0)
    const twice = once.control(1, 1)
    expect(twice).toBeInstanceOf(ControlledGate)
    expect(as(twice, ControlledGate).numCtrlQubits).toBe(2)
    expect(as(twice, ControlledGate).ctrlState).toBe(0b01)
    expect(twice.toMatrix().equals(controlledMatrix(g.toMatrix(), 2, 0b01))).toBe(true)
  })

  it('inverse and withParams keep the controls', () => {
    const cg = custom.control(1)
    const bound = cg.withParams([0.9])
    expect(bound).toBeInstanceOf(ControlledGate)
    expect(
      bound.inverse().toMatrix().mul(bound.toMatrix()).equals(ComplexMatrix.identity(8), 1e-12),
    ).toBe(true)
  })

  it('rejects bad control counts and states', () => {
    expect(() => custom.control(0)).toThrow(RangeError)
    expect(() => custom.control(1, 2)).toThrow(RangeError)
    expect(() => custom.control(2, '2')).toThrow(TypeError)
  })

  it('standard gates control to standard gates where Qiskit does', () => {
    expect(standardGate('x').control(2).name).toBe('ccx')
    expect(standardGate('p', [0.3]).control(1).name).toBe('cp')
  })
})
