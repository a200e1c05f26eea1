/**
 * Rewrites of the engine's unitary ops: relabelling qubits and complex conjugation. The
 * density-matrix and unitary engines apply a gate `U` to a `2n`-qubit vectorised matrix as `U`
 * on one half of the qubits and (for ρ) `conj(U)` on the other.
 */
import type { TargetOp, UnitaryOp } from '../engine/sim-program.js'

/**
 * `op` with every qubit `q` replaced by `map(q)`.
 *
 * @param op - a unitary op
 * @param map - the new index of each qubit
 * @returns a new op sharing the gate data
 */
export function remapOp(op: UnitaryOp, map: (q: number) => number): UnitaryOp {
  switch (op.kind) {
    case 'global-phase':
      return op
    case 'controlled':
      return { ...op, controls: op.controls.map(map), target: remapTarget(op.target, map) }
    case 'matrix':
    case 'diagonal':
    case 'permutation':
      return remapTarget(op, map)
  }
}

function remapTarget(op: TargetOp, map: (q: number) => number): TargetOp {
  return { ...op, qubits: op.qubits.map(map) }
}

/**
 * The complex conjugate `conj(U)` of a unitary op (a global phase `φ` becomes `−φ`).
 *
 * @param op - a unitary op
 * @returns a new op on the same qubits
 */
export function conjugateOp(op: UnitaryOp): UnitaryOp {
  switch (op.kind) {
    case 'global-phase':
      return { kind: 'global-phase', phase: -op.phase }
    case 'controlled':
      return { ...op, target: conjugateTarget(op.target) }
    case 'matrix':
    case 'diagonal':
    case 'permutation':
      return conjugateTarget(op)
  }
}

function conjugateTarget(op: TargetOp): TargetOp {
  switch (op.kind) {
    case 'matrix':
      return { ...op, matrix: conjugate(op.matrix) }
    case 'diagonal':
      return { ...op, diagonal: conjugate(op.diagonal) }
    case 'permutation':
      return op.phases === undefined ? op : { ...op, phases: conjugate(op.phases) }
  }
}

function conjugate(values: Float64Array): Float64Array {
  const out = Float64Array.from(values)
  for (let k = 1; k < out.length; k += 2) out[k] = -out[k]!
  return out
}
