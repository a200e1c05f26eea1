/**
 * Runs a noisy circuit's shots as trajectories on the statevector engine (see
 * {@link TrajectoryPlan}), then applies the readout errors of its terminal measurements.
 */
import type { EngineOptions } from '../../../engine/engine-options.js'
import { createRng } from '../../../engine/random/seeded-rng.js'
import { sampleProgram } from '../../../engine/sample-program.js'
import {
  applyReadout,
  applyReadoutToCounts,
  countOutcomes,
  terminalReadouts,
} from './apply-readout.js'
import type { NoisyCircuit } from './noisy-step.js'
import { TrajectoryPlan } from './trajectory-plan.js'

/** Options of {@link runTrajectories}. */
export interface RunTrajectoriesOptions extends Omit<EngineOptions, 'seed'> {
  readonly shots: number
  /** Drives every draw: noise terms, engine seeds per group, readout flips. */
  readonly seed: number
  readonly memory: boolean
  /** Shots finished so far (after each group of shots sharing their noise). */
  readonly onProgress?: ((done: number) => void) | undefined
}

/** Counts and memory of a noisy run. */
export interface TrajectoryOutcome {
  readonly counts: Record<string, number>
  readonly memory?: string[] | undefined
}

/**
 * Samples `shots` noisy shots of a lowered circuit.
 *
 * @param circuit - the lowered circuit, on its active qubits
 * @param options - shots, seed, memory, engine options, progress
 * @returns hex counts and, when asked for, one hex outcome per shot
 * @throws SimulationError when a program (with its ancillas) is too wide; the signal's reason
 *   when aborted
 */
export async function runTrajectories(
  circuit: NoisyCircuit,
  options: RunTrajectoriesOptions,
): Promise<TrajectoryOutcome> {
  const rng = createRng(options.seed)
  const plan = new TrajectoryPlan(circuit)
  const readouts = terminalReadouts(circuit.steps)
  const groups = new Map<string, number>()
  const shotKeys: string[] = []
  for (let s = 0; s < options.shots; s++) {
    options.signal?.throwIfAborted()
    const key = plan.siteCount === 0 ? '' : plan.sampleKey(rng)
    groups.set(key, (groups.get(key) ?? 0) + 1)
    if (options.memory) shotKeys.push(key)
  }
  const engine: EngineOptions = {
    fusion: options.fusion,
    maxBlockQubits: options.maxBlockQubits,
    threads: options.threads,
    signal: options.signal,
    memoryBudgetBytes: options.memoryBudgetBytes,
    maxLoopIterations: options.maxLoopIterations,
  }
  let counts: Record<string, number> = {}
  const memories = new Map<string, { readonly outcomes: readonly string[]; next: number }>()
  let done = 0
  for (const [key, shots] of groups) {
    const result = await sampleProgram(plan.program(key), {
      ...engine,
      shots,
      seed: rng.nextUint32(),
      memory: options.memory,
    })
    for (const [outcome, n] of Object.entries(result.counts))
      counts[outcome] = (counts[outcome] ?? 0) + n
    if (result.memory !== undefined) memories.set(key, { outcomes: result.memory, next: 0 })
    done += shots
    options.onProgress?.(done)
  }
  if (!options.memory) return { counts: applyReadoutToCounts(counts, readouts, rng) }
  const memory = shotKeys.map((key) => {
    const entry = memories.get(key)!
    return entry.outcomes[entry.next++]!
  })
  applyReadout(memory, readouts, rng)
  counts = countOutcomes(memory)
  return { counts, memory }
}
