/**
 * Diagonal kernels (rz, p, cz, cp, ccz, fused diagonals …): each amplitude is multiplied by one
 * entry; entries equal to exactly 1 are skipped, so a phase gate touches half the state and a
 * cz a quarter of it.
 */
import type { GroupLayout, OpKernel } from './op-kernel.js'

/**
 * A kernel multiplying amplitudes by the entries of a diagonal.
 *
 * @param layout - where the amplitudes of each group live
 * @param diagonal - interleaved entries in the layout's local order
 * @param numQubits - the state's qubit count
 * @returns the kernel
 */
export function diagonalKernel(
  layout: GroupLayout,
  diagonal: Float64Array,
  numQubits: number,
): OpKernel {
  const groups = 2 ** (numQubits - layout.insert.length)
  const idx: number[] = []
  const re: number[] = []
  const im: number[] = []
  for (let j = 0; j < layout.offsets.length; j++) {
    const r = diagonal[2 * j]!
    const i = diagonal[2 * j + 1]!
    if (r === 1 && i === 0) continue
    idx.push(2 * layout.offsets[j]!)
    re.push(r)
    im.push(i)
  }
  if (idx.length === 0) return { groups, run: () => undefined }
  if (idx.length === 1 && layout.insert.length === 1) {
    return { groups, run: singleEntry(layout.insert[0]!, idx[0]!, [re[0]!, im[0]!]) }
  }
  if (idx.length === 2 && layout.insert.length === 1) {
    return { groups, run: bothEntries(layout.insert[0]!, diagonal) }
  }
  const offs = Int32Array.from(idx)
  const dr = Float64Array.from(re)
  const di = Float64Array.from(im)
  const { masks, base } = layout
  const count = offs.length
  return {
    groups,
    run: (st, lo, hi) => {
      for (let g = lo; g < hi; g++) {
        let i = g
        for (let t = 0; t < masks.length; t++) {
          const m = masks[t]!
          i = ((i & ~m) << 1) | (i & m)
        }
        const b = 2 * (i + base)
        for (let e = 0; e < count; e++) {
          const a = b + offs[e]!
          const xr = st[a]!,
            xi = st[a + 1]!
          const pr = dr[e]!,
            pi = di[e]!
          st[a] = pr * xr - pi * xi
          st[a + 1] = pr * xi + pi * xr
        }
      }
    },
  }
}

/** One qubit, one non-trivial entry: a tight loop over the affected half. */
function singleEntry(
  q: number,
  offset: number,
  [pr, pi]: readonly [number, number],
): OpKernel['run'] {
  const mask = (1 << q) - 1
  return (st, lo, hi) => {
    for (let g = lo; g < hi; g++) {
      const a = 2 * (((g & ~mask) << 1) | (g & mask)) + offset
      const xr = st[a]!,
        xi = st[a + 1]!
      st[a] = pr * xr - pi * xi
      st[a + 1] = pr * xi + pi * xr
    }
  }
}

/** One qubit, both entries non-trivial (rz): one loop over the pairs. */
function bothEntries(q: number, d: Float64Array): OpKernel['run'] {
  const mask = (1 << q) - 1
  const stride = 2 << q
  const d0r = d[0]!,
    d0i = d[1]!,
    d1r = d[2]!,
    d1i = d[3]!
  return (st, lo, hi) => {
    for (let g = lo; g < hi; g++) {
      const a = 2 * (((g & ~mask) << 1) | (g & mask))
      const b = a + stride
      const ar = st[a]!,
        ai = st[a + 1]!,
        br = st[b]!,
        bi = st[b + 1]!
      st[a] = d0r * ar - d0i * ai
      st[a + 1] = d0r * ai + d0i * ar
      st[b] = d1r * br - d1i * bi
      st[b + 1] = d1r * bi + d1i * br
    }
  }
}
