/**
 * Finds the terminal-measurement tail of a program: the longest suffix of its top-level ops made
 * of gates and measurements where no gate acts on a qubit after it was measured. Such a tail is
 * sampled from one state instead of being measured shot by shot.
 */
import { isOneQubitOpcode, OP, type StabilizerOp } from './stabilizer-program.js'

/** A measurement of `qubit` into `clbit`. */
export interface MeasureTarget {
  readonly qubit: number
  readonly clbit: number
}

/** The tail of a program's top-level ops. */
export interface TerminalTail {
  /** The index of the tail's first op (`ops.length` when there is no tail). */
  readonly start: number
  /** The tail's gate streams, to run before sampling. */
  readonly streams: readonly Int32Array[]
  /** The tail's measurements, in order (a later one into the same clbit wins). */
  readonly measures: readonly MeasureTarget[]
}

/**
 * Calls `visit` with every qubit a gate stream acts on.
 *
 * @param code - the gate stream
 * @param visit - receives qubit indices (repeats included)
 */
export function forEachStreamQubit(code: Int32Array, visit: (qubit: number) => void): void {
  let i = 0
  while (i < code.length) {
    const op = code[i]!
    if (op === OP.TABLE) {
      const k = code[i + 2]!
      for (let j = 0; j < k; j++) visit(code[i + 3 + j]!)
      i += 3 + k
    } else if (isOneQubitOpcode(op)) {
      visit(code[i + 1]!)
      i += 2
    } else {
      visit(code[i + 1]!)
      visit(code[i + 2]!)
      i += 3
    }
  }
}

/**
 * The terminal tail of `ops`.
 *
 * @param ops - top-level program ops
 * @param numQubits - the program's width
 * @returns where the tail starts, and its gates and measurements
 */
export function terminalTail(ops: readonly StabilizerOp[], numQubits: number): TerminalTail {
  // Scan backwards: a measurement joins the tail unless a later gate in the tail touches its qubit.
  const touchedLater = new Uint8Array(numQubits)
  const touch = (q: number): void => {
    touchedLater[q] = 1
  }
  let start = ops.length
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!
    if (op.kind === 'gates') forEachStreamQubit(op.code, touch)
    else if (op.kind !== 'measure' || touchedLater[op.qubit] === 1) break
    start = i
  }
  const tail = ops.slice(start)
  return {
    start,
    streams: tail.flatMap((op) => (op.kind === 'gates' ? [op.code] : [])),
    measures: tail.flatMap((op) =>
      op.kind === 'measure' ? [{ qubit: op.qubit, clbit: op.clbit }] : [],
    ),
  }
}

/**
 * Drops resets of qubits nothing acted on yet (they are no-ops on |0⟩), so that circuits that
 * start by resetting every qubit can still be sampled from one state.
 *
 * @param ops - top-level program ops
 * @returns the ops without those resets
 */
export function dropInitialResets(ops: readonly StabilizerOp[]): readonly StabilizerOp[] {
  if (!ops.some((op) => op.kind === 'reset')) return ops
  const touched = new Set<number>()
  const out: StabilizerOp[] = []
  let isOpaque = false
  for (const op of ops) {
    if (!isOpaque && op.kind === 'reset' && !touched.has(op.qubit)) continue
    if (op.kind === 'gates') forEachStreamQubit(op.code, (q) => touched.add(q))
    else if (op.kind === 'measure' || op.kind === 'reset') touched.add(op.qubit)
    // Control flow may act on any qubit: keep every later reset.
    else isOpaque = true
    out.push(op)
  }
  return out
}
