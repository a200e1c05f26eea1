/**
 * The density-matrix engine's program: the statevector engine's ops (`SimOp`) plus noise
 * channels. A `SimProgram` is a valid `DensityProgram` as it is; `compileDensityProgram` lowers a
 * `QuantumCircuit` with a `NoiseModel` to one.
 *
 * Conventions (Qiskit's): qubit 0 is the least significant bit of a basis-state index, and a
 * matrix on `qubits = [q0, q1, …]` has bit `j` of its indices equal to the state of `qubits[j]`.
 */
import type { MeasureOp, ResetOp, SimCondition, UnitaryOp } from '../engine/sim-program.js'

/**
 * A CPTP channel on `qubits` (`k` of them) as a superoperator: a `4^k × 4^k` interleaved,
 * row-major matrix acting on the vectorised `k`-qubit density matrix, whose index is
 * `row + 2^k·col` (column stacking: the row of `ρ` in the low `k` bits). This is Qiskit's
 * `SuperOp` convention, `S = Σ conj(K) ⊗ K`; build it with `channelOp` or `superopFromKraus`.
 */
export interface ChannelOp {
  readonly kind: 'channel'
  readonly qubits: readonly number[]
  readonly superop: Float64Array
}

/** Runs `then` when `condition` holds, `else` otherwise (also Qiskit's `c_if`). */
export interface DensityConditionalOp {
  readonly kind: 'conditional'
  readonly condition: SimCondition
  readonly then: readonly DensityOp[]
  readonly else: readonly DensityOp[]
}

/** Runs `body` while `condition` holds (checked before each iteration). */
export interface DensityWhileOp {
  readonly kind: 'while'
  readonly condition: SimCondition
  readonly body: readonly DensityOp[]
}

/** Any operation of a density-matrix program. */
export type DensityOp =
  UnitaryOp | ChannelOp | MeasureOp | ResetOp | DensityConditionalOp | DensityWhileOp

/** A program for the density-matrix engine (every `SimProgram` is one). */
export interface DensityProgram {
  readonly numQubits: number
  readonly numClbits: number
  readonly ops: readonly DensityOp[]
}

/** The ops that evolve ρ deterministically: gates, channels and resets. */
export type EvolutionOp = UnitaryOp | ChannelOp | ResetOp

/**
 * Whether `op` evolves the state deterministically (no outcome, no classical control).
 *
 * @param op - the operation
 * @returns true for gates, channels and resets
 */
export function isEvolutionOp(op: DensityOp): op is EvolutionOp {
  switch (op.kind) {
    case 'measure':
    case 'conditional':
    case 'while':
      return false
    case 'matrix':
    case 'diagonal':
    case 'permutation':
    case 'controlled':
    case 'global-phase':
    case 'channel':
    case 'reset':
      return true
  }
}

/**
 * Whether any op (at any depth) reads classical bits, i.e. whether outcomes can steer the run.
 *
 * @param ops - the ops
 * @returns true when a conditional or while loop occurs
 */
export function hasClassicalControl(ops: readonly DensityOp[]): boolean {
  return ops.some((op) => op.kind === 'conditional' || op.kind === 'while')
}
