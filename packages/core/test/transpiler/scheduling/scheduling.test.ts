import { describe, expect, it } from 'vitest'
import { Measure } from '../../../src/circuit/directives.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { InstructionProperties } from '../../../src/target/instruction-properties.js'
import { Target } from '../../../src/target/target.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import { PropertySet } from '../../../src/transpiler/passmanager/property-set.js'
import { PadDelay } from '../../../src/transpiler/scheduling/pad-delay.js'
import {
  ALAPScheduleAnalysis,
  ASAPScheduleAnalysis,
} from '../../../src/transpiler/scheduling/schedule-analysis.js'
import { TranspilerError } from '../../../src/transpiler/transpiler-error.js'

// dt = 1 ns, so durations in dt read as nanoseconds.
function target(): Target {
  const t = new Target({ numQubits: 3, dt: 1e-9 })
  const props = (ns: number): InstructionProperties =>
    new InstructionProperties({ duration: ns * 1e-9 })
  t.addInstruction(
    standardGate('rz', [new Parameter('φ')]),
    [0, 1, 2].map((q) => [[q], props(0)] as const),
  )
  t.addInstruction(
    standardGate('sx'),
    [0, 1, 2].map((q) => [[q], props(40)] as const),
  )
  t.addInstruction(standardGate('cx'), [
    [[0, 1], props(300)],
    [[1, 2], props(200)],
  ])
  t.addInstruction(
    new Measure(),
    [0, 1, 2].map((q) => [[q], props(1000)] as const),
  )
  return t
}

// sx(0) [0–40], cx(0,1) [40–340], sx(2) [0–40] ASAP, cx(1,2) [340–540], measure(0) [340–1340]
function circuit(): QuantumCircuit {
  return new QuantumCircuit(3, 1).sx(0).cx(0, 1).sx(2).cx(1, 2).rz(0.5, 2).measure(0, 0)
}

describe('scheduling', () => {
  it('ASAP starts each operation when its wires are free', () => {
    const dag = circuitToDag(circuit())
    const ps = new PropertySet()
    new ASAPScheduleAnalysis(target()).run(dag, { propertySet: ps })
    const starts = dag.topologicalOpNodes().map((n) => ps.get('nodeStartTime')!.get(n.id))
    expect(starts).toEqual([0, 40, 0, 340, 540, 340])
    expect(ps.get('circuitDuration')).toBe(1340)
  })

  it('ALAP pushes operations as late as the end allows', () => {
    const dag = circuitToDag(circuit())
    const ps = new PropertySet()
    new ALAPScheduleAnalysis(target()).run(dag, { propertySet: ps })
    const starts = dag.topologicalOpNodes().map((n) => ps.get('nodeStartTime')!.get(n.id))
    // in topological order: sx(0), cx(0,1), sx(2) just before cx(1,2), cx(1,2), rz, measure
    expect(starts).toEqual([0, 40, 1100, 1140, 1340, 340])
    expect(ps.get('circuitDuration')).toBe(1340)
  })

  it('PadDelay fills every used qubit up to the circuit duration', () => {
    const t = target()
    const pm = new PassManager([new ALAPScheduleAnalysis(t), new PadDelay(t)])
    const out = pm.run(circuit())
    const durations = t.durations()
    for (let q = 0; q < 3; q++) {
      let total = 0
      for (const inst of out.data.filter((i) => i.qubits.includes(q))) {
        total += durations.get(inst.operation, inst.qubits, { unit: 'dt' })
      }
      expect(total, `qubit ${q}`).toBe(1340)
    }
  })

  it('fails with transpiler.scheduling when a duration is unknown', () => {
    const dag = circuitToDag(new QuantumCircuit(3).cx(2, 1))
    expect(() => {
      new ASAPScheduleAnalysis(target()).run(dag, { propertySet: new PropertySet() })
    }).toThrow(TranspilerError)
  })
})
