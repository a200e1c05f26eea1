/**
 * Computes the final statevector of a program (Qiskit's `statevector_simulator`): one run, in
 * which any measurement collapses the state at random (seeded) and sets its clbit.
 *
 * The leading unitary ops run first on the structured front end (a tensor product of sparse
 * clusters, see `structured/`), which the dense engine takes over from when the state loses its
 * structure, at the first measurement, or never (then the product is written out once).
 */
import type { EngineOptions } from './engine-options.js'
import { buildPlan } from './plan/build-plan.js'
import type { PlanExecutor } from './plan/plan-executor.js'
import { createRng, resolveSeed } from './random/seeded-rng.js'
import { resolveExecutor } from './resolve-executor.js'
import { runBranches } from './shots/branch-runner.js'
import { isUnitaryOp, type SimProgram, type UnitaryOp } from './sim-program.js'
import { expandStructuredState } from './structured/expand-structured-state.js'
import { runStructuredPrefix } from './structured/run-structured-prefix.js'
import { validateProgram } from './validate-program.js'

/** The paths a statevector run can take. */
export const STATEVECTOR_PATHS = ['product', 'sparse', 'clustered', 'dense'] as const
/**
 * `product`: the structured front end ran every op and the state ended as a product of one-qubit
 * states. `sparse`: it ran every op and the state has few non-zero amplitudes. `clustered`: it
 * ran every op (a product of larger clusters). `dense`: the dense engine ran some ops.
 */
export type StatevectorPath = (typeof STATEVECTOR_PATHS)[number]

/** How a statevector run went (for benchmarks and diagnostics). */
export interface StructureSummary {
  readonly path: StatevectorPath
  /** Leading ops run on the structured front end (the dense engine ran the rest). */
  readonly structuredOps: number
}

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
  /** Which path produced the state. */
  readonly structure?: StructureSummary | undefined
}

/**
 * Simulates `program` once from |0…0⟩.
 *
 * @param program - the program
 * @param options - seed, structure, fusion, threads, abort signal, limits
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
  const { state, start, path } = await initialState(program, executor, options)
  const ops = start === 0 ? program.ops : program.ops.slice(start)
  const summary: StructureSummary = { path: ops.length > 0 ? 'dense' : path, structuredOps: start }
  const planOptions = { fusion: options.fusion, maxBlockQubits: options.maxBlockQubits }
  const prefixEnd = ops.findIndex((op) => !isUnitaryOp(op))
  const prefix = (prefixEnd < 0 ? ops : ops.slice(0, prefixEnd)) as readonly UnitaryOp[]
  await executor.apply(state, buildPlan(prefix, { ...planOptions, numQubits }), {
    numQubits,
    signal: options.signal,
  })
  let clbits = new Uint8Array(numClbits)
  if (prefixEnd >= 0) {
    await runBranches(ops.slice(prefixEnd), state, {
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
  return { statevector: state, clbits, seed, structure: summary }
}

/**
 * The state after the ops the structured front end can run (`start` of them; |0…0⟩ when none),
 * and the path that covers them.
 */
async function initialState(
  program: SimProgram,
  executor: PlanExecutor,
  options: EngineOptions,
): Promise<{ state: Float64Array; start: number; path: StatevectorPath }> {
  const { numQubits } = program
  const structured =
    options.structure === 'off'
      ? undefined
      : runStructuredPrefix(program.ops, { numQubits, signal: options.signal })
  const state = executor.allocate(numQubits)
  if (structured === undefined || structured.applied === 0) {
    state[0] = 1
    return { state, start: 0, path: 'dense' }
  }
  const expansion = await expandStructuredState(structured.state, state, {
    executor,
    signal: options.signal,
  })
  const product = structured.state.clusters().every((c) => c.qubits.length === 1)
  return {
    state,
    start: structured.applied,
    path: product ? 'product' : expansion === 'sparse' ? 'sparse' : 'clustered',
  }
}
