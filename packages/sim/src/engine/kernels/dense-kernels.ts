/**
 * Dense-matrix kernels: specialised loops for one and two target qubits (the hot cases when
 * fusion is off or a block is not code-generated) and a gather/multiply/scatter loop for more.
 */
import type { GroupLayout, OpKernel } from './op-kernel.js'

/**
 * A kernel applying a dense `2^k × 2^k` matrix in the given layout.
 *
 * @param layout - where the amplitudes of each group live
 * @param matrix - interleaved, row-major, local bit order of the layout's offsets
 * @param numQubits - the state's qubit count
 * @returns the kernel
 */
export function denseKernel(
  layout: GroupLayout,
  matrix: Float64Array,
  numQubits: number,
): OpKernel {
  const groups = 2 ** (numQubits - layout.insert.length)
  const k = Math.log2(layout.offsets.length)
  if (k === 1 && layout.insert.length === 1)
    return { groups, run: dense1(layout.insert[0]!, matrix) }
  if (k === 1) return { groups, run: dense1Controlled(layout, matrix) }
  if (k === 2 && layout.insert.length === 2) return { groups, run: dense2(layout, matrix) }
  return { groups, run: denseGeneral(layout, matrix) }
}

function dense1(q: number, m: Float64Array): OpKernel['run'] {
  const m0r = m[0]!,
    m0i = m[1]!,
    m1r = m[2]!,
    m1i = m[3]!
  const m2r = m[4]!,
    m2i = m[5]!,
    m3r = m[6]!,
    m3i = m[7]!
  const mask = (1 << q) - 1
  const stride = 2 << q
  return (st, lo, hi) => {
    for (let g = lo; g < hi; g++) {
      const a = 2 * (((g & ~mask) << 1) | (g & mask))
      const b = a + stride
      const ar = st[a]!,
        ai = st[a + 1]!,
        br = st[b]!,
        bi = st[b + 1]!
      st[a] = m0r * ar - m0i * ai + m1r * br - m1i * bi
      st[a + 1] = m0r * ai + m0i * ar + m1r * bi + m1i * br
      st[b] = m2r * ar - m2i * ai + m3r * br - m3i * bi
      st[b + 1] = m2r * ai + m2i * ar + m3r * bi + m3i * br
    }
  }
}

function dense1Controlled(layout: GroupLayout, m: Float64Array): OpKernel['run'] {
  const m0r = m[0]!,
    m0i = m[1]!,
    m1r = m[2]!,
    m1i = m[3]!
  const m2r = m[4]!,
    m2i = m[5]!,
    m3r = m[6]!,
    m3i = m[7]!
  const { masks, base } = layout
  const stride = 2 * layout.offsets[1]!
  return (st, lo, hi) => {
    for (let g = lo; g < hi; g++) {
      let i = g
      for (let t = 0; t < masks.length; t++) {
        const m = masks[t]!
        i = ((i & ~m) << 1) | (i & m)
      }
      const a = 2 * (i + base)
      const b = a + stride
      const ar = st[a]!,
        ai = st[a + 1]!,
        br = st[b]!,
        bi = st[b + 1]!
      st[a] = m0r * ar - m0i * ai + m1r * br - m1i * bi
      st[a + 1] = m0r * ai + m0i * ar + m1r * bi + m1i * br
      st[b] = m2r * ar - m2i * ai + m3r * br - m3i * bi
      st[b + 1] = m2r * ai + m2i * ar + m3r * bi + m3i * br
    }
  }
}

function dense2(layout: GroupLayout, m: Float64Array): OpKernel['run'] {
  const [p0, p1] = layout.insert as [number, number]
  const mask0 = (1 << p0) - 1
  const mask1 = (1 << p1) - 1
  const o1 = 2 * layout.offsets[1]!,
    o2 = 2 * layout.offsets[2]!,
    o3 = 2 * layout.offsets[3]!
  const mat = Float64Array.from(m)
  return (st, lo, hi) => {
    const c = mat
    for (let g = lo; g < hi; g++) {
      let i = ((g & ~mask0) << 1) | (g & mask0)
      i = ((i & ~mask1) << 1) | (i & mask1)
      const a0 = 2 * i,
        a1 = a0 + o1,
        a2 = a0 + o2,
        a3 = a0 + o3
      const x0r = st[a0]!,
        x0i = st[a0 + 1]!,
        x1r = st[a1]!,
        x1i = st[a1 + 1]!
      const x2r = st[a2]!,
        x2i = st[a2 + 1]!,
        x3r = st[a3]!,
        x3i = st[a3 + 1]!
      for (let r = 0; r < 4; r++) {
        const o = 8 * r
        const yr =
          c[o]! * x0r -
          c[o + 1]! * x0i +
          c[o + 2]! * x1r -
          c[o + 3]! * x1i +
          c[o + 4]! * x2r -
          c[o + 5]! * x2i +
          c[o + 6]! * x3r -
          c[o + 7]! * x3i
        const yi =
          c[o]! * x0i +
          c[o + 1]! * x0r +
          c[o + 2]! * x1i +
          c[o + 3]! * x1r +
          c[o + 4]! * x2i +
          c[o + 5]! * x2r +
          c[o + 6]! * x3i +
          c[o + 7]! * x3r
        const a = r === 0 ? a0 : r === 1 ? a1 : r === 2 ? a2 : a3
        st[a] = yr
        st[a + 1] = yi
      }
    }
  }
}

function denseGeneral(layout: GroupLayout, m: Float64Array): OpKernel['run'] {
  const { masks, base } = layout
  const d = layout.offsets.length
  const offs = Int32Array.from(layout.offsets, (o) => 2 * o)
  const mat = Float64Array.from(m)
  const x = new Float64Array(2 * d)
  return (st, lo, hi) => {
    for (let g = lo; g < hi; g++) {
      let i = g
      for (let t = 0; t < masks.length; t++) {
        const m = masks[t]!
        i = ((i & ~m) << 1) | (i & m)
      }
      const b = 2 * (i + base)
      for (let j = 0; j < d; j++) {
        x[2 * j] = st[b + offs[j]!]!
        x[2 * j + 1] = st[b + offs[j]! + 1]!
      }
      for (let r = 0; r < d; r++) {
        let yr = 0
        let yi = 0
        const row = 2 * r * d
        for (let c = 0; c < d; c++) {
          const mr = mat[row + 2 * c]!,
            mi = mat[row + 2 * c + 1]!
          const xr = x[2 * c]!,
            xi = x[2 * c + 1]!
          yr += mr * xr - mi * xi
          yi += mr * xi + mi * xr
        }
        st[b + offs[r]!] = yr
        st[b + offs[r]! + 1] = yi
      }
    }
  }
}
