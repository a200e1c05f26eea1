import { SeededRng } from '../internal/seeded-rng.js'
import { canonicalGate } from './canonical-gate.js'
import { Complex } from './complex.js'
import { ComplexMatrix } from './complex-matrix.js'
import { MathError } from './math-error.js'
import { decomposeProductGate } from './product-gate.js'
import { symmetricEigen } from './symmetric-eigen.js'
import { canonicalizeWeyl, type WeylFrame } from './weyl-chamber.js'

/**
 * The KAK (Cartan) decomposition of a two-qubit unitary,
 * `u = e^{i·globalPhase}·(k1l ⊗ k1r)·exp(i(a·XX + b·YY + c·ZZ))·(k2l ⊗ k2r)`, with `(a, b, c)` in
 * the Weyl chamber `π/4 ≥ a ≥ b ≥ |c|` (and `c ≥ 0` when `a = π/4`). The `l` factors act on qubit 1
 * (the more significant bit), the `r` factors on qubit 0, as in Qiskit's
 * `TwoQubitWeylDecomposition`.
 */
export interface TwoQubitWeylDecomposition {
  readonly a: number
  readonly b: number
  readonly c: number
  readonly globalPhase: number
  readonly k1l: ComplexMatrix
  readonly k1r: ComplexMatrix
  readonly k2l: ComplexMatrix
  readonly k2r: ComplexMatrix
}

const S = Math.SQRT1_2
/** Qiskit's magic basis: `B†·(SU(2)⊗SU(2))·B ⊂ SO(4)` and `B†·Ud·B` is diagonal. */
const MAGIC = ComplexMatrix.fromRows([
  [S, [0, S], 0, 0],
  [0, 0, [0, S], S],
  [0, 0, [0, S], -S],
  [S, [0, -S], 0, 0],
])
const MAGIC_DAG = MAGIC.adjoint()

/** Tolerance of the unitarity check on inputs. */
const UNITARY_ATOL = 1e-8
/** How well `P·D·Pᵀ` must reproduce `M²` for the diagonalisation to be accepted. */
const DIAG_ATOL = 1e-13
const DIAG_ATTEMPTS = 100

/**
 * Computes the KAK decomposition of a 4×4 unitary by the magic-basis method: in the magic basis
 * local gates are real orthogonal, so `M² = Uᵀ·U` (for `U` in the magic basis) is complex
 * symmetric with commuting real and imaginary parts; a random real combination of them is
 * diagonalised with a Jacobi solver, which stays accurate for degenerate spectra (identity, CX,
 * SWAP, …), and the result is checked before use.
 *
 * @param u - a 4×4 unitary (little-endian, as every qfabric gate matrix)
 * @returns the Weyl coordinates, the local factors and the global phase
 * @throws RangeError when `u` is not 4×4
 * @throws MathError `math.not-unitary` for a non-unitary input; `math.no-convergence` if no
 *   diagonalisation passes the check (not seen in practice)
 * @example
 * ```ts
 * const { a, b, c } = twoQubitWeylDecomposition(cxMatrix) // π/4, 0, 0
 * ```
 */
export function twoQubitWeylDecomposition(u: ComplexMatrix): TwoQubitWeylDecomposition {
  if (u.rows !== 4 || u.cols !== 4)
    throw new RangeError(`expected a 4×4 matrix, got ${u.rows}×${u.cols}`)
  if (!u.isUnitary(UNITARY_ATOL))
    throw new MathError('math.not-unitary', 'the 4×4 matrix is not unitary')
  // Normalise into SU(4); the discarded phase is recovered at the end from the reconstruction.
  const su = u.scale(Complex.fromPolar(1, -u.determinant().arg() / 4))
  const up = MAGIC_DAG.mul(su).mul(MAGIC)
  const m2 = up.transpose().mul(up)
  for (let i = 0; i < m2.data.length; i++) if (Math.abs(m2.data[i]!) < 1e-13) m2.data[i] = 0
  const { p, eigenvalues } = diagonaliseComplexSymmetric(m2)
  const [d0 = 0, d1 = 0, d2 = 0] = eigenvalues.map((z) => -z.arg() / 2)
  // The fourth phase follows from det = 1; this also picks consistent square-root branches.
  const d3 = -d0 - d1 - d2
  const d = [d0, d1, d2, d3]
  // up = K1m·diag(e^{-id})·Pᵀ with K1m real orthogonal.
  const k1m = up.mul(realToComplex(p)).mul(ComplexMatrix.diagonal(d.map((x) => Complex.expi(x))))
  const k1 = decomposeProductGate(MAGIC.mul(k1m).mul(MAGIC_DAG))
  const k2 = decomposeProductGate(MAGIC.mul(realToComplex(p).transpose()).mul(MAGIC_DAG))
  // In the magic basis Ud(x, y, z) = diag(e^{i(x-y+z)}, e^{i(-x+y+z)}, e^{i(x+y-z)}, e^{-i(x+y+z)}).
  const frame: WeylFrame = {
    coords: [(d1 + d3) / 2, (d0 + d3) / 2, (d2 + d3) / 2],
    k1l: k1.l,
    k1r: k1.r,
    k2l: k2.l,
    k2r: k2.r,
  }
  canonicalizeWeyl(frame)
  const [a, b, c] = frame.coords
  const rebuilt = frame.k1l
    .kron(frame.k1r)
    .mul(canonicalGate(a, b, c))
    .mul(frame.k2l.kron(frame.k2r))
  const globalPhase = rebuilt.adjoint().mul(u).trace().arg()
  return { a, b, c, globalPhase, k1l: frame.k1l, k1r: frame.k1r, k2l: frame.k2l, k2r: frame.k2r }
}

/**
 * The matrix a Weyl decomposition describes (for checks and for callers that edit the factors).
 *
 * @param w - a decomposition
 * @returns `e^{i·globalPhase}·(k1l⊗k1r)·Ud(a, b, c)·(k2l⊗k2r)`
 */
export function weylDecompositionMatrix(w: TwoQubitWeylDecomposition): ComplexMatrix {
  return w.k1l
    .kron(w.k1r)
    .mul(canonicalGate(w.a, w.b, w.c))
    .mul(w.k2l.kron(w.k2r))
    .scale(Complex.expi(w.globalPhase))
}

/**
 * Finds `P ∈ SO(4)` with `Pᵀ·m2·P` diagonal for a unitary complex symmetric `m2`.
 *
 * @returns `P` (4×4 row-major, real) and the diagonal
 */
function diagonaliseComplexSymmetric(m2: ComplexMatrix): {
  p: Float64Array
  eigenvalues: Complex[]
} {
  const re = new Float64Array(16)
  const im = new Float64Array(16)
  for (let k = 0; k < 16; k++) {
    re[k] = m2.data[2 * k]!
    im[k] = m2.data[2 * k + 1]!
  }
  const rng = new SeededRng(2020)
  let best: { p: Float64Array; eigenvalues: Complex[]; err: number } | undefined
  for (let attempt = 0; attempt < DIAG_ATTEMPTS; attempt++) {
    const [x, y] = [rng.normal(), rng.normal()]
    const combo = re.map((r, k) => x * r + y * im[k]!)
    const p = symmetricEigen(combo, 4).vectors
    const pc = realToComplex(p)
    const dm = pc.transpose().mul(m2).mul(pc)
    const eigenvalues = [0, 1, 2, 3].map((k) => dm.get(k, k))
    const err = pc.mul(ComplexMatrix.diagonal(eigenvalues)).mul(pc.transpose()).sub(m2)
    const e = maxAbs(err)
    if (best === undefined || e < best.err) best = { p, eigenvalues, err: e }
    if (e <= DIAG_ATOL) break
  }
  if (best === undefined || best.err > 1e-9) {
    throw new MathError('math.no-convergence', 'could not diagonalise the magic-basis M² matrix')
  }
  if (realToComplex(best.p).determinant().re < 0)
    for (let i = 0; i < 4; i++) best.p[i * 4 + 3] = -best.p[i * 4 + 3]!
  return best
}

function realToComplex(p: Float64Array): ComplexMatrix {
  const m = new ComplexMatrix(4, 4)
  for (let k = 0; k < 16; k++) m.data[2 * k] = p[k]!
  return m
}

function maxAbs(m: ComplexMatrix): number {
  let e = 0
  for (let k = 0; k < m.data.length; k++) e = Math.max(e, Math.abs(m.data[k]!))
  return e
}
