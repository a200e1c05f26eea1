import { describe, expect, it } from 'vitest'
import { excitedPopulation } from '../../src/noise/device-noise.js'
import { NoiseError } from '../../src/noise/noise-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import { bellFidelity, noisyBell } from './support/bell.js'
import {
  MANILA_PROPERTIES,
  MANILA_RAW_PROPS,
  MANILA_TARGET,
  rawGate,
  rawQubit,
} from './support/manila.js'
import { expectClose } from './support/numeric.js'

const model = NoiseModel.fromBackend(MANILA_TARGET)

function relax(q: number, time: number, population = 0) {
  return thermalRelaxationError(rawQubit(q, 'T1'), rawQubit(q, 'T2'), time, population)
}

describe('NoiseModel.fromBackend on the ibmq_manila snapshot', () => {
  it('gives cx(0,1) an average gate infidelity equal to the reported gate error', () => {
    const reported = rawGate('cx', [0, 1], 'gate_error')!
    expect(reported).toBeCloseTo(0.008827712070629129, 15)
    const [error] = model.errorsFor('cx', [0, 1])
    expect(error?.numQubits).toBe(2)
    expect(Math.abs(1 - error!.averageGateFidelity() - reported)).toBeLessThan(1e-6)
    expect(error!.isCptp(1e-12)).toBe(true)
  })

  it('does so for every calibrated gate above its relaxation floor; below it, keeps relaxation only', () => {
    const onlyRelax = NoiseModel.fromBackend(MANILA_TARGET, { gateErrors: false })
    let depolarized = 0
    let floor = 0
    for (const g of MANILA_RAW_PROPS.gates) {
      const reported = rawGate(g.gate, g.qubits, 'gate_error')
      if (reported === undefined || reported === 0) continue
      const [error] = model.errorsFor(g.gate, g.qubits)
      const [relaxation] = onlyRelax.errorsFor(g.gate, g.qubits)
      const relaxInfidelity = 1 - relaxation!.averageGateFidelity()
      if (relaxInfidelity < reported) {
        expect(Math.abs(1 - error!.averageGateFidelity() - reported)).toBeLessThan(1e-9)
        depolarized++
      } else {
        // e.g. qubit 2 (T2 = 25 µs): 35.6 ns of dephasing already exceed its reported 1q error
        expectClose(error!.toChoi(), relaxation!.toChoi(), 0)
        floor++
      }
    }
    expect(depolarized + floor).toBe(5 * 3 + 8)
    expect(floor).toBeGreaterThan(0)
    expect(depolarized).toBeGreaterThan(floor)
  })

  it('composes depolarizing with relaxation on each qubit over the gate time (T1, T2 from the JSON)', () => {
    const time = rawGate('cx', [0, 1], 'gate_length')!
    const onlyRelax = NoiseModel.fromBackend(MANILA_TARGET, { gateErrors: false })
    const expected = relax(1, time).tensor(relax(0, time))
    expectClose(onlyRelax.errorsFor('cx', [0, 1])[0]!.toChoi(), expected.toChoi(), 1e-14)
    const idTime = rawGate('id', [2], 'gate_length')!
    expect(idTime).toBeCloseTo(35.55555555555556e-9, 20)
    expectClose(onlyRelax.errorsFor('id', [2])[0]!.toChoi(), relax(2, idTime).toChoi(), 1e-14)
    // relaxation alone is below the reported error, so the depolarizing part closes the gap
    const full = model.errorsFor('cx', [0, 1])[0]!
    expect(1 - expected.averageGateFidelity()).toBeLessThan(rawGate('cx', [0, 1], 'gate_error')!)
    expect(full.terms.length).toBeGreaterThan(16)
  })

  it('without relaxation uses a pure depolarizing error with λ = d·e/(d − 1)', () => {
    const m = NoiseModel.fromBackend(MANILA_TARGET, { thermalRelaxation: false })
    const e = m.errorsFor('cx', [1, 2])[0]!
    expect(e.isMixedUnitary).toBe(true)
    const reported = rawGate('cx', [1, 2], 'gate_error')!
    expect(1 - e.idealProbability).toBeCloseTo(((4 * reported) / 3) * (15 / 16), 14)
    expect(m.errorsFor('reset', [0])).toEqual([])
  })

  it('adds no error to measure or to instantaneous rz, and relaxation only to reset', () => {
    expect(model.errorsFor('measure', [0])).toEqual([])
    expect(model.errorsFor('rz', [0])).toEqual([])
    const reset = model.errorsFor('reset', [3])[0]!
    expectClose(reset.toChoi(), relax(3, rawGate('reset', [3], 'gate_length')!).toChoi(), 1e-14)
    expect(model.noiseInstructions).toEqual(['cx', 'id', 'measure', 'reset', 'sx', 'x'])
    expect(model.basisGates).toEqual([...MANILA_TARGET.operationNames].sort())
  })

  it('reads symmetric readout errors from the target, asymmetric ones from the properties', () => {
    const r = rawQubit(2, 'readout_error')
    expect(model.readoutErrorFor(2)?.probabilities).toEqual([
      [1 - r, r],
      [r, 1 - r],
    ])
    const m = NoiseModel.fromBackend(MANILA_TARGET, { properties: MANILA_PROPERTIES })
    const p10 = rawQubit(2, 'prob_meas1_prep0')
    const p01 = rawQubit(2, 'prob_meas0_prep1')
    expect(m.readoutErrorFor(2)?.probabilities).toEqual([
      [1 - p10, p10],
      [p01, 1 - p01],
    ])
    expect(
      NoiseModel.fromBackend(MANILA_TARGET, { readoutErrors: false }).readoutErrorFor(2),
    ).toBeUndefined()
  })

  it('relaxes idle qubits during delays', () => {
    expectClose(model.delayError(4, 1e-6)!.toChoi(), relax(4, 1e-6).toChoi(), 1e-14)
    expect(
      NoiseModel.fromBackend(MANILA_TARGET, { thermalRelaxation: false }).delayError(4, 1e-6),
    ).toBeUndefined()
  })

  it('takes the temperature in kelvin for the excited-state population', () => {
    const f = rawQubit(0, 'frequency')
    // 50 mK: p₁ = 1/(1 + e^{hf/kT}) with h = 6.62607015e-34 J·s, k = 1.380649e-23 J/K
    const p1 = 1 / (1 + Math.exp((6.62607015e-34 * f) / (1.380649e-23 * 0.05)))
    expect(p1).toBeGreaterThan(0.008)
    expect(p1).toBeLessThan(0.009)
    expect(excitedPopulation(f, 0.05)).toBeCloseTo(p1, 15)
    expect(excitedPopulation(f, -0.05)).toBeCloseTo(1 - p1, 15)
    expect(excitedPopulation(null, 0.05)).toBe(0)
    const warm = NoiseModel.fromBackend(MANILA_TARGET, { gateErrors: false, temperature: 0.05 })
    const t = rawGate('x', [0], 'gate_length')!
    expectClose(warm.errorsFor('x', [0])[0]!.toChoi(), relax(0, t, p1).toChoi(), 1e-14)
  })

  it('accepts a backend-shaped object and rejects anything without a target', () => {
    const wrapped = NoiseModel.fromBackend({ target: MANILA_TARGET })
    expect(wrapped.noiseInstructions).toEqual(model.noiseInstructions)
    expect(() => NoiseModel.fromBackend({} as never)).toThrow(NoiseError)
    expect(() => NoiseModel.fromBackend({ target: 3 } as never)).toThrow(
      expect.objectContaining({ code: 'sim.noise.invalid-backend' }),
    )
  })
})

describe('a Bell circuit on manila (exact density matrices)', () => {
  it('is ideal without noise', () => {
    expect(bellFidelity(noisyBell(undefined))).toBeCloseTo(1, 14)
  })

  it('reaches the fidelity implied by the calibration, (1 − e_sx)(1 − e_cx), within 0.5%', () => {
    const implied =
      (1 - rawGate('sx', [0], 'gate_error')!) * (1 - rawGate('cx', [0, 1], 'gate_error')!)
    const f = bellFidelity(noisyBell(model))
    expect(f).toBeLessThan(1 - 0.005)
    expect(Math.abs(f - implied)).toBeLessThan(0.005)
  })

  it('reads 00 or 11 as often as fidelity and readout calibration imply, within 2%', () => {
    const m = NoiseModel.fromBackend(MANILA_TARGET, { properties: MANILA_PROPERTIES })
    const rho = noisyBell(m)
    const diag = [0, 1, 2, 3].map((i) => rho.get(i, i).re)
    const ro = m.readoutErrorFor(0)!.expand(m.readoutErrorFor(1)!)
    const reported = [0, 1, 2, 3].map((j) =>
      diag.reduce((s, p, i) => s + p * ro.probabilities[i]![j]!, 0),
    )
    const readoutOk = (q: number, bit: number) =>
      1 - rawQubit(q, bit === 0 ? 'prob_meas1_prep0' : 'prob_meas0_prep1')
    const implied =
      bellFidelity(rho) *
      ((readoutOk(0, 0) * readoutOk(1, 0) + readoutOk(0, 1) * readoutOk(1, 1)) / 2)
    expect(Math.abs(reported[0]! + reported[3]! - implied)).toBeLessThan(0.02)
    expect(reported[0]! + reported[3]!).toBeLessThan(0.97)
  })
})
