/**
 * The stabilizer simulator's entry point: compiles a Clifford circuit and runs its shots.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { createRng, resolveSeed } from '../engine/random/seeded-rng.js'
import { BranchRunner } from './branch-runner.js'
import { compileStabilizerCircuit } from './compile-stabilizer.js'
import { OutcomeTally } from './outcome-tally.js'
import { Pacer } from './pacer.js'
import type { StabilizerProgram } from './stabilizer-program.js'
import { StabilizerTableau } from './stabilizer-tableau.js'
import { dropInitialResets, terminalTail } from './terminal-tail.js'

/** Options of {@link runStabilizer}. */
export interface RunStabilizerOptions {
  /** The number of shots (a non-negative integer). */
  readonly shots: number
  /** Makes the run reproducible; a fresh seed is drawn (and returned) when absent. */
  readonly seed?: number | undefined
  /** Also return every shot's bitstring, in order. */
  readonly memory?: boolean | undefined
  /** Stops the run between chunks of gates or shots; the promise rejects with its reason. */
  readonly signal?: AbortSignal | undefined
  /** Iterations one while loop may run per shot (default 100 000). */
  readonly maxLoopIterations?: number | undefined
}

/** What {@link runStabilizer} returns. */
export interface RunStabilizerResult {
  /**
   * Bitstring → shots. Keys have one character per clbit of the circuit, clbit 0 rightmost
   * (Qiskit's little-endian order), without register spaces.
   */
  readonly counts: Map<string, number>
  /** Every shot's bitstring in order, when `memory` was asked for. */
  readonly memory?: string[]
  /** The number of shots run. */
  readonly shots: number
  /** The seed used (pass it back to repeat the run). */
  readonly seed: number
}

/** Default of {@link RunStabilizerOptions.maxLoopIterations}. */
export const DEFAULT_MAX_LOOP_ITERATIONS = 100_000

/**
 * Runs a Clifford circuit on the stabilizer simulator (Aaronson–Gottesman tableau: thousands
 * of qubits). Shots share one state until a mid-circuit measurement or reset with a random
 * outcome splits them into branches (classical conditions then act per branch); the terminal
 * measurements of each branch are sampled from its state's Z-basis distribution. A circuit whose
 * measurements are all terminal thus runs its gates once, whatever the number of shots.
 *
 * @param circuit - a circuit of Clifford operations with bound parameters
 * @param options - shots, seed, memory, abort signal
 * @returns counts over the circuit's clbits (clbit 0 rightmost), memory and the seed
 * @throws StabilizerError `sim.stabilizer.non-clifford` (naming the gate and its instruction
 *   index), `sim.stabilizer.unsupported-operation`, `sim.stabilizer.loop-limit`
 * @throws CircuitError `circuit.unbound-parameter` for free parameters
 * @throws RangeError for a bad shot count
 * @example
 * ```ts
 * const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)
 * const { counts } = await runStabilizer(qc, { shots: 1000, seed: 1 })
 * // Map { '00' => 4xx, '11' => 5xx }
 * ```
 */
export async function runStabilizer(
  circuit: QuantumCircuit,
  options: RunStabilizerOptions,
): Promise<RunStabilizerResult> {
  assertShots(options.shots)
  options.signal?.throwIfAborted()
  return runStabilizerProgram(compileStabilizerCircuit(circuit), options)
}

/**
 * Runs a compiled stabilizer program (see {@link runStabilizer}).
 *
 * @param program - from `compileStabilizerCircuit`
 * @param options - shots, seed, memory, abort signal
 * @returns counts, memory and the seed
 * @throws as {@link runStabilizer}
 */
export async function runStabilizerProgram(
  program: StabilizerProgram,
  options: RunStabilizerOptions,
): Promise<RunStabilizerResult> {
  const { shots } = options
  assertShots(shots)
  const seed = resolveSeed(options.seed)
  const rng = createRng(seed)
  const pacer = new Pacer(options.signal)
  const tally = new OutcomeTally(program.numClbits, options.memory === true)
  const ops = dropInitialResets(program.ops)
  const runner = new BranchRunner({
    ops,
    tables: program.tables,
    tail: terminalTail(ops, program.numQubits),
    numClbits: program.numClbits,
    rng,
    tally,
    pacer,
    maxLoopIterations: options.maxLoopIterations ?? DEFAULT_MAX_LOOP_ITERATIONS,
  })
  await runner.run(new StabilizerTableau(program.numQubits), shots)
  if (runner.hasSplit) tally.shuffleMemory(rng)
  await pacer.tick()
  return { ...tally.finish(), shots, seed }
}

function assertShots(shots: number): void {
  if (!Number.isSafeInteger(shots) || shots < 0) {
    throw new RangeError(`shots must be a non-negative integer, got ${shots}`)
  }
}
