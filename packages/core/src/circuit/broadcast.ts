/** The qubits and clbits of one instruction produced by broadcasting. */
export interface BroadcastArgs {
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
}

/**
 * Qiskit's argument broadcasting: each argument is a list of bit indices (one qubit, a
 * register, a list). Lists of equal length are zipped; a list of length 1 is repeated against
 * longer ones. `cx([0, 1], [2, 3])` gives `cx(0, 2), cx(1, 3)`; `cx(0, [1, 2])` gives
 * `cx(0, 1), cx(0, 2)`; `h(qr)` one `h` per qubit. Directives (barriers) take all their
 * qubits in one instruction instead.
 *
 * @param qargs - one list per operation qubit
 * @param cargs - one list per operation clbit
 * @returns one entry per instruction to append
 * @throws RangeError if the list lengths cannot be combined
 */
export function broadcastArguments(
  qargs: readonly (readonly number[])[],
  cargs: readonly (readonly number[])[],
): BroadcastArgs[] {
  const lists = [...qargs, ...cargs]
  if (lists.length === 0) return [{ qubits: [], clbits: [] }]
  const n = Math.max(...lists.map((l) => l.length))
  for (const l of lists) {
    if (l.length !== n && l.length !== 1) {
      throw new RangeError(
        `cannot broadcast arguments of lengths [${lists.map((x) => x.length).join(', ')}]: each must be 1 or ${n}`,
      )
    }
  }
  const pick = (l: readonly number[], i: number): number => (l.length === 1 ? l[0]! : l[i]!)
  return Array.from({ length: n }, (_, i) => ({
    qubits: qargs.map((l) => pick(l, i)),
    clbits: cargs.map((l) => pick(l, i)),
  }))
}
