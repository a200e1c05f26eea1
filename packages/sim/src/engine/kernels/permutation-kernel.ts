/**
 * Permutation kernels (x, cx, swap, ccx, y, … and fused products of them): amplitudes move
 * between basis states, optionally picking up a phase. Fixed points with phase 1 are skipped.
 */
import type { GroupLayout, OpKernel } from './op-kernel.js'

/**
 * A kernel applying `|j⟩ → phases[j]·|permutation[j]⟩` within each group.
 *
 * @param layout - where the amplitudes of each group live
 * @param op - the permutation and optional interleaved phases, in the layout's local order
 * @param numQubits - the state's qubit count
 * @returns the kernel
 */
export function permutationKernel(
  layout: GroupLayout,
  op: { readonly permutation: Int32Array; readonly phases?: Float64Array | undefined },
  numQubits: number,
): OpKernel {
  const groups = 2 ** (numQubits - layout.insert.length)
  const from: number[] = []
  const to: number[] = []
  const re: number[] = []
  const im: number[] = []
  for (let j = 0; j < layout.offsets.length; j++) {
    const r = op.phases === undefined ? 1 : op.phases[2 * j]!
    const i = op.phases === undefined ? 0 : op.phases[2 * j + 1]!
    const target = op.permutation[j]!
    if (target === j && r === 1 && i === 0) continue
    from.push(2 * layout.offsets[j]!)
    to.push(2 * layout.offsets[target]!)
    re.push(r)
    im.push(i)
  }
  if (from.length === 0) return { groups, run: () => undefined }
  const plainSwap =
    from.length === 2 &&
    layout.insert.length === 1 &&
    re.every((r) => r === 1) &&
    im.every((i) => i === 0)
  if (plainSwap) return { groups, run: swapHalves(layout.insert[0]!) }
  return { groups, run: movesKernel(layout, { from, to, re, im }) }
}

/** The general case: per group, move (and phase) the listed amplitudes. */
function movesKernel(
  layout: GroupLayout,
  moves: { from: number[]; to: number[]; re: number[]; im: number[] },
): OpKernel['run'] {
  const count = moves.from.length
  const src = Int32Array.from(moves.from)
  const dst = Int32Array.from(moves.to)
  const pr = Float64Array.from(moves.re)
  const pi = Float64Array.from(moves.im)
  const buf = new Float64Array(2 * count)
  const { masks, base } = layout
  return (st, lo, hi) => {
    for (let g = lo; g < hi; g++) {
      let i = g
      for (let t = 0; t < masks.length; t++) {
        const m = masks[t]!
        i = ((i & ~m) << 1) | (i & m)
      }
      const b = 2 * (i + base)
      for (let e = 0; e < count; e++) {
        const xr = st[b + src[e]!]!
        const xi = st[b + src[e]! + 1]!
        buf[2 * e] = pr[e]! * xr - pi[e]! * xi
        buf[2 * e + 1] = pr[e]! * xi + pi[e]! * xr
      }
      for (let e = 0; e < count; e++) {
        st[b + dst[e]!] = buf[2 * e]!
        st[b + dst[e]! + 1] = buf[2 * e + 1]!
      }
    }
  }
}

/** A plain X on one qubit: swap the two halves of every pair. */
function swapHalves(q: number): OpKernel['run'] {
  const mask = (1 << q) - 1
  const stride = 2 << q
  return (st, lo, hi) => {
    for (let g = lo; g < hi; g++) {
      const a = 2 * (((g & ~mask) << 1) | (g & mask))
      const b = a + stride
      const ar = st[a]!,
        ai = st[a + 1]!
      st[a] = st[b]!
      st[a + 1] = st[b + 1]!
      st[b] = ar
      st[b + 1] = ai
    }
  }
}
