/**
 * Drops the diagonal gates that only diagonal gates follow on their qubits. Before measurements
 * in the computational basis they multiply amplitudes by phases and change no probability, and
 * leaving them out keeps states structured that they would entangle: a layer of CZ after
 * Hadamards (a graph state) measured at once is a product of uniform qubits.
 */
import { opQubits, type UnitaryOp } from '../sim-program.js'

/**
 * The ops of a sampled run without its trailing diagonal gates (global phases included).
 *
 * @param ops - unitary ops followed by nothing but measurements
 * @returns the ops with the same measurement statistics, in order
 */
export function withoutTrailingDiagonals(ops: readonly UnitaryOp[]): UnitaryOp[] {
  // Qubits some later non-diagonal gate acts on: diagonals on them must stay.
  const blocked = new Set<number>()
  const kept: UnitaryOp[] = []
  for (let k = ops.length - 1; k >= 0; k--) {
    const op = ops[k]!
    const qubits = opQubits(op)
    if (isDiagonal(op)) {
      if (qubits.some((q) => blocked.has(q))) kept.push(op)
      continue
    }
    kept.push(op)
    for (const q of qubits) blocked.add(q)
  }
  return kept.reverse()
}

function isDiagonal(op: UnitaryOp): boolean {
  switch (op.kind) {
    case 'diagonal':
    case 'global-phase':
      return true
    case 'controlled':
      return op.target.kind === 'diagonal'
    case 'matrix':
    case 'permutation':
      return false
  }
}
