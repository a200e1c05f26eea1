import { clbitCondition, Gate, QuantumCircuit } from '@qfabric/core/circuit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileDensityProgram } from '../../src/density/compile-density-program.js'
import { simulateDensityMatrix } from '../../src/density/simulate-density-matrix.js'
import {
  applyChannelToDensityMatrix,
  applyUnitaryToDensityMatrix,
} from '../../src/noise/apply-channel.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { pauliError } from '../../src/noise/kraus-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import { mulberry32 } from '../helpers/random-ops.js'
import { entry, groundState, maxDiff } from './support/matrices.js'

const flip = (p: number) =>
  pauliError([
    ['X', p],
    ['I', 1 - p],
  ])

function kinds(ops: readonly { kind: string }[]): string[] {
  return ops.map((op) => op.kind)
}

describe('compileDensityProgram', () => {
  it('places errors after gates and resets, before measurements', () => {
    const model = new NoiseModel()
    model.addAllQubitQuantumError(flip(0.1), ['h', 'measure', 'reset'])
    const qc = new QuantumCircuit(1, 1).h(0).measure(0, 0).reset(0)
    const { ops } = compileDensityProgram(qc, { noiseModel: model })
    expect(kinds(ops)).toEqual(['matrix', 'channel', 'channel', 'measure', 'channel', 'channel'])
  })

  it('prefers local errors to all-qubit ones and leaves unnamed gates ideal', () => {
    const model = new NoiseModel()
    model.addAllQubitQuantumError(flip(0.1), 'x')
    model.addQuantumError(depolarizingError(0.2, 1), 'x', [1])
    const qc = new QuantumCircuit(2).x(0).x(1).y(0)
    const { ops } = compileDensityProgram(qc, { noiseModel: model })
    expect(kinds(ops)).toEqual(['permutation', 'channel', 'permutation', 'channel', 'permutation'])
    expect(ops[3]).toMatchObject({ kind: 'channel', qubits: [1] })
  })

  it('drops global phases and barriers, keeps conditions around the noisy instruction', () => {
    const model = new NoiseModel()
    model.addAllQubitQuantumError(flip(0.1), 'x')
    const qc = new QuantumCircuit(1, 1).globalPhaseGate(0.3).barrier()
    qc.append(new QuantumCircuit(1).x(0).toGate(), [0], [], { condition: clbitCondition(0) })
    qc.x(0)
    const { ops } = compileDensityProgram(qc, { noiseModel: model })
    expect(kinds(ops)).toEqual(['conditional', 'permutation', 'channel'])
  })

  it('applies noise inside if_else and while bodies, unrolls for loops', () => {
    const model = new NoiseModel()
    model.addAllQubitQuantumError(flip(0.1), 'x')
    const qc = new QuantumCircuit(1, 1).measure(0, 0)
    qc.ifElse(clbitCondition(0), new QuantumCircuit(1, 1).x(0), undefined, [0], [0])
    qc.forLoop([0, 1, 2], undefined, new QuantumCircuit(1).x(0), [0])
    const { ops } = compileDensityProgram(qc, { noiseModel: model })
    expect(kinds(ops)).toEqual([
      'measure',
      'conditional',
      ...Array<string>(3)
        .fill('permutation')
        .flatMap((k) => [k, 'channel']),
    ])
    expect(ops[1]).toMatchObject({ then: [{ kind: 'permutation' }, { kind: 'channel' }] })
  })

  it('relaxes idle qubits during delays, in any unit', async () => {
    const [t1, t2] = [100e-6, 70e-6]
    const model = new NoiseModel()
    model.setDelayRelaxation(0, { t1, t2, excitedStatePopulation: 0 })
    const decay = Math.exp(-20e-6 / t1)
    for (const [duration, unit, dt] of [
      [20, 'us', undefined],
      [20_000, 'ns', undefined],
      [90_000, 'dt', 20e-6 / 90_000],
    ] as const) {
      const qc = new QuantumCircuit(1).x(0).delay(duration, 0, unit)
      const { densityMatrix } = await simulateDensityMatrix(qc, { noiseModel: model, dt })
      expect(entry(densityMatrix, 1, 1)[0]).toBeCloseTo(decay, 13)
    }
    // Without dt, a delay in dt cannot be converted and relaxes nothing.
    const qc = new QuantumCircuit(1).x(0).delay(90_000, 0, 'dt')
    const { densityMatrix } = await simulateDensityMatrix(qc, { noiseModel: model })
    expect(entry(densityMatrix, 1, 1)[0]).toBe(1)
  })

  it('lowers custom gates through their definitions and rejects opaque ones', async () => {
    const def = new QuantumCircuit(2).h(0).cx(0, 1)
    const bell = new Gate({ name: 'bell', numQubits: 2, definition: def })
    const { probabilities } = await simulateDensityMatrix(
      new QuantumCircuit(2).append(bell, [0, 1]),
    )
    expect(probabilities[0]).toBeCloseTo(0.5, 14)
    expect(probabilities[3]).toBeCloseTo(0.5, 14)
    const opaque = new Gate({ name: 'mystery', numQubits: 1 })
    expect(() => compileDensityProgram(new QuantumCircuit(1).append(opaque, [0]))).toThrow(
      expect.objectContaining({ code: 'simulation.unsupported-operation' }),
    )
  })
})

describe('noisy circuits against a dense reference', () => {
  const NAMES = ['h', 'x', 'sx', 'rz', 'cx', 'cz', 'swap', 'ccx'] as const

  it('applies each error right after its gate, on the gate qubits in order', async () => {
    const model = new NoiseModel()
    model.addAllQubitQuantumError(depolarizingError(0.05, 1), ['h', 'sx'])
    model.addAllQubitQuantumError(thermalRelaxationError(60e-6, 40e-6, 1e-6), 'x')
    model.addAllQubitQuantumError(
      pauliError([
        ['XZ', 0.04],
        ['IY', 0.03],
        ['II', 0.93],
      ]),
      'cx',
    )
    model.addQuantumError(depolarizingError(0.1, 2), 'cz', [1, 0])
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.integer(), async (n, seed) => {
        const rnd = mulberry32(seed)
        const qc = new QuantumCircuit(n)
        for (let g = 0; g < 14; g++) {
          const name = NAMES[Math.floor(rnd() * NAMES.length)]!
          const order = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5)
          if (name === 'rz') qc.rz(rnd() * 6, order[0]!)
          else if (name === 'cx' || name === 'cz' || name === 'swap') qc[name](order[0]!, order[1]!)
          else if (name === 'ccx') {
            if (n >= 3) qc.ccx(order[0]!, order[1]!, order[2]!)
          } else qc[name](order[0]!)
        }
        let rho = groundState(n)
        for (const inst of qc.data) {
          const gate = inst.operation
          if (!(gate instanceof Gate)) throw new TypeError('gates only')
          rho = applyUnitaryToDensityMatrix(rho, gate.toMatrix(), inst.qubits)
          for (const e of model.errorsFor(gate.name, inst.qubits))
            rho = applyChannelToDensityMatrix(rho, e, inst.qubits)
        }
        const { densityMatrix } = await simulateDensityMatrix(qc, { noiseModel: model })
        expect(maxDiff(densityMatrix, rho.data)).toBeLessThan(1e-12)
      }),
      { seed: 3, numRuns: 40 },
    )
  })
})
