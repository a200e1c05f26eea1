/**
 * Placing a small operator on chosen qubits of a larger register (dense; for references, tests
 * and the JSON reader, not for simulation hot paths).
 */
import { ComplexMatrix } from '@qfabric/core/math'

/**
 * The `2^n × 2^n` matrix of `op` acting on `qargs` (identity elsewhere). Bit `k` of `op`'s row
 * and column indices is the state of `qargs[k]` (Qiskit's little-endian convention).
 *
 * @param op - a `2^k × 2^k` operator
 * @param qargs - `k` distinct qubits in `[0, numQubits)`
 * @param numQubits - the register width `n`
 * @returns the embedded operator
 * @throws RangeError when the qubits do not fit the operator or the register
 * @example
 * embedOperator(pauliMatrix('X'), [1], 2) // I ⊗ … : X on qubit 1 of 2
 */
export function embedOperator(
  op: ComplexMatrix,
  qargs: readonly number[],
  numQubits: number,
): ComplexMatrix {
  checkQargs(op, qargs, numQubits)
  const dim = 2 ** numQubits
  const mask = qargs.reduce((m, q) => m | (1 << q), 0)
  const sub = new Int32Array(dim)
  for (let r = 0; r < dim; r++) {
    let s = 0
    for (let k = 0; k < qargs.length; k++) s |= ((r >> qargs[k]!) & 1) << k
    sub[r] = s
  }
  const out = new ComplexMatrix(dim, dim)
  const k = op.cols
  for (let r = 0; r < dim; r++) {
    const rest = r & ~mask
    for (let c = 0; c < dim; c++) {
      if ((c & ~mask) !== rest) continue
      const at = 2 * (sub[r]! * k + sub[c]!)
      out.data[2 * (r * dim + c)] = op.data[at]!
      out.data[2 * (r * dim + c) + 1] = op.data[at + 1]!
    }
  }
  return out
}

/**
 * Checks that `qargs` are distinct, in range, and as many as `op`'s qubits.
 *
 * @internal
 */
export function checkQargs(op: ComplexMatrix, qargs: readonly number[], numQubits: number): void {
  if (op.rows !== op.cols || op.rows !== 2 ** qargs.length) {
    throw new RangeError(`a ${op.rows}×${op.cols} operator does not act on ${qargs.length} qubits`)
  }
  const seen = new Set<number>()
  for (const q of qargs) {
    if (!Number.isInteger(q) || q < 0 || q >= numQubits) {
      throw new RangeError(`qubit ${q} is outside a register of ${numQubits} qubits`)
    }
    if (seen.has(q)) throw new RangeError(`qubit ${q} is given twice`)
    seen.add(q)
  }
}
