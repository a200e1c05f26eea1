import { ComplexMatrix } from './complex-matrix.js'
import { qrDecomposition } from './qr-decomposition.js'

/** The random source the generators need (a `SeededRng` fits). */
export interface NormalSource {
  /** A standard normal deviate. */
  normal(): number
}

/**
 * A Haar-random `dim×dim` unitary: Gram–Schmidt of a complex Ginibre matrix, whose `r` has a
 * positive diagonal, so no phase correction is needed (Mezzadri 2007).
 *
 * @param dim - the dimension (≥ 1)
 * @param rng - the random source, e.g. `new SeededRng(seed)`
 * @returns a fresh unitary
 * @throws RangeError when `dim` is not a positive integer
 * @example
 * ```ts
 * const u = randomUnitary(4, new SeededRng(7))
 * ```
 */
export function randomUnitary(dim: number, rng: NormalSource): ComplexMatrix {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dimension must be ≥ 1, got ${dim}`)
  const g = new ComplexMatrix(dim, dim)
  for (let i = 0; i < g.data.length; i++) g.data[i] = rng.normal() * Math.SQRT1_2
  return qrDecomposition(g).q
}
