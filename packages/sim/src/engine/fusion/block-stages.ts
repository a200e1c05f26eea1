/**
 * Turns a fused block into stages on local qubits, ready for code generation or for a dense
 * product: diagonal gates that can meet (they commute with each other and with gates on other
 * qubits) are merged into one diagonal stage, one-qubit matrices are divided by an entry so that
 * one factor becomes exactly 1, and the scalars that come out are folded into a single stage.
 */
import { opQubits, type UnitaryOp } from '../sim-program.js'
import {
  controlledToMatrixOp,
  embedMatrix,
  identityMatrix,
  multiplyMatrices,
  targetToMatrix,
} from '../small-matrix.js'
import type { FusedBlock } from './fusion-item.js'

/** A stage of a block, on local qubit indices (bit `j` of a block index = `block.qubits[j]`). */
export type BlockStage =
  | { readonly kind: 'diagonal'; readonly entries: Float64Array }
  | {
      readonly kind: 'permutation'
      readonly locals: readonly number[]
      readonly permutation: Int32Array
      readonly phases: Float64Array | undefined
    }
  | { readonly kind: 'dense'; readonly locals: readonly number[]; readonly matrix: Float64Array }

interface LocalOp {
  readonly op: UnitaryOp
  readonly locals: readonly number[]
  readonly isDiagonal: boolean
}

/**
 * The stages of a block, applying exactly the block's unitary (global phase included).
 *
 * @param block - the block
 * @param options - whether to normalize one-qubit matrices (code generation benefits; a dense
 *   product does not care)
 * @returns the stages in application order
 */
export function blockStages(
  block: FusedBlock,
  options: { readonly normalize: boolean },
): BlockStage[] {
  const k = block.qubits.length
  const local = (q: number): number => block.qubits.indexOf(q)
  const scalar: [number, number] = [1, 0]
  const ops: LocalOp[] = []
  for (const op of block.ops) {
    if (op.kind === 'global-phase') {
      mulInto(scalar, Math.cos(op.phase), Math.sin(op.phase))
      continue
    }
    const plain = op.kind === 'controlled' ? controlledToMatrixOp(op) : op
    ops.push({
      op: plain,
      locals: opQubits(plain).map(local),
      isDiagonal: plain.kind === 'diagonal',
    })
  }
  const stages: BlockStage[] = []
  for (const group of scheduleRounds(ops)) {
    if (group.isDiagonal) {
      stages.push({ kind: 'diagonal', entries: mergeDiagonals(group.ops, k) })
      continue
    }
    for (const { op, locals } of group.ops)
      stages.push(nonDiagonalStage(op, locals, options.normalize ? scalar : undefined))
  }
  return foldScalar(stages, scalar, k)
}

/** Alternating rounds: all ready diagonal ops (one merged stage), then every ready other op. */
function scheduleRounds(ops: readonly LocalOp[]): { isDiagonal: boolean; ops: LocalOp[] }[] {
  const preds = predecessors(ops)
  const done = new Uint8Array(ops.length)
  const ready = (i: number): boolean => done[i] === 0 && preds[i]!.every((j) => done[j] === 1)
  const rounds: { isDiagonal: boolean; ops: LocalOp[] }[] = []
  let left = ops.length
  while (left > 0) {
    const diag = ops.flatMap((o, i) => (o.isDiagonal && ready(i) ? [i] : []))
    for (const i of diag) done[i] = 1
    if (diag.length > 0) rounds.push({ isDiagonal: true, ops: diag.map((i) => ops[i]!) })
    left -= diag.length
    const others: LocalOp[] = []
    for (let progress = true; progress;) {
      progress = false
      for (let i = 0; i < ops.length; i++) {
        if (!ops[i]!.isDiagonal && ready(i)) {
          done[i] = 1
          others.push(ops[i]!)
          progress = true
          left--
        }
      }
    }
    if (others.length > 0) rounds.push({ isDiagonal: false, ops: others })
  }
  return rounds
}

/**
 * The ops each op must follow: per qubit, the last earlier non-diagonal op, and for a
 * non-diagonal op also the diagonal ops since then (diagonals commute with each other).
 */
function predecessors(ops: readonly LocalOp[]): number[][] {
  const lastOther = new Map<number, number>()
  const diagonalsSince = new Map<number, number[]>()
  return ops.map((op, i) => {
    const preds = new Set<number>()
    for (const q of op.locals) {
      const other = lastOther.get(q)
      if (other !== undefined) preds.add(other)
      if (!op.isDiagonal) for (const d of diagonalsSince.get(q) ?? []) preds.add(d)
    }
    for (const q of op.locals) {
      if (op.isDiagonal) diagonalsSince.set(q, [...(diagonalsSince.get(q) ?? []), i])
      else {
        lastOther.set(q, i)
        diagonalsSince.set(q, [])
      }
    }
    return [...preds]
  })
}

function mergeDiagonals(ops: readonly LocalOp[], k: number): Float64Array {
  const d = 1 << k
  const entries = new Float64Array(2 * d)
  for (let j = 0; j < d; j++) entries[2 * j] = 1
  for (const { op, locals } of ops) {
    if (op.kind !== 'diagonal') continue
    for (let j = 0; j < d; j++) {
      let s = 0
      locals.forEach((l, t) => {
        s |= ((j >> l) & 1) << t
      })
      const pair: [number, number] = [entries[2 * j]!, entries[2 * j + 1]!]
      mulInto(pair, op.diagonal[2 * s]!, op.diagonal[2 * s + 1]!)
      entries[2 * j] = pair[0]
      entries[2 * j + 1] = pair[1]
    }
  }
  return entries
}

function nonDiagonalStage(
  op: UnitaryOp,
  locals: readonly number[],
  scalar: [number, number] | undefined,
): BlockStage {
  if (op.kind === 'permutation') {
    return { kind: 'permutation', locals, permutation: op.permutation, phases: op.phases }
  }
  const matrix = op.kind === 'matrix' || op.kind === 'diagonal' ? targetToMatrix(op) : undefined
  if (matrix === undefined) throw new TypeError(`unexpected ${op.kind} op in a block`)
  if (scalar === undefined || locals.length !== 1) return { kind: 'dense', locals, matrix }
  return { kind: 'dense', locals, matrix: normalizeOneQubit(matrix, scalar) }
}

/** Divides a 2×2 matrix by its largest first-row entry, multiplying that entry into `scalar`. */
function normalizeOneQubit(m: Float64Array, scalar: [number, number]): Float64Array {
  const pick = Math.hypot(m[0]!, m[1]!) >= Math.hypot(m[2]!, m[3]!) ? 0 : 2
  const er = m[pick]!,
    ei = m[pick + 1]!
  const norm = er * er + ei * ei
  if (norm === 0) return m
  // 1/e = conj(e)/|e|²
  const ir = er / norm,
    ii = -ei / norm
  const out = new Float64Array(8)
  for (let k = 0; k < 8; k += 2) {
    const pair: [number, number] = [m[k]!, m[k + 1]!]
    mulInto(pair, ir, ii)
    out[k] = pair[0]
    out[k + 1] = pair[1]
  }
  out[pick] = 1
  out[pick + 1] = 0
  mulInto(scalar, er, ei)
  return out
}

/** Multiplies the block's scalar into the cheapest stage to absorb it. */
function foldScalar(
  stages: BlockStage[],
  scalar: readonly [number, number],
  k: number,
): BlockStage[] {
  const [sr, si] = scalar
  if (sr === 1 && si === 0) return stages
  const scale = (m: Float64Array): Float64Array => {
    const out = new Float64Array(m.length)
    for (let j = 0; j < m.length; j += 2) {
      out[j] = m[j]! * sr - m[j + 1]! * si
      out[j + 1] = m[j]! * si + m[j + 1]! * sr
    }
    return out
  }
  const diag = stages.findLastIndex((s) => s.kind === 'diagonal')
  const dense = stages.findLastIndex((s) => s.kind === 'dense')
  const at = diag >= 0 ? diag : dense
  if (at >= 0) {
    const s = stages[at]!
    const copy = [...stages]
    copy[at] =
      s.kind === 'diagonal'
        ? { kind: 'diagonal', entries: scale(s.entries) }
        : s.kind === 'dense'
          ? { ...s, matrix: scale(s.matrix) }
          : s
    return copy
  }
  const d = 1 << k
  const entries = new Float64Array(2 * d)
  for (let j = 0; j < d; j++) {
    entries[2 * j] = sr
    entries[2 * j + 1] = si
  }
  return [...stages, { kind: 'diagonal', entries }]
}

function mulInto(acc: [number, number], br: number, bi: number): void {
  const ar = acc[0],
    ai = acc[1]
  acc[0] = ar * br - ai * bi
  acc[1] = ar * bi + ai * br
}

/**
 * The dense `2^k × 2^k` matrix of a list of stages (for the dense-product fusion mode and tests).
 *
 * @param stages - the stages
 * @param k - the block's qubit count
 * @returns the product, interleaved
 */
export function stagesToMatrix(stages: readonly BlockStage[], k: number): Float64Array {
  const d = 1 << k
  const all = Array.from({ length: k }, (_, j) => j)
  let acc: Float64Array | undefined
  for (const s of stages) {
    const m =
      s.kind === 'diagonal'
        ? targetToMatrix({ kind: 'diagonal', qubits: all, diagonal: s.entries })
        : s.kind === 'dense'
          ? embedMatrix(s.matrix, s.locals, all)
          : embedMatrix(
              targetToMatrix({
                kind: 'permutation',
                qubits: s.locals,
                permutation: s.permutation,
                phases: s.phases,
              }),
              s.locals,
              all,
            )
    acc = acc === undefined ? m : multiplyMatrices(m, acc, d)
  }
  return acc ?? identityMatrix(d)
}
