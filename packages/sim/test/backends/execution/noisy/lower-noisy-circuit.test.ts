import { clbitCondition, QuantumCircuit, standardGate } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import { lowerNoisyCircuit } from '../../../../src/backends/execution/noisy/lower-noisy-circuit.js'
import type { NoisyStep } from '../../../../src/backends/execution/noisy/noisy-step.js'
import { hasOnlyTerminalMeasures } from '../../../../src/backends/execution/noisy/terminal-measures.js'
import { depolarizingError } from '../../../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../../../src/noise/noise-model.js'
import { ReadoutError } from '../../../../src/noise/readout-error.js'

const kinds = (steps: readonly NoisyStep[]): string[] =>
  steps.map((s) => (s.kind === 'ops' ? `ops:${s.ops.map((o) => o.kind).join('+')}` : s.kind))

function model(): NoiseModel {
  const noise = new NoiseModel()
  noise.addAllQubitQuantumError(depolarizingError(0.1, 1), ['x', 'id', 'measure', 'reset'])
  noise.addQuantumError(depolarizingError(0.1, 2), 'cx', [0, 1])
  noise.addAllQubitReadoutError(
    new ReadoutError([
      [0.9, 0.1],
      [0.1, 0.9],
    ]),
  )
  noise.setDelayRelaxation(0, { t1: 50e-6, t2: 60e-6, excitedStatePopulation: 0 })
  return noise
}

describe('lowerNoisyCircuit', () => {
  it('puts errors after gates and resets, before measurements, on the right qubits', () => {
    const qc = new QuantumCircuit(2, 2).x(1).cx(0, 1).cx(1, 0).id(0).reset(1).measure(0, 0)
    const { steps } = lowerNoisyCircuit(qc, model(), { dt: null })
    expect(kinds(steps)).toEqual([
      'ops:permutation',
      'error', // x(1)
      'ops:permutation',
      'error', // cx(0, 1) has a local error; cx(1, 0) has none
      'ops:permutation',
      'error', // id(0): no op, but its error
      'ops:reset',
      'error',
      'error',
      'measure',
    ])
    const errors = steps.filter((s) => s.kind === 'error')
    expect(errors.map((e) => e.qubits)).toEqual([[1], [0, 1], [0], [1], [0]])
    const measure = steps.at(-1)
    expect(measure?.kind === 'measure' && measure.readout?.probabilities).toEqual([
      [0.9, 0.1],
      [0.1, 0.9],
    ])
  })

  it('turns delays into thermal relaxation, converting dt with the device’s sample time', () => {
    const qc = new QuantumCircuit(1).delay(1000, 0, 'dt').delay(2, 0, 'us')
    const withDt = lowerNoisyCircuit(qc, model(), { dt: 1e-9 })
    expect(kinds(withDt.steps)).toEqual(['error', 'error'])
    const withoutDt = lowerNoisyCircuit(qc, model(), { dt: null })
    expect(kinds(withoutDt.steps)).toEqual(['error'])
    expect(withoutDt.warnings.join()).toMatch(/dt/)
  })

  it('marks terminal measurements only', () => {
    const qc = new QuantumCircuit(2, 3).measure(0, 0).x(0).measure(0, 1).measure(1, 2)
    const { steps } = lowerNoisyCircuit(qc, new NoiseModel(), { dt: null })
    const measures = steps.flatMap((s) => (s.kind === 'measure' ? [s.isTerminal] : []))
    expect(measures).toEqual([false, true, true])
    expect(hasOnlyTerminalMeasures(steps)).toBe(false)
    const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure([0, 1], [0, 1])
    expect(hasOnlyTerminalMeasures(lowerNoisyCircuit(bell, model(), { dt: null }).steps)).toBe(true)
  })

  it('keeps c_if and if_else as conditional steps with noisy bodies', () => {
    const qc = new QuantumCircuit(2, 1).measure(0, 0)
    qc.append(standardGate('x'), [1], [], { condition: clbitCondition(0) })
    qc.ifElse(clbitCondition(0), new QuantumCircuit(1, 1).x(0), new QuantumCircuit(1, 1), [0], [0])
    const { steps } = lowerNoisyCircuit(qc, model(), { dt: null })
    expect(kinds(steps)).toEqual(['error', 'measure', 'conditional', 'conditional'])
    const cIf = steps[2]
    expect(cIf?.kind === 'conditional' && kinds(cIf.then)).toEqual(['ops:permutation', 'error'])
    expect(cIf?.kind === 'conditional' && cIf.condition).toEqual({
      clbits: [0],
      op: '==',
      value: 1n,
    })
  })

  it('simulates while-loop bodies without noise, with a warning', () => {
    const qc = new QuantumCircuit(1, 1).x(0).measure(0, 0)
    qc.whileLoop(clbitCondition(0), new QuantumCircuit(1, 1).x(0).measure(0, 0), [0], [0])
    const lowered = lowerNoisyCircuit(qc, model(), { dt: null })
    expect(kinds(lowered.steps).at(-1)).toBe('ops:while')
    expect(lowered.warnings.join()).toMatch(/while loops/)
  })
})
