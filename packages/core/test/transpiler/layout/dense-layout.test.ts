import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { DenseLayout } from '../../../src/transpiler/layout/dense-layout.js'
import { CircuitTooWideError, LayoutError } from '../../../src/transpiler/transpiler-error.js'
import { isValidLayout, layoutOf, noisyTarget } from './layout-support.js'

describe('DenseLayout', () => {
  it('chooses the densest part of the device', () => {
    // A line 0–4 with a triangle 5–6–7 hanging off qubit 4.
    const map = new CouplingMap([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
      [7, 5],
    ]).makeSymmetric()
    const qc = new QuantumCircuit(3).cx(0, 1).cx(1, 2).cx(2, 0)
    const layout = layoutOf(qc, [new DenseLayout({ couplingMap: map })])!
    expect(layout.physicalQubits()).toEqual([5, 6, 7])
  })

  it('breaks ties by error, and puts partners next to each other', () => {
    const map = CouplingMap.fromRing(6)
    const target = noisyTarget(map, 4)
    const qc = new QuantumCircuit(3).cx(0, 2).cx(0, 2).cx(2, 1)
    const layout = layoutOf(qc, [new DenseLayout({ target })])!
    expect(isValidLayout(layout, 3, 6)).toBe(true)
    expect(map.distance(layout.physical(0)!, layout.physical(2)!)).toBe(1)
    expect(map.distance(layout.physical(2)!, layout.physical(1)!)).toBe(1)
  })

  it('fails for circuits wider than the device or than its largest component', () => {
    const map = new CouplingMap([
      [0, 1],
      [2, 3],
    ]).makeSymmetric()
    expect(() => layoutOf(new QuantumCircuit(5), [new DenseLayout({ couplingMap: map })])).toThrow(
      CircuitTooWideError,
    )
    expect(() => layoutOf(new QuantumCircuit(3), [new DenseLayout({ couplingMap: map })])).toThrow(
      LayoutError,
    )
  })
})
