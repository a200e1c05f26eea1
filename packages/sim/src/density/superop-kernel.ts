/**
 * A kernel applying a superoperator as a sparse matrix, generated as straight-line code. Noise
 * superoperators are mostly zeros — a Pauli channel on `k` qubits has `2^k` nonzeros per row
 * of `4^k`, relaxation fewer still — and many of their rows are untouched (entry 1 on the
 * diagonal). The generated kernel loads the group's amplitudes into locals, computes only the
 * rows that change from their nonzero entries (±1 and real factors folded), and stores them.
 *
 * The source depends only on the sparsity pattern and on which entries are ±1 or real: the
 * values and the qubit positions are parameters, so every occurrence of one noisy gate shares one
 * compiled function.
 */
import type { OpKernel } from '../engine/kernels/op-kernel.js'

/** Entries below this fraction of the largest one are rounding noise from Kraus products. */
const RELATIVE_ZERO = 1e-15
/** Entries this close to ±1 (or to a zero imaginary part) are folded as such. */
const SNAP = 1e-15

type KernelFactory = (c: Float64Array, p: Int32Array) => OpKernel['run']

/** Compiled factories by source, for the life of the process. */
const compiled = new Map<string, KernelFactory>()

/**
 * The kernel applying a `D × D` matrix (`D = 2^m`) to the `m` qubits `qubits` of a state,
 * visiting only its nonzero entries.
 *
 * @param qubits - distinct state qubits; bit `j` of the matrix's index is `qubits[j]`
 * @param matrix - interleaved, row-major
 * @param numQubits - the state's qubit count
 * @returns the kernel
 * @throws RangeError when a qubit occurs twice or is out of range
 */
export function sparseMatrixKernel(
  qubits: readonly number[],
  matrix: Float64Array,
  numQubits: number,
): OpKernel {
  if (new Set(qubits).size !== qubits.length || qubits.some((q) => q < 0 || q >= numQubits)) {
    throw new RangeError(`invalid qubits [${qubits.join(', ')}] for ${numQubits} qubits`)
  }
  const { source, constants } = generateSource(matrix, qubits.length)
  let factory = compiled.get(source)
  if (factory === undefined) {
    // Our own generated code: index arithmetic and arithmetic on the parameters only.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    factory = new Function('c', 'p', source) as KernelFactory
    compiled.set(source, factory)
  }
  return {
    groups: 2 ** (numQubits - qubits.length),
    run: factory(constants, positions(qubits)),
  }
}

/** Insertion masks (ascending qubits), then the offset of each local basis state after 0. */
function positions(qubits: readonly number[]): Int32Array {
  const sorted = [...qubits].sort((a, b) => a - b)
  const d = 2 ** qubits.length
  const out = sorted.map((q) => (1 << q) - 1)
  for (let j = 1; j < d; j++) {
    let o = 0
    qubits.forEach((q, t) => {
      if ((j >> t) & 1) o += 2 ** q
    })
    out.push(2 * o)
  }
  return Int32Array.from(out)
}

interface Entry {
  readonly col: number
  readonly re: number
  readonly im: number
}

function generateSource(
  matrix: Float64Array,
  m: number,
): { source: string; constants: Float64Array } {
  const d = 2 ** m
  const rows = sparseRows(matrix, d)
  const constants: number[] = []
  const constant = (v: number): string => `c${constants.push(v) - 1}`
  const changed = rows.map((entries, r) => !isIdentityRow(entries, r))
  const used = new Set(rows.flatMap((entries, r) => (changed[r] ? entries.map((e) => e.col) : [])))
  const at = (j: number): string => (j === 0 ? 'b' : `b + o${j}`)
  const body: string[] = []
  for (const j of [...used].sort((a, b) => a - b))
    body.push(`const xr${j} = st[${at(j)}], xi${j} = st[${at(j)} + 1];`)
  const stores: string[] = []
  rows.forEach((entries, r) => {
    if (!changed[r]) return
    const re: string[] = []
    const im: string[] = []
    for (const e of entries) addTerms(e, { re, im, constant })
    body.push(`const yr${r} = ${sum(re)}, yi${r} = ${sum(im)};`)
    stores.push(`st[${at(r)}] = yr${r}; st[${at(r)} + 1] = yi${r};`)
  })
  const out: string[] = ['return function (st, lo, hi) {']
  constants.forEach((_, k) => out.push(`const c${k} = c[${k}];`))
  for (let t = 0; t < m; t++) out.push(`const m${t} = p[${t}] | 0;`)
  for (let j = 1; j < d; j++) out.push(`const o${j} = p[${m + j - 1}] | 0;`)
  out.push('for (let g = lo; g < hi; g++) {', 'let i = g;')
  for (let t = 0; t < m; t++) out.push(`i = ((i & ~m${t}) << 1) | (i & m${t});`)
  out.push('const b = 2 * i;', ...body, ...stores, '}', '}')
  return { source: out.join('\n'), constants: Float64Array.from(constants) }
}

/** Appends the real and imaginary terms of `v·x_col`, folding ±1 and real or imaginary `v`. */
function addTerms(
  e: Entry,
  sink: { re: string[]; im: string[]; constant: (v: number) => string },
): void {
  const xr = `xr${e.col}`
  const xi = `xi${e.col}`
  const scaled = (v: number, x: string): string => {
    if (v === 1) return `+${x}`
    if (v === -1) return `-${x}`
    return `+${sink.constant(v)} * ${x}`
  }
  if (e.re !== 0) {
    sink.re.push(scaled(e.re, xr))
    sink.im.push(scaled(e.re, xi))
  }
  if (e.im !== 0) {
    sink.re.push(scaled(-e.im, xi))
    sink.im.push(scaled(e.im, xr))
  }
}

function sum(terms: readonly string[]): string {
  return terms.length === 0 ? '0' : terms.join(' ')
}

function isIdentityRow(entries: readonly Entry[], r: number): boolean {
  const [only] = entries
  return entries.length === 1 && only!.col === r && only!.re === 1 && only!.im === 0
}

function sparseRows(matrix: Float64Array, d: number): Entry[][] {
  let largest = 0
  for (let k = 0; k < matrix.length; k += 2)
    largest = Math.max(largest, Math.hypot(matrix[k]!, matrix[k + 1]!))
  const zero = largest * RELATIVE_ZERO
  const rows: Entry[][] = []
  for (let r = 0; r < d; r++) {
    const entries: Entry[] = []
    for (let c = 0; c < d; c++) {
      const re = snap(matrix[2 * (r * d + c)]!, zero)
      const im = snap(matrix[2 * (r * d + c) + 1]!, zero)
      if (re !== 0 || im !== 0) entries.push({ col: c, re, im })
    }
    rows.push(entries)
  }
  return rows
}

function snap(x: number, zero: number): number {
  if (Math.abs(x) <= zero) return 0
  if (Math.abs(x - 1) <= SNAP) return 1
  if (Math.abs(x + 1) <= SNAP) return -1
  return x
}
