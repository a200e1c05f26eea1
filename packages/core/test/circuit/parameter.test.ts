import { describe, expect, it } from 'vitest'
import {
  compareParameters,
  Parameter,
  ParameterVector,
  QuantumCircuit,
} from '../../src/circuit/index.js'

describe('Parameter', () => {
  it('has identity by id: two parameters of the same name differ', () => {
    const a1 = new Parameter('a')
    const a2 = new Parameter('a')
    expect(a1.id).not.toBe(a2.id)
    expect(a1.equals(a2)).toBe(false)
    const qc = new QuantumCircuit(1).rx(a1, 0).ry(a2, 0)
    expect(qc.numParameters).toBe(2)
  })

  it('rejects empty names', () => {
    expect(() => new Parameter('')).toThrow(TypeError)
  })
})

describe('ParameterVector', () => {
  it('names its elements name[i] and indexes them', () => {
    const v = new ParameterVector('θ', 3)
    expect(v.length).toBe(3)
    expect(v.params.map((p) => p.name)).toEqual(['θ[0]', 'θ[1]', 'θ[2]'])
    expect(v.get(1)).toBe(v.params[1])
    expect(v.get(2).vector).toBe(v)
    expect(v.get(2).index).toBe(2)
    expect([...v]).toEqual(v.params)
    expect(() => v.get(3)).toThrow(RangeError)
  })
})

describe('circuit.parameters ordering', () => {
  it('sorts by name, vector elements by index (θ[2] before θ[10]), like Qiskit', () => {
    const v = new ParameterVector('x', 12)
    const alpha = new Parameter('alpha')
    const zeta = new Parameter('zeta')
    const beta = new Parameter('beta')
    const qc = new QuantumCircuit(1)
      .rz(zeta, 0)
      .rx(v.get(10), 0)
      .rx(v.get(2), 0)
      .ry(alpha, 0)
      .rz(beta.add(v.get(0)), 0)
    expect(qc.parameters.map((p) => p.name)).toEqual([
      'alpha',
      'beta',
      'x[0]',
      'x[2]',
      'x[10]',
      'zeta',
    ])
    expect([...qc.parameters].sort(compareParameters)).toEqual(qc.parameters)
  })

  it('includes the global phase and deduplicates', () => {
    const a = new Parameter('a')
    const qc = new QuantumCircuit(1, { globalPhase: a.mul(2) }).rx(a, 0).rx(a.add(1), 0)
    expect(qc.parameters).toEqual([a])
  })
})
