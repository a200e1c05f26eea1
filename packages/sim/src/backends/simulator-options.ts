/**
 * The run options of the local simulators (after Aer's), with their validators.
 */
import { totalmem } from 'node:os'
import { inRange, ofType, oneOf, Options, satisfies } from '@qfabric/core/providers'
import { NoiseModel } from '../noise/noise-model.js'
import { SIMULATION_METHODS, type SimulationMethod } from './execution/execution-request.js'

/** The largest shot count a local simulator accepts. */
export const MAX_SHOTS = 10_000_000

/** The run options of a local simulator backend. */
export interface SimulatorRunOptions {
  /** Shots per circuit: 1 … 10^7, default 1024. */
  shots: number
  /** Makes runs reproducible; circuit `i` of a job uses `seed + i`. A fresh seed when unset. */
  seed: number | undefined
  /** Keep every shot's outcome (`result.getMemory()`). Default false. */
  memory: boolean
  /** The simulation method (see `SIMULATION_METHODS`); the backend limits the choice. */
  method: SimulationMethod
  /** Floating-point precision: `double` only (kept for Aer compatibility). */
  precision: 'double'
  /** Fuse gates into larger kernels (default true). */
  fusionEnable: boolean
  /** The widest fused dense block, 1 … 8 qubits; the engine chooses when unset. */
  fusionMaxQubits: number | undefined
  /** Threads per simulation, 0 for all cores (used from 18 qubits). Default 0. */
  maxParallelThreads: number
  /** Refuse simulations needing more memory than this many MiB. Default: half the RAM. */
  maxMemoryMb: number
  /** A noise model, or `null` for an ideal simulation (default). */
  noiseModel: NoiseModel | null
}

/** What differs between the simulator backends' options. */
export interface SimulatorOptionsConfig {
  /** The methods the backend offers (the first is the default). */
  readonly methods: readonly SimulationMethod[]
}

/**
 * The options of a local simulator backend: defaults, validators, and `warn` for unknown run
 * options (Aer warns and ignores them).
 *
 * @param config - the backend's methods
 * @returns a fresh option set
 */
export function createSimulatorOptions(
  config: SimulatorOptionsConfig,
): Options<SimulatorRunOptions> {
  const methods = config.methods.filter((m) => SIMULATION_METHODS.includes(m))
  return new Options<SimulatorRunOptions>(
    {
      shots: 1024,
      seed: undefined,
      memory: false,
      method: methods[0] ?? 'automatic',
      precision: 'double',
      fusionEnable: true,
      fusionMaxQubits: undefined,
      maxParallelThreads: 0,
      maxMemoryMb: Math.floor(totalmem() / 2 ** 21),
      noiseModel: null,
    },
    {
      validators: {
        shots: inRange(1, MAX_SHOTS, { isInteger: true }),
        seed: ofType('integer', { isOptional: true }),
        memory: ofType('boolean'),
        method: oneOf(methods),
        precision: oneOf(['double']),
        fusionEnable: ofType('boolean'),
        fusionMaxQubits: inRange(1, 8, { isInteger: true, isOptional: true }),
        maxParallelThreads: inRange(0, 1024, { isInteger: true }),
        maxMemoryMb: inRange(1, Number.MAX_SAFE_INTEGER, { isInteger: true }),
        noiseModel: noiseModelValidator(),
      },
      unknownOptions: 'warn',
    },
  )
}

/**
 * The validator of a `noiseModel` option: a `NoiseModel`, or `null` (and `undefined` when
 * `allowUndefined`).
 *
 * @param allowUndefined - accept `undefined` too (fake devices: "the device's own model")
 * @returns the validator
 */
export function noiseModelValidator(allowUndefined = false): ReturnType<typeof satisfies> {
  return satisfies(
    'a NoiseModel or null',
    (value) => (value === null || value instanceof NoiseModel ? undefined : 'is not a NoiseModel'),
    { isOptional: allowUndefined },
  )
}
