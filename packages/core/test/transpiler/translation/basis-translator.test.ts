import { describe, expect, it } from 'vitest'
import {
  EquivalenceLibrary,
  standardEquivalenceLibrary,
} from '../../../src/circuit/equivalence-library.js'
import { Gate } from '../../../src/circuit/gate.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { STANDARD_GATE_SPECS } from '../../../src/circuit/library/standard-gate-specs.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { InstructionProperties } from '../../../src/target/instruction-properties.js'
import { Target } from '../../../src/target/target.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { BasisTranslator } from '../../../src/transpiler/translation/basis-translator.js'
import { BasisTranslationError } from '../../../src/transpiler/transpiler-error.js'
import { FIXED_GATES } from '../preset/__fixtures__/random-circuit.js'

const BASES = [
  ['rz', 'sx', 'x', 'cz'],
  ['u', 'cx'],
  ['rz', 'sx', 'x', 'ecr'],
  ['rx', 'ry', 'rz', 'cx'],
  ['p', 'sx', 'cz'],
] as const

function translate(qc: QuantumCircuit, basisGates: readonly string[]): QuantumCircuit {
  return dagToCircuit(new BasisTranslator({ basisGates }).run(circuitToDag(qc)))
}

describe('BasisTranslator', () => {
  for (const basis of BASES) {
    it(`translates every standard gate exactly (global phase included) into [${basis.join(', ')}]`, () => {
      for (const { name, width } of FIXED_GATES) {
        const params = STANDARD_GATE_SPECS[name].params.map((_, i) => 0.37 + 0.91 * i)
        const qc = new QuantumCircuit(width)
        qc.append(
          standardGate(name, params),
          Array.from({ length: width }, (_, i) => i),
        )
        const out = translate(qc, basis)
        for (const inst of out.data) expect(basis).toContain(inst.operation.name)
        expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc)), name).toBe(true)
      }
    })
  }

  it('translates multi-controlled gates', () => {
    const qc = new QuantumCircuit(5)
    qc.append(standardGate('mcx', [], { numCtrlQubits: 4 }), [0, 1, 2, 3, 4])
    qc.append(standardGate('mcp', [0.7], { numCtrlQubits: 3 }), [4, 2, 0, 1])
    const out = translate(qc, ['rz', 'sx', 'x', 'cz'])
    for (const inst of out.data) expect(['rz', 'sx', 'x', 'cz']).toContain(inst.operation.name)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('translates symbolic parameters, so binding after equals binding before', () => {
    const [a, b, c] = [new Parameter('a'), new Parameter('b'), new Parameter('c')]
    const qc = new QuantumCircuit(2)
    qc.u(a, b, c, 0).crx(a.mul(2), 0, 1).rzz(b.add(c), 1, 0).rz(c, 1)
    const out = translate(qc, ['rz', 'sx', 'x', 'cz'])
    const values = { a: 0.3, b: -1.1, c: 2.5 }
    const bound = Operator.fromCircuit(out.assignParameters(values))
    expect(bound.equals(Operator.fromCircuit(qc.assignParameters(values)))).toBe(true)
  })

  it('keeps measurements, resets, barriers, delays and conditions', () => {
    const qc = new QuantumCircuit(2, 2)
    qc.h(0).barrier(0, 1).reset(1).delay(10, 1).measure(0, 0)
    qc.append(standardGate('h'), [1], [], { condition: { kind: 'clbit', clbit: 0, value: true } })
    const out = translate(qc, ['rz', 'sx', 'x', 'cz'])
    const names = out.data.map((i) => i.operation.name)
    expect(names).toEqual(expect.arrayContaining(['barrier', 'reset', 'delay', 'measure']))
    const conditioned = out.data.filter((i) => i.condition !== undefined)
    expect(conditioned.length).toBeGreaterThan(0)
    expect(conditioned.every((i) => i.qubits[0] === 1)).toBe(true)
  })

  it('returns the same DAG when everything is supported', () => {
    const dag = circuitToDag(new QuantumCircuit(2).rz(0.1, 0).cz(0, 1))
    expect(new BasisTranslator({ basisGates: ['rz', 'cz'] }).run(dag)).toBe(dag)
  })

  it('reaches a custom gate through a rule from cz (a provider gate)', () => {
    const lib = new EquivalenceLibrary({ base: standardEquivalenceLibrary() })
    // my_cz is cz up to a local change of basis: my_cz = (h ⊗ I)·cz·(h ⊗ I) = cx(1 → 0)
    const myCz = new Gate({
      name: 'my_cz',
      numQubits: 2,
      definition: new QuantumCircuit(2).h(0).cz(0, 1).h(0),
    })
    lib.addEquivalence(standardGate('cz'), new QuantumCircuit(2).h(0).append(myCz, [0, 1]).h(0))
    const target = new Target({ numQubits: 2 })
    for (const name of ['rz', 'sx', 'x'] as const) {
      target.addInstruction(standardGate(name, name === 'rz' ? [new Parameter('θ')] : []), [
        [[0], null],
        [[1], null],
      ])
    }
    target.addInstruction(myCz, [[[0, 1], new InstructionProperties({ error: 0.01 })]])
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).swap(0, 1)
    const out = dagToCircuit(
      new BasisTranslator({ target, equivalenceLibrary: lib }).run(circuitToDag(qc)),
    )
    expect(new Set(out.data.map((i) => i.operation.name))).toEqual(new Set(['rz', 'sx', 'my_cz']))
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('fails with a BasisTranslationError naming the gate and the basis', () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1)
    expect(() => translate(qc, ['rz', 'sx', 'x'])).toThrow(BasisTranslationError)
    try {
      translate(qc, ['rz', 'sx', 'x'])
    } catch (e) {
      expect((e as BasisTranslationError).code).toBe('transpiler.basis-translation')
      expect((e as Error).message).toMatch(/\[cx\].*rz, sx, x/)
    }
    const opaque = new QuantumCircuit(1).append(new Gate({ name: 'mystery', numQubits: 1 }), [0])
    expect(() => translate(opaque, ['rz', 'sx'])).toThrow(/mystery/)
  })

  it('expands gates without a rule through their definitions', () => {
    const inner = new QuantumCircuit(2).h(0).cx(0, 1).t(1)
    const qc = new QuantumCircuit(3).append(inner.toGate(), [2, 0]).cx(0, 1)
    const out = translate(qc, ['rz', 'sx', 'x', 'cz'])
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('translates each gate into the instructions of its own qubits', () => {
    // qubit 0 has rz/sx/x, qubit 1 has only u; cz on (0, 1)
    const target = new Target({ numQubits: 2 })
    target.addInstruction(standardGate('rz', [new Parameter('φ')]), [[[0], null]])
    target.addInstruction(standardGate('sx'), [[[0], null]])
    target.addInstruction(standardGate('x'), [[[0], null]])
    target.addInstruction(
      standardGate('u', [new Parameter('a'), new Parameter('b'), new Parameter('c')]),
      [[[1], null]],
    )
    target.addInstruction(standardGate('cz'), [[[0, 1], null]])
    const qc = new QuantumCircuit(2).h(0).h(1).swap(0, 1).t(1)
    const out = dagToCircuit(new BasisTranslator({ target }).run(circuitToDag(qc)))
    // Two-qubit gates may land reversed: GateDirection orients them afterwards.
    for (const inst of out.data) {
      const name = inst.operation.name
      const ok = [inst.qubits, [...inst.qubits].reverse()].some((qargs) =>
        target.instructionSupported({ operationName: name, qargs }),
      )
      expect(ok, `${name} on ${inst.qubits.join(',')}`).toBe(true)
    }
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })
})
