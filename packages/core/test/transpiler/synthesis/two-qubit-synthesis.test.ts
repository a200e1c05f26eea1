import { describe, expect, it } from 'vitest'
import { Gate } from '../../../src/circuit/gate.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { SeededRng } from '../../../src/internal/seeded-rng.js'
import { randomUnitary } from '../../../src/math/random-unitary.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { InstructionProperties } from '../../../src/target/instruction-properties.js'
import { Target } from '../../../src/target/target.js'
import { sequenceDag } from '../../../src/transpiler/synthesis/sequence-dag.js'
import { TargetView } from '../../../src/transpiler/synthesis/target-view.js'
import {
  swapConjugate,
  TwoQubitSynthesizer,
} from '../../../src/transpiler/synthesis/two-qubit-synthesis.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'

function pairTarget(twoQubit: Gate, qargs: readonly [number, number]): Target {
  const target = new Target({ numQubits: 2 })
  const both: [number[], null][] = [
    [[0], null],
    [[1], null],
  ]
  target.addInstruction(standardGate('rz', [new Parameter('φ')]), both)
  target.addInstruction(standardGate('sx'), both)
  target.addInstruction(standardGate('x'), both)
  target.addInstruction(twoQubit, [[qargs, new InstructionProperties({ error: 0.01 })]])
  return target
}

describe('TwoQubitSynthesizer', () => {
  const rng = new SeededRng(11)
  const cases: [string, Gate, readonly [number, number]][] = [
    ['cz', standardGate('cz'), [0, 1]],
    ['cx forward', standardGate('cx'), [0, 1]],
    ['cx reversed', standardGate('cx'), [1, 0]],
    ['ecr reversed', standardGate('ecr'), [1, 0]],
    [
      'a custom CX-like gate',
      new Gate({
        name: 'my_cx',
        numQubits: 2,
        definition: new QuantumCircuit(2).h(1).cz(0, 1).h(1).s(0),
      }),
      [0, 1],
    ],
  ]
  for (const [label, gate, qargs] of cases) {
    it(`synthesises random unitaries exactly with ${label}, only in supported directions`, () => {
      const target = pairTarget(gate, qargs)
      const synth = new TwoQubitSynthesizer(new TargetView(target))
      for (let k = 0; k < 8; k++) {
        const u = randomUnitary(4, rng)
        const result = synth.synthesize(u, [0, 1])!
        expect(result.numBasisGates).toBe(3)
        const qc = dagToCircuit(sequenceDag(2, result.gates, result.globalPhase))
        for (const inst of qc.data) {
          expect(
            target.instructionSupported({ operationName: inst.operation.name, qargs: inst.qubits }),
          ).toBe(true)
        }
        expect(Operator.fromCircuit(qc).equals(Operator.fromMatrix(u), { atol: 1e-8 })).toBe(true)
      }
    })
  }

  it('uses as few basis gates as the unitary needs', () => {
    const synth = new TwoQubitSynthesizer(new TargetView(pairTarget(standardGate('cz'), [0, 1])))
    const cx = Operator.fromCircuit(new QuantumCircuit(2).cx(0, 1)).data
    const swap = Operator.fromCircuit(new QuantumCircuit(2).swap(0, 1)).data
    const local = Operator.fromCircuit(new QuantumCircuit(2).h(0).t(1)).data
    expect(synth.numBasisGates(cx, [0, 1])).toBe(1)
    expect(synth.numBasisGates(swap, [0, 1])).toBe(3)
    expect(synth.numBasisGates(local, [0, 1])).toBe(0)
  })

  it('cannot synthesise without a CX-like instruction', () => {
    const target = pairTarget(standardGate('rzz', [new Parameter('θ')]), [0, 1])
    expect(new TwoQubitSynthesizer(new TargetView(target)).canSynthesize([0, 1])).toBe(false)
  })

  it('swapConjugate exchanges the qubits', () => {
    const qc = new QuantumCircuit(2).cx(0, 1)
    const flipped = new QuantumCircuit(2).cx(1, 0)
    expect(
      Operator.fromMatrix(swapConjugate(Operator.fromCircuit(qc).data)).equals(
        Operator.fromCircuit(flipped),
      ),
    ).toBe(true)
  })
})
