/**
 * One pass applying many diagonal gates at once. The index is cut into a few contiguous chunks
 * (each overlapping the next by one bit, so gates on neighbouring qubits always fit one chunk);
 * conditioned on a few "pivot" qubits (those of the gate that forced the flush), every gate of
 * the batch depends on the bits of one chunk only, so an amplitude's phase is a product of one
 * table entry per chunk: `phase(i) = Π_j T[pattern][j][bits of chunk j of i]`. For a layer of
 * rz/cz gates, or QFT's controlled-phase fans, this replaces dozens of passes by one.
 */
import type { DiagonalOp } from '../sim-program.js'
import type { OpKernel } from './op-kernel.js'

/** Chunks start every this many bits at most (tables of up to 2^14 complex entries). */
export const MAX_CHUNK_BITS = 13

/** The serializable description of a batch-diagonal pass. */
export interface BatchDiagonalSpec {
  readonly numQubits: number
  /** Pivot qubits, ascending. */
  readonly pivots: readonly number[]
  /** Chunk `j` covers bits `[j·chunkBits, j·chunkBits + chunkBits]` (one bit of overlap). */
  readonly chunkBits: number
  /** Per pivot pattern whose phases are not all 1: one table per chunk (`null` when all 1). */
  readonly patterns: readonly {
    readonly pattern: number
    readonly tables: readonly (Float64Array | null)[]
  }[]
}

/**
 * How the index is cut into chunks for `numQubits` qubits.
 *
 * @param numQubits - the state's width
 * @returns the number of chunks and the bits between chunk starts
 */
export function chunkLayout(numQubits: number): { numChunks: number; chunkBits: number } {
  const numChunks = Math.max(1, Math.ceil(numQubits / MAX_CHUNK_BITS))
  return { numChunks, chunkBits: Math.ceil(numQubits / numChunks) }
}

/**
 * The chunk a diagonal op can be tabulated in, given the pivots, or -1 when it spans chunks.
 *
 * @param qubits - the op's qubits
 * @param pivots - the pivot qubits
 * @param numQubits - the state's qubit count
 * @returns the chunk index (0 when the op touches pivots only) or -1
 */
export function chunkOf(
  qubits: readonly number[],
  pivots: readonly number[],
  numQubits: number,
): number {
  const { numChunks, chunkBits } = chunkLayout(numQubits)
  const rest = qubits.filter((q) => !pivots.includes(q))
  if (rest.length === 0) return 0
  const lo = Math.min(...rest)
  const hi = Math.max(...rest)
  const j = Math.min(numChunks - 1, Math.floor(lo / chunkBits))
  return hi <= j * chunkBits + chunkBits ? j : -1
}

/**
 * Tabulates diagonal ops into a batch over `pivots`.
 *
 * @param ops - diagonal ops, each with `chunkOf(op.qubits, pivots) >= 0`
 * @param pivots - qubits to condition on (at most 3)
 * @param numQubits - the state's qubit count
 * @returns the spec
 * @throws RangeError when an op spans chunks
 */
export function buildBatchDiagonal(
  ops: readonly DiagonalOp[],
  pivots: readonly number[],
  numQubits: number,
): BatchDiagonalSpec {
  const sortedPivots = [...pivots].sort((a, b) => a - b)
  const { numChunks, chunkBits } = chunkLayout(numQubits)
  const perChunk: DiagonalOp[][] = Array.from({ length: numChunks }, () => [])
  for (const op of ops) {
    const j = chunkOf(op.qubits, sortedPivots, numQubits)
    if (j < 0) throw new RangeError(`diagonal on [${op.qubits.join(', ')}] spans chunks`)
    perChunk[j]!.push(op)
  }
  const patterns: BatchDiagonalSpec['patterns'][number][] = []
  for (let pattern = 0; pattern < 1 << sortedPivots.length; pattern++) {
    const tables = perChunk.map((chunkOps, j) =>
      chunkTable(chunkOps, {
        pivots: sortedPivots,
        pattern,
        start: j * chunkBits,
        width: Math.min(chunkBits + 1, numQubits - j * chunkBits),
      }),
    )
    if (tables.some((t) => t !== null)) patterns.push({ pattern, tables })
  }
  return { numQubits, pivots: sortedPivots, chunkBits, patterns }
}

function chunkTable(
  ops: readonly DiagonalOp[],
  p: { pivots: readonly number[]; pattern: number; start: number; width: number },
): Float64Array | null {
  if (ops.length === 0) return null
  const size = 1 << p.width
  const t = new Float64Array(2 * size)
  for (let x = 0; x < size; x++) t[2 * x] = 1
  for (const op of ops) {
    const fixed = op.qubits.map((q) => {
      const pv = p.pivots.indexOf(q)
      return pv >= 0 ? (p.pattern >> pv) & 1 : -1
    })
    const shifts = op.qubits.map((q) => q - p.start)
    for (let x = 0; x < size; x++) {
      let j = 0
      for (let k = 0; k < fixed.length; k++) {
        const bit = fixed[k]! >= 0 ? fixed[k]! : (x >> shifts[k]!) & 1
        j |= bit << k
      }
      const dr = op.diagonal[2 * j]!,
        di = op.diagonal[2 * j + 1]!
      const xr = t[2 * x]!,
        xi = t[2 * x + 1]!
      t[2 * x] = xr * dr - xi * di
      t[2 * x + 1] = xr * di + xi * dr
    }
  }
  for (let x = 0; x < 2 * size; x += 2) if (t[x] !== 1 || t[x + 1] !== 0) return t
  return null
}

/**
 * The kernel of a batch-diagonal pass. Groups run over the non-pivot bits.
 *
 * @param spec - the batch
 * @returns the kernel
 */
export function batchDiagonalKernel(spec: BatchDiagonalSpec): OpKernel {
  const groups = 2 ** (spec.numQubits - spec.pivots.length)
  const c = spec.chunkBits
  const [p0 = -1, p1 = -1, p2 = -1] = spec.pivots
  // Insertion masks; -1 (all ones) inserts nothing.
  const masks = [p0, p1, p2].map((p) => (p < 0 ? -1 : (1 << p) - 1)) as [number, number, number]
  const runs = spec.patterns.map(({ pattern, tables }): TableRun => {
    let bits = 0
    spec.pivots.forEach((q, k) => {
      if ((pattern >> k) & 1) bits |= 1 << q
    })
    const active = tables.flatMap((t, j) =>
      t === null ? [] : [{ t, shift: j * c, mask: t.length / 2 - 1 }],
    )
    return { bits, masks, tables: active }
  })
  return {
    groups,
    run: (st, lo, hi) => {
      for (const r of runs) {
        if (r.tables.length === 2 && spec.pivots.length === 0) runTwoTablesFlat(st, r, lo, hi)
        else if (r.tables.length === 1) runOneTable(st, r, [lo, hi])
        else if (r.tables.length === 2) runTwoTables(st, r, [lo, hi])
        else runTables(st, r, [lo, hi])
      }
    },
  }
}

interface Table {
  readonly t: Float64Array
  readonly shift: number
  readonly mask: number
}

/** One pivot pattern: its bits, the pivot insertion masks, and its non-trivial tables. */
interface TableRun {
  readonly bits: number
  readonly masks: readonly [number, number, number]
  readonly tables: readonly Table[]
}

// Specialised loops per table count: a generic loop with branches runs about twice as slow.

function runOneTable(st: Float64Array, r: TableRun, [lo, hi]: readonly [number, number]): void {
  const [m0, m1, m2] = r.masks
  const { bits } = r
  const { t, shift, mask } = r.tables[0]!
  for (let g = lo; g < hi; g++) {
    let i = ((g & ~m0) << 1) | (g & m0)
    i = ((i & ~m1) << 1) | (i & m1)
    i = ((i & ~m2) << 1) | (i & m2) | bits
    const a = ((i >> shift) & mask) << 1
    const pr = t[a]!
    const pi = t[a + 1]!
    const x = 2 * i
    const xr = st[x]!
    const xi = st[x + 1]!
    st[x] = pr * xr - pi * xi
    st[x + 1] = pr * xi + pi * xr
  }
}

/** Two tables, no pivots: the common layer-of-diagonals case, as tight as it gets. */
// eslint-disable-next-line max-params -- a hot loop: no argument objects per call
function runTwoTablesFlat(st: Float64Array, r: TableRun, lo: number, hi: number): void {
  const { t: t0, shift: s0, mask: k0 } = r.tables[0]!
  const { t: t1, shift: s1, mask: k1 } = r.tables[1]!
  for (let i = lo; i < hi; i++) {
    const a = ((i >> s0) & k0) << 1
    const b = ((i >> s1) & k1) << 1
    const ar = t0[a]!
    const ai = t0[a + 1]!
    const br = t1[b]!
    const bi = t1[b + 1]!
    const pr = ar * br - ai * bi
    const pi = ar * bi + ai * br
    const x = 2 * i
    const xr = st[x]!
    const xi = st[x + 1]!
    st[x] = pr * xr - pi * xi
    st[x + 1] = pr * xi + pi * xr
  }
}

function runTwoTables(st: Float64Array, r: TableRun, [lo, hi]: readonly [number, number]): void {
  const [m0, m1, m2] = r.masks
  const { bits } = r
  const { t: t0, shift: s0, mask: k0 } = r.tables[0]!
  const { t: t1, shift: s1, mask: k1 } = r.tables[1]!
  for (let g = lo; g < hi; g++) {
    let i = ((g & ~m0) << 1) | (g & m0)
    i = ((i & ~m1) << 1) | (i & m1)
    i = ((i & ~m2) << 1) | (i & m2) | bits
    const a = ((i >> s0) & k0) << 1
    const b = ((i >> s1) & k1) << 1
    const ar = t0[a]!
    const ai = t0[a + 1]!
    const br = t1[b]!
    const bi = t1[b + 1]!
    const pr = ar * br - ai * bi
    const pi = ar * bi + ai * br
    const x = 2 * i
    const xr = st[x]!
    const xi = st[x + 1]!
    st[x] = pr * xr - pi * xi
    st[x + 1] = pr * xi + pi * xr
  }
}

function runTables(st: Float64Array, r: TableRun, [lo, hi]: readonly [number, number]): void {
  const [m0, m1, m2] = r.masks
  const { bits, tables } = r
  for (let g = lo; g < hi; g++) {
    let i = ((g & ~m0) << 1) | (g & m0)
    i = ((i & ~m1) << 1) | (i & m1)
    i = ((i & ~m2) << 1) | (i & m2) | bits
    let pr = 1
    let pi = 0
    for (const { t, shift, mask } of tables) {
      const a = ((i >> shift) & mask) << 1
      const qr = t[a]!
      const qi = t[a + 1]!
      const re = pr * qr - pi * qi
      pi = pr * qi + pi * qr
      pr = re
    }
    const x = 2 * i
    const xr = st[x]!
    const xi = st[x + 1]!
    st[x] = pr * xr - pi * xi
    st[x + 1] = pr * xi + pi * xr
  }
}
