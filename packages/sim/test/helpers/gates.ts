/** A few gate matrices for tests (interleaved, little-endian). */
import type { MatrixOp, PermutationOp } from '../../src/engine/sim-program.js'

const s = Math.SQRT1_2
export const H = Float64Array.of(s, 0, s, 0, s, 0, -s, 0)

export const h = (q: number): MatrixOp => ({ kind: 'matrix', qubits: [q], matrix: H })
export const x = (q: number): PermutationOp => ({
  kind: 'permutation',
  qubits: [q],
  permutation: Int32Array.of(1, 0),
})
/** cx with control `c`, target `t`. */
export const cx = (c: number, t: number): PermutationOp => ({
  kind: 'permutation',
  qubits: [c, t],
  permutation: Int32Array.of(0, 3, 2, 1),
})
export const ry = (q: number, theta: number): MatrixOp => {
  const c = Math.cos(theta / 2)
  const sn = Math.sin(theta / 2)
  return { kind: 'matrix', qubits: [q], matrix: Float64Array.of(c, 0, -sn, 0, sn, 0, c, 0) }
}
