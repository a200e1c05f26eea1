/**
 * Runs a program for many shots and returns counts (and per-shot memory). Final measurements
 * are sampled from one final state — all shots in O(2^n + shots); mid-circuit measurement,
 * reset and classical control run per shot (by shot branching), sharing the state computed up
 * to the first of them.
 */
import type { EngineOptions } from './engine-options.js'
import { buildPlan } from './plan/build-plan.js'
import { createRng, resolveSeed } from './random/seeded-rng.js'
import { resolveExecutor } from './resolve-executor.js'
import { runBranches } from './shots/branch-runner.js'
import { splitFinalMeasurements } from './shots/final-measurements.js'
import { OutcomeRecorder } from './shots/outcome-recorder.js'
import { isUnitaryOp, type SimProgram, type UnitaryOp } from './sim-program.js'
import { validateProgram } from './validate-program.js'

/** Options of {@link sampleProgram}. */
export interface SampleProgramOptions extends EngineOptions {
  /** The number of shots (a non-negative integer). */
  readonly shots: number
  /** Also return one outcome per shot. */
  readonly memory?: boolean | undefined
}

/** What {@link sampleProgram} returns. */
export interface SampleProgramResult {
  /** Hex outcome (clbit 0 = least significant bit) → shots, e.g. `{ '0x0': 503, '0x3': 521 }`. */
  readonly counts: Record<string, number>
  /** One hex outcome per shot, when asked for. */
  readonly memory?: string[] | undefined
  readonly shots: number
  /** The seed used (repeat the run by passing it back). */
  readonly seed: number
}

/**
 * Samples `options.shots` runs of `program`.
 *
 * @param program - the program
 * @param options - shots, memory, seed, fusion, threads, abort signal, limits
 * @returns counts, memory and the seed
 * @throws RangeError for invalid indices or a bad shot count
 * @throws SimulationError for too many qubits or a runaway loop
 * @example
 * const bell: SimProgram = { numQubits: 2, numClbits: 2, ops: [
 *   { kind: 'matrix', qubits: [0], matrix: H },
 *   { kind: 'permutation', qubits: [0, 1], permutation: Int32Array.of(0, 3, 2, 1) },
 *   { kind: 'measure', qubit: 0, clbit: 0 }, { kind: 'measure', qubit: 1, clbit: 1 } ] }
 * const { counts } = await sampleProgram(bell, { shots: 1000, seed: 1 })  // { '0x0': …, '0x3': … }
 */
export async function sampleProgram(
  program: SimProgram,
  options: SampleProgramOptions,
): Promise<SampleProgramResult> {
  validateProgram(program)
  const { shots } = options
  if (!Number.isSafeInteger(shots) || shots < 0)
    throw new RangeError(`shots must be a non-negative integer, got ${shots}`)
  const seed = resolveSeed(options.seed)
  const rng = createRng(seed)
  const { numQubits, numClbits } = program
  const { body, finals } = splitFinalMeasurements(program.ops)
  const recorder = new OutcomeRecorder({ numClbits, finals, memory: options.memory === true, rng })
  const prefixEnd = body.findIndex((op) => !isUnitaryOp(op))
  const unitaryOnly = prefixEnd < 0
  if (unitaryOnly && finals.length === 0) {
    // Nothing is ever measured: every shot reads all zeros.
    recorder.record({ state: new Float64Array(2), clbits: new Uint8Array(numClbits), shots })
    return result(recorder, { shots, seed })
  }
  const executor = resolveExecutor(options.threads, numQubits)
  const state = executor.allocate(numQubits)
  state[0] = 1
  const planOptions = { fusion: options.fusion, maxBlockQubits: options.maxBlockQubits }
  const prefix = (unitaryOnly ? body : body.slice(0, prefixEnd)) as readonly UnitaryOp[]
  const plan = buildPlan(prefix, { ...planOptions, numQubits, dropTrailingDiagonals: unitaryOnly })
  await executor.apply(state, plan, { numQubits, signal: options.signal })
  if (unitaryOnly) {
    recorder.record({ state, clbits: new Uint8Array(numClbits), shots })
  } else {
    await runBranches(body.slice(prefixEnd), state, {
      numQubits,
      numClbits,
      shots,
      rng,
      executor,
      plan: planOptions,
      signal: options.signal,
      memoryBudgetBytes: options.memoryBudgetBytes,
      maxLoopIterations: options.maxLoopIterations,
      onLeaf: (leaf) => {
        recorder.record(leaf)
      },
    })
  }
  return result(recorder, { shots, seed })
}

/** The result, keeping `counts` lazy (hex keys for 10^5+ outcomes take a while to build). */
function result(
  recorder: OutcomeRecorder,
  run: { shots: number; seed: number },
): SampleProgramResult {
  const outcomes = recorder.finish()
  return {
    get counts(): Record<string, number> {
      return outcomes.counts
    },
    memory: outcomes.memory,
    shots: run.shots,
    seed: run.seed,
  }
}
