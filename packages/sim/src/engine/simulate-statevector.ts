/**
 * Computes the final statevector of a program (Qiskit's `statevector_simulator`): one run, in
 * which any measurement collapses the state at random (seeded) and sets its clbit.
 */
import type { EngineOptions } from './engine-options.js'
import { buildPlan } from './plan/build-plan.js'
import { createRng, resolveSeed } from './random/seeded-rng.js'
import { resolveExecutor } from './resolve-executor.js'
import { runBranches } from './shots/branch-runner.js'
import { isUnitaryOp, type SimProgram, type UnitaryOp } from './sim-program.js'
import { validateProgram } from './validate-program.js'

/** What {@link simulateStatevector} returns. */
export interface StatevectorResult {
  /**
   * The final amplitudes, interleaved (`[re0, im0, re1, im1, …]`); basis state `i` has qubit 0
   * as its least significant bit. May be backed by a `SharedArrayBuffer`.
   */
  readonly statevector: Float64Array
  /** The classical bits after the run, one byte (0 or 1) per clbit. */
  readonly clbits: Uint8Array
  /** The seed used for measurement outcomes. */
  readonly seed: number
}

/**
 * Simulates `program` once from |0…0⟩.
 *
 * @param program - the program
 * @param options - seed, fusion, threads, abort signal, limits
 * @returns the final state and classical bits
 * @throws RangeError for invalid indices
 * @throws SimulationError for too many qubits or a runaway loop
 * @example
 * const { statevector } = await simulateStatevector({ numQubits: 1, numClbits: 0,
 *   ops: [{ kind: 'matrix', qubits: [0], matrix: H }] })
 * // statevector ≈ [0.7071, 0, 0.7071, 0]
 */
export async function simulateStatevector(
  program: SimProgram,
  options: EngineOptions = {},
): Promise<StatevectorResult> {
  validateProgram(program)
  const seed = resolveSeed(options.seed)
  const { numQubits, numClbits } = program
  const executor = resolveExecutor(options.threads, numQubits)
  const state = executor.allocate(numQubits)
  state[0] = 1
  const planOptions = { fusion: options.fusion, maxBlockQubits: options.maxBlockQubits }
  const prefixEnd = program.ops.findIndex((op) => !isUnitaryOp(op))
  const prefix = (
    prefixEnd < 0 ? program.ops : program.ops.slice(0, prefixEnd)
  ) as readonly UnitaryOp[]
  await executor.apply(state, buildPlan(prefix, { ...planOptions, numQubits }), {
    numQubits,
    signal: options.signal,
  })
  let clbits = new Uint8Array(numClbits)
  if (prefixEnd >= 0) {
    await runBranches(program.ops.slice(prefixEnd), state, {
      numQubits,
      numClbits,
      shots: 1,
      rng: createRng(seed),
      executor,
      plan: planOptions,
      signal: options.signal,
      memoryBudgetBytes: options.memoryBudgetBytes,
      maxLoopIterations: options.maxLoopIterations,
      onLeaf: (leaf) => {
        clbits = Uint8Array.from(leaf.clbits)
      },
    })
  }
  return { statevector: state, clbits, seed }
}
