import { clbitCondition, QuantumCircuit } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import { FakeManila } from '../../src/fake/devices/fake-manila.js'
import { FakeVigo } from '../../src/fake/devices/fake-vigo.js'
import { assertCircuitInTarget } from '../../src/fake/assert-circuit-in-target.js'

describe('assertCircuitInTarget', () => {
  const manila = new FakeManila().target

  it('accepts transpiled circuits, barriers and delays included', () => {
    const qc = new QuantumCircuit(5, 1)
      .rz(0.3, 0)
      .sx(0)
      .cx(0, 1)
      .cx(1, 0)
      .barrier(0, 1, 2)
      .delay(100, 2)
      .measure(1, 0)
    expect(() => {
      assertCircuitInTarget(qc, manila, 'fake_manila')
    }).not.toThrow()
  })

  it('checks control-flow bodies on the qubits they act on', () => {
    const ok = new QuantumCircuit(5, 1).measure(0, 0)
    ok.ifElse(clbitCondition(0), new QuantumCircuit(2, 1).cx(0, 1), undefined, [3, 4], [0])
    expect(() => {
      assertCircuitInTarget(ok, manila, 'fake_manila')
    }).not.toThrow()
    const bad = new QuantumCircuit(5, 1).measure(0, 0)
    bad.ifElse(clbitCondition(0), new QuantumCircuit(2, 1).cx(0, 1), undefined, [2, 4], [0])
    expect(() => {
      assertCircuitInTarget(bad, manila, 'fake_manila')
    }).toThrow(/'cx' on qubits \[2, 4\]/)
  })

  it('refuses control flow on a device without it', () => {
    const qc = new QuantumCircuit(5, 1).measure(0, 0)
    qc.ifElse(clbitCondition(0), new QuantumCircuit(1, 1).x(0), undefined, [1], [0])
    expect(() => {
      assertCircuitInTarget(qc, new FakeVigo().target, 'fake_vigo')
    }).toThrow(/'if_else'/)
  })
})
