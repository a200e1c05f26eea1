/**
 * Runs a gate stream (see `OP` in `stabilizer-program.ts`) on a tableau.
 */
import { applyCliffordTable, type CliffordTable } from './clifford-table.js'
import { isOneQubitOpcode, OP } from './stabilizer-program.js'
import type { StabilizerTableau } from './stabilizer-tableau.js'

/** Where to start in a stream and how many gates to run at most. */
export interface GateRange {
  /** The index in `code` of the first gate to run (default 0). */
  readonly from?: number | undefined
  /** Run at most this many gates (default: to the end). */
  readonly maxGates?: number | undefined
}

/**
 * Applies the gates of `code[from…]` to `t`, stopping after `maxGates` gates.
 *
 * @param t - the tableau (updated in place)
 * @param stream - the encoded gates and the tables its `TABLE` ops refer to
 * @param range - where to start and how many gates to run
 * @returns the index just after the last gate run (`code.length` when the stream is done)
 * @throws RangeError for an unknown opcode or an out-of-range qubit
 */
export function applyGates(
  t: StabilizerTableau,
  stream: { readonly code: Int32Array; readonly tables: readonly CliffordTable[] },
  range: GateRange = {},
): number {
  const { code, tables } = stream
  let i = range.from ?? 0
  let budget = range.maxGates ?? Infinity
  while (i < code.length && budget-- > 0) {
    const op = code[i]!
    if (isOneQubitOpcode(op)) {
      applyOneQubit(t, op, code[i + 1]!)
      i += 2
    } else if (op === OP.TABLE) {
      const index = code[i + 1]!
      const k = code[i + 2]!
      const table = tables[index]
      if (table === undefined) throw new RangeError(`gate stream refers to missing table ${index}`)
      applyCliffordTable(t, table, code.subarray(i + 3, i + 3 + k))
      i += 3 + k
    } else {
      applyTwoQubit(t, op, { a: code[i + 1]!, b: code[i + 2]! })
      i += 3
    }
  }
  return i
}

function applyOneQubit(t: StabilizerTableau, op: number, q: number): void {
  switch (op) {
    case OP.H:
      t.h(q)
      break
    case OP.S:
      t.s(q)
      break
    case OP.SDG:
      t.sdg(q)
      break
    case OP.X:
      t.x(q)
      break
    case OP.Y:
      t.y(q)
      break
    case OP.Z:
      t.z(q)
      break
    case OP.SX:
      t.sx(q)
      break
    default:
      t.sxdg(q)
  }
}

function applyTwoQubit(
  t: StabilizerTableau,
  op: number,
  qubits: { readonly a: number; readonly b: number },
): void {
  const { a, b } = qubits
  switch (op) {
    case OP.CX:
      t.cx(a, b)
      break
    case OP.CZ:
      t.cz(a, b)
      break
    case OP.CY:
      t.cy(a, b)
      break
    case OP.SWAP:
      t.swap(a, b)
      break
    default:
      throw new RangeError(`unknown stabilizer opcode ${op}`)
  }
}
