/**
 * Runs a program for many shots and returns counts (and per-shot memory). Final measurements
 * are sampled from one final state — all shots in O(2^n + shots); mid-circuit measurement,
 * reset and classical control run per shot (by shot branching), sharing the state computed up
 * to the first of them.
 *
 * The leading gates run on the structured front end first (see `structured/`). When it runs
 * every gate of a program measured only at the end, the shots are drawn from its clusters
 * directly — O(entries + shots), never 2^n (GHZ or a product state of 30 qubits); otherwise its
 * state is written out and the dense engine takes over.
 */
import type { EngineOptions } from './engine-options.js'
import { buildPlan } from './plan/build-plan.js'
import { createRng, resolveSeed, type Rng } from './random/seeded-rng.js'
import { resolveExecutor } from './resolve-executor.js'
import { runBranches } from './shots/branch-runner.js'
import { splitFinalMeasurements } from './shots/final-measurements.js'
import { OutcomeRecorder } from './shots/outcome-recorder.js'
import { countSorted } from './shots/sample-indices.js'
import {
  isUnitaryOp,
  type MeasureOp,
  type SimOp,
  type SimProgram,
  type UnitaryOp,
} from './sim-program.js'
import type { StructureSummary } from './simulate-statevector.js'
import { expandStructuredState } from './structured/expand-structured-state.js'
import { runStructuredPrefix, type StructuredPrefix } from './structured/run-structured-prefix.js'
import { readingDistribution, sampleReadings } from './structured/sample-structured-state.js'
import type { StructuredState } from './structured/structured-state.js'
import { withoutTrailingDiagonals } from './structured/without-trailing-diagonals.js'
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
  /**
   * How the shots were drawn (for benchmarks and diagnostics): a path other than `dense` means
   * from the structured front end's clusters, without a statevector. Absent when nothing is
   * measured.
   */
  readonly structure?: StructureSummary | undefined
}

/**
 * Samples `options.shots` runs of `program`.
 *
 * @param program - the program
 * @param options - shots, memory, seed, structure, fusion, threads, abort signal, limits
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
  const { body, finals } = splitFinalMeasurements(program.ops)
  const prefixEnd = body.findIndex((op) => !isUnitaryOp(op))
  const run: SampledRun = {
    program,
    options,
    seed,
    rng: createRng(seed),
    // Gates followed by measurements only: trailing diagonals change no probability.
    body: prefixEnd < 0 ? withoutTrailingDiagonals(body as readonly UnitaryOp[]) : body,
    prefixEnd: prefixEnd < 0 ? undefined : prefixEnd,
    finals,
  }
  if (run.prefixEnd === undefined && finals.length === 0) {
    // Nothing is ever measured: every shot reads all zeros.
    const { numQubits, numClbits } = program
    const memory = options.memory === true
    const recorder = new OutcomeRecorder({ numQubits, numClbits, finals, memory, rng: run.rng })
    recorder.record({
      state: new Float64Array(2),
      clbits: new Uint8Array(numClbits),
      shots,
    })
    return result(recorder, { shots, seed, structure: undefined })
  }
  const structured =
    options.structure === 'off'
      ? undefined
      : runStructuredPrefix(run.body, { numQubits: program.numQubits, signal: options.signal })
  if (structured?.applied === run.body.length && run.prefixEnd === undefined)
    return sampleClusters(run, structured.state)
  return sampleDense(run, structured)
}

/** A run being sampled. */
interface SampledRun {
  readonly program: SimProgram
  readonly options: SampleProgramOptions
  readonly seed: number
  readonly rng: Rng
  /** The ops before the final measurements (without trailing diagonals when all unitary). */
  readonly body: readonly SimOp[]
  /** The first non-unitary op of `body`, if any. */
  readonly prefixEnd: number | undefined
  readonly finals: readonly MeasureOp[]
}

/** Draws the shots of a unitary body from the clusters it left: no statevector is built. */
function sampleClusters(run: SampledRun, state: StructuredState): SampleProgramResult {
  run.options.signal?.throwIfAborted()
  const reads = finalReads(run.finals)
  const measured = [...new Set(reads.map(([q]) => q))]
  const { shots } = run.options
  const readings = sampleReadings(readingDistribution(state, measured), shots, run.rng)
  return readingsResult(readings, {
    reads,
    numClbits: run.program.numClbits,
    memory: run.options.memory === true,
    shots,
    seed: run.seed,
    structure: { path: structuredPath(state), structuredOps: run.body.length },
  })
}

/**
 * Writes out the structured prefix (if any), runs the rest on the dense engine, and samples the
 * final measurements from the final state(s).
 */
async function sampleDense(
  run: SampledRun,
  structured: StructuredPrefix | undefined,
): Promise<SampleProgramResult> {
  const { program, options, rng, body, prefixEnd } = run
  const { numQubits, numClbits } = program
  const { shots, signal } = options
  const recorder = new OutcomeRecorder({
    numQubits,
    numClbits,
    finals: run.finals,
    memory: options.memory === true,
    rng,
  })
  const executor = resolveExecutor(options.threads, numQubits)
  const state = executor.allocate(numQubits)
  const start = structured?.applied ?? 0
  if (structured !== undefined && start > 0)
    await expandStructuredState(structured.state, state, { executor, signal })
  else state[0] = 1
  const planOptions = { fusion: options.fusion, maxBlockQubits: options.maxBlockQubits }
  const unitaryOnly = prefixEnd === undefined
  const prefix = body.slice(start, prefixEnd) as readonly UnitaryOp[]
  const plan = buildPlan(prefix, { ...planOptions, numQubits, dropTrailingDiagonals: unitaryOnly })
  await executor.apply(state, plan, { numQubits, signal })
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
      signal,
      memoryBudgetBytes: options.memoryBudgetBytes,
      maxLoopIterations: options.maxLoopIterations,
      onLeaf: (leaf) => {
        recorder.record(leaf)
      },
    })
  }
  const structure = { path: 'dense', structuredOps: start } as const
  return result(recorder, { shots, seed: run.seed, structure })
}

/** The result, keeping `counts` lazy (hex keys for 10^5+ outcomes take a while to build). */
function result(
  recorder: OutcomeRecorder,
  run: { shots: number; seed: number; structure: StructureSummary | undefined },
): SampleProgramResult {
  const outcomes = recorder.finish()
  return {
    get counts(): Record<string, number> {
      return outcomes.counts
    },
    memory: outcomes.memory,
    shots: run.shots,
    seed: run.seed,
    structure: run.structure,
  }
}

/** The qubits read by the final measurements that decide some clbit (the last write wins). */
function finalReads(finals: readonly MeasureOp[]): (readonly [number, number])[] {
  const byClbit = new Map<number, number>()
  for (const m of finals) byClbit.set(m.clbit, m.qubit)
  return [...byClbit].map(([clbit, qubit]) => [qubit, clbit] as const)
}

/**
 * The result of shots drawn from clusters: `readings` holds, per shot, the outcomes of the
 * measured qubits (bit `q` = qubit `q`), and clbits no final measurement writes stay 0. Draws
 * are independent per shot, so memory is in random shot order without a shuffle.
 */
function readingsResult(
  readings: Int32Array,
  run: {
    reads: readonly (readonly [number, number])[]
    numClbits: number
    memory: boolean
    shots: number
    seed: number
    structure: StructureSummary
  },
): SampleProgramResult {
  const key = outcomeKey(run.reads, run.numClbits)
  let counts: Record<string, number> | undefined
  let memory: string[] | undefined
  if (run.memory) {
    const keys = new Map<number, string>()
    memory = Array.from(readings, (r) => {
      let k = keys.get(r)
      if (k === undefined) keys.set(r, (k = key(r)))
      return k
    })
  }
  return {
    get counts(): Record<string, number> {
      if (counts === undefined) {
        // Each clbit reads one qubit, so distinct readings give distinct keys.
        const { values, counts: n } = countSorted(
          Float64Array.from(Int32Array.from(readings).sort()),
        )
        counts = {}
        for (let k = 0; k < values.length; k++) counts[key(values[k]!)] = n[k]!
      }
      return counts
    },
    memory,
    shots: run.shots,
    seed: run.seed,
    structure: run.structure,
  }
}

/** Above this many clbits, outcomes are built as BigInts rather than doubles. */
const MAX_NUMBER_CLBITS = 52

/** The hex outcome (`'0x…'`, clbit 0 least significant) of a reading. */
function outcomeKey(
  reads: readonly (readonly [number, number])[],
  numClbits: number,
): (reading: number) => string {
  if (reads.every(([q, c]) => q === c)) return (reading) => `0x${reading.toString(16)}`
  if (numClbits <= MAX_NUMBER_CLBITS) {
    return (reading) => {
      let v = 0
      for (const [q, c] of reads) if ((reading >> q) & 1) v += 2 ** c
      return `0x${v.toString(16)}`
    }
  }
  return (reading) => {
    let v = 0n
    for (const [q, c] of reads) if ((reading >> q) & 1) v |= 1n << BigInt(c)
    return `0x${v.toString(16)}`
  }
}

/** How `simulateStatevector` would name the structured state's path. */
function structuredPath(state: StructuredState): StructureSummary['path'] {
  const clusters = state.clusters()
  if (clusters.every((c) => c.qubits.length === 1)) return 'product'
  let nonZeros = 1
  for (const c of clusters) nonZeros *= c.keys.length
  return nonZeros * 8 > 2 ** state.numQubits ? 'clustered' : 'sparse'
}
