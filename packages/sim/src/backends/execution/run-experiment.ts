/**
 * Runs one circuit as a job asked: picks the method, simulates, and returns raw counts, memory
 * and states.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { compileCircuit } from '../../compile/compile-circuit.js'
import type { EngineOptions } from '../../engine/engine-options.js'
import { sampleProgram } from '../../engine/sample-program.js'
import { simulateStatevector } from '../../engine/simulate-statevector.js'
import { NoiseModel } from '../../noise/noise-model.js'
import { runStabilizer } from '../../stabilizer/run-stabilizer.js'
import { simulateUnitary } from '../../unitary/simulate-unitary.js'
import { LocalSimulatorError } from '../local-simulator-error.js'
import { chooseIdealMethod, chooseNoisyMethod } from './choose-method.js'
import type { ExecutionOptions, ExperimentOutcome, ResolvedMethod } from './execution-request.js'
import { lowerNoisyCircuit } from './noisy/lower-noisy-circuit.js'
import { noisyDensityMatrix, sampleNoisyDensityMatrix } from './noisy/noisy-density-matrix.js'
import type { NoisyCircuit } from './noisy/noisy-step.js'
import { truncateNoisyCircuit } from './noisy/remap-steps.js'
import { runTrajectories } from './noisy/run-trajectories.js'
import { truncateIdleQubits } from './remap-ops.js'

/** What {@link runExperiment} needs besides the circuit. */
export interface ExperimentContext {
  readonly options: ExecutionOptions
  /** The noise model, or `null` for an ideal run. */
  readonly noise: NoiseModel | null
  /** This experiment's seed. */
  readonly seed: number
  readonly signal?: AbortSignal | undefined
  /** Shots of this experiment finished so far. */
  readonly onShots?: ((done: number) => void) | undefined
  readonly onWarning?: ((message: string) => void) | undefined
}

type Outcome = Omit<ExperimentOutcome, 'timeTaken' | 'seed' | 'shots'>

/**
 * Simulates one circuit.
 *
 * @param circuit - a circuit with bound parameters
 * @param ctx - the job's options, noise, this experiment's seed, hooks
 * @returns the raw outcome
 * @throws LocalSimulatorError, SimulationError, StabilizerError, NoiseError for circuits the
 *   chosen method cannot run; the signal's reason when aborted
 */
export async function runExperiment(
  circuit: QuantumCircuit,
  ctx: ExperimentContext,
): Promise<ExperimentOutcome> {
  const start = performance.now()
  const { shots } = ctx.options
  const outcome = await dispatch(circuit, ctx)
  ctx.onShots?.(shots)
  return {
    ...outcome,
    shots: ctx.options.kind === 'unitary' ? 1 : shots,
    seed: ctx.seed,
    timeTaken: (performance.now() - start) / 1000,
  }
}

function engineOptions(ctx: ExperimentContext): EngineOptions {
  const o = ctx.options
  return {
    seed: ctx.seed,
    fusion: o.fusion,
    maxBlockQubits: o.maxBlockQubits,
    threads: o.threads,
    signal: ctx.signal,
    memoryBudgetBytes: o.memoryBudgetBytes,
  }
}

function isNoisy(ctx: ExperimentContext): boolean {
  return ctx.noise !== null && !ctx.noise.isIdeal()
}

async function dispatch(circuit: QuantumCircuit, ctx: ExperimentContext): Promise<Outcome> {
  switch (ctx.options.kind) {
    case 'unitary':
      return { method: 'unitary', unitary: await simulateUnitary(circuit, engineOptions(ctx)) }
    case 'statevector':
      return runStatevectorKind(circuit, ctx)
    case 'density_matrix':
      return runDensityMatrixKind(circuit, ctx)
    case 'qasm':
      return runQasmKind(circuit, ctx)
  }
}

async function runStatevectorKind(
  circuit: QuantumCircuit,
  ctx: ExperimentContext,
): Promise<Outcome> {
  const program = compileCircuit(circuit)
  const { statevector } = await simulateStatevector(program, engineOptions(ctx))
  if (circuit.numClbits === 0) return { method: 'statevector', statevector }
  const sampled = await sampleProgram(truncateIdleQubits(program).program, {
    ...engineOptions(ctx),
    shots: ctx.options.shots,
    memory: ctx.options.memory,
  })
  return { method: 'statevector', statevector, counts: sampled.counts, memory: sampled.memory }
}

async function runDensityMatrixKind(
  circuit: QuantumCircuit,
  ctx: ExperimentContext,
): Promise<Outcome> {
  // The whole register: the result holds its density matrix.
  const lowered = lower(circuit, ctx)
  const engine = engineOptions(ctx)
  const densityMatrix = await noisyDensityMatrix(lowered, engine)
  if (circuit.numClbits === 0) return { method: 'density_matrix', densityMatrix }
  const sampled = await sampleNoisyDensityMatrix(lowered, {
    ...engine,
    seed: ctx.seed,
    shots: ctx.options.shots,
    memory: ctx.options.memory,
  })
  return {
    method: 'density_matrix',
    counts: sampled.counts,
    memory: sampled.memory,
    densityMatrix,
  }
}

async function runQasmKind(circuit: QuantumCircuit, ctx: ExperimentContext): Promise<Outcome> {
  const requested = ctx.options.method
  if (!isNoisy(ctx)) {
    const method = requested === 'automatic' ? chooseIdealMethod(circuit) : requested
    if (method === 'stabilizer') return runStabilizerMethod(circuit, ctx)
    if (method === 'statevector') return runIdealStatevector(circuit, ctx)
  } else if (requested === 'stabilizer') {
    throw new LocalSimulatorError(
      'sim.backend.unsupported-noise',
      'the stabilizer method runs ideal circuits only: use method statevector or density_matrix with a noise model',
    )
  }
  const { circuit: lowered, kept } = truncateNoisyCircuit(lower(circuit, ctx))
  const method: ResolvedMethod =
    requested === 'automatic'
      ? chooseNoisyMethod(lowered, {
          densityMatrixMaxQubits: ctx.options.densityMatrixMaxQubits,
          shots: ctx.options.shots,
        })
      : requested
  const activeQubits = kept.length < circuit.numQubits ? kept.length : undefined
  if (method === 'density_matrix') {
    const sampled = await sampleNoisyDensityMatrix(lowered, {
      ...engineOptions(ctx),
      seed: ctx.seed,
      shots: ctx.options.shots,
      memory: ctx.options.memory,
    })
    return withoutEmptyCounts(circuit, {
      method,
      counts: sampled.counts,
      memory: sampled.memory,
      activeQubits,
    })
  }
  return { ...(await runTrajectoryMethod(lowered, circuit, ctx)), activeQubits }
}

function lower(circuit: QuantumCircuit, ctx: ExperimentContext): NoisyCircuit {
  const lowered = lowerNoisyCircuit(circuit, ctx.noise ?? new NoiseModel(), { dt: ctx.options.dt })
  for (const warning of lowered.warnings) ctx.onWarning?.(warning)
  return lowered
}

async function runTrajectoryMethod(
  lowered: NoisyCircuit,
  circuit: QuantumCircuit,
  ctx: ExperimentContext,
): Promise<Outcome> {
  const run = await runTrajectories(lowered, {
    ...engineOptions(ctx),
    seed: ctx.seed,
    shots: ctx.options.shots,
    memory: ctx.options.memory,
    onProgress: ctx.onShots,
  })
  return withoutEmptyCounts(circuit, {
    method: 'statevector',
    counts: run.counts,
    memory: run.memory,
  })
}

async function runIdealStatevector(
  circuit: QuantumCircuit,
  ctx: ExperimentContext,
): Promise<Outcome> {
  const { program, kept } = truncateIdleQubits(compileCircuit(circuit))
  const sampled = await sampleProgram(program, {
    ...engineOptions(ctx),
    shots: ctx.options.shots,
    memory: ctx.options.memory,
  })
  const activeQubits = kept.length < circuit.numQubits ? kept.length : undefined
  return withoutEmptyCounts(circuit, {
    method: 'statevector',
    counts: sampled.counts,
    memory: sampled.memory,
    activeQubits,
  })
}

async function runStabilizerMethod(
  circuit: QuantumCircuit,
  ctx: ExperimentContext,
): Promise<Outcome> {
  const run = await runStabilizer(circuit, {
    shots: ctx.options.shots,
    seed: ctx.seed,
    memory: ctx.options.memory,
    signal: ctx.signal,
  })
  const hex = (bits: string): string => `0x${(bits === '' ? 0n : BigInt(`0b${bits}`)).toString(16)}`
  const counts: Record<string, number> = {}
  for (const [bits, n] of run.counts) counts[hex(bits)] = (counts[hex(bits)] ?? 0) + n
  return withoutEmptyCounts(circuit, {
    method: 'stabilizer',
    counts,
    memory: run.memory?.map(hex),
  })
}

/** Circuits without clbits have no counts (as in Aer: `getCounts` then says so). */
function withoutEmptyCounts(circuit: QuantumCircuit, outcome: Outcome): Outcome {
  return circuit.numClbits === 0 ? { ...outcome, counts: undefined, memory: undefined } : outcome
}
