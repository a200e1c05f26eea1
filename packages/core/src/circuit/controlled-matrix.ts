import { ComplexMatrix } from '../math/complex-matrix.js'

/**
 * The matrix of `U` controlled by `numCtrlQubits` qubits (little-endian: the controls are the
 * low qargs `0 … n−1`, the target `U` acts on the qargs above them). `U` applies when the
 * controls are in `ctrlState` (bit `k` = state of control `k`); identity otherwise.
 *
 * @param base - the target unitary `U`
 * @param numCtrlQubits - the number of controls `n`
 * @param ctrlState - the activating control state, `2ⁿ − 1` for all-ones
 * @returns the `2ⁿ·dim(U)`-square matrix
 */
export function controlledMatrix(
  base: ComplexMatrix,
  numCtrlQubits: number,
  ctrlState: number,
): ComplexMatrix {
  const c = 1 << numCtrlQubits
  const dim = c * base.rows
  const out = ComplexMatrix.identity(dim)
  for (let i = 0; i < base.rows; i++) {
    const row = i * c + ctrlState
    for (let j = 0; j < base.cols; j++) {
      const col = j * c + ctrlState
      const k = 2 * (row * dim + col)
      out.data[k] = base.data[2 * (i * base.cols + j)]!
      out.data[k + 1] = base.data[2 * (i * base.cols + j) + 1]!
    }
  }
  return out
}

/**
 * Reads a control state: `undefined` means all ones; a number is the state itself; a string is
 * a bitstring written most-significant first, as Qiskit reads `ctrl_state='10'`.
 *
 * @param ctrlState - the state as given
 * @param numCtrlQubits - the number of controls
 * @returns the state as an integer in `[0, 2ⁿ)`
 * @throws RangeError if the state does not fit `numCtrlQubits` bits; TypeError for a bad string
 */
export function parseCtrlState(
  ctrlState: number | string | undefined,
  numCtrlQubits: number,
): number {
  const limit = 2 ** numCtrlQubits
  if (ctrlState === undefined) return limit - 1
  let value: number
  if (typeof ctrlState === 'string') {
    if (!/^[01]+$/.test(ctrlState) || ctrlState.length > numCtrlQubits) {
      throw new TypeError(
        `control state '${ctrlState}' is not a bitstring of at most ${numCtrlQubits} bits`,
      )
    }
    value = Number.parseInt(ctrlState, 2)
  } else {
    value = ctrlState
  }
  if (!Number.isInteger(value) || value < 0 || value >= limit) {
    throw new RangeError(`control state ${ctrlState} does not fit ${numCtrlQubits} control qubits`)
  }
  return value
}
