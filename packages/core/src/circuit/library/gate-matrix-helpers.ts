import { Complex } from '../../math/complex.js'
import { ComplexMatrix } from '../../math/complex-matrix.js'

/** A matrix entry: a real number or a `[re, im]` pair. */
export type MatrixEntry = number | readonly [number, number]

/** `e^{iθ}` as a `[re, im]` pair. */
export function expi(theta: number): readonly [number, number] {
  return [Math.cos(theta), Math.sin(theta)]
}

/** `r·e^{iθ}` as a `[re, im]` pair. */
export function polar(r: number, theta: number): readonly [number, number] {
  return [r * Math.cos(theta), r * Math.sin(theta)]
}

/** `-i·s` as a `[re, im]` pair: the off-diagonal entry of rotations like `rx`. */
export function minusI(s: number): readonly [number, number] {
  return [0, -s]
}

/**
 * `−i·s·e^{iφ}` as a `[re, im]` pair, expanded so that `φ = 0` gives exactly `[0, −s]` (no
 * `cos(π/2)` residue).
 */
export function minusIExpi(s: number, phi: number): readonly [number, number] {
  return [s * Math.sin(phi), -s * Math.cos(phi)]
}

/** A matrix from rows of entries. */
export function matrix(rows: readonly (readonly MatrixEntry[])[]): ComplexMatrix {
  return ComplexMatrix.fromRows(rows)
}

/** The diagonal matrix with entries `e^{iθ_k}`. */
export function phaseDiagonal(angles: readonly number[]): ComplexMatrix {
  return ComplexMatrix.diagonal(angles.map((a) => Complex.expi(a)))
}

/**
 * The matrix of `target` controlled by `numCtrl` qubits, in the little-endian convention with the
 * controls on qargs `0 … numCtrl-1` and the target on the qargs after them: identity except on the
 * basis states whose control bits equal `ctrlState` (all ones by default), where `target` acts.
 *
 * @param target - the controlled unitary
 * @param numCtrl - the number of control qubits
 * @param ctrlState - the control state, bit `k` for control `k` (default: all ones)
 * @returns the `2^(numCtrl + t)`-dimensional controlled matrix
 * @throws RangeError if `numCtrl` is negative or not an integer
 */
export function controlledMatrix(
  target: ComplexMatrix,
  numCtrl: number,
  ctrlState: number = 2 ** numCtrl - 1,
): ComplexMatrix {
  if (!Number.isInteger(numCtrl) || numCtrl < 0) {
    throw new RangeError(`number of controls must be a non-negative integer, got ${numCtrl}`)
  }
  const dimT = target.rows
  const dimC = 2 ** numCtrl
  const dim = dimT * dimC
  const out = ComplexMatrix.identity(dim)
  for (let r = 0; r < dimT; r++) {
    for (let c = 0; c < dimT; c++) {
      const z = target.get(r, c)
      out.set(r * dimC + ctrlState, c * dimC + ctrlState, z)
    }
  }
  return out
}

/**
 * The permutation matrix sending basis state `k` to `perm[k]` (column `k` has its one in row
 * `perm[k]`), scaled per column by `phases[k]` when given.
 */
export function permutationMatrix(
  perm: readonly number[],
  phases?: readonly MatrixEntry[],
): ComplexMatrix {
  const n = perm.length
  const out = new ComplexMatrix(n, n)
  perm.forEach((row, col) => {
    const p = phases?.[col] ?? 1
    out.set(row, col, typeof p === 'number' ? p : new Complex(p[0], p[1]))
  })
  return out
}
