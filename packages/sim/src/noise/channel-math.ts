/**
 * Dense linear algebra on Kraus operators: the trace-preservation check, the Choi and superoperator
 * matrices (Qiskit's conventions), canonical Kraus operators from a Choi matrix, and fidelities.
 *
 * Conventions (Qiskit's `quantum_info`): vectorisation stacks columns, `vec(ρ)[j·d + i] = ρ[i][j]`;
 * the superoperator is `S = Σ conj(K) ⊗ K` so that `vec(KρK†) = S·vec(ρ)`; the Choi matrix is
 * `Λ = Σ_{ij} |i⟩⟨j| ⊗ E(|i⟩⟨j|) = Σ_k vec(K_k)·vec(K_k)†` (input index major).
 */
import { ComplexMatrix, hermitianEigen } from '@qfabric/core/math'

/**
 * The tolerance for validating channels and probabilities given by users (Qiskit Aer's default
 * `atol` for noise). Looser than `DEFAULT_ATOL` on purpose: calibration data and hand-typed
 * Kraus operators are rarely exact to 1e-10, and Aer accepts them.
 */
export const NOISE_ATOL = 1e-8

/**
 * `Σ K†K`, which is the identity for a trace-preserving set.
 *
 * @param operators - Kraus operators of one shape
 * @returns the sum
 */
export function krausCompleteness(operators: readonly ComplexMatrix[]): ComplexMatrix {
  const d = operators[0]?.cols ?? 0
  let sum = new ComplexMatrix(d, d)
  for (const k of operators) sum = sum.add(k.adjoint().mul(k))
  return sum
}

/**
 * Whether Kraus operators are trace preserving (`Σ K†K = I` within `atol`).
 *
 * @param operators - square Kraus operators of one shape
 * @param atol - the entry-wise tolerance
 * @returns whether they form a CPTP map
 */
export function isTracePreserving(operators: readonly ComplexMatrix[], atol: number): boolean {
  if (operators.length === 0) return false
  const d = operators[0]!.cols
  if (operators.some((k) => k.rows !== d || k.cols !== d)) return false
  return krausCompleteness(operators).equals(ComplexMatrix.identity(d), atol)
}

/**
 * The Choi matrix of a channel given by Kraus operators.
 *
 * @param operators - Kraus operators `d×d`
 * @returns `Λ`, `d²×d²`, input index major
 */
export function krausToChoi(operators: readonly ComplexMatrix[]): ComplexMatrix {
  const d = operators[0]?.cols ?? 1
  const n = d * d
  const out = new ComplexMatrix(n, n)
  const o = out.data
  for (const k of operators) {
    const v = columnStack(k)
    for (let r = 0; r < n; r++) {
      const ar = v[2 * r]!
      const ai = v[2 * r + 1]!
      if (ar === 0 && ai === 0) continue
      for (let c = 0; c < n; c++) {
        const br = v[2 * c]!
        const bi = -v[2 * c + 1]!
        o[2 * (r * n + c)]! += ar * br - ai * bi
        o[2 * (r * n + c) + 1]! += ar * bi + ai * br
      }
    }
  }
  return out
}

/**
 * The superoperator of a channel given by Kraus operators, `S = Σ conj(K) ⊗ K`.
 *
 * @param operators - Kraus operators `d×d`
 * @returns `S`, `d²×d²`, acting on column-stacked density matrices
 */
export function krausToSuperop(operators: readonly ComplexMatrix[]): ComplexMatrix {
  const d = operators[0]?.cols ?? 1
  let sum = new ComplexMatrix(d * d, d * d)
  for (const k of operators) sum = sum.add(conjugate(k).kron(k))
  return sum
}

/**
 * Canonical Kraus operators of a channel from its Choi matrix: `K_k = √λ_k·unvec(v_k)` for the
 * eigenpairs `(λ_k, v_k)` of `Λ` with `λ_k > atol`, largest first. They are orthogonal in the
 * Hilbert–Schmidt inner product, and as few as the Choi rank.
 *
 * @param choi - a Hermitian, positive semi-definite Choi matrix `d²×d²`
 * @param atol - eigenvalues at or below it are dropped
 * @returns the Kraus operators
 */
export function choiToKraus(choi: ComplexMatrix, atol: number): ComplexMatrix[] {
  const d = Math.round(Math.sqrt(choi.rows))
  const { values, vectors } = hermitianEigen(choi)
  const out: ComplexMatrix[] = []
  for (let e = values.length - 1; e >= 0; e--) {
    const lambda = values[e]!
    if (lambda <= atol) continue
    const s = Math.sqrt(lambda)
    const k = new ComplexMatrix(d, d)
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const row = j * d + i
        k.data[2 * (i * d + j)] = s * vectors.data[2 * (row * choi.cols + e)]!
        k.data[2 * (i * d + j) + 1] = s * vectors.data[2 * (row * choi.cols + e) + 1]!
      }
    }
    out.push(k)
  }
  return out
}

/**
 * The canonical form of Kraus operators (via the Choi matrix), as Aer's
 * `kraus_error(…, canonical_kraus=True)`.
 *
 * @param operators - Kraus operators
 * @param atol - eigenvalues of the Choi matrix at or below it are dropped
 * @returns orthogonal Kraus operators of the same channel
 */
export function canonicalKraus(operators: readonly ComplexMatrix[], atol: number): ComplexMatrix[] {
  return choiToKraus(krausToChoi(operators), atol)
}

/**
 * The process (entanglement) fidelity with the identity channel, `Σ |Tr K|² / d²`.
 *
 * @param operators - Kraus operators `d×d`
 * @returns the process fidelity in `[0, 1]` for a CPTP map
 */
export function krausProcessFidelity(operators: readonly ComplexMatrix[]): number {
  const d = operators[0]?.cols ?? 1
  let sum = 0
  for (const k of operators) sum += k.trace().abs2()
  return sum / (d * d)
}

/**
 * The average gate fidelity of a channel with process fidelity `fPro` on dimension `d`:
 * `(d·F_pro + 1)/(d + 1)` (Horodecki et al.; Qiskit's `average_gate_fidelity` for CPTP maps).
 *
 * @param processFidelity - the process fidelity
 * @param d - the dimension
 * @returns the average gate fidelity
 */
export function averageFromProcessFidelity(processFidelity: number, d: number): number {
  return (d * processFidelity + 1) / (d + 1)
}

/**
 * Whether a square matrix is `c·I` for some complex `c` with `|c| = 1` (within `atol`).
 *
 * @param m - the matrix
 * @param atol - the entry-wise tolerance
 * @returns whether it is the identity up to a global phase
 */
export function isIdentityUpToPhase(m: ComplexMatrix, atol: number): boolean {
  if (m.rows !== m.cols) return false
  return m.equalsUpToPhase(ComplexMatrix.identity(m.rows), atol)
}

/**
 * Whether `m` is a scalar multiple of the identity (any complex factor, zero included).
 *
 * @param m - a square matrix
 * @param atol - the entry-wise tolerance
 * @returns whether all off-diagonal entries vanish and the diagonal is constant
 */
export function isScalarMatrix(m: ComplexMatrix, atol: number): boolean {
  const n = m.rows
  const re = m.data[0] ?? 0
  const im = m.data[1] ?? 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = 2 * (i * n + j)
      const er = i === j ? re : 0
      const ei = i === j ? im : 0
      if (Math.abs(m.data[k]! - er) > atol || Math.abs(m.data[k + 1]! - ei) > atol) return false
    }
  }
  return true
}

/** The column-stacked vector of `m`, interleaved complex. */
function columnStack(m: ComplexMatrix): Float64Array {
  const out = new Float64Array(2 * m.rows * m.cols)
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      out[2 * (j * m.rows + i)] = m.data[2 * (i * m.cols + j)]!
      out[2 * (j * m.rows + i) + 1] = m.data[2 * (i * m.cols + j) + 1]!
    }
  }
  return out
}

/** The entry-wise complex conjugate. */
export function conjugate(m: ComplexMatrix): ComplexMatrix {
  const out = m.clone()
  for (let k = 1; k < out.data.length; k += 2) out.data[k] = -out.data[k]!
  return out
}
