/**
 * Numeric building blocks: complex scalars, dense complex matrices, tolerances and the
 * decompositions the transpiler and quantum-info use.
 *
 * @packageDocumentation
 */
export { Complex, complex } from './complex.js'
export { ComplexMatrix } from './complex-matrix.js'
export { DEFAULT_ATOL, isClose } from './tolerances.js'
