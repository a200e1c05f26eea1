/**
 * The options and inputs shared by the density-matrix entry points.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import type { EngineOptions } from '../engine/engine-options.js'
import type { NoiseModel } from '../noise/noise-model.js'
import { compileDensityProgram } from './compile-density-program.js'
import type { DensityProgram } from './density-program.js'
import { addProgramNoise } from './program-noise.js'
import { validateDensityProgram } from './validate-density-program.js'

/** What the density-matrix engine runs: a circuit, or an already lowered program. */
export type DensityInput = QuantumCircuit | DensityProgram

/** Options of every density-matrix run. */
export interface DensityMatrixOptions extends Omit<EngineOptions, 'seed'> {
  /**
   * The noise: quantum errors after each instruction (before `measure`), idle relaxation
   * during delays, readout errors on every measurement. For a program input only its `measure`
   * and `reset` errors and its readout errors apply (program gates carry no names).
   */
  readonly noiseModel?: NoiseModel | undefined
  /** Seconds per `dt`, for delays given in `dt` (see `compileDensityProgram`). */
  readonly dt?: number | undefined
  /**
   * Outcome branches allowed when averaging over mid-circuit measurements that steer classical
   * control (default 65 536).
   */
  readonly maxBranches?: number | undefined
}

/**
 * The validated program of an input, with the noise of `options` in it.
 *
 * @param input - a circuit or a program
 * @param options - noise model and `dt`
 * @returns the program to run
 * @throws SimulationError `simulation.too-many-qubits`, `simulation.unsupported-operation`;
 *   RangeError for invalid indices; CircuitError for unbound parameters
 */
export function resolveDensityProgram(
  input: DensityInput,
  options: Pick<DensityMatrixOptions, 'noiseModel' | 'dt'>,
): DensityProgram {
  const { noiseModel } = options
  let program: DensityProgram
  if (isDensityProgram(input)) {
    program = noiseModel === undefined ? input : addProgramNoise(input, noiseModel)
  } else {
    // Reject a too-wide circuit before lowering it.
    validateDensityProgram({ numQubits: input.numQubits, numClbits: input.numClbits, ops: [] })
    program = compileDensityProgram(input, { noiseModel, dt: options.dt })
  }
  validateDensityProgram(program)
  return program
}

function isDensityProgram(input: DensityInput): input is DensityProgram {
  return Array.isArray((input as { readonly ops?: unknown }).ops)
}
