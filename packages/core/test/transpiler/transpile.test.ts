import { describe, expect, it } from 'vitest'
import { Gate } from '../../src/circuit/gate.js'
import { Parameter } from '../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { Operator } from '../../src/quantum-info/operator.js'
import { CouplingMap } from '../../src/target/coupling-map.js'
import { createGenericTarget } from '../../src/testing/generic-target.js'
import { getTranspileLayout } from '../../src/transpiler/layout/transpile-layout.js'
import { transpile } from '../../src/transpiler/transpile.js'
import {
  BasisTranslationError,
  CircuitTooWideError,
  TranspilerError,
} from '../../src/transpiler/transpiler-error.js'
import { unsupportedOperations } from './preset/__fixtures__/devices.js'
import { assertEquivalent } from './preset/__fixtures__/equivalence.js'

const line5 = createGenericTarget({
  numQubits: 5,
  basisGates: ['rz', 'sx', 'x', 'cz'],
  couplingMap: CouplingMap.fromLine(5, { bidirectional: true }),
  seed: 7,
})

function ghz(n: number, name = 'ghz'): QuantumCircuit {
  const qc = new QuantumCircuit(n, n, { name })
  qc.h(0)
  for (let q = 1; q < n; q++) qc.cx(0, q)
  for (let q = 0; q < n; q++) qc.measure(q, q)
  return qc
}

describe('transpile', () => {
  it('maps one circuit to one and a list to a list, keeping names', () => {
    const single = transpile(ghz(3, 'a'), { target: line5 })
    expect(single).toBeInstanceOf(QuantumCircuit)
    expect(single.name).toBe('a')
    const list = transpile([ghz(3, 'a'), ghz(4, 'b')], { target: line5 })
    expect(list.map((c) => c.name)).toEqual(['a', 'b'])
    const renamed = transpile([ghz(3), ghz(2)], { target: line5, outputName: ['x', 'y'] })
    expect(renamed.map((c) => c.name)).toEqual(['x', 'y'])
    expect(() => transpile([ghz(3)], { target: line5, outputName: ['x', 'y'] })).toThrow(RangeError)
  })

  it('attaches the layout: initial, routing permutation, final', () => {
    const qc = new QuantumCircuit(4).h(0).cx(0, 1).cx(0, 2).cx(0, 3).cx(1, 3)
    const out = transpile(qc, { target: line5, optimizationLevel: 1, seed: 3 })
    const layout = getTranspileLayout(out)!
    expect(layout.initialIndexLayout({ filterAncillas: true })).toHaveLength(4)
    expect(new Set(layout.initialIndexLayout()).size).toBe(5)
    expect([...layout.routingPermutation()].sort()).toEqual([0, 1, 2, 3, 4])
    assertEquivalent(qc, out)
  })

  it('honours an initial layout and the layout and routing methods', () => {
    const qc = new QuantumCircuit(3).h(0).cx(0, 1).cx(1, 2).cx(0, 2)
    const fixed = transpile(qc, { target: line5, initialLayout: [4, 2, 3], seed: 2 })
    expect(getTranspileLayout(fixed)?.initialIndexLayout({ filterAncillas: true })).toEqual([
      4, 2, 3,
    ])
    assertEquivalent(qc, fixed)
    for (const [layoutMethod, routingMethod] of [
      ['trivial', 'basic'],
      ['dense', 'sabre'],
      ['sabre', 'sabre'],
    ] as const) {
      const out = transpile(qc, { target: line5, layoutMethod, routingMethod, seed: 2 })
      expect(unsupportedOperations(out, line5)).toEqual([])
      assertEquivalent(qc, out)
    }
  })

  it('uses the basis and coupling of loose constraints', () => {
    const qc = new QuantumCircuit(3).h(0).ccx(0, 1, 2).swap(0, 2)
    const basisOnly = transpile(qc, { basisGates: ['u', 'cx'], optimizationLevel: 1 })
    expect(new Set(basisOnly.data.map((i) => i.operation.name))).toEqual(new Set(['u', 'cx']))
    expect(Operator.fromCircuit(basisOnly).equiv(Operator.fromCircuit(qc))).toBe(true)
    const both = transpile(qc, {
      basisGates: ['rz', 'sx', 'x', 'cx'],
      couplingMap: [
        [0, 1],
        [1, 2],
      ],
      seed: 1,
    })
    for (const inst of both.data.filter((i) => i.qubits.length === 2)) {
      expect([
        [0, 1],
        [1, 2],
      ]).toContainEqual(inst.qubits)
    }
    assertEquivalent(qc, both)
  })

  it('gives an explicit target precedence over a backend', () => {
    const backend = { target: createGenericTarget({ numQubits: 3, basisGates: ['u', 'cx'] }) }
    const out = transpile(new QuantumCircuit(2).h(0).cx(0, 1), { backend, target: line5 })
    expect(unsupportedOperations(out, line5)).toEqual([])
    const viaBackend = transpile(new QuantumCircuit(2).h(0).cx(0, 1), { backend })
    expect(unsupportedOperations(viaBackend, backend.target)).toEqual([])
  })

  it('is reproducible for a seed and reports every pass to the callback', () => {
    const qc = new QuantumCircuit(5).h(0).cx(0, 4).cx(1, 3).cx(4, 2).cx(3, 0).t(2).cx(2, 1)
    const passes: string[] = []
    const a = transpile(qc, { target: line5, seed: 9, callback: (e) => passes.push(e.pass.name) })
    const b = transpile(qc, { target: line5, seed: 9 })
    expect(a.equals(b)).toBe(true)
    expect(passes).toContain('BasisTranslator')
    expect(passes).toContain('Optimize1qGatesDecomposition')
  })

  it('optimises more at higher levels', () => {
    const qc = new QuantumCircuit(3)
    for (let k = 0; k < 4; k++)
      qc.cx(0, 1)
        .rz(0.1 * k, 1)
        .cx(0, 1)
        .h(2)
        .cx(1, 2)
        .h(2)
    const cz = (level: number): number =>
      transpile(qc, { target: line5, optimizationLevel: level, seed: 2 }).countOps().get('cz') ?? 0
    expect(cz(3)).toBeLessThanOrEqual(cz(1))
    expect(cz(1)).toBeLessThanOrEqual(cz(0))
    expect(cz(3)).toBeLessThan(cz(0))
  })

  it('keeps symbolic parameters', () => {
    const theta = new Parameter('θ')
    const qc = new QuantumCircuit(2).rx(theta, 0).cx(0, 1).rz(theta.mul(2), 1)
    const out = transpile(qc, { target: line5, seed: 1 })
    expect(out.parameters.map((p) => p.name)).toEqual(['θ'])
    const layout = getTranspileLayout(out)
    assertEquivalent(qc.assignParameters([0.4]), out.assignParameters([0.4]), { layout })
  })

  it('schedules with the target durations when asked', () => {
    const out = transpile(ghz(3), { target: line5, schedulingMethod: 'alap', seed: 1 })
    expect(out.countOps().get('delay')).toBeGreaterThan(0)
    expect(() => transpile(ghz(3), { basisGates: ['u', 'cx'], schedulingMethod: 'asap' })).toThrow(
      TranspilerError,
    )
  })

  it('rejects circuits that do not fit, naming the reason', () => {
    expect(() => transpile(ghz(6), { target: line5 })).toThrow(CircuitTooWideError)
    try {
      transpile(ghz(6, 'wide'), { target: line5 })
    } catch (e) {
      expect((e as TranspilerError).code).toBe('transpiler.circuit-too-wide')
      expect((e as Error).message).toMatch(/6.*wide.*5/)
    }
    const split = createGenericTarget({
      numQubits: 4,
      basisGates: ['rz', 'sx', 'x', 'cz'],
      couplingMap: [
        [0, 1],
        [1, 0],
        [2, 3],
        [3, 2],
      ],
    })
    const spanning = new QuantumCircuit(3).cx(0, 1).cx(1, 2).cx(0, 2)
    expect(() => transpile(spanning, { target: split })).toThrow(TranspilerError)
    try {
      transpile(spanning, { target: split })
    } catch (e) {
      expect((e as TranspilerError).code).toBe('transpiler.disconnected')
    }
    const opaque = new QuantumCircuit(1).append(new Gate({ name: 'magic', numQubits: 1 }), [0])
    expect(() => transpile(opaque, { target: line5 })).toThrow(BasisTranslationError)
    expect(() => transpile(opaque, { target: line5 })).toThrow(/magic/)
    expect(() => transpile(ghz(2), { target: line5, optimizationLevel: 4 })).toThrow(RangeError)
  })
})
