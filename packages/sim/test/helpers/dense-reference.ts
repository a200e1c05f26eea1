/**
 * Independent reference for engine tests: applies ops by brute-force index arithmetic over the
 * full state (O(4^n) per op; n ≤ 10), written without any engine code.
 */
import type { SimOp, TargetOp, UnitaryOp } from '../../src/engine/sim-program.js'

/** |0…0⟩ on `n` qubits, interleaved. */
export function zeroState(n: number): Float64Array {
  const s = new Float64Array(2 ** (n + 1))
  s[0] = 1
  return s
}

/** The matrix element ⟨row|T|col⟩ of a target op on its own qubits. */
function targetEntry(op: TargetOp, row: number, col: number): [number, number] {
  const d = 2 ** op.qubits.length
  if (op.kind === 'matrix')
    return [op.matrix[2 * (row * d + col)]!, op.matrix[2 * (row * d + col) + 1]!]
  if (op.kind === 'diagonal')
    return row === col ? [op.diagonal[2 * col]!, op.diagonal[2 * col + 1]!] : [0, 0]
  if (op.permutation[col] !== row) return [0, 0]
  return op.phases === undefined ? [1, 0] : [op.phases[2 * col]!, op.phases[2 * col + 1]!]
}

function localIndex(i: number, qubits: readonly number[]): number {
  let s = 0
  qubits.forEach((q, t) => {
    s |= ((i >> q) & 1) << t
  })
  return s
}

function restMask(qubits: readonly number[]): number {
  let m = 0
  for (const q of qubits) m |= 1 << q
  return ~m
}

/** ⟨i|U|j⟩ of a unitary op on the full `n`-qubit space. */
export function fullEntry(op: UnitaryOp, i: number, j: number): [number, number] {
  if (op.kind === 'global-phase') return i === j ? [Math.cos(op.phase), Math.sin(op.phase)] : [0, 0]
  if (op.kind === 'controlled') {
    const all = [...op.controls, ...op.target.qubits]
    if ((i & restMask(all)) !== (j & restMask(all))) return [0, 0]
    const ci = localIndex(i, op.controls)
    const cj = localIndex(j, op.controls)
    if (ci !== cj) return [0, 0]
    const ti = localIndex(i, op.target.qubits)
    const tj = localIndex(j, op.target.qubits)
    if (ci !== op.controlState) return ti === tj ? [1, 0] : [0, 0]
    return targetEntry(op.target, ti, tj)
  }
  if ((i & restMask(op.qubits)) !== (j & restMask(op.qubits))) return [0, 0]
  return targetEntry(op, localIndex(i, op.qubits), localIndex(j, op.qubits))
}

/** Applies a unitary op to a copy of `state` by brute force. */
export function applyReference(state: Float64Array, op: UnitaryOp): Float64Array {
  const dim = state.length / 2
  const out = new Float64Array(state.length)
  for (let i = 0; i < dim; i++) {
    let re = 0
    let im = 0
    for (let j = 0; j < dim; j++) {
      const [mr, mi] = fullEntry(op, i, j)
      if (mr === 0 && mi === 0) continue
      re += mr * state[2 * j]! - mi * state[2 * j + 1]!
      im += mr * state[2 * j + 1]! + mi * state[2 * j]!
    }
    out[2 * i] = re
    out[2 * i + 1] = im
  }
  return out
}

/** Applies unitary ops in order (non-unitary ops are rejected). */
export function runReference(
  n: number,
  ops: readonly SimOp[],
  initial?: Float64Array,
): Float64Array {
  let s = initial === undefined ? zeroState(n) : Float64Array.from(initial)
  for (const op of ops) {
    if (
      op.kind === 'measure' ||
      op.kind === 'reset' ||
      op.kind === 'conditional' ||
      op.kind === 'while'
    ) {
      throw new TypeError(`reference handles unitary ops only, got ${op.kind}`)
    }
    s = applyReference(s, op)
  }
  return s
}

/** The largest entry-wise distance between two interleaved vectors. */
export function maxDistance(a: Float64Array, b: Float64Array): number {
  let m = 0
  for (let k = 0; k < a.length; k += 2)
    m = Math.max(m, Math.hypot(a[k]! - b[k]!, a[k + 1]! - b[k + 1]!))
  return m
}
