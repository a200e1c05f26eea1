import { describe, expect, it } from 'vitest'
import { ClassicalRegister, QuantumCircuit, QuantumRegister } from '../../../src/circuit/index.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { ApplyLayout } from '../../../src/transpiler/layout/apply-layout.js'
import { FullAncillaAllocation } from '../../../src/transpiler/layout/full-ancilla-allocation.js'
import { Layout } from '../../../src/transpiler/layout/layout.js'
import { SetLayout } from '../../../src/transpiler/layout/set-layout.js'
import { getTranspileLayout } from '../../../src/transpiler/layout/transpile-layout.js'
import { TrivialLayout } from '../../../src/transpiler/layout/trivial-layout.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import {
  CircuitTooWideError,
  LayoutError,
  TranspilerError,
} from '../../../src/transpiler/transpiler-error.js'
import { layoutOf } from './layout-support.js'

const line = CouplingMap.fromLine(5)

describe('TrivialLayout, SetLayout, FullAncillaAllocation, ApplyLayout', () => {
  it('TrivialLayout maps i to i and rejects wide circuits', () => {
    expect(
      layoutOf(new QuantumCircuit(3), [new TrivialLayout({ couplingMap: line })])!.toArray(),
    ).toEqual([0, 1, 2])
    expect(() =>
      layoutOf(new QuantumCircuit(6), [new TrivialLayout({ couplingMap: line })]),
    ).toThrow(CircuitTooWideError)
  })

  it('SetLayout validates the given layout', () => {
    const qc = new QuantumCircuit(2)
    expect(
      layoutOf(qc, [new SetLayout(Layout.fromArray([4, 1]), { couplingMap: line })])!.toArray(),
    ).toEqual([4, 1])
    expect(() =>
      layoutOf(qc, [new SetLayout(Layout.fromArray([4]), { couplingMap: line })]),
    ).toThrow(LayoutError)
    expect(() =>
      layoutOf(qc, [new SetLayout(Layout.fromArray([4, 9]), { couplingMap: line })]),
    ).toThrow(expect.objectContaining({ code: 'transpiler.invalid-layout' }))
  })

  it('allocates ancillas on the unused qubits, ascending', () => {
    const layout = layoutOf(new QuantumCircuit(2), [
      new SetLayout(Layout.fromArray([3, 1])),
      new FullAncillaAllocation({ couplingMap: line }),
    ])!
    expect(layout.toArray()).toEqual([3, 1, 0, 2, 4])
  })

  it('ApplyLayout rewrites the circuit onto physical qubits, keeping clbits and names', () => {
    const qr = new QuantumRegister(2, 'data')
    const cr = new ClassicalRegister(2, 'out')
    const qc = new QuantumCircuit(qr, cr, { name: 'mine' }).h(0).cx(0, 1).measure([0, 1], [0, 1])
    const out = new PassManager([
      new SetLayout(Layout.fromArray([3, 1])),
      new FullAncillaAllocation({ couplingMap: line }),
      new ApplyLayout(),
    ]).run(qc)
    expect(out.name).toBe('mine')
    expect(out.qregs.map((r) => [r.name, r.size])).toEqual([['q', 5]])
    expect(out.cregs).toEqual(qc.cregs)
    expect(out.data.map((d) => [d.operation.name, d.qubits, d.clbits])).toEqual([
      ['h', [3], []],
      ['cx', [3, 1], []],
      ['measure', [3], [0]],
      ['measure', [1], [1]],
    ])
    const layout = getTranspileLayout(out)!
    expect(layout.initialIndexLayout({ filterAncillas: true })).toEqual([3, 1])
    expect(layout.initialIndexLayout()).toEqual([3, 1, 0, 2, 4])
    expect(layout.routingPermutation()).toEqual([0, 1, 2, 3, 4])
  })

  it('ApplyLayout needs a layout', () => {
    expect(() => new PassManager([new ApplyLayout()]).run(new QuantumCircuit(1))).toThrow(
      TranspilerError,
    )
  })
})
