import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { Target } from '../../../src/target/target.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { MergeCommuting2q } from '../../../src/transpiler/optimization/merge-commuting-2q.js'
import { UnitarySynthesis } from '../../../src/transpiler/synthesis/unitary-synthesis.js'

describe('MergeCommuting2q', () => {
  const target = Target.fromConfiguration({
    basisGates: ['rz', 'sx', 'x', 'cz'],
    couplingMap: new CouplingMap([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ]),
  })

  it('absorbs a swap into a gate on its pair that commuting gates kept apart', () => {
    // swap(0,1) then cp(1,2), cp(1,0): the cps commute, so swap·cp(1,0) is one 3-cz unitary
    const qc = new QuantumCircuit(3).h(0).h(2).swap(0, 1).cp(0.3, 1, 2).cp(0.7, 1, 0)
    const merged = new MergeCommuting2q({ target }).run(circuitToDag(qc))
    const out = dagToCircuit(new UnitarySynthesis({ target }).run(merged))
    expect(dagToCircuit(merged).data.map((i) => i.operation.name + i.qubits.join(''))).toEqual([
      'h0',
      'h2',
      'unitary01',
      'cp12',
    ])
    // swap·cp(1,0) costs 3 cz instead of 3 + 2
    expect(out.countOps().get('cz')).toBe(3)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc), { atol: 1e-8 })).toBe(true)
  })

  it('leaves pairs of native gates (cancellation’s job) and blocking gates alone', () => {
    const natives = circuitToDag(new QuantumCircuit(2).cz(0, 1).rz(0.2, 0).cz(0, 1))
    expect(new MergeCommuting2q({ target }).run(natives)).toBe(natives)
    const blocked = circuitToDag(new QuantumCircuit(2).swap(0, 1).h(0).cp(0.4, 0, 1))
    expect(new MergeCommuting2q({ target }).run(blocked)).toBe(blocked)
  })
})
