import { describe, expect, it } from 'vitest'
import {
  CircuitError,
  circuitToMatrix,
  ForLoopOp,
  Parameter,
  ParameterExpression,
  ParameterVector,
  QuantumCircuit,
} from '../../src/circuit/index.js'
import { as } from './fixtures/dense.js'

const a = new Parameter('a')
const b = new Parameter('b')
const build = (): QuantumCircuit =>
  new QuantumCircuit(2, { globalPhase: a.div(2) }).rx(a, 0).ry(b.mul(2), 1).cp(a.add(b), 0, 1)

describe('assignParameters', () => {
  it('binds by Parameter map, by name, or by array in parameters order — all alike', () => {
    const byMap = build().assignParameters(
      new Map([
        [a, 0.3],
        [b, 1.1],
      ]),
    )
    const byName = build().assignParameters({ a: 0.3, b: 1.1 })
    const byArray = build().assignParameters([0.3, 1.1])
    const direct = new QuantumCircuit(2, { globalPhase: 0.15 }).rx(0.3, 0).ry(2.2, 1).cp(1.4, 0, 1)
    for (const bound of [byMap, byName, byArray]) {
      expect(bound.parameters).toEqual([])
      expect(bound.equals(direct)).toBe(true)
      expect(typeof bound.data[2]!.operation.params[0]).toBe('number')
      expect(circuitToMatrix(bound).equals(circuitToMatrix(direct))).toBe(true)
    }
  })

  it('leaves the input circuit unchanged unless inplace', () => {
    const qc = build()
    qc.assignParameters([1, 2])
    expect(qc.numParameters).toBe(2)
    expect(qc.assignParameters([1, 2], { inplace: true })).toBe(qc)
    expect(qc.numParameters).toBe(0)
  })

  it('binds partially, and to expressions', () => {
    const c = new Parameter('c')
    const partial = build().assignParameters(new Map([[b, c.mul(3)]]))
    expect(partial.parameters).toEqual([a, c])
    expect(partial.data[1]!.operation.params[0]!.toString()).toBe('c*3*2')
    const rest = partial.assignParameters({ a: 1, c: 0.5 })
    expect(rest.data[1]!.operation.params[0]).toBeCloseTo(3)
  })

  it('throws circuit.unknown-parameter for parameters the circuit lacks, RangeError for a wrong count', () => {
    const qc = build()
    const code = (f: () => unknown): unknown => {
      try {
        f()
      } catch (e) {
        return e instanceof CircuitError ? e.code : e
      }
      return undefined
    }
    expect(code(() => qc.assignParameters(new Map([[new Parameter('a'), 1]])))).toBe(
      'circuit.unknown-parameter',
    )
    expect(code(() => qc.assignParameters({ zz: 1 }))).toBe('circuit.unknown-parameter')
    expect(() => qc.assignParameters([1])).toThrow(RangeError)
    expect(qc.assignParameters({ zz: 1 }, { allowUnknown: true }).numParameters).toBe(2)
  })

  it('re-binds definitions of gates made from parameterized circuits', () => {
    const sub = new QuantumCircuit(1, { name: 'sub' }).rz(a, 0).rx(a.mul(2), 0)
    const qc = new QuantumCircuit(2).append(sub.toGate(), [1])
    const bound = qc.assignParameters([0.7])
    const op = bound.data[0]!.operation
    expect(op.params).toEqual([0.7])
    expect(
      circuitToMatrix(bound).equals(circuitToMatrix(new QuantumCircuit(2).rz(0.7, 1).rx(1.4, 1))),
    ).toBe(true)
  })

  it('binds vectors element by element and folds fully bound expressions to numbers', () => {
    const v = new ParameterVector('v', 3)
    const qc = new QuantumCircuit(1).rx(v.get(0).add(v.get(1)).sin(), 0).rz(v.get(2), 0)
    const bound = qc.assignParameters([0.1, 0.2, 0.3])
    expect(bound.data[0]!.operation.params[0]).toBeCloseTo(Math.sin(0.3))
    expect(bound.data[0]!.operation.params[0]).not.toBeInstanceOf(ParameterExpression)
  })

  it('binds inside control-flow bodies but not a for-loop variable', () => {
    const i = new Parameter('i')
    const body = new QuantumCircuit(1).rx(i.mul(a), 0)
    const qc = new QuantumCircuit(1).forLoop([0, 1, 2], i, body, [0])
    expect(qc.parameters).toEqual([a])
    const bound = qc.assignParameters([2])
    const loop = as(bound.data[0]!.operation, ForLoopOp)
    expect(loop.body.parameters).toEqual([i])
    expect(loop.body.data[0]!.operation.params[0]!.toString()).toBe('i*2')
  })
})
