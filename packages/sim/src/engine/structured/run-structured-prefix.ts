/**
 * Runs the leading ops of a program on the structured front end for as long as the state keeps
 * its structure (few entangled qubits, few non-zero amplitudes): until the first non-unitary op,
 * or until a cluster would outgrow the budget. The dense engine runs the rest.
 */
import { isUnitaryOp, type SimOp } from '../sim-program.js'
import { StructuredState } from './structured-state.js'

/** The structure strategies of a statevector run. */
export const STRUCTURE_MODES = ['auto', 'off'] as const
/**
 * `auto`: the structured front end runs first and hands over to the dense engine when the state
 * loses its structure. `off`: the dense engine runs every op.
 */
export type StructureMode = (typeof STRUCTURE_MODES)[number]

/** The budget's ceiling: clusters of up to this many non-zero amplitudes stay sparse. */
export const MAX_CLUSTER_ENTRIES = 4096

/** Ops between abort checks. */
const CHECK_EVERY = 1024

/**
 * The default budget for `numQubits` qubits: sparse work per gate stays far below a dense pass
 * over `2^numQubits` amplitudes (which also fuses many gates).
 *
 * @param numQubits - the register width
 * @returns the largest cluster, in entries, kept sparse
 */
export function defaultClusterBudget(numQubits: number): number {
  return Math.min(MAX_CLUSTER_ENTRIES, 2 ** Math.max(0, numQubits - 6))
}

/** Options of {@link runStructuredPrefix}. */
export interface StructuredPrefixOptions {
  readonly numQubits: number
  /** The largest cluster kept sparse (default {@link defaultClusterBudget}). */
  readonly maxEntries?: number | undefined
  readonly signal?: AbortSignal | undefined
}

/** What {@link runStructuredPrefix} returns. */
export interface StructuredPrefix {
  /** The state after the first `applied` ops. */
  readonly state: StructuredState
  /** How many leading ops were applied. */
  readonly applied: number
}

/**
 * Applies the leading ops of `ops` to |0…0⟩ while the state keeps its structure.
 *
 * @param ops - the program's ops
 * @param options - the width, budget and abort signal
 * @returns the structured state and how many ops it includes
 * @throws the signal's reason when aborted
 */
export function runStructuredPrefix(
  ops: readonly SimOp[],
  options: StructuredPrefixOptions,
): StructuredPrefix {
  const state = new StructuredState(
    options.numQubits,
    options.maxEntries ?? defaultClusterBudget(options.numQubits),
  )
  let applied = 0
  for (const op of ops) {
    if (applied % CHECK_EVERY === 0) options.signal?.throwIfAborted()
    if (!isUnitaryOp(op)) break
    const outcome = state.apply(op)
    if (outcome === 'rejected') break
    applied++
    if (outcome === 'applied-over-budget') break
  }
  return { state, applied }
}
