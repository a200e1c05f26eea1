import { describe, expect, it } from 'vitest'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { pauliError } from '../../src/noise/kraus-error.js'
import { NoiseError } from '../../src/noise/noise-error.js'
import { NOISE_BEFORE_INSTRUCTIONS, NoiseModel } from '../../src/noise/noise-model.js'
import { ReadoutError } from '../../src/noise/readout-error.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import { expectClose } from './support/numeric.js'

const dep1 = depolarizingError(0.01, 1)
const dep2 = depolarizingError(0.05, 2)
const flip = pauliError([
  ['X', 0.1],
  ['I', 0.9],
])
const ro = new ReadoutError([
  [0.97, 0.03],
  [0.06, 0.94],
])

describe('NoiseModel', () => {
  it('starts ideal with Aer’s default basis', () => {
    const m = new NoiseModel()
    expect(m.isIdeal()).toBe(true)
    expect(m.basisGates).toEqual(['cx', 'id', 'rz', 'sx'])
    expect(m.errorsFor('cx', [0, 1])).toEqual([])
    expect(m.readoutErrorFor(0)).toBeUndefined()
  })

  it('looks up local errors before all-qubit ones', () => {
    const m = new NoiseModel()
    m.addAllQubitQuantumError(dep1, ['sx', 'x'])
    m.addQuantumError(flip, 'sx', [3])
    m.addAllQubitQuantumError(dep2, 'cx')
    expect(m.errorsFor('sx', [0])).toEqual([dep1])
    expect(m.errorsFor('sx', [3])).toEqual([flip])
    expect(m.errorsFor('x', [3])).toEqual([dep1])
    expect(m.errorsFor('cx', [1, 0])).toEqual([dep2])
    expect(m.errorsFor('h', [0])).toEqual([])
    expect(m.noiseInstructions).toEqual(['cx', 'sx', 'x'])
    expect(m.noiseQubits).toEqual([3])
    expect(m.basisGates).toEqual(['cx', 'id', 'rz', 'sx', 'x'])
    expect(m.isIdeal()).toBe(false)
    expect(m.hasQuantumErrors()).toBe(true)
  })

  it('composes a second error on the same place after the first', () => {
    const m = new NoiseModel()
    m.addQuantumError(dep1, 'x', [0])
    m.addQuantumError(flip, 'x', [0])
    expectClose(m.errorsFor('x', [0])[0]!.toChoi(), dep1.compose(flip).toChoi(), 1e-15)
    m.addAllQubitQuantumError(dep1, 'x')
    m.addAllQubitQuantumError(dep1, 'x')
    expectClose(m.errorsFor('x', [1])[0]!.toChoi(), dep1.compose(dep1).toChoi(), 1e-15)
  })

  it('keeps local errors per qubit order', () => {
    const m = new NoiseModel()
    m.addQuantumError(dep2, 'cx', [0, 1])
    expect(m.errorsFor('cx', [0, 1])).toEqual([dep2])
    expect(m.errorsFor('cx', [1, 0])).toEqual([])
  })

  it('skips ideal errors, as Aer does', () => {
    const m = new NoiseModel()
    m.addAllQubitQuantumError(depolarizingError(0, 1), 'x')
    m.addReadoutError(
      new ReadoutError([
        [1, 0],
        [0, 1],
      ]),
      [0],
    )
    expect(m.isIdeal()).toBe(true)
  })

  it('checks widths against standard gates and qubit lists', () => {
    const m = new NoiseModel()
    expect(() => {
      m.addAllQubitQuantumError(dep1, 'cx')
    }).toThrow(expect.objectContaining({ code: 'sim.noise.qubit-mismatch', argument: 'error' }))
    expect(() => {
      m.addQuantumError(dep2, 'my_gate', [0])
    }).toThrow(expect.objectContaining({ code: 'sim.noise.qubit-mismatch', argument: 'qubits' }))
    expect(() => {
      m.addQuantumError(dep1, 'x', [-1])
    }).toThrow(RangeError)
    expect(() => {
      m.addQuantumError(dep2, 'my_gate', [2, 2])
    }).toThrow(RangeError)
    m.addAllQubitQuantumError(dep1, 'my_gate')
    expect(() => m.errorsFor('my_gate', [0, 1])).toThrow(NoiseError)
    expect(m.basisGates).not.toContain('my_gate')
  })

  it('resolves readout errors: local, else all-qubit; multi-qubit by exact tuple', () => {
    const m = new NoiseModel()
    const other = new ReadoutError([
      [0.99, 0.01],
      [0.01, 0.99],
    ])
    m.addAllQubitReadoutError(other)
    m.addReadoutError(ro, [2])
    const joint = ro.tensor(other)
    m.addReadoutError(joint, [0, 1])
    expect(m.readoutErrorFor(2)).toBe(ro)
    expect(m.readoutErrorFor(5)).toBe(other)
    expect(m.readoutErrorFor([0, 1])).toBe(joint)
    expect(m.readoutErrorFor([1, 0])).toBeUndefined()
    expect(m.noiseInstructions).toEqual(['measure'])
    expect(m.hasQuantumErrors()).toBe(false)
    expect(m.isIdeal()).toBe(false)
    expect(() => {
      m.addAllQubitReadoutError(joint)
    }).toThrow(expect.objectContaining({ code: 'sim.noise.qubit-mismatch' }))
    expect(() => {
      m.addReadoutError(ro, [0, 1])
    }).toThrow(NoiseError)
  })

  it('applies measure errors before the measurement', () => {
    expect(NOISE_BEFORE_INSTRUCTIONS.has('measure')).toBe(true)
    expect(NOISE_BEFORE_INSTRUCTIONS.has('x')).toBe(false)
  })

  it('builds delay relaxation from T1/T2 and the duration', () => {
    const m = new NoiseModel()
    m.setDelayRelaxation(1, { t1: 100e-6, t2: 80e-6, excitedStatePopulation: 0 })
    expect(m.isIdeal()).toBe(false)
    expectClose(
      m.delayError(1, 5e-6)!.toChoi(),
      thermalRelaxationError(100e-6, 80e-6, 5e-6).toChoi(),
    )
    expect(m.delayError(0, 5e-6)).toBeUndefined()
    expect(m.delayError(1, 0)).toBeUndefined()
    expect(() => {
      m.setDelayRelaxation(0, { t1: 1, t2: 3, excitedStatePopulation: 0 })
    }).toThrow(NoiseError)
    m.setDelayRelaxation(1, null)
    expect(m.isIdeal()).toBe(true)
  })

  it('round-trips through JSON in Aer’s dict shape', () => {
    const m = new NoiseModel({ basisGates: ['cx', 'rz', 'sx', 'x'] })
    m.addAllQubitQuantumError(dep1, ['sx', 'x'])
    m.addQuantumError(thermalRelaxationError(50e-6, 80e-6, 1e-7).tensor(flip), 'cx', [1, 0])
    m.addAllQubitReadoutError(ro)
    m.addReadoutError(ro.tensor(ro), [3, 4])
    m.setDelayRelaxation(0, { t1: Infinity, t2: 50e-6, excitedStatePopulation: 0.01 })
    const json = JSON.parse(JSON.stringify(m)) as {
      errors: { type: string; operations: string[] }[]
    }
    expect(json.errors.map((e) => [e.type, e.operations])).toEqual([
      ['qerror', ['sx']],
      ['qerror', ['x']],
      ['qerror', ['cx']],
      ['roerror', ['measure']],
      ['roerror', ['measure']],
    ])
    const back = NoiseModel.fromJSON(json)
    expect(back.basisGates).toEqual(m.basisGates)
    expect(back.noiseInstructions).toEqual(m.noiseInstructions)
    expect(back.noiseQubits).toEqual(m.noiseQubits)
    expectClose(
      back.errorsFor('cx', [1, 0])[0]!.toChoi(),
      m.errorsFor('cx', [1, 0])[0]!.toChoi(),
      1e-15,
    )
    expectClose(back.errorsFor('x', [7])[0]!.toChoi(), dep1.toChoi(), 1e-15)
    expect(back.readoutErrorFor(9)?.probabilities).toEqual(ro.probabilities)
    expect(back.readoutErrorFor([3, 4])?.probabilities).toEqual(ro.tensor(ro).probabilities)
    expectClose(back.delayError(0, 1e-6)!.toChoi(), m.delayError(0, 1e-6)!.toChoi(), 1e-15)
  })

  it('rejects malformed JSON', () => {
    for (const json of [
      null,
      {},
      { errors: [{ type: 'nope' }] },
      {
        errors: [
          { type: 'qerror', instructions: [[{ name: 'x', qubits: [0] }]], probabilities: [1] },
        ],
      },
    ]) {
      expect(() => NoiseModel.fromJSON(json)).toThrow(
        expect.objectContaining({ code: 'sim.noise.invalid-json' }),
      )
    }
  })
})
