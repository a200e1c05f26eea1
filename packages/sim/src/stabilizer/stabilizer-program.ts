/**
 * The stabilizer simulator's program: a circuit lowered to Clifford gate streams, measurements,
 * resets and classical control, over the circuit's qubit and clbit indices.
 */
import type { ConditionOperator } from '@qfabric/core/circuit'
import type { CliffordTable } from './clifford-table.js'

/**
 * Opcodes of a gate stream. One-qubit ops take `[op, q]`, two-qubit ops `[op, a, b]`, and
 * `TABLE` takes `[TABLE, tableIndex, k, q_0 … q_{k−1}]` (a k-qubit Clifford given by its
 * conjugation table, `program.tables[tableIndex]`).
 */
export const OP = {
  H: 0,
  S: 1,
  SDG: 2,
  X: 3,
  Y: 4,
  Z: 5,
  SX: 6,
  SXDG: 7,
  CX: 8,
  CZ: 9,
  CY: 10,
  SWAP: 11,
  TABLE: 12,
} as const

/** An opcode of a gate stream. */
export type Opcode = (typeof OP)[keyof typeof OP]

/** An opcode of a primitive gate (every opcode but `TABLE`). */
export type PrimitiveOpcode = Exclude<Opcode, typeof OP.TABLE>

/** Whether an opcode is a one-qubit gate (`[op, q]`). */
export function isOneQubitOpcode(op: number): boolean {
  return op >= 0 && op <= OP.SXDG
}

/** A classical condition over program clbits: the bits, read little-endian, compared with `value`. */
export interface StabilizerCondition {
  readonly clbits: readonly number[]
  readonly op: ConditionOperator
  readonly value: bigint
}

/** One step of a stabilizer program. */
export type StabilizerOp =
  | { readonly kind: 'gates'; readonly code: Int32Array }
  | { readonly kind: 'measure'; readonly qubit: number; readonly clbit: number }
  | { readonly kind: 'reset'; readonly qubit: number }
  | {
      readonly kind: 'if'
      readonly condition: StabilizerCondition
      readonly then: readonly StabilizerOp[]
      readonly else: readonly StabilizerOp[]
    }
  | {
      readonly kind: 'while'
      readonly condition: StabilizerCondition
      readonly body: readonly StabilizerOp[]
    }

/** A circuit lowered for the stabilizer simulator. */
export interface StabilizerProgram {
  readonly numQubits: number
  readonly numClbits: number
  readonly ops: readonly StabilizerOp[]
  /** The conjugation tables referenced by `TABLE` ops. */
  readonly tables: readonly CliffordTable[]
}
