/**
 * Numeric building blocks: complex scalars, dense complex matrices, tolerances and the
 * decompositions the transpiler and quantum-info use.
 *
 * @packageDocumentation
 */
export { Complex, complex } from './complex.js'
export { ComplexMatrix } from './complex-matrix.js'
export { DEFAULT_ATOL, isClose } from './tolerances.js'
export { MathError } from './math-error.js'
export { oneQubitGateMatrix, type OneQubitGateName } from './one-qubit-gate-matrix.js'
export { EULER_BASES, eulerAngles, type EulerAngles, type EulerBasis } from './euler-angles.js'
export {
  EULER_DEFAULT_ATOL,
  eulerSequence,
  oneQubitSequenceMatrix,
  type EulerSequenceOptions,
  type OneQubitGate,
  type OneQubitSequence,
} from './euler-sequence.js'
export { canonicalGate } from './canonical-gate.js'
export { decomposeProductGate, type ProductGateFactors } from './product-gate.js'
export {
  twoQubitWeylDecomposition,
  weylDecompositionMatrix,
  type TwoQubitWeylDecomposition,
} from './two-qubit-weyl.js'
export {
  numBasisGatesNeeded,
  TwoQubitBasisDecomposer,
  type TwoQubitBasisDecomposerOptions,
  type TwoQubitBasisGate,
  type TwoQubitSynthesis,
  type TwoQubitSynthesisGate,
} from './two-qubit-basis-decomposer.js'
export { symmetricEigen, type SymmetricEigen } from './symmetric-eigen.js'
export { hermitianEigen, type HermitianEigen } from './hermitian-eigen.js'
export { unitaryEigen, unitaryPower, type UnitaryEigen } from './unitary-eigen.js'
export { expm } from './matrix-exp.js'
export { qrDecomposition, type QrDecomposition } from './qr-decomposition.js'
export { randomUnitary, type NormalSource } from './random-unitary.js'
