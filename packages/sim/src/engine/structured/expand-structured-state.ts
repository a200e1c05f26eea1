/**
 * Writes a structured state into a dense statevector. The buffer must be freshly zeroed: only
 * non-zero amplitudes are written, so sparse states touch few pages and the rest stays zero.
 *
 * Two strategies:
 * - sparse: enumerate the product of the clusters' entries (when it has few non-zeros);
 * - table: split the index into low bits `[0, m)` and high bits `[m, n)` with no cluster on both
 *   sides, expand each side into a small table, and write `high[h] · low[l]` in one sequential
 *   pass, split across the executor's threads (the cost of a product state such as QFT's).
 */
import type { PassSpec } from '../plan/pass-spec.js'
import type { PlanExecutor } from '../plan/plan-executor.js'
import type { Cluster } from './cluster.js'
import type { StructuredState } from './structured-state.js'

/** How the state was written. */
export type ExpansionKind = 'sparse' | 'table'

/** A side of the table strategy has at most this many qubits (its table is 2^k amplitudes). */
const MAX_TABLE_QUBITS = 20

/** The table pass: one group per high index, writing the row `high[h] · low[·]`. */
const TABLE_KERNEL_SOURCE = `
const width = 2 ** p[0];
const th = 2 * width;
return function (st, lo, hi) {
  for (let h = lo; h < hi; h++) {
    const hr = c[th + 2 * h];
    const hm = c[th + 2 * h + 1];
    if (hr === 0 && hm === 0) continue;
    const o = 2 * width * h;
    for (let l = 0; l < width; l++) {
      const lr = c[2 * l];
      const lm = c[2 * l + 1];
      if (lr === 0 && lm === 0) continue;
      st[o + 2 * l] = hr * lr - hm * lm;
      st[o + 2 * l + 1] = hr * lm + hm * lr;
    }
  }
};
`

/** Options of {@link expandStructuredState}. */
export interface ExpandOptions {
  readonly executor: PlanExecutor
  readonly signal?: AbortSignal | undefined
}

/**
 * Writes `state` into `out`.
 *
 * @param state - the structured state
 * @param out - a zeroed dense state of `state.numQubits` qubits (from the executor)
 * @param options - the executor that runs the table pass, and an abort signal
 * @returns the strategy used
 */
export async function expandStructuredState(
  state: StructuredState,
  out: Float64Array,
  options: ExpandOptions,
): Promise<ExpansionKind> {
  const n = state.numQubits
  const clusters = state.clusters()
  let nonZeros = 1
  for (const c of clusters) nonZeros *= c.keys.length
  const split = nonZeros * 8 > 2 ** n ? tableSplit(clusters, n) : undefined
  if (split === undefined) {
    writeProduct(out, clusters, { shift: 0, scalar: state.scalar })
    return 'sparse'
  }
  const low = new Float64Array(2 ** (split + 1))
  const high = new Float64Array(2 ** (n - split + 1))
  writeProduct(
    low,
    clusters.filter((c) => c.qubits[0]! < split),
    { shift: 0, scalar: state.scalar },
  )
  writeProduct(
    high,
    clusters.filter((c) => c.qubits[0]! >= split),
    { shift: split, scalar: [1, 0] },
  )
  const constants = new Float64Array(low.length + high.length)
  constants.set(low)
  constants.set(high, low.length)
  const pass: PassSpec = {
    kind: 'generated',
    // The kernel runs 2^(n − qubits.length) groups: one per high index.
    qubits: Array.from({ length: split }, (_, q) => q),
    source: TABLE_KERNEL_SOURCE,
    constants,
    positions: Float64Array.of(split),
  }
  await options.executor.apply(out, [pass], { numQubits: n, signal: options.signal })
  return 'table'
}

/**
 * The split point `m` closest to the middle such that no cluster has qubits on both sides and
 * both tables stay small, or undefined when there is none.
 */
function tableSplit(clusters: readonly Cluster[], n: number): number | undefined {
  const straddles = new Uint8Array(n + 1)
  for (const c of clusters) {
    const lo = Math.min(...c.qubits)
    const hi = Math.max(...c.qubits)
    for (let m = lo + 1; m <= hi; m++) straddles[m] = 1
  }
  let best: number | undefined
  for (let m = 0; m <= n; m++) {
    if (straddles[m] === 1 || m > MAX_TABLE_QUBITS || n - m > MAX_TABLE_QUBITS) continue
    if (best === undefined || Math.abs(2 * m - n) < Math.abs(2 * best - n)) best = m
  }
  return best
}

/**
 * Writes `scalar · ⊗ clusters` into `out` (zeroed), bit `q − shift` of an index being qubit `q`.
 * Enumerates the product of the entries; the largest cluster is the innermost loop.
 */
function writeProduct(
  out: Float64Array,
  clusters: readonly Cluster[],
  at: { readonly shift: number; readonly scalar: readonly [number, number] },
): void {
  const levels = [...clusters]
    .sort((a, b) => a.keys.length - b.keys.length)
    .map((c) => ({ offsets: globalOffsets(c, at.shift), re: c.re, im: c.im }))
  const last = levels.length - 1
  // The product of the amplitudes chosen at the outer levels, per level.
  const accRe = new Float64Array(levels.length + 1)
  const accIm = new Float64Array(levels.length + 1)
  accRe[0] = at.scalar[0]
  accIm[0] = at.scalar[1]
  if (last < 0) {
    out[0] = accRe[0]
    out[1] = accIm[0]
    return
  }
  const visit = (level: number, index: number): void => {
    const { offsets, re, im } = levels[level]!
    const ar = accRe[level]!
    const ai = accIm[level]!
    if (level === last) {
      for (let e = 0; e < offsets.length; e++) {
        const o = 2 * (index + offsets[e]!)
        out[o] = ar * re[e]! - ai * im[e]!
        out[o + 1] = ar * im[e]! + ai * re[e]!
      }
      return
    }
    for (let e = 0; e < offsets.length; e++) {
      accRe[level + 1] = ar * re[e]! - ai * im[e]!
      accIm[level + 1] = ar * im[e]! + ai * re[e]!
      visit(level + 1, index + offsets[e]!)
    }
  }
  visit(0, 0)
}

/** Each entry's contribution to a dense index (bits of distinct clusters never overlap). */
function globalOffsets(cluster: Cluster, shift: number): Float64Array {
  const offsets = new Float64Array(cluster.keys.length)
  for (let e = 0; e < offsets.length; e++) {
    const key = cluster.keys[e]!
    let index = 0
    for (let j = 0; j < cluster.qubits.length; j++)
      if ((key >> j) & 1) index += 2 ** (cluster.qubits[j]! - shift)
    offsets[e] = index
  }
  return offsets
}
