/**
 * Pauli strings as Qiskit writes them: the rightmost character acts on qubit 0 (`'XZ'` is Z on
 * qubit 0 and X on qubit 1), so a label's matrix is the Kronecker product of its characters
 * left to right.
 */
import { ComplexMatrix } from '@qfabric/core/math'
import { NoiseError } from './noise-error.js'

const SINGLE: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  I: [
    [1, 0],
    [0, 0],
    [0, 0],
    [1, 0],
  ],
  X: [
    [0, 0],
    [1, 0],
    [1, 0],
    [0, 0],
  ],
  Y: [
    [0, 0],
    [0, -1],
    [0, 1],
    [0, 0],
  ],
  Z: [
    [1, 0],
    [0, 0],
    [0, 0],
    [-1, 0],
  ],
}

const PAULI_LABEL = /^[IXYZ]+$/

/**
 * Checks a Pauli label (letters `I`, `X`, `Y`, `Z` only; no sign or phase prefix).
 *
 * @param label - the label
 * @param argument - the argument name for the error message
 * @returns the label
 * @throws NoiseError `sim.noise.invalid-parameter` when it is not a Pauli string
 */
export function checkPauliLabel(label: unknown, argument: string): string {
  if (typeof label !== 'string' || !PAULI_LABEL.test(label)) {
    throw new NoiseError(
      'sim.noise.invalid-parameter',
      `${argument} must be a Pauli string of I, X, Y, Z (qubit 0 rightmost), got ${String(label)}`,
      { argument },
    )
  }
  return label
}

/**
 * The matrix of a Pauli string.
 *
 * @param label - a Pauli string, qubit 0 rightmost
 * @returns its `2^n × 2^n` matrix (Qiskit's little-endian order)
 * @throws NoiseError `sim.noise.invalid-parameter` for a malformed label
 * @example
 * pauliMatrix('XZ') // X on qubit 1 ⊗ Z on qubit 0
 */
export function pauliMatrix(label: string): ComplexMatrix {
  checkPauliLabel(label, 'label')
  let out = ComplexMatrix.identity(1)
  for (const ch of label) {
    const entries = SINGLE[ch]!
    out = out.kron(new ComplexMatrix(2, 2, Float64Array.from(entries.flat())))
  }
  return out
}

const PRODUCT: Readonly<Record<string, string>> = {
  II: 'I',
  IX: 'X',
  IY: 'Y',
  IZ: 'Z',
  XI: 'X',
  XX: 'I',
  XY: 'Z',
  XZ: 'Y',
  YI: 'Y',
  YX: 'Z',
  YY: 'I',
  YZ: 'X',
  ZI: 'Z',
  ZX: 'Y',
  ZY: 'X',
  ZZ: 'I',
}

/**
 * The product of two Pauli strings of equal length, up to its phase (`±1`, `±i`), which
 * does not change a channel.
 *
 * @param a - a Pauli string
 * @param b - a Pauli string of the same length
 * @returns the label of `a·b` without phase
 */
export function multiplyPauliLabels(a: string, b: string): string {
  let out = ''
  for (let k = 0; k < a.length; k++) out += PRODUCT[a[k]! + b[k]!]!
  return out
}

/**
 * Every Pauli string on `n` qubits, the identity first, then in `I < X < Y < Z` order (the
 * order Aer's `depolarizing_error` uses).
 *
 * @param n - the number of qubits
 * @returns the `4^n` labels
 */
export function allPauliLabels(n: number): string[] {
  let labels = ['']
  for (let k = 0; k < n; k++) labels = labels.flatMap((l) => ['I', 'X', 'Y', 'Z'].map((c) => l + c))
  return labels
}

/** Whether a Pauli string is all identities. */
export function isIdentityLabel(label: string): boolean {
  return /^I*$/.test(label)
}
