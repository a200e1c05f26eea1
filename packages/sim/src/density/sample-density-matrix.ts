/**
 * Samples shots of a (noisy) circuit with the density-matrix engine: Qiskit Aer's
 * `density_matrix` method. Final measurements are sampled from one exact final ρ; mid-circuit
 * measurements and classical control branch shot by shot.
 */
import type { SampleProgramResult } from '../engine/sample-program.js'
import { createRng, resolveSeed } from '../engine/random/seeded-rng.js'
import { resolveExecutor } from '../engine/resolve-executor.js'
import {
  type DensityInput,
  type DensityMatrixOptions,
  resolveDensityProgram,
} from './density-matrix-options.js'
import { DensityOutcomes } from './density-outcomes.js'
import { runDensityBranches } from './density-runner.js'
import type { DensityOp } from './density-program.js'
import { splitDensityFinals } from './split-density-finals.js'

/** Options of {@link sampleDensityMatrix}. */
export interface SampleDensityMatrixOptions extends DensityMatrixOptions {
  /** The number of shots (a non-negative integer). */
  readonly shots: number
  /** Makes the run reproducible; a fresh seed is drawn (and reported) when absent. */
  readonly seed?: number | undefined
  /** Also return one outcome per shot. */
  readonly memory?: boolean | undefined
}

/** What {@link sampleDensityMatrix} returns: the shape of the statevector engine's result. */
export type SampleDensityMatrixResult = SampleProgramResult

/**
 * Samples `options.shots` runs of `input`. Quantum errors act exactly on ρ (no trajectory
 * noise), readout errors flip each measurement's recorded bit per shot.
 *
 * @param input - a circuit (bound parameters), or a program
 * @param options - shots, seed, memory, noise model, `dt`, fusion, threads, abort signal, limits
 * @returns counts keyed by hex outcome (clbit 0 = least significant bit), memory, shots, seed
 * @throws RangeError for a bad shot count or invalid indices
 * @throws SimulationError `simulation.too-many-qubits` above 13 qubits,
 *   `simulation.unsupported-operation` for opaque gates, `simulation.loop-limit` for a runaway
 *   loop; the signal's reason when aborted
 * @example
 * ```ts
 * const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)
 * const model = NoiseModel.fromBackend(target)
 * const { counts } = await sampleDensityMatrix(qc, { shots: 1000, seed: 1, noiseModel: model })
 * // { '0x0': 48x, '0x3': 48x, '0x1': …, '0x2': … }
 * ```
 */
export async function sampleDensityMatrix(
  input: DensityInput,
  options: SampleDensityMatrixOptions,
): Promise<SampleDensityMatrixResult> {
  const { shots } = options
  if (!Number.isSafeInteger(shots) || shots < 0)
    throw new RangeError(`shots must be a non-negative integer, got ${shots}`)
  const program = resolveDensityProgram(input, options)
  const seed = resolveSeed(options.seed)
  const rng = createRng(seed)
  const readoutErrorFor = options.noiseModel
    ? (q: number) => options.noiseModel?.readoutErrorFor(q)
    : undefined
  const { body, finals } = splitDensityFinals(program.ops)
  const outcomes = new DensityOutcomes({
    numQubits: program.numQubits,
    numClbits: program.numClbits,
    finals,
    memory: options.memory === true,
    rng,
    readoutErrorFor,
  })
  if (shots > 0 && finals.length === 0 && !measures(body)) {
    // Nothing is ever measured: every shot reads all zeros, no need to simulate.
    outcomes.record({
      state: new Float64Array(0),
      clbits: new Uint8Array(program.numClbits),
      weight: shots,
    })
  } else if (shots > 0) {
    await runDensityBranches(
      { ...program, ops: body },
      {
        mode: 'shots',
        weight: shots,
        rng,
        executor: resolveExecutor(options.threads, 2 * program.numQubits),
        readoutErrorFor,
        plan: { fusion: options.fusion, maxBlockQubits: options.maxBlockQubits },
        signal: options.signal,
        memoryBudgetBytes: options.memoryBudgetBytes,
        maxLoopIterations: options.maxLoopIterations,
      },
      (leaf) => {
        outcomes.record(leaf)
      },
    )
  }
  return { ...outcomes.finish(), shots, seed }
}

function measures(ops: readonly DensityOp[]): boolean {
  return ops.some(
    (op) =>
      op.kind === 'measure' ||
      (op.kind === 'conditional' && (measures(op.then) || measures(op.else))) ||
      (op.kind === 'while' && measures(op.body)),
  )
}
