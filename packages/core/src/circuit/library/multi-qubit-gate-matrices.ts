import type { ComplexMatrix } from '../../math/complex-matrix.js'
import { controlledMatrix, permutationMatrix } from './gate-matrix-helpers.js'
import { FIXED_ONE_QUBIT_MATRICES, pMatrix } from './one-qubit-gate-matrices.js'
import { FIXED_TWO_QUBIT_MATRICES } from './two-qubit-gate-matrices.js'

/** The identity permutation of `n` basis states, with `swaps` applied. */
function permutation(n: number, swaps: readonly (readonly [number, number])[]): number[] {
  const perm = Array.from({ length: n }, (_, k) => k)
  for (const [a, b] of swaps) {
    perm[a] = b
    perm[b] = a
  }
  return perm
}

/** The fixed gates on three or four qubits. */
export const FIXED_MULTI_QUBIT_MATRICES = {
  ccx: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.x(), 2),
  ccz: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.z(), 2),
  cswap: () => controlledMatrix(FIXED_TWO_QUBIT_MATRICES.swap(), 1),
  c3x: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.x(), 3),
  c3sx: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.sx(), 3),
  // Margolus' relative-phase Toffoli: |011⟩ ↦ i|111⟩, |111⟩ ↦ −i|011⟩, |101⟩ ↦ −|101⟩ (qubit 0
  // rightmost), the rest fixed: Toffoli up to a diagonal of relative phases.
  rccx: () => permutationMatrix(permutation(8, [[3, 7]]), [1, 1, 1, [0, 1], 1, -1, 1, [0, -1]]),
  // The relative-phase 3-controlled X: |0011⟩ ↦ i|0011⟩, |1011⟩ ↦ −i|1011⟩, |0111⟩ ↦ −|1111⟩,
  // |1111⟩ ↦ |0111⟩, the rest fixed.
  rcccx: () => {
    const phases = Array.from({ length: 16 }, (): number | readonly [number, number] => 1)
    phases[3] = [0, 1]
    phases[11] = [0, -1]
    phases[7] = -1
    return permutationMatrix(permutation(16, [[7, 15]]), phases)
  },
} as const satisfies Record<string, () => ComplexMatrix>

/**
 * The multi-controlled X with `numCtrl` controls on qargs `0 … numCtrl-1` and the target last.
 *
 * @param numCtrl - the number of controls (≥ 1)
 * @returns the `2^(numCtrl+1)`-dimensional unitary
 */
export function mcxMatrix(numCtrl: number): ComplexMatrix {
  return controlledMatrix(FIXED_ONE_QUBIT_MATRICES.x(), numCtrl)
}

/**
 * The multi-controlled phase: `e^{iλ}` on the all-ones state of its `numCtrl + 1` qubits.
 *
 * @param lambda - the phase λ
 * @param numCtrl - the number of controls (≥ 1)
 * @returns the diagonal `2^(numCtrl+1)`-dimensional unitary
 */
export function mcpMatrix(lambda: number, numCtrl: number): ComplexMatrix {
  return controlledMatrix(pMatrix(lambda), numCtrl)
}
