/**
 * The first fusion step: merges runs of one-qubit gates on the same qubit into one matrix, puts
 * every op in its cheapest exact form (diagonal, permutation, dense), expands small controlled
 * ops to matrices, and splits general one-qubit unitaries into diagonal · real rotation ·
 * diagonal so the diagonal parts can merge with their neighbours.
 */
import type { UnitaryOp } from '../sim-program.js'
import { opQubits } from '../sim-program.js'
import {
  classifyMatrix,
  controlledToMatrixOp,
  multiplyMatrices,
  targetToMatrix,
} from '../small-matrix.js'
import { splitOneQubitUnitary } from './split-one-qubit.js'

/**
 * Normalizes a run of unitary ops for fusion. The result applies the same unitary, global phase
 * included.
 *
 * @param ops - unitary ops in application order
 * @param maxDenseQubits - controlled ops on at most this many qubits become dense/structured ops
 * @returns the normalized ops
 */
export function normalizeGates(ops: readonly UnitaryOp[], maxDenseQubits: number): UnitaryOp[] {
  const out: UnitaryOp[] = []
  const pending = new Map<number, Float64Array>()
  const flush = (q: number): void => {
    const m = pending.get(q)
    if (m === undefined) return
    pending.delete(q)
    out.push(...oneQubitForms(q, m))
  }
  for (const op of ops) {
    if (op.kind === 'global-phase') {
      out.push(op)
      continue
    }
    const qubits = opQubits(op)
    if (qubits.length === 1 && op.kind !== 'controlled') {
      const q = qubits[0]!
      const m = targetToMatrix(op)
      const prev = pending.get(q)
      pending.set(q, prev === undefined ? m : multiplyMatrices(m, prev, 2))
      continue
    }
    for (const q of qubits) flush(q)
    out.push(structured(op, maxDenseQubits))
  }
  for (const q of [...pending.keys()].sort((a, b) => a - b)) flush(q)
  return out
}

function structured(op: UnitaryOp, maxDenseQubits: number): UnitaryOp {
  if (op.kind === 'controlled') {
    if (op.controls.length + op.target.qubits.length > maxDenseQubits) return op
    const dense = controlledToMatrixOp(op)
    return classifyMatrix(dense.qubits, dense.matrix)
  }
  if (op.kind === 'matrix') return classifyMatrix(op.qubits, op.matrix)
  return op
}

function oneQubitForms(q: number, m: Float64Array): UnitaryOp[] {
  const op = classifyMatrix([q], m)
  if (op.kind !== 'matrix') return [op]
  return splitOneQubitUnitary(q, m) ?? [op]
}
