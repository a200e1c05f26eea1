/**
 * Generates a straight-line JavaScript kernel for a fused block: each group's `2^k` amplitudes
 * are loaded into locals, every stage is applied in registers with its structure folded (zeros
 * dropped, ±1 and real factors without multiplications, permutations as renaming), and the
 * amplitudes are stored once. V8 compiles the result like a hand-written kernel, so a block of
 * many gates costs one pass over memory and only the flops its gates really need.
 *
 * The source depends only on the block's structure: matrix entries other than 0 and ±1, and the
 * qubit positions, are parameters. Blocks of the same shape (every layer of a layered circuit)
 * thus share one compiled, already optimized function.
 */
import type { BlockStage } from './block-stages.js'
import { snap } from './snap.js'

/** A generated block kernel: factory source and the parameters of this block. */
export interface GeneratedBlock {
  /**
   * The body of `function (c, p)` returning `function (st, lo, hi)`: `c` holds the matrix
   * constants, `p` the masks and offsets of the qubit positions.
   */
  readonly source: string
  readonly constants: Float64Array
  readonly positions: Float64Array
}

/**
 * Generates the kernel of a block.
 *
 * @param qubits - the block's qubits, ascending (global indices)
 * @param stages - the block's stages on local qubits
 * @returns the factory source and this block's parameters
 */
export function generateBlockSource(
  qubits: readonly number[],
  stages: readonly BlockStage[],
): GeneratedBlock {
  const k = qubits.length
  const d = 1 << k
  const names = Array.from({ length: d }, (_, j) => j)
  const constants: number[] = []
  const body: string[] = []
  for (const stage of stages) emitStage(body, stage, { k, names, constants })
  const positions: number[] = qubits.map((q) => (1 << q) - 1)
  for (let j = 1; j < d; j++) {
    let o = 0
    for (let t = 0; t < k; t++) if ((j >> t) & 1) o += 2 ** qubits[t]!
    positions.push(2 * o)
  }
  // Parameters become locals of the kernel (registers), not closure slots reloaded per group.
  const out: string[] = ['return function (st, lo, hi) {']
  constants.forEach((_, n) => out.push(`const c${n} = c[${n}];`))
  for (let t = 0; t < k; t++) out.push(`const m${t} = p[${t}] | 0;`)
  for (let j = 1; j < d; j++) out.push(`const o${j} = p[${k + j - 1}] | 0;`)
  out.push('for (let g = lo; g < hi; g++) {', 'let i = g;')
  for (let t = 0; t < k; t++) out.push(`i = ((i & ~m${t}) << 1) | (i & m${t});`)
  out.push('const b = 2 * i;')
  const at = (j: number): string => (j === 0 ? 'b' : `b + o${j}`)
  for (let j = 0; j < d; j++) out.push(`let r${j} = st[${at(j)}], i${j} = st[${at(j)} + 1];`)
  out.push(...body)
  for (let j = 0; j < d; j++)
    out.push(`st[${at(j)}] = r${names[j]}; st[${at(j)} + 1] = i${names[j]};`)
  out.push('}', '}')
  return {
    source: out.join('\n'),
    constants: Float64Array.from(constants),
    positions: Float64Array.from(positions),
  }
}

interface EmitContext {
  readonly k: number
  /** `names[j]`: the local variable currently holding block amplitude `j`. */
  readonly names: number[]
  /** Matrix constants other than 0 and ±1, referenced as `c<index>`. */
  readonly constants: number[]
}

function emitStage(out: string[], stage: BlockStage, ctx: EmitContext): void {
  switch (stage.kind) {
    case 'diagonal':
      for (let j = 0; j < stage.entries.length / 2; j++) {
        emitScale(out, ctx, [ctx.names[j]!, stage.entries[2 * j]!, stage.entries[2 * j + 1]!])
      }
      return
    case 'permutation':
      forEachSubgroup(ctx.k, stage.locals, (idx) => {
        const before = idx.map((j) => ctx.names[j]!)
        idx.forEach((_, c) => {
          if (stage.phases !== undefined)
            emitScale(out, ctx, [before[c]!, stage.phases[2 * c]!, stage.phases[2 * c + 1]!])
        })
        idx.forEach((_, c) => {
          ctx.names[idx[stage.permutation[c]!]!] = before[c]!
        })
      })
      return
    case 'dense':
      forEachSubgroup(ctx.k, stage.locals, (idx) => {
        emitDense(out, ctx, { m: stage.matrix, vars: idx.map((j) => ctx.names[j]!) })
      })
      return
  }
}

/** Calls `fn` with the block indices of each sub-group of the local qubits `locals`. */
function forEachSubgroup(k: number, locals: readonly number[], fn: (idx: number[]) => void): void {
  let mask = 0
  for (const l of locals) mask |= 1 << l
  const d = 1 << locals.length
  for (let j = 0; j < 1 << k; j++) {
    if ((j & mask) !== 0) continue
    const idx: number[] = []
    for (let c = 0; c < d; c++) {
      let x = j
      locals.forEach((l, t) => {
        if ((c >> t) & 1) x |= 1 << l
      })
      idx.push(x)
    }
    fn(idx)
  }
}

/** The name of a new constant parameter holding `value`. */
function param(ctx: EmitContext, value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`non-finite matrix entry ${value}`)
  ctx.constants.push(value)
  return `c${ctx.constants.length - 1}`
}

/** Multiplies variable `v` by a constant, with the cheapest code for 0, ±1, real, imaginary. */
function emitScale(
  out: string[],
  ctx: EmitContext,
  [v, rawRe, rawIm]: readonly [number, number, number],
): void {
  const re = snap(rawRe)
  const im = snap(rawIm)
  const r = `r${v}`
  const i = `i${v}`
  if (im === 0) {
    if (re === 1) return
    if (re === -1) out.push(`${r} = -${r}; ${i} = -${i};`)
    else {
      const c = param(ctx, re)
      out.push(`${r} *= ${c}; ${i} *= ${c};`)
    }
    return
  }
  if (re === 0) {
    if (im === 1) out.push(`{ const t = ${r}; ${r} = -${i}; ${i} = t; }`)
    else if (im === -1) out.push(`{ const t = ${r}; ${r} = ${i}; ${i} = -t; }`)
    else {
      const c = param(ctx, im)
      out.push(`{ const t = ${r}; ${r} = -${c} * ${i}; ${i} = ${c} * t; }`)
    }
    return
  }
  const cr = param(ctx, re)
  const ci = param(ctx, im)
  out.push(`{ const t = ${r}; ${r} = ${cr} * t - ${ci} * ${i}; ${i} = ${cr} * ${i} + ${ci} * t; }`)
}

/** `y = M·x` on the variables `vars` (in local order), written back into the same variables. */
function emitDense(
  out: string[],
  ctx: EmitContext,
  { m, vars }: { m: Float64Array; vars: readonly number[] },
): void {
  const d = vars.length
  const rows: { v: number; re: string; im: string }[] = []
  const used = new Set<number>()
  for (let r = 0; r < d; r++) {
    const row = denseRow(ctx, { m, d, r, used })
    if (row !== undefined) rows.push({ v: vars[r]!, ...row })
  }
  if (rows.length === 0) return
  const loads = [...used].map((c) => `x${c}r = r${vars[c]}, x${c}i = i${vars[c]}`)
  out.push(`{ const ${loads.join(', ')};`)
  for (const row of rows) out.push(`r${row.v} = ${row.re}; i${row.v} = ${row.im};`)
  out.push('}')
}

/** Row `r` of `y = M·x` as real and imaginary expressions, or undefined for an identity row. */
function denseRow(
  ctx: EmitContext,
  { m, d, r, used }: { m: Float64Array; d: number; r: number; used: Set<number> },
): { re: string; im: string } | undefined {
  const re: string[] = []
  const im: string[] = []
  let identityRow = true
  for (let c = 0; c < d; c++) {
    const mr = snap(m[2 * (r * d + c)]!)
    const mi = snap(m[2 * (r * d + c) + 1]!)
    if (mr !== (r === c ? 1 : 0) || mi !== 0) identityRow = false
    if (mr === 0 && mi === 0) continue
    used.add(c)
    // (mr + i·mi)(xr + i·xi): one parameter per non-trivial real and imaginary part.
    const pr = structural(mr) ? mr : param(ctx, mr)
    const pi = structural(mi) ? mi : param(ctx, mi)
    term(re, pr, `x${c}r`)
    term(re, negated(pi), `x${c}i`)
    term(im, pr, `x${c}i`)
    term(im, pi, `x${c}r`)
  }
  return identityRow ? undefined : { re: joinTerms(re), im: joinTerms(im) }
}

function structural(x: number): boolean {
  return x === 0 || x === 1 || x === -1
}

/** A coefficient: 0, ±1, or a parameter name with a sign (`'c3'`, `'-c3'`). */
type Coefficient = number | string

function negated(coef: Coefficient): Coefficient {
  if (typeof coef === 'number') return coef === 0 ? 0 : -coef
  return coef.startsWith('-') ? coef.slice(1) : `-${coef}`
}

/** Appends `± coef·x`. */
function term(acc: string[], coef: Coefficient, x: string): void {
  if (coef === 0) return
  if (typeof coef === 'number') acc.push(`${coef === 1 ? '+' : '-'} ${x}`)
  else if (coef.startsWith('-')) acc.push(`- ${coef.slice(1)} * ${x}`)
  else acc.push(`+ ${coef} * ${x}`)
}

function joinTerms(terms: readonly string[]): string {
  if (terms.length === 0) return '0'
  const s = terms.join(' ')
  return s.startsWith('+ ') ? s.slice(2) : s
}
