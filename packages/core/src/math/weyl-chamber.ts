import type { ComplexMatrix } from './complex-matrix.js'
import { mat2 } from './one-qubit-gate-matrix.js'

/**
 * Moves the coordinates of `K1·exp(i(x·XX + y·YY + z·ZZ))·K2` into the Weyl chamber
 * `π/4 ≥ a ≥ b ≥ |c|` (and `c ≥ 0` when `a = π/4`), updating the local factors so that the
 * product stays the same up to a global phase. Three moves suffice:
 * - shift: `Ud(v) = Ud(v ± π/2·e_k)·(∓i·P_k⊗P_k)` — a coordinate moves by π/2;
 * - flip: conjugation by `P_k ⊗ I` negates the two coordinates other than `k`;
 * - swap: conjugation by `V ⊗ V` with `V` exchanging two Pauli axes exchanges two coordinates.
 */
export interface WeylFrame {
  /** The coordinates (x, y, z) of XX, YY, ZZ, mutated in place. */
  coords: [number, number, number]
  k1l: ComplexMatrix
  k1r: ComplexMatrix
  k2l: ComplexMatrix
  k2r: ComplexMatrix
}

const S = Math.SQRT1_2
/**
 * i·X, i·Y, i·Z: the Paulis times i, so that the local factors stay in SU(2) (the phase is
 * recovered globally).
 */
const PAULI: readonly ComplexMatrix[] = [
  mat2([0, 0, 0, 1, 0, 1, 0, 0]),
  mat2([0, 0, 1, 0, -1, 0, 0, 0]),
  mat2([0, 1, 0, 0, 0, 0, 0, -1]),
]
/**
 * i·(Y+Z)/√2, i·(X+Z)/√2, i·(X+Y)/√2: unitaries of determinant 1 exchanging two Pauli axes (up to
 * sign), indexed by the axis they keep.
 */
const EXCHANGE: readonly ComplexMatrix[] = [
  mat2([0, S, S, 0, -S, 0, 0, -S]),
  mat2([0, S, 0, S, 0, S, 0, -S]),
  mat2([0, 0, S, S, -S, S, 0, 0]),
]

/**
 * Canonicalises a frame in place (see {@link WeylFrame}).
 *
 * @param f - the frame to move into the Weyl chamber
 * @param atol - how close to π/4 `a` must be for the `c ≥ 0` rule (default 1e-13)
 */
export function canonicalizeWeyl(f: WeylFrame, atol = 1e-13): void {
  for (let k = 0; k < 3; k++) reduce(f, k)
  // Sort by |coordinate|, descending (three compare-exchanges).
  for (const [i, j] of [
    [0, 1],
    [1, 2],
    [0, 1],
  ] as const) {
    if (Math.abs(f.coords[i]) < Math.abs(f.coords[j])) swap(f, i, j)
  }
  const [x, y] = f.coords
  if (x < 0 && y < 0) flip(f, 2)
  else if (x < 0) flip(f, 1)
  else if (y < 0) flip(f, 0)
  if (Math.abs(f.coords[0] - Math.PI / 4) <= atol && f.coords[2] < 0) {
    // On the a = π/4 face, (π/4, b, c) ~ (π/4, b, -c): flip a and c, then shift a back up.
    flip(f, 1)
    shift(f, 0, 1)
  }
}

/** Brings coordinate k into [-π/4, π/4] by shifts of π/2. */
function reduce(f: WeylFrame, k: number): void {
  const n = Math.round(f.coords[k]! / (Math.PI / 2))
  if (n !== 0) shift(f, k, -n)
}

/** `coords[k] += n·π/2`; an odd n costs `P_k ⊗ P_k` on K2. */
function shift(f: WeylFrame, k: number, n: number): void {
  f.coords[k] = f.coords[k]! + (n * Math.PI) / 2
  if (n % 2 !== 0) {
    const p = PAULI[k]!
    f.k2l = p.mul(f.k2l)
    f.k2r = p.mul(f.k2r)
  }
}

/** Negates the two coordinates other than k: `Ud(v) = (P_k⊗I)·Ud(v')·(P_k⊗I)`. */
function flip(f: WeylFrame, k: number): void {
  for (let i = 0; i < 3; i++) if (i !== k) f.coords[i] = -f.coords[i]!
  const p = PAULI[k]!
  f.k1l = f.k1l.mul(p)
  f.k2l = p.adjoint().mul(f.k2l)
}

/** Exchanges coordinates i and j: `Ud(v) = (V⊗V)·Ud(v')·(V⊗V)†`. */
function swap(f: WeylFrame, i: 0 | 1 | 2, j: 0 | 1 | 2): void {
  ;[f.coords[i], f.coords[j]] = [f.coords[j], f.coords[i]]
  const v = EXCHANGE[3 - i - j]!
  f.k1l = f.k1l.mul(v)
  f.k1r = f.k1r.mul(v)
  const vd = v.adjoint()
  f.k2l = vd.mul(f.k2l)
  f.k2r = vd.mul(f.k2r)
}
