import { describe, expect, it } from 'vitest'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { InstructionProperties } from '../../../src/target/instruction-properties.js'
import { Target } from '../../../src/target/target.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { Optimize1qGatesDecomposition } from '../../../src/transpiler/optimization/optimize-1q-gates-decomposition.js'
import { EULER_BASIS_GATES } from '../../../src/transpiler/synthesis/one-qubit-synthesis.js'
import { randomCircuit } from '../preset/__fixtures__/random-circuit.js'

const ONE_Q = [
  'h',
  'x',
  'y',
  'z',
  's',
  'sdg',
  't',
  'tdg',
  'sx',
  'sxdg',
  'rx',
  'ry',
  'rz',
  'p',
  'u',
  'u2',
  'r',
] as const

describe('Optimize1qGatesDecomposition', () => {
  const target = Target.fromConfiguration({ basisGates: ['rz', 'sx', 'x', 'cz'], numQubits: 3 })

  it('collapses 1-qubit runs into at most rz·sx·rz·sx·rz, exactly (global phase included)', () => {
    for (let seed = 0; seed < 10; seed++) {
      const qc = randomCircuit({ numQubits: 3, numGates: 40, seed, gates: [...ONE_Q, 'cz'] })
      const out = dagToCircuit(new Optimize1qGatesDecomposition({ target }).run(circuitToDag(qc)))
      expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
      const ones = out.data.filter((i) => i.qubits.length === 1)
      for (const inst of ones) expect(['rz', 'sx', 'x']).toContain(inst.operation.name)
      // between two cz on a wire at most 5 gates
      for (const run of circuitToDag(out).collect1qRuns()) expect(run.length).toBeLessThanOrEqual(5)
    }
  })

  it('synthesises into every Euler basis a target may have', () => {
    for (const [basis, gates] of Object.entries(EULER_BASIS_GATES)) {
      const t = Target.fromConfiguration({ basisGates: [...gates, 'cz'], numQubits: 2 })
      const qc = randomCircuit({ numQubits: 2, numGates: 30, seed: 9, gates: [...ONE_Q, 'cz'] })
      const out = dagToCircuit(
        new Optimize1qGatesDecomposition({ target: t }).run(circuitToDag(qc)),
      )
      for (const inst of out.data) expect([...gates, 'cz'], basis).toContain(inst.operation.name)
      expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc)), basis).toBe(true)
    }
  })

  it('is idempotent (returns the same DAG the second time)', () => {
    const qc = randomCircuit({ numQubits: 2, numGates: 30, seed: 4, gates: [...ONE_Q, 'cz'] })
    const pass = new Optimize1qGatesDecomposition({ target })
    const once = pass.run(circuitToDag(qc))
    expect(pass.run(once)).toBe(once)
  })

  it('removes identities, moving their phase to the global phase', () => {
    const qc = new QuantumCircuit(1).x(0).y(0).z(0)
    const out = dagToCircuit(new Optimize1qGatesDecomposition({ target }).run(circuitToDag(qc)))
    expect(out.size()).toBe(0)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('avoids the gates with high error on a qubit', () => {
    // qubit 0: x is cheap; qubit 1: x is terrible, so X is built from two sx instead.
    const t = new Target({ numQubits: 2 })
    t.addInstruction(standardGate('rz', [new Parameter('φ')]), [
      [[0], new InstructionProperties({ error: 0 })],
      [[1], new InstructionProperties({ error: 0 })],
    ])
    t.addInstruction(standardGate('sx'), [
      [[0], new InstructionProperties({ error: 1e-4 })],
      [[1], new InstructionProperties({ error: 1e-4 })],
    ])
    t.addInstruction(standardGate('x'), [
      [[0], new InstructionProperties({ error: 1e-4 })],
      [[1], new InstructionProperties({ error: 0.5 })],
    ])
    const qc = new QuantumCircuit(2).h(0).h(0).y(0).h(1).h(1).y(1)
    const out = dagToCircuit(new Optimize1qGatesDecomposition({ target: t }).run(circuitToDag(qc)))
    const on = (q: number): string[] =>
      out.data.filter((i) => i.qubits[0] === q).map((i) => i.operation.name)
    expect(on(0)).toContain('x')
    expect(on(1)).not.toContain('x')
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('leaves symbolic gates alone and merges into u without a target', () => {
    const theta = new Parameter('θ')
    const qc = new QuantumCircuit(1).h(0).t(0).rz(theta, 0).h(0).s(0).h(0)
    const out = dagToCircuit(new Optimize1qGatesDecomposition().run(circuitToDag(qc)))
    expect(out.data.map((i) => i.operation.name)).toEqual(['u', 'rz', 'u'])
    const bound = (c: QuantumCircuit): Operator => Operator.fromCircuit(c.assignParameters([0.7]))
    expect(bound(out).equals(bound(qc))).toBe(true)
  })
})
