import type { Gate } from '../../circuit/gate.js'
import { isStandardGate } from '../../circuit/library/standard-gates.js'
import type { ComplexMatrix } from '../../math/complex-matrix.js'
import { hasKnownMatrix } from '../dag/dag-collect.js'
import type { DagOpNode } from '../dag/dag-node.js'
import { blockUnitary } from '../synthesis/block-unitary.js'

/** The basis a gate is diagonal in on each of its qubits: `I` (identity), `Z`, `X` or `Y`. */
type Axis = 'I' | 'Z' | 'X' | 'Y'

/**
 * Per standard gate, the basis it is diagonal in on each qubit (`cx` is `|0⟩⟨0|⊗I + |1⟩⟨1|⊗X`:
 * Z on the control, X on the target). Two such gates commute when, on every shared qubit, they
 * are diagonal in the same basis; when the bases differ they are taken not to commute (which
 * only forgoes special angles, never wrongly commutes).
 */
const AXES: Readonly<Record<string, readonly Axis[]>> = {
  id: ['I'],
  rz: ['Z'],
  p: ['Z'],
  u1: ['Z'],
  z: ['Z'],
  s: ['Z'],
  sdg: ['Z'],
  t: ['Z'],
  tdg: ['Z'],
  x: ['X'],
  sx: ['X'],
  sxdg: ['X'],
  rx: ['X'],
  y: ['Y'],
  ry: ['Y'],
  cx: ['Z', 'X'],
  cy: ['Z', 'Y'],
  cz: ['Z', 'Z'],
  cp: ['Z', 'Z'],
  crz: ['Z', 'Z'],
  cu1: ['Z', 'Z'],
  cs: ['Z', 'Z'],
  csdg: ['Z', 'Z'],
  crx: ['Z', 'X'],
  cry: ['Z', 'Y'],
  csx: ['Z', 'X'],
  rzz: ['Z', 'Z'],
  rxx: ['X', 'X'],
  ryy: ['Y', 'Y'],
  rzx: ['Z', 'X'],
  ccx: ['Z', 'Z', 'X'],
  ccz: ['Z', 'Z', 'Z'],
}

/** Standard gates diagonal in the computational basis. */
export const DIAGONAL_GATES: ReadonlySet<string> = new Set(
  Object.entries(AXES)
    .filter(([, axes]) => axes.every((a) => a === 'Z' || a === 'I'))
    .map(([name]) => name),
)

/** The widest pair of gates compared through their matrices. */
const MAX_QUBITS = 4
const CACHE_LIMIT = 50_000

/**
 * Decides whether two operations commute (Qiskit's `CommutationChecker`): directives,
 * measurements, conditioned operations and anything touching clbits never do; operations on
 * disjoint qubits always do; diagonal standard gates commute with each other (even with symbolic
 * angles); otherwise the products of the two matrices are compared in both orders. Results for
 * gates without parameters are cached by name and relative placement.
 */
export class CommutationChecker {
  readonly #cache = new Map<string, boolean>()

  /**
   * @param a - an operation node
   * @param b - another operation node
   * @returns whether `a·b = b·a`
   */
  commute(a: DagOpNode, b: DagOpNode): boolean {
    if (!sharesQubit(a, b)) return a.clbits.length === 0 && b.clbits.length === 0
    if (!isPlainGate(a) || !isPlainGate(b)) return false
    const byAxes = axesCommute(a, b)
    if (byAxes !== undefined) return byAxes
    return this.#byMatrix(a, b)
  }

  #byMatrix(a: DagOpNode, b: DagOpNode): boolean {
    if (!hasKnownMatrix(a.operation) || !hasKnownMatrix(b.operation)) return false
    const qubits = [...new Set([...a.qubits, ...b.qubits])]
    if (qubits.length > MAX_QUBITS) return false
    // Only parameterless standard gates are cached: a custom gate's name says nothing of its matrix.
    const cacheable =
      a.operation.params.length === 0 &&
      b.operation.params.length === 0 &&
      isStandardGate(a.operation) &&
      isStandardGate(b.operation)
    const key = cacheable ? cacheKey(a, b, qubits) : undefined
    const cached = key === undefined ? undefined : this.#cache.get(key)
    if (cached !== undefined) return cached
    const result = matricesCommute(a, b, qubits)
    if (key !== undefined && this.#cache.size < CACHE_LIMIT) this.#cache.set(key, result)
    return result
  }
}

/** The answer of the axis table, or `undefined` when a gate is not in it. */
function axesCommute(a: DagOpNode, b: DagOpNode): boolean | undefined {
  if (!isStandardGate(a.operation) || !isStandardGate(b.operation)) return undefined
  const axesA = AXES[a.operation.name]
  const axesB = AXES[b.operation.name]
  if (axesA === undefined || axesB === undefined) return undefined
  for (let i = 0; i < a.qubits.length; i++) {
    const j = b.qubits.indexOf(a.qubits[i]!)
    if (j < 0) continue
    const x = axesA[i]
    const y = axesB[j]
    if (x !== 'I' && y !== 'I' && x !== y) return false
  }
  return true
}

function sharesQubit(a: DagOpNode, b: DagOpNode): boolean {
  return a.qubits.some((q) => b.qubits.includes(q))
}

/** An unconditioned gate without clbits. */
function isPlainGate(node: DagOpNode): boolean {
  const op = node.operation
  return (
    node.condition === undefined &&
    node.clbits.length === 0 &&
    !op.isDirective &&
    'toMatrix' in op &&
    typeof (op as Gate).toMatrix === 'function'
  )
}

function cacheKey(a: DagOpNode, b: DagOpNode, qubits: readonly number[]): string {
  const pos = (n: DagOpNode): string => n.qubits.map((q) => qubits.indexOf(q)).join(',')
  return `${a.operation.name}@${pos(a)}|${b.operation.name}@${pos(b)}`
}

function matricesCommute(a: DagOpNode, b: DagOpNode, qubits: readonly number[]): boolean {
  const ab = blockUnitary([a, b], qubits)
  const ba = blockUnitary([b, a], qubits)
  return closeMatrices(ab, ba, 1e-10)
}

function closeMatrices(x: ComplexMatrix, y: ComplexMatrix, atol: number): boolean {
  const dx = x.data
  const dy = y.data
  for (let i = 0; i < dx.length; i++) if (Math.abs(dx[i]! - dy[i]!) > atol) return false
  return true
}

/**
 * Whether a matrix is `e^{iφ}·I` within `atol`, and the phase.
 *
 * @param m - a square matrix
 * @param atol - the tolerance on each entry
 * @returns `φ`, or `undefined` when `m` is not a multiple of the identity
 */
export function identityPhase(m: ComplexMatrix, atol = 1e-10): number | undefined {
  const d = m.data
  const re = d[0]!
  const im = d[1]!
  if (Math.abs(Math.hypot(re, im) - 1) > atol) return undefined
  const n = m.rows
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = 2 * (i * n + j)
      const er = i === j ? re : 0
      const ei = i === j ? im : 0
      if (Math.abs(d[k]! - er) > atol || Math.abs(d[k + 1]! - ei) > atol) return undefined
    }
  }
  return Math.atan2(im, re)
}
