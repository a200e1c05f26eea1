/**
 * A batch of diagonal gates pivoted on one qubit, followed by a one-qubit gate on that pivot, in
 * one pass. This is QFT's shape (the controlled-phase fan onto qubit k, then h on k): fused, each
 * qubit costs one pass over the state instead of two.
 */
import type { BatchDiagonalSpec } from './batch-diagonal-kernel.js'
import type { OpKernel } from './op-kernel.js'

interface Table {
  readonly t: Float64Array
  readonly shift: number
  readonly mask: number
}

/** A table that multiplies by 1: index 0 always. */
const ONES: Table = { t: Float64Array.of(1, 0), shift: 0, mask: 0 }

/**
 * Whether a batch can be fused with a following one-qubit gate on `qubit`: the batch is pivoted
 * on that qubit alone or not pivoted, and has two index chunks at most.
 *
 * @param spec - the batch
 * @param qubit - the gate's qubit
 * @returns true when {@link batchThenGateKernel} accepts them
 */
export function canFuseGateAfterBatch(spec: BatchDiagonalSpec, qubit: number): boolean {
  const pivotOk = spec.pivots.length === 0 || (spec.pivots.length === 1 && spec.pivots[0] === qubit)
  return pivotOk && spec.patterns.every((p) => p.tables.length <= 2)
}

/**
 * The kernel applying the batch, then the 2×2 `gate` on `qubit`.
 *
 * @param spec - a batch pivoted on `qubit` or not at all, with at most two chunks
 * @param gate - the one-qubit gate: its matrix, interleaved, and its qubit
 * @returns the kernel (groups run over the other bits)
 * @throws RangeError when the batch does not qualify
 */
export function batchThenGateKernel(
  spec: BatchDiagonalSpec,
  gate: { readonly matrix: Float64Array; readonly qubit: number },
): OpKernel {
  const p = gate.qubit
  if (!canFuseGateAfterBatch(spec, p)) throw new RangeError('the batch cannot be fused with a gate')
  // Pivoted: the pair's 0 and 1 halves use patterns 0 and 1; unpivoted, both use pattern 0.
  const onePattern = spec.pivots.length === 0 ? 0 : 1
  const c = spec.chunkBits
  const tablesOf = (pattern: number): Table[] => {
    const entry = spec.patterns.find((x) => x.pattern === pattern)
    const tables = entry?.tables ?? []
    return [0, 1].map((j) => {
      const t = tables[j] ?? null
      return t === null ? ONES : { t, shift: j * c, mask: t.length / 2 - 1 }
    })
  }
  const [a0, b0] = tablesOf(0) as [Table, Table]
  const [a1, b1] = tablesOf(onePattern) as [Table, Table]
  return {
    groups: 2 ** (spec.numQubits - 1),
    run: (st, lo, hi) => {
      runFused(st, { pivot: p, tables: [a0, b0, a1, b1], gate: gate.matrix }, [lo, hi])
    },
  }
}

/** Phase both amplitudes of each pivot pair from their tables, then apply the gate. */
function runFused(
  st: Float64Array,
  f: { readonly pivot: number; readonly tables: readonly Table[]; readonly gate: Float64Array },
  [lo, hi]: readonly [number, number],
): void {
  const p = f.pivot
  const mask = (1 << p) - 1
  const stride = 2 << p
  const [a0, b0, a1, b1] = f.tables as [Table, Table, Table, Table]
  const ta0 = a0.t,
    sa0 = a0.shift,
    ka0 = a0.mask,
    tb0 = b0.t,
    sb0 = b0.shift,
    kb0 = b0.mask
  const ta1 = a1.t,
    sa1 = a1.shift,
    ka1 = a1.mask,
    tb1 = b1.t,
    sb1 = b1.shift,
    kb1 = b1.mask
  const m = f.gate
  const m0r = m[0]!,
    m0i = m[1]!,
    m1r = m[2]!,
    m1i = m[3]!,
    m2r = m[4]!,
    m2i = m[5]!,
    m3r = m[6]!,
    m3i = m[7]!
  for (let g = lo; g < hi; g++) {
    const i = ((g & ~mask) << 1) | (g & mask)
    const j = i | (1 << p)
    // Phases of the pivot-0 and pivot-1 amplitudes.
    const x = ((i >> sa0) & ka0) << 1,
      y = ((i >> sb0) & kb0) << 1
    const u = ((j >> sa1) & ka1) << 1,
      v = ((j >> sb1) & kb1) << 1
    const p0r = ta0[x]! * tb0[y]! - ta0[x + 1]! * tb0[y + 1]!
    const p0i = ta0[x]! * tb0[y + 1]! + ta0[x + 1]! * tb0[y]!
    const p1r = ta1[u]! * tb1[v]! - ta1[u + 1]! * tb1[v + 1]!
    const p1i = ta1[u]! * tb1[v + 1]! + ta1[u + 1]! * tb1[v]!
    const a = 2 * i
    const b = a + stride
    const sr = st[a]!,
      si = st[a + 1]!,
      tr = st[b]!,
      ti = st[b + 1]!
    const ar = p0r * sr - p0i * si,
      ai = p0r * si + p0i * sr
    const br = p1r * tr - p1i * ti,
      bi = p1r * ti + p1i * tr
    st[a] = m0r * ar - m0i * ai + m1r * br - m1i * bi
    st[a + 1] = m0r * ai + m0i * ar + m1r * bi + m1i * br
    st[b] = m2r * ar - m2i * ai + m3r * br - m3i * bi
    st[b + 1] = m2r * ai + m2i * ar + m3r * bi + m3i * br
  }
}
