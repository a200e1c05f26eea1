/**
 * The units gate fusion schedules: single ops, and batches of diagonal gates applied in one pass.
 */
import type { BatchDiagonalSpec } from '../kernels/batch-diagonal-kernel.js'
import type { UnitaryOp } from '../sim-program.js'

/** One schedulable unit. `isDiagonal` units commute with each other. */
export type FusionItem =
  | {
      readonly kind: 'op'
      readonly op: UnitaryOp
      readonly qubits: readonly number[]
      readonly isDiagonal: boolean
    }
  | {
      readonly kind: 'batch'
      readonly spec: BatchDiagonalSpec
      readonly qubits: readonly number[]
      readonly isDiagonal: true
    }

/** A fused block: ops on at most K qubits applied in one pass over the state. */
export interface FusedBlock {
  readonly kind: 'block'
  /** The block's qubits, ascending. */
  readonly qubits: readonly number[]
  /** Its ops in application order (global qubit indices). */
  readonly ops: readonly UnitaryOp[]
}

/** What block fusion produces: blocks, and items too large to fuse. */
export type FusedPass =
  | FusedBlock
  | { readonly kind: 'op'; readonly op: UnitaryOp }
  | { readonly kind: 'batch'; readonly spec: BatchDiagonalSpec }
