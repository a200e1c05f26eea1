import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { createGenericTarget } from '../../../src/testing/generic-target.js'
import { circuitToDag } from '../../../src/transpiler/dag/circuit-to-dag.js'
import { dagToCircuit } from '../../../src/transpiler/dag/dag-to-circuit.js'
import { ElidePermutations } from '../../../src/transpiler/optimization/elide-permutations.js'
import { OptimizeSwapBeforeMeasure } from '../../../src/transpiler/optimization/optimize-swap-before-measure.js'
import { PropertySet } from '../../../src/transpiler/passmanager/property-set.js'
import { transpile } from '../../../src/transpiler/transpile.js'
import { assertEquivalent } from '../preset/__fixtures__/equivalence.js'

describe('ElidePermutations', () => {
  it('relabels the gates after each swap and records the permutation', () => {
    const qc = new QuantumCircuit(3).h(0).swap(0, 1).cx(1, 2).swap(1, 2).t(2)
    const propertySet = new PropertySet()
    const out = dagToCircuit(new ElidePermutations().run(circuitToDag(qc), { propertySet }))
    expect(out.data.map((i) => `${i.operation.name}${i.qubits.join('')}`)).toEqual([
      'h0',
      'cx02',
      't0',
    ])
    // circuit qubit x ends on wire virtualPermutation[x]
    const permutation = propertySet.get('virtualPermutation')!
    expect(permutation).toEqual([1, 2, 0])
    // out followed by moving wire permutation[x] to x is the input
    const undo = new QuantumCircuit(3).compose(out)
    undo.swap(0, 2).swap(0, 1)
    expect(Operator.fromCircuit(undo).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('keeps the transpiled layout exact (the permutation joins the final layout)', () => {
    const target = createGenericTarget({
      numQubits: 5,
      basisGates: ['rz', 'sx', 'x', 'cz'],
      couplingMap: CouplingMap.fromLine(5, { bidirectional: true }),
      seed: 1,
    })
    const qc = new QuantumCircuit(4)
      .h(0)
      .swap(0, 3)
      .cx(3, 1)
      .swap(1, 2)
      .ry(0.3, 2)
      .cx(2, 0)
      .swap(0, 1)
    for (const level of [2, 3]) {
      const out = transpile(qc, { target, optimizationLevel: level, seed: 4 })
      expect(out.countOps().get('cz') ?? 0).toBeLessThanOrEqual(2 + 3 * 2)
      assertEquivalent(qc, out)
    }
  })
})

describe('OptimizeSwapBeforeMeasure', () => {
  it('drops swaps before final measurements, exchanging the measured qubits', () => {
    const qc = new QuantumCircuit(3, 3).h(0).cx(0, 1).swap(0, 2).swap(1, 2).barrier(0, 1, 2)
    qc.measure(0, 0).measure(1, 1).measure(2, 2)
    const out = dagToCircuit(new OptimizeSwapBeforeMeasure().run(circuitToDag(qc)))
    expect(out.countOps().get('swap')).toBeUndefined()
    assertEquivalent(qc, out)
  })

  it('keeps a swap when a qubit is used or left unmeasured afterwards', () => {
    const used = new QuantumCircuit(2, 2).swap(0, 1).h(0).measure(0, 0).measure(1, 1)
    const unmeasured = new QuantumCircuit(2, 1).h(0).swap(0, 1).measure(0, 0)
    for (const qc of [used, unmeasured]) {
      const dag = circuitToDag(qc)
      expect(new OptimizeSwapBeforeMeasure().run(dag)).toBe(dag)
    }
  })
})
