import { Gate } from '../../circuit/gate.js'
import type { Instruction } from '../../circuit/instruction.js'
import { ComplexMatrix } from '../../math/complex-matrix.js'
import type { DagOpNode } from '../dag/dag-node.js'

/**
 * The unitary of a block of gates on at most two qubits, little-endian in `qubits` (`qubits[0]`
 * is the low bit). Each gate is applied in place to the running 4×4 product, which keeps long
 * blocks cheap.
 *
 * @param block - gate nodes (with known matrices), in circuit order
 * @param qubits - the block's one or two qubits, in the order of the result
 * @returns the `2^k × 2^k` unitary (k = `qubits.length`)
 * @throws RangeError if a node acts on a qubit not in `qubits`
 */
export function blockUnitary(
  block: readonly DagOpNode[],
  qubits: readonly number[],
): ComplexMatrix {
  const dim = 1 << qubits.length
  let u = ComplexMatrix.identity(dim)
  for (const node of block) {
    const m = operationMatrix(node.operation)
    const pos = node.qubits.map((q) => {
      const i = qubits.indexOf(q)
      if (i < 0) throw new RangeError(`qubit ${q} is not in the block's qubits`)
      return i
    })
    u = applyOn(m, pos, u)
  }
  return u
}

/**
 * The matrix of a gate.
 *
 * @param op - an operation with a known matrix (see `hasKnownMatrix`)
 * @returns its matrix
 * @throws TypeError if it is not a gate
 */
export function operationMatrix(op: Instruction): ComplexMatrix {
  if (!(op instanceof Gate)) throw new TypeError(`'${op.name}' is not a gate: it has no matrix`)
  return op.toMatrix()
}

/** `G·u` where `G` is `m` acting on positions `pos` of a `dim`-dimensional space. */
function applyOn(m: ComplexMatrix, pos: readonly number[], u: ComplexMatrix): ComplexMatrix {
  const dim = u.rows
  const k = pos.length
  const out = new ComplexMatrix(dim, dim)
  const src = u.data
  const dst = out.data
  const md = m.data
  const sub = 1 << k
  for (let row = 0; row < dim; row++) {
    // The sub-index of `row` on the gate's qubits, and `row` with those bits cleared.
    let r = 0
    let base = row
    for (let b = 0; b < k; b++) {
      const bit = (row >> pos[b]!) & 1
      r |= bit << b
      base &= ~(1 << pos[b]!)
    }
    for (let c = 0; c < sub; c++) {
      const mre = md[2 * (r * sub + c)]!
      const mim = md[2 * (r * sub + c) + 1]!
      if (mre === 0 && mim === 0) continue
      let from = base
      for (let b = 0; b < k; b++) if ((c >> b) & 1) from |= 1 << pos[b]!
      for (let col = 0; col < dim; col++) {
        const s = 2 * (from * dim + col)
        const d = 2 * (row * dim + col)
        const sre = src[s]!
        const sim = src[s + 1]!
        dst[d] = dst[d]! + mre * sre - mim * sim
        dst[d + 1] = dst[d + 1]! + mre * sim + mim * sre
      }
    }
  }
  return out
}
