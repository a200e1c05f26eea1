/**
 * The seam to the density-matrix engine (`src/density`): a lowered noisy circuit — already on
 * its active qubits — becomes a `DensityProgram` (errors as channels), and its measurements'
 * readout errors a model the engine reads per qubit. The engine then evolves ρ exactly,
 * mid-circuit measurements and classical control included.
 */
import type { EngineOptions } from '../../../engine/engine-options.js'
import type { SampleProgramResult } from '../../../engine/sample-program.js'
import type { DensityOp, DensityProgram } from '../../../density/density-program.js'
import { sampleDensityMatrix } from '../../../density/sample-density-matrix.js'
import { simulateDensityMatrix } from '../../../density/simulate-density-matrix.js'
import { channelOp } from '../../../density/superoperator.js'
import { NoiseModel } from '../../../noise/noise-model.js'
import type { NoisyCircuit, NoisyStep } from './noisy-step.js'

/** Engine options of a density-matrix run. */
export type DensityEngineOptions = Omit<EngineOptions, 'seed'>

/**
 * The density-matrix program of a lowered circuit, and a model holding only its readout errors
 * (on the program's qubits; no quantum errors, so the engine adds none of its own).
 *
 * @param circuit - the lowered circuit
 * @returns the program and the readout-only model
 */
export function toDensityProgram(circuit: NoisyCircuit): {
  readonly program: DensityProgram
  readonly readout: NoiseModel
} {
  const readout = new NoiseModel()
  const convert = (steps: readonly NoisyStep[]): DensityOp[] =>
    steps.flatMap((step): DensityOp[] => {
      switch (step.kind) {
        case 'ops':
          return [...step.ops]
        case 'error':
          return [channelOp(step.error, step.qubits)]
        case 'measure':
          if (step.readout !== undefined && readout.readoutErrorFor(step.qubit) === undefined) {
            readout.addReadoutError(step.readout, [step.qubit])
          }
          return [{ kind: 'measure', qubit: step.qubit, clbit: step.clbit }]
        case 'conditional':
          return [{ ...step, then: convert(step.then), else: convert(step.else) }]
      }
    })
  const ops = convert(circuit.steps)
  return { program: { numQubits: circuit.numQubits, numClbits: circuit.numClbits, ops }, readout }
}

/**
 * Samples shots of a lowered circuit with the density-matrix engine.
 *
 * @param circuit - the lowered circuit
 * @param options - shots, seed, memory and engine options
 * @returns hex counts, memory, the seed
 * @throws SimulationError above the engine's 13 qubits; the signal's reason when aborted
 */
export async function sampleNoisyDensityMatrix(
  circuit: NoisyCircuit,
  options: DensityEngineOptions & {
    readonly shots: number
    readonly seed: number
    readonly memory: boolean
  },
): Promise<SampleProgramResult> {
  const { program, readout } = toDensityProgram(circuit)
  return sampleDensityMatrix(program, { ...options, noiseModel: readout })
}

/**
 * The final density matrix of a lowered circuit (measurements average over their outcomes).
 *
 * @param circuit - the lowered circuit
 * @param options - engine options
 * @returns ρ, `2^n × 2^n`, row-major, interleaved
 * @throws SimulationError above the engine's 13 qubits; the signal's reason when aborted
 */
export async function noisyDensityMatrix(
  circuit: NoisyCircuit,
  options: DensityEngineOptions = {},
): Promise<Float64Array> {
  const { program, readout } = toDensityProgram(circuit)
  const { densityMatrix } = await simulateDensityMatrix(program, {
    ...options,
    noiseModel: readout,
  })
  return densityMatrix
}
