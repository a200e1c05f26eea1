/**
 * Computes the density matrix of a (noisy) circuit: Qiskit Aer's `density_matrix` method with
 * the state saved at the end.
 */
import { resolveExecutor } from '../engine/resolve-executor.js'
import { createRng } from '../engine/random/seeded-rng.js'
import { diagonalProbabilities } from './density-kernels.js'
import {
  type DensityInput,
  type DensityMatrixOptions,
  resolveDensityProgram,
} from './density-matrix-options.js'
import { runDensityBranches } from './density-runner.js'

/** What {@link simulateDensityMatrix} returns. */
export interface DensityMatrixResult {
  /** The register width `n`. */
  readonly numQubits: number
  /**
   * ρ as a row-major `2^n × 2^n` matrix, interleaved: entry `(r, c)` is
   * `[densityMatrix[2(r·2^n + c)], densityMatrix[2(r·2^n + c) + 1]]` (real, imaginary). Basis
   * state `i` has qubit 0 as its least significant bit.
   */
  readonly densityMatrix: Float64Array
  /** The diagonal of ρ: the probability of each basis state (qubit 0 least significant). */
  readonly probabilities: Float64Array
}

/**
 * Simulates `input` from |0…0⟩ and returns its final density matrix. Noise channels act
 * exactly. Measurements act as on an ensemble whose outcomes are forgotten: without classical
 * control a measurement dephases its qubit; when outcomes steer later operations every outcome
 * branch is followed and the branches are summed with their probabilities (readout errors
 * included), so the result is the exact average over shots. Resets are exact channels.
 *
 * @param input - a circuit (bound parameters), or a program
 * @param options - noise model, `dt`, fusion, threads, abort signal, limits
 * @returns the density matrix and its diagonal
 * @throws SimulationError `simulation.too-many-qubits` above 13 qubits,
 *   `simulation.unsupported-operation` for opaque gates (or too many outcome branches),
 *   `simulation.loop-limit` for a runaway loop; RangeError for invalid indices; the signal's
 *   reason when aborted
 * @example
 * ```ts
 * const model = new NoiseModel()
 * model.addAllQubitQuantumError(depolarizingError(0.1, 1), 'x')
 * const { densityMatrix } = await simulateDensityMatrix(new QuantumCircuit(1).x(0), {
 *   noiseModel: model,
 * })
 * // diag(0.05, 0.95): densityMatrix = [0.05, 0, 0, 0, 0, 0, 0.95, 0]
 * ```
 */
export async function simulateDensityMatrix(
  input: DensityInput,
  options: DensityMatrixOptions = {},
): Promise<DensityMatrixResult> {
  const program = resolveDensityProgram(input, options)
  const n = program.numQubits
  const sum = new Float64Array(2 * 4 ** n)
  let leaves = 0
  await runDensityBranches(
    program,
    {
      mode: 'average',
      weight: 1,
      // Averaging draws nothing at random; the generator is never consulted.
      rng: createRng(0),
      executor: resolveExecutor(options.threads, 2 * n),
      readoutErrorFor: (q) => options.noiseModel?.readoutErrorFor(q),
      plan: { fusion: options.fusion, maxBlockQubits: options.maxBlockQubits },
      signal: options.signal,
      memoryBudgetBytes: options.memoryBudgetBytes,
      maxLoopIterations: options.maxLoopIterations,
      maxBranches: options.maxBranches,
    },
    (leaf) => {
      const { state, weight } = leaf
      // Most programs end in one branch of weight 1: copy it rather than accumulate.
      if (leaves++ === 0 && weight === 1) sum.set(state)
      else for (let k = 0; k < sum.length; k++) sum[k]! += weight * state[k]!
    },
  )
  return { numQubits: n, densityMatrix: sum, probabilities: diagonalProbabilities(sum, n) }
}
