/**
 * Delays diagonal gates until a non-diagonal gate needs them. Diagonal gates commute with each
 * other, so rz/p/cz/cp (and the diagonal halves of split one-qubit gates) collect in a pool.
 * When a non-diagonal gate X needs some of them, the flush also takes every other pooled
 * diagonal, and the diagonals just ahead that may move before X, as long as the batch can be
 * tabulated (see `batch-diagonal-kernel.ts`); a wide flush becomes one batch-diagonal pass, a
 * narrow one stays as single gates for block fusion. A layered circuit (rotations, then a layer
 * of cz) thus pays one diagonal pass per layer, and its rotation blocks stay free of diagonals.
 */
import { buildBatchDiagonal, chunkOf } from '../kernels/batch-diagonal-kernel.js'
import type { DiagonalOp, UnitaryOp } from '../sim-program.js'
import { opQubits } from '../sim-program.js'
import type { FusionItem } from './fusion-item.js'

/** How far ahead (in ops) a flush looks for diagonals that may join it. */
const LOOKAHEAD_OPS = 2048

/** Options of {@link poolDiagonals}. */
export interface PoolDiagonalsOptions {
  readonly numQubits: number
  /** The block width of the following fusion step: narrower flushes stay single gates. */
  readonly maxBlockQubits: number
  /**
   * Drop the diagonal gates still pending at the end (they do not change measurement
   * probabilities; only for runs that sample).
   */
  readonly dropTrailingDiagonals: boolean
}

/**
 * Reorders normalized ops into fusion items with pooled diagonals.
 *
 * @param ops - normalized unitary ops
 * @param options - widths and the trailing-diagonal policy
 * @returns the items, in an order that applies the same unitary
 */
export function poolDiagonals(
  ops: readonly UnitaryOp[],
  options: PoolDiagonalsOptions,
): FusionItem[] {
  const items: FusionItem[] = []
  const taken = new Uint8Array(ops.length)
  let pool: DiagonalOp[] = []
  for (let i = 0; i < ops.length; i++) {
    if (taken[i] === 1) continue
    const op = ops[i]!
    if (op.kind === 'diagonal') {
      pool.push(op)
      continue
    }
    const qubits = opQubits(op)
    const must = pool.filter((d) => d.qubits.some((q) => qubits.includes(q)))
    if (must.length > 0) {
      const flushed = flush(
        { ops, numQubits: options.numQubits, taken, from: i, pool, must, pivots: qubits },
        options,
      )
      pool = pool.filter((d) => !flushed.includes(d))
      items.push(...flushed.items)
    }
    items.push({ kind: 'op', op, qubits, isDiagonal: isDiagonalOp(op) })
  }
  if (!options.dropTrailingDiagonals) {
    for (const d of pool) items.push(single(d))
  }
  return items
}

interface FlushInput {
  readonly ops: readonly UnitaryOp[]
  readonly numQubits: number
  readonly taken: Uint8Array
  /** Index of the forcing op X. */
  readonly from: number
  readonly pool: readonly DiagonalOp[]
  /** Pooled diagonals X needs. */
  readonly must: readonly DiagonalOp[]
  /** X's qubits. */
  readonly pivots: readonly number[]
}

/** The items of one flush, and which pooled ops it consumed. */
function flush(
  input: FlushInput,
  options: PoolDiagonalsOptions,
): { items: FusionItem[]; includes: (d: DiagonalOp) => boolean } {
  const { must, pivots } = input
  const { numQubits, maxBlockQubits } = options
  const asSingles = { items: must.map(single), includes: (d: DiagonalOp) => must.includes(d) }
  if (pivots.length > 3) return asSingles
  const fits = (d: DiagonalOp): boolean => chunkOf(d.qubits, pivots, numQubits) >= 0
  const riders = input.pool.filter((d) => !must.includes(d) && fits(d))
  const ahead = diagonalsAhead(input, fits)
  const batch = [...must.filter(fits), ...riders, ...ahead.map((a) => a.op)]
  const union = new Set(batch.flatMap((d) => d.qubits))
  if (union.size <= maxBlockQubits || batch.length < 2) return asSingles
  for (const a of ahead) input.taken[a.index] = 1
  // Without pivots a batch is one sweep with one table set; pivots only when needed.
  const unpivoted = batch.every((d) => chunkOf(d.qubits, [], numQubits) >= 0)
  const spec = buildBatchDiagonal(batch, unpivoted ? [] : pivots, numQubits)
  const consumed = new Set<DiagonalOp>([...must, ...riders])
  const items: FusionItem[] = []
  if (spec.patterns.length > 0) {
    items.push({ kind: 'batch', spec, qubits: [...union].sort((a, b) => a - b), isDiagonal: true })
  }
  for (const d of must) if (!fits(d)) items.push(single(d))
  return { items, includes: (d) => consumed.has(d) }
}

/** Diagonal ops after X that may move before it (no non-diagonal op on their qubits between). */
function diagonalsAhead(
  input: FlushInput,
  fits: (d: DiagonalOp) => boolean,
): { op: DiagonalOp; index: number }[] {
  const blocked = new Set(input.pivots)
  const found: { op: DiagonalOp; index: number }[] = []
  const end = Math.min(input.ops.length, input.from + 1 + LOOKAHEAD_OPS)
  for (let k = input.from + 1; k < end && blocked.size < input.numQubits; k++) {
    if (input.taken[k] === 1) continue
    const op = input.ops[k]!
    if (op.kind === 'global-phase') continue
    const qubits = opQubits(op)
    if (op.kind !== 'diagonal') {
      for (const q of qubits) blocked.add(q)
    } else if (!qubits.some((q) => blocked.has(q)) && fits(op)) {
      // Diagonals commute, so one left behind blocks nothing.
      found.push({ op, index: k })
    }
  }
  return found
}

function single(d: DiagonalOp): FusionItem {
  return { kind: 'op', op: d, qubits: d.qubits, isDiagonal: true }
}

function isDiagonalOp(op: UnitaryOp): boolean {
  return op.kind === 'global-phase' || (op.kind === 'controlled' && op.target.kind === 'diagonal')
}
