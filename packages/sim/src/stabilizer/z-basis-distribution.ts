/**
 * The outcome distribution of measuring every qubit of a stabilizer state in the Z basis.
 *
 * It is uniform over an affine subspace `offset + span(basis)` of {0,1}^n: Gaussian elimination
 * of the stabilizers' X parts leaves k generators with independent X parts (each flips outcomes:
 * k free bits) and n − k Z-type generators ±Z^v, whose signs fix the parities `v·s` of every
 * outcome s. Solving those parity constraints once gives the subspace; each shot then costs k
 * random bits and k vector XORs instead of n collapsing measurements.
 */
import { wordsFor } from './bit-words.js'
import type { Pacer } from './pacer.js'
import type { StabilizerTableau } from './stabilizer-tableau.js'
import { StabilizerRows } from './stabilizer-rows.js'

/** A uniform distribution over `offset + span(basis)`; outcomes are bit vectors, qubit q at bit q. */
export interface ZBasisDistribution {
  /** The number of qubits (bits per outcome). */
  readonly numQubits: number
  /** One outcome in the support. */
  readonly offset: Uint32Array
  /** Independent directions of the support (k of them: 2^k equally likely outcomes). */
  readonly basis: readonly Uint32Array[]
}

/**
 * The Z-basis outcome distribution of a stabilizer state.
 *
 * @param t - the tableau (not modified)
 * @param pacer - checks for cancellation between elimination steps
 * @returns the affine support; every outcome in it has probability 2^−k
 * @throws the signal's reason when aborted
 * @example
 * ```ts
 * const d = await zBasisDistribution(new StabilizerTableau(2).h(0).cx(0, 1))
 * // d.offset = [0b00], d.basis = [[0b11]]: outcomes 00 and 11, each 1/2
 * ```
 */
export async function zBasisDistribution(
  t: StabilizerTableau,
  pacer?: Pacer,
): Promise<ZBasisDistribution> {
  const rows = new StabilizerRows(t)
  const rank = await eliminateX(rows, pacer)
  const pivots = reduceZ(rows, rank)
  return solve(rows, rank, pivots)
}

/** Row-echelon form of the X parts; returns their rank k (rows k… are Z-type). */
async function eliminateX(rows: StabilizerRows, pacer: Pacer | undefined): Promise<number> {
  const n = rows.numQubits
  let rank = 0
  for (let c = 0; c < n && rank < n; c++) {
    let r = rank
    while (r < n && !rows.hasX(r, c)) r++
    if (r === n) continue
    rows.swap(r, rank)
    // Rows from `rank` on have no X bits left of column c (earlier columns were eliminated).
    const fromWord = c >>> 5
    for (let r2 = rank + 1; r2 < n; r2++)
      if (rows.hasX(r2, c)) rows.multiplyInto(r2, rank, fromWord)
    rank++
    if ((rank & 15) === 0) await pacer?.tick()
  }
  return rank
}

/**
 * Reduced row-echelon form of the Z-type rows `rank…n−1` over GF(2) (signs ride along: Z-type
 * Paulis multiply without phase). Returns each row's pivot column, in row order.
 */
function reduceZ(rows: StabilizerRows, rank: number): number[] {
  const n = rows.numQubits
  const { words, z, sign } = rows
  const pivots: number[] = []
  let next = rank
  for (let c = 0; c < n && next < n; c++) {
    let r = next
    while (r < n && !rows.hasZ(r, c)) r++
    if (r === n) continue
    rows.swap(r, next)
    for (let r2 = rank; r2 < n; r2++) {
      if (r2 === next || !rows.hasZ(r2, c)) continue
      for (let w = 0; w < words; w++) z[r2 * words + w]! ^= z[next * words + w]!
      sign[r2]! ^= sign[next]!
    }
    pivots.push(c)
    next++
  }
  return pivots
}

/** The solutions s of `v_j · s = sign_j` for the reduced Z-type rows: offset plus free directions. */
function solve(rows: StabilizerRows, rank: number, pivots: readonly number[]): ZBasisDistribution {
  const n = rows.numQubits
  const words = wordsFor(n)
  const offset = new Uint32Array(words)
  const isPivot = new Uint8Array(n)
  pivots.forEach((c, j) => {
    isPivot[c] = 1
    if (rows.sign[rank + j] === 1) offset[c >>> 5]! |= 1 << (c & 31)
  })
  const basis: Uint32Array[] = []
  for (let f = 0; f < n; f++) {
    if (isPivot[f] === 1) continue
    const v = new Uint32Array(words)
    v[f >>> 5]! |= 1 << (f & 31)
    // Setting free bit f forces each pivot bit whose row has a 1 in column f.
    pivots.forEach((c, j) => {
      if (rows.hasZ(rank + j, f)) v[c >>> 5]! |= 1 << (c & 31)
    })
    basis.push(v)
  }
  return { numQubits: n, offset, basis }
}
