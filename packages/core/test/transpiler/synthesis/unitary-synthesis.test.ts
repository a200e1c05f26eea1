import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { UnitaryGate } from '../../../src/circuit/unitary-gate.js'
import { SeededRng } from '../../../src/internal/seeded-rng.js'
import { randomUnitary } from '../../../src/math/random-unitary.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { Target } from '../../../src/target/target.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { UnitarySynthesis } from '../../../src/transpiler/synthesis/unitary-synthesis.js'
import { TranspilerError } from '../../../src/transpiler/transpiler-error.js'

describe('UnitarySynthesis', () => {
  const rng = new SeededRng(3)
  const target = Target.fromConfiguration({
    basisGates: ['rz', 'sx', 'x', 'cx'],
    couplingMap: new CouplingMap([
      [1, 0],
      [1, 2],
    ]),
  })

  it('synthesises 1- and 2-qubit unitaries into the target, in its directions', () => {
    const qc = new QuantumCircuit(3)
    qc.append(new UnitaryGate(randomUnitary(4, rng)), [0, 1])
    qc.append(new UnitaryGate(randomUnitary(2, rng)), [2])
    qc.append(new UnitaryGate(randomUnitary(4, rng)), [2, 1])
    const out = dagToCircuit(new UnitarySynthesis({ target }).run(circuitToDag(qc)))
    for (const inst of out.data) {
      expect(
        target.instructionSupported({ operationName: inst.operation.name, qargs: inst.qubits }),
        `${inst.operation.name}(${inst.qubits.join(',')})`,
      ).toBe(true)
    }
    expect(out.countOps().get('cx')).toBe(6)
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc), { atol: 1e-8 })).toBe(true)
  })

  it('leaves everything alone without a target, and rejects 3-qubit unitaries', () => {
    const qc = new QuantumCircuit(3).append(new UnitaryGate(randomUnitary(8, rng)), [0, 1, 2])
    const dag = circuitToDag(qc)
    expect(new UnitarySynthesis().run(dag)).toBe(dag)
    expect(() => new UnitarySynthesis({ target }).run(dag)).toThrow(TranspilerError)
    expect(() => new UnitarySynthesis({ target, minQubits: 4 }).run(dag)).not.toThrow()
  })
})
