/**
 * Checks a `qargs` list: `count` distinct qubit indices below `numQubits`.
 *
 * @param qargs - the qubit indices
 * @param count - how many there must be
 * @param numQubits - the size of the register they index
 * @throws RangeError when the list does not fit
 */
export function checkQargs(qargs: readonly number[], count: number, numQubits: number): void {
  if (qargs.length !== count) {
    throw new RangeError(`expected ${count} qargs, got ${qargs.length}`)
  }
  const seen = new Set<number>()
  for (const q of qargs) {
    if (!Number.isInteger(q) || q < 0 || q >= numQubits) {
      throw new RangeError(`qarg ${q} out of range for ${numQubits} qubits`)
    }
    if (seen.has(q)) throw new RangeError(`duplicate qarg ${q}`)
    seen.add(q)
  }
}
