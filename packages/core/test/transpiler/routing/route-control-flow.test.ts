import { describe, expect, it } from 'vitest'
import {
  clbitCondition,
  ControlFlowOp,
  QuantumCircuit,
  type CircuitInstruction,
} from '../../../src/circuit/index.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { DeviceGraph } from '../../../src/transpiler/layout/device-graph.js'
import { getTranspileLayout } from '../../../src/transpiler/layout/transpile-layout.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import { StagedPassManager } from '../../../src/transpiler/passmanager/staged-pass-manager.js'
import { isSwapMapped } from '../../../src/transpiler/routing/check-map.js'
import { restoringSwaps } from '../../../src/transpiler/routing/restoring-swaps.js'
import { BasicSwap } from '../../../src/transpiler/routing/basic-swap.js'
import { expectedCircuit } from './routing-support.js'

/** The circuit with every control-flow operation replaced by one of its bodies (or nothing). */
function inlineBranch(circuit: QuantumCircuit, branch: number): QuantumCircuit {
  const out = new QuantumCircuit(circuit.numQubits)
  const append = (inst: CircuitInstruction): void => {
    const op = inst.operation
    if (op instanceof ControlFlowOp) {
      const body = op.blocks[Math.min(branch, op.blocks.length - 1)]
      if (body !== undefined && (branch < op.blocks.length || op.blocks.length > 1)) {
        for (const inner of body.data) {
          append({ ...inner, qubits: inner.qubits.map((q) => inst.qubits[q]!), clbits: [] })
        }
      }
      return
    }
    if (op.name === 'measure') return
    out.appendRaw({ operation: op, qubits: inst.qubits, clbits: [] })
  }
  for (const inst of circuit.data) append(inst)
  return out
}

describe('routing control flow', () => {
  const map = CouplingMap.fromLine(5)
  const trueBody = new QuantumCircuit(3, 1).cx(0, 2).h(1).cx(2, 1)
  const falseBody = new QuantumCircuit(3, 1).cz(1, 0).ry(0.4, 2).cx(0, 2)
  const qc = new QuantumCircuit(5, 1)
    .h(0)
    .cx(0, 4)
    .measure(4, 0)
    .ifElse(clbitCondition(0), trueBody, falseBody, [0, 2, 4], [0])
    .cx(1, 3)

  for (const router of ['sabre', 'basic'] as const) {
    it(`routes the bodies with ${router}, restoring the layout after them`, () => {
      const out = StagedPassManager.fromPlugins(
        { optimizationLevel: 1, couplingMap: map, seed: 3 },
        { layout: 'trivial', routing: router },
      ).run(qc)
      expect(isSwapMapped(circuitToDag(out), DeviceGraph.of({ couplingMap: map }))).toBe(true)
      const layout = getTranspileLayout(out)!
      for (const branch of [0, 1]) {
        const expected = expectedCircuit(inlineBranch(qc, branch), layout)
        expect(
          Operator.fromCircuit(inlineBranch(out, branch)).equiv(Operator.fromCircuit(expected)),
        ).toBe(true)
      }
    })
  }

  it('leaves bodies that need no routing alone', () => {
    const easy = new QuantumCircuit(3, 1).ifElse(
      clbitCondition(0),
      new QuantumCircuit(2, 1).cx(0, 1),
      undefined,
      [1, 2],
      [0],
    )
    const out = new PassManager([new BasicSwap({ couplingMap: CouplingMap.fromLine(3) })]).run(easy)
    expect(out.equals(easy)).toBe(true)
  })

  it('computes swaps that undo a permutation on the device', () => {
    const device = DeviceGraph.of({ couplingMap: CouplingMap.fromHeavyHex(3) })!
    const permutation = Int32Array.from([
      3, 0, 1, 2, 4, 5, 6, 18, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 7,
    ])
    const positions = Int32Array.from(permutation)
    for (const [a, b] of restoringSwaps(permutation, device)) {
      expect(device.dist(a, b)).toBe(1)
      const va = positions.indexOf(a)
      const vb = positions.indexOf(b)
      positions[va] = b
      positions[vb] = a
    }
    expect([...positions]).toEqual(Array.from({ length: 19 }, (_, i) => i))
  })
})
