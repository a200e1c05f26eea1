import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { CommutativeCancellation } from '../../../src/transpiler/optimization/commutative-cancellation.js'
import { InverseCancellation } from '../../../src/transpiler/optimization/inverse-cancellation.js'
import { randomCircuit } from '../preset/__fixtures__/random-circuit.js'

const run = (
  pass: { run(d: ReturnType<typeof circuitToDag>): ReturnType<typeof circuitToDag> },
  qc: QuantumCircuit,
): QuantumCircuit => dagToCircuit(pass.run(circuitToDag(qc)))

const GATES = [
  'h',
  'x',
  'z',
  's',
  'sdg',
  't',
  'tdg',
  'sx',
  'sxdg',
  'rz',
  'rx',
  'p',
  'cx',
  'cz',
  'swap',
  'rzz',
  'cp',
  'crz',
  'ecr',
] as const

describe('InverseCancellation', () => {
  it('removes adjacent inverse pairs, keeping the global phase', () => {
    const qc = new QuantumCircuit(2).cx(0, 1).cx(0, 1).h(0).h(0).s(1).sdg(1).x(0).rz(1, 1).rz(-1, 1)
    const out = run(new InverseCancellation(), qc)
    expect(out.size()).toBe(1)
    expect(out.data[0]!.operation.name).toBe('x')
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('does not cancel through a gate in between', () => {
    const qc = new QuantumCircuit(2).cx(0, 1).rz(0.2, 0).cx(0, 1)
    expect(run(new InverseCancellation(), qc).size()).toBe(3)
  })
})

describe('CommutativeCancellation', () => {
  it('cancels through commuting gates', () => {
    const qc = new QuantumCircuit(3)
      .cz(0, 1)
      .rz(0.3, 0)
      .t(1)
      .cz(1, 0)
      .cx(0, 2)
      .rz(0.5, 0)
      .cx(0, 2)
      .x(2)
    const out = run(new CommutativeCancellation(), qc)
    expect(out.countOps().get('cz')).toBeUndefined()
    expect(out.countOps().get('cx')).toBeUndefined()
    expect(out.countOps().get('rz')).toBe(1)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('merges z rotations of different names and x on a cx target', () => {
    const qc = new QuantumCircuit(2).rz(0.4, 0).cx(0, 1).s(0).t(0).p(0.1, 0).x(1).cx(0, 1).x(1)
    const out = run(new CommutativeCancellation(), qc)
    expect(out.countOps().get('x')).toBeUndefined()
    expect((out.countOps().get('rz') ?? 0) + (out.countOps().get('p') ?? 0)).toBe(1)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('merges symbolic rotations', () => {
    const a = new Parameter('a')
    const qc = new QuantumCircuit(2).rz(a, 0).cz(0, 1).rz(a.mul(2), 0)
    const out = run(new CommutativeCancellation(), qc)
    expect(out.countOps().get('rz')).toBe(1)
    const bound = (c: QuantumCircuit): Operator => Operator.fromCircuit(c.assignParameters([0.3]))
    expect(bound(out).equals(bound(qc))).toBe(true)
  })

  it('keeps random circuits exactly equivalent and never larger', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 2, max: 4 }),
        (seed, n) => {
          const qc = randomCircuit({ numQubits: n, numGates: 40, seed, gates: [...GATES] })
          for (const pass of [new CommutativeCancellation(), new InverseCancellation()]) {
            const out = run(pass, qc)
            expect(out.size()).toBeLessThanOrEqual(qc.size())
            expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
          }
        },
      ),
      { seed: 42, numRuns: 60 },
    )
  })

  it('does not move gates past measurements or conditions', () => {
    const qc = new QuantumCircuit(1, 1).x(0).measure(0, 0).x(0)
    expect(run(new CommutativeCancellation(), qc).size()).toBe(3)
  })
})
