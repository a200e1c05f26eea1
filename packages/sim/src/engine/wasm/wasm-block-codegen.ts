/**
 * Compiles a fused block to a WebAssembly SIMD kernel: one complex amplitude per `v128` register
 * (re, im), so a complex product by a constant is two multiplies, a shuffle and an add, and a
 * real coefficient one multiply. Same folding as the JavaScript generator (0 and ±1 need no
 * arithmetic, permutations are renamings), but with twice the data per instruction and no bounds
 * checks.
 */
import type { BlockStage } from '../fusion/block-stages.js'
import { snap } from '../fusion/snap.js'
import { kernelModule, OP, SIMD, sleb, TYPE, uleb } from './wasm-bytes.js'
import { statePages } from './wasm-state.js'

/** Local indices of the fixed locals: parameters `lo`, `hi`, then `g` and `i`. */
const LO = 0
const HI = 1
const G = 2
const I = 3
const FIRST_V128 = 4

/** Lane bytes of the shuffle swapping the two f64 lanes. */
const SWAP_LANES = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7]

/**
 * The bytes of a module applying `stages` to groups `[lo, hi)` of a state at offset 0 of a
 * shared memory.
 *
 * @param qubits - the block's qubits, ascending
 * @param stages - its stages on local qubits
 * @param numQubits - the state's width (fixes the memory's minimum size)
 * @returns the module bytes (export `run(lo, hi)`)
 */
export function wasmBlockModule(
  qubits: readonly number[],
  stages: readonly BlockStage[],
  numQubits: number,
): Uint8Array {
  const e = new Emitter()
  const loopBody = groupBody(e, qubits, stages)
  // for (g = lo; g < hi; g++) { body }
  const loop = [OP.localGet, G, OP.localGet, HI, OP.i32GeU, OP.brIf, 1, ...loopBody]
  const body = [
    ...e.constantInit(),
    ...[OP.localGet, LO, OP.localSet, G],
    ...[OP.block, TYPE.void, OP.loop, TYPE.void, ...loop, OP.end, OP.end],
  ]
  const locals: [number, number][] = [
    [2, TYPE.i32],
    [e.v128Count, TYPE.v128],
  ]
  return kernelModule({ pages: statePages(numQubits), locals, body })
}

/** The code for one group: locate, load, apply the stages, store, advance `g`. */
function groupBody(e: Emitter, qubits: readonly number[], stages: readonly BlockStage[]): number[] {
  const k = qubits.length
  const d = 1 << k
  const names = Array.from({ length: d }, () => e.v128())
  e.code = []
  // i = g with zero bits inserted at the block's qubits; byte address = 16·i.
  e.op(OP.localGet, G, OP.localSet, I)
  for (const q of qubits) {
    const m = (1 << q) - 1
    e.op(OP.localGet, I, OP.i32Const, ...sleb(~m), OP.i32And, OP.i32Const, 1, OP.i32Shl)
    e.op(OP.localGet, I, OP.i32Const, ...sleb(m), OP.i32And, OP.i32Or, OP.localSet, I)
  }
  e.op(OP.localGet, I, OP.i32Const, 4, OP.i32Shl, OP.localSet, I)
  const offset = (j: number): number[] => {
    let o = 0
    for (let t = 0; t < k; t++) if ((j >> t) & 1) o += 2 ** qubits[t]!
    // memarg: alignment 2^4, then the byte offset.
    return [4, ...uleb(16 * o)]
  }
  for (let j = 0; j < d; j++) {
    e.op(OP.localGet, I, ...e.simd(SIMD.v128Load), ...offset(j), OP.localSet, ...uleb(names[j]!))
  }
  for (const stage of stages) emitStage(e, stage, { k, names })
  for (let j = 0; j < d; j++) {
    e.op(OP.localGet, I, OP.localGet, ...uleb(names[j]!), ...e.simd(SIMD.v128Store), ...offset(j))
  }
  e.op(OP.localGet, G, OP.i32Const, 1, OP.i32Add, OP.localSet, G, OP.br, 0)
  return e.code
}

/** Builds the loop body and tracks v128 locals and constants. */
class Emitter {
  code: number[] = []
  v128Count = 0
  readonly #constants = new Map<string, { local: number; lanes: [number, number] }>()

  v128(): number {
    return FIRST_V128 + this.v128Count++
  }

  op(...bytes: number[]): void {
    this.code.push(...bytes)
  }

  simd(sub: number): number[] {
    return [OP.simd, ...uleb(sub)]
  }

  /** The local holding the constant vector `(a, b)`. */
  constant(a: number, b: number): number {
    const key = `${a},${b}`
    let c = this.#constants.get(key)
    if (c === undefined) {
      c = { local: this.v128(), lanes: [a, b] }
      this.#constants.set(key, c)
    }
    return c.local
  }

  /** Code setting every constant local (run once, before the loop). */
  constantInit(): number[] {
    const out: number[] = []
    const bytes = new Uint8Array(16)
    const view = new DataView(bytes.buffer)
    for (const { local, lanes } of this.#constants.values()) {
      view.setFloat64(0, lanes[0], true)
      view.setFloat64(8, lanes[1], true)
      out.push(OP.simd, ...uleb(SIMD.v128Const), ...bytes, OP.localSet, ...uleb(local))
    }
    return out
  }

  /** Pushes `swap(x)`: (im, re). */
  pushSwapped(x: number): void {
    this.op(
      OP.localGet,
      ...uleb(x),
      OP.localGet,
      ...uleb(x),
      ...this.simd(SIMD.i8x16Shuffle),
      ...SWAP_LANES,
    )
  }
}

interface Context {
  readonly k: number
  /** `names[j]`: the local holding block amplitude `j`. */
  readonly names: number[]
}

function emitStage(e: Emitter, stage: BlockStage, ctx: Context): void {
  switch (stage.kind) {
    case 'diagonal':
      for (let j = 0; j < stage.entries.length / 2; j++) {
        scaleInPlace(e, ctx.names[j]!, [stage.entries[2 * j]!, stage.entries[2 * j + 1]!])
      }
      return
    case 'permutation':
      forEachSubgroup(ctx.k, stage.locals, (idx) => {
        const before = idx.map((j) => ctx.names[j]!)
        if (stage.phases !== undefined) {
          for (let c = 0; c < idx.length; c++)
            scaleInPlace(e, before[c]!, [stage.phases[2 * c]!, stage.phases[2 * c + 1]!])
        }
        idx.forEach((_, c) => {
          ctx.names[idx[stage.permutation[c]!]!] = before[c]!
        })
      })
      return
    case 'dense':
      forEachSubgroup(ctx.k, stage.locals, (idx) => {
        const outs = emitDense(
          e,
          stage.matrix,
          idx.map((j) => ctx.names[j]!),
        )
        idx.forEach((j, r) => {
          ctx.names[j] = outs[r]!
        })
      })
      return
  }
}

/** Calls `fn` with the block indices of each sub-group of the local qubits `locals`. */
function forEachSubgroup(k: number, locals: readonly number[], fn: (idx: number[]) => void): void {
  let mask = 0
  for (const l of locals) mask |= 1 << l
  for (let j = 0; j < 1 << k; j++) {
    if ((j & mask) !== 0) continue
    const idx: number[] = []
    for (let c = 0; c < 1 << locals.length; c++) {
      let x = j
      locals.forEach((l, t) => {
        if ((c >> t) & 1) x |= 1 << l
      })
      idx.push(x)
    }
    fn(idx)
  }
}

/** `x ← (a + ib)·x`. */
function scaleInPlace(e: Emitter, x: number, [rawA, rawB]: readonly [number, number]): void {
  const a = snap(rawA)
  const b = snap(rawB)
  if (a === 1 && b === 0) return
  pushProduct(e, x, { a, b, swapped: undefined })
  e.op(OP.localSet, ...uleb(x))
}

/** Pushes `(a + ib)·x` (`swapped`: a local already holding `swap(x)`, if any). */
function pushProduct(
  e: Emitter,
  x: number,
  c: { a: number; b: number; swapped: number | undefined },
): void {
  const pushSwap = (): void => {
    if (c.swapped === undefined) e.pushSwapped(x)
    else e.op(OP.localGet, ...uleb(c.swapped))
  }
  if (c.b === 0) {
    e.op(OP.localGet, ...uleb(x))
    if (c.a === -1) e.op(...e.simd(SIMD.f64x2Neg))
    else if (c.a !== 1) e.op(OP.localGet, ...uleb(e.constant(c.a, c.a)), ...e.simd(SIMD.f64x2Mul))
    return
  }
  pushSwap()
  e.op(OP.localGet, ...uleb(e.constant(-c.b, c.b)), ...e.simd(SIMD.f64x2Mul))
  if (c.a !== 0) {
    e.op(OP.localGet, ...uleb(x), OP.localGet, ...uleb(e.constant(c.a, c.a)))
    e.op(...e.simd(SIMD.f64x2Mul), ...e.simd(SIMD.f64x2Add))
  }
}

/** `y = M·x` into fresh locals; returns them (an identity row keeps its input local). */
function emitDense(e: Emitter, m: Float64Array, xs: readonly number[]): number[] {
  const d = xs.length
  const entry = (r: number, c: number): [number, number] => [
    snap(m[2 * (r * d + c)]!),
    snap(m[2 * (r * d + c) + 1]!),
  ]
  // swap(x_c) once per input that meets an imaginary coefficient.
  const swapped = xs.map((x, c) => {
    let needed = false
    for (let r = 0; r < d; r++) if (entry(r, c)[1] !== 0) needed = true
    if (!needed) return undefined
    const s = e.v128()
    e.pushSwapped(x)
    e.op(OP.localSet, ...uleb(s))
    return s
  })
  const outs: number[] = []
  for (let r = 0; r < d; r++) {
    const terms = xs.flatMap((x, c) => {
      const [a, b] = entry(r, c)
      return a === 0 && b === 0 ? [] : [{ x, a, b, swapped: swapped[c] }]
    })
    const identity =
      terms.length === 1 && terms[0]!.x === xs[r] && terms[0]!.a === 1 && terms[0]!.b === 0
    if (identity) {
      outs.push(xs[r]!)
      continue
    }
    emitSum(e, terms)
    const y = e.v128()
    e.op(OP.localSet, ...uleb(y))
    outs.push(y)
  }
  return outs
}

/** Pushes `Σ coef·x`, using subtraction for −1 coefficients after the first term. */
function emitSum(
  e: Emitter,
  terms: readonly { x: number; a: number; b: number; swapped: number | undefined }[],
): void {
  if (terms.length === 0) {
    e.op(OP.simd, ...uleb(SIMD.v128Const), ...new Array<number>(16).fill(0))
    return
  }
  terms.forEach((t, n) => {
    if (n > 0 && t.a === -1 && t.b === 0) {
      e.op(OP.localGet, ...uleb(t.x), ...e.simd(SIMD.f64x2Sub))
      return
    }
    pushProduct(e, t.x, t)
    if (n > 0) e.op(...e.simd(SIMD.f64x2Add))
  })
}
