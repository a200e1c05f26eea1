import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { Target } from '../../../src/target/target.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { ConsolidateBlocks } from '../../../src/transpiler/optimization/consolidate-blocks.js'
import { Split2QUnitaries } from '../../../src/transpiler/optimization/split-2q-unitaries.js'
import { UnitarySynthesis } from '../../../src/transpiler/synthesis/unitary-synthesis.js'
import { randomCircuit } from '../preset/__fixtures__/random-circuit.js'

describe('ConsolidateBlocks + UnitarySynthesis', () => {
  const target = Target.fromConfiguration({
    basisGates: ['rz', 'sx', 'x', 'cz'],
    couplingMap: CouplingMap.fromLine(3, { bidirectional: true }),
  })

  it('brings every 2-qubit block down to its KAK count (≤ 3 cz), exactly', () => {
    for (let seed = 0; seed < 6; seed++) {
      const qc = randomCircuit({
        numQubits: 2,
        numGates: 30,
        seed,
        gates: ['cx', 'cz', 'h', 'rz', 'sx', 'swap', 'crx', 'rzz'],
      })
      const consolidated = new ConsolidateBlocks({ target }).run(circuitToDag(qc))
      const out = dagToCircuit(new UnitarySynthesis({ target }).run(consolidated))
      expect(out.countOps().get('cz') ?? 0).toBeLessThanOrEqual(3)
      expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc), { atol: 1e-8 })).toBe(true)
    }
  })

  it('leaves a block alone when resynthesis saves nothing', () => {
    // needs 2 cz (checked by KAK), and every gate is in the basis
    const dag = circuitToDag(new QuantumCircuit(2).cz(0, 1).sx(0).sx(1).cz(0, 1))
    expect(new ConsolidateBlocks({ target }).run(dag)).toBe(dag)
    // cz·(rz ⊗ sx)·cz is locally a single cz: consolidated
    const one = circuitToDag(new QuantumCircuit(2).cz(0, 1).rz(0.3, 0).sx(1).cz(0, 1))
    const synthesized = dagToCircuit(
      new UnitarySynthesis({ target }).run(new ConsolidateBlocks({ target }).run(one)),
    )
    expect(synthesized.countOps().get('cz')).toBe(1)
  })

  it('absorbs a routing swap next to other gates on the pair', () => {
    const qc = new QuantumCircuit(3).cz(1, 2).swap(1, 2).cz(0, 1)
    const consolidated = new ConsolidateBlocks({ target }).run(circuitToDag(qc))
    const out = dagToCircuit(new UnitarySynthesis({ target }).run(consolidated))
    // cz·swap is locally iSWAP (2 cz), plus the cz on (0, 1)
    expect(out.countOps().get('cz')).toBe(3)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc), { atol: 1e-8 })).toBe(true)
  })
})

describe('Split2QUnitaries', () => {
  it('splits product unitaries into 1-qubit ones', () => {
    const qc = new QuantumCircuit(2).h(0).cz(0, 1).t(1).cz(0, 1).x(1)
    const unitary = new QuantumCircuit(2).unitary(Operator.fromCircuit(qc).data, [0, 1])
    const out = dagToCircuit(new Split2QUnitaries().run(circuitToDag(unitary)))
    expect(out.data.map((i) => i.qubits.length)).toEqual([1, 1])
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc), { atol: 1e-8 })).toBe(true)
    const entangling = new QuantumCircuit(2).unitary(
      Operator.fromCircuit(new QuantumCircuit(2).cx(0, 1)).data,
      [0, 1],
    )
    const dag = circuitToDag(entangling)
    expect(new Split2QUnitaries().run(dag)).toBe(dag)
  })
})
