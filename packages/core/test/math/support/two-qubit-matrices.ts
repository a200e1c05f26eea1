import { ComplexMatrix } from '../../../src/math/complex-matrix.js'

/** Literal two-qubit gate matrices (little-endian, control on qubit 0), written out by hand. */
export const CX = ComplexMatrix.fromRows([
  [1, 0, 0, 0],
  [0, 0, 0, 1],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
])

export const SWAP = ComplexMatrix.fromRows([
  [1, 0, 0, 0],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
])

export const ISWAP = ComplexMatrix.fromRows([
  [1, 0, 0, 0],
  [0, 0, [0, 1], 0],
  [0, [0, 1], 0, 0],
  [0, 0, 0, 1],
])

export const SQRT_SWAP = ComplexMatrix.fromRows([
  [1, 0, 0, 0],
  [0, [0.5, 0.5], [0.5, -0.5], 0],
  [0, [0.5, -0.5], [0.5, 0.5], 0],
  [0, 0, 0, 1],
])
