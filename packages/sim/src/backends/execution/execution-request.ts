/**
 * The data a local simulation job sends to its worker thread and gets back: plain,
 * structured-clone-friendly values (circuit JSON, noise-model JSON, typed arrays), so that the
 * same request runs in a worker or in-process.
 */
import type { CircuitJson } from '@qfabric/core/circuit'
import type { FusionMode } from '../../engine/plan/build-plan.js'
import type { ThreadsOption } from '../../engine/resolve-executor.js'
import type { NoiseModelJson } from '../../noise/noise-model-json.js'

/**
 * How a circuit is simulated (Aer's `method` option): `automatic` picks `stabilizer` for
 * Clifford circuits without noise, `density_matrix` for small noisy circuits whose measurements
 * are all final, and `statevector` (with noise trajectories when noisy) otherwise.
 */
export const SIMULATION_METHODS = [
  'automatic',
  'statevector',
  'density_matrix',
  'stabilizer',
] as const

/** A simulation method (see {@link SIMULATION_METHODS}). */
export type SimulationMethod = (typeof SIMULATION_METHODS)[number]

/** A method a run actually used: never `automatic`. */
export type ResolvedMethod = Exclude<SimulationMethod, 'automatic'>

/**
 * What an experiment returns besides counts: `qasm` nothing more; `statevector` the final
 * state of one run; `unitary` the circuit's unitary (no shots); `density_matrix` the final
 * density matrix.
 */
export const SIMULATOR_KINDS = ['qasm', 'statevector', 'unitary', 'density_matrix'] as const

/** The output kind of a simulator (see {@link SIMULATOR_KINDS}). */
export type SimulatorKind = (typeof SIMULATOR_KINDS)[number]

/** The settings of one job's experiments, resolved on the submitting thread. */
export interface ExecutionOptions {
  /** What each experiment returns. */
  readonly kind: SimulatorKind
  readonly method: SimulationMethod
  /** Shots per circuit. */
  readonly shots: number
  /** The job's seed: experiment `i` uses `seed + i` (Aer's rule). */
  readonly seed: number
  /** Keep per-shot outcomes. */
  readonly memory: boolean
  /** Gate fusion of the statevector engine. */
  readonly fusion: FusionMode
  /** Widest fused block, or `undefined` for the engine's default. */
  readonly maxBlockQubits?: number | undefined
  /** Engine threads per run. */
  readonly threads: ThreadsOption
  /** Memory the engine may use for per-shot state copies, in bytes. */
  readonly memoryBudgetBytes: number
  /** The noise model as JSON, or `null` for an ideal simulation. */
  readonly noiseModel: NoiseModelJson | null
  /** The device's sample time in seconds (converts `delay` durations in `dt`), if any. */
  readonly dt: number | null
  /** The widest circuit (in active qubits) `automatic` simulates as a density matrix. */
  readonly densityMatrixMaxQubits: number
}

/** A job's work: its circuits and settings. */
export interface ExecutionRequest {
  readonly circuits: readonly CircuitJson[]
  readonly options: ExecutionOptions
}

/** What one experiment produced (raw: hex keys, interleaved `Float64Array`s). */
export interface ExperimentOutcome {
  /** The method that ran (`unitary` for the unitary simulator). */
  readonly method: ResolvedMethod | 'unitary'
  readonly shots: number
  /** The seed the experiment used. */
  readonly seed: number
  /** Hex outcome (clbit 0 = least significant bit) → shots; absent for circuits without clbits. */
  readonly counts?: Readonly<Record<string, number>> | undefined
  /** One hex outcome per shot, when asked for. */
  readonly memory?: readonly string[] | undefined
  /** Final amplitudes, interleaved, little-endian. */
  readonly statevector?: Float64Array | undefined
  /** The unitary, `2^n × 2^n`, row-major, interleaved. */
  readonly unitary?: Float64Array | undefined
  /** The density matrix, `2^n × 2^n`, row-major, interleaved. */
  readonly densityMatrix?: Float64Array | undefined
  /** The qubits the simulation kept (idle qubits are left out), when fewer than the circuit's. */
  readonly activeQubits?: number | undefined
  /** Wall time of the experiment, in seconds. */
  readonly timeTaken: number
}

/** Callbacks a running request reports through. */
export interface ExecutionHooks {
  /** Stops the run between chunks (in-process runs; workers are terminated instead). */
  readonly signal?: AbortSignal | undefined
  /** Shots finished so far, over all experiments. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined
  /** A warning about the run (e.g. noise that cannot be simulated inside a while loop). */
  readonly onWarning?: ((message: string) => void) | undefined
}
