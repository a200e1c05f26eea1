/**
 * The exact outcome distribution of a program with measurements, resets and classical control,
 * by enumerating every branch with its probability on the brute-force reference simulator.
 * Independent of the engine (used to check its sampling statistics).
 */
import type { SimCondition, SimOp } from '../../src/engine/sim-program.js'
import { applyReference, zeroState } from './dense-reference.js'

function holds(c: SimCondition, clbits: readonly number[]): boolean {
  let v = 0n
  c.clbits.forEach((b, i) => {
    if (clbits[b] === 1) v |= 1n << BigInt(i)
  })
  const ops = {
    '==': v === c.value,
    '!=': v !== c.value,
    '<': v < c.value,
    '<=': v <= c.value,
    '>': v > c.value,
    '>=': v >= c.value,
  }
  return ops[c.op]
}

interface Path {
  state: Float64Array
  clbits: number[]
  p: number
}

function project(
  state: Float64Array,
  qubit: number,
  outcome: number,
): { state: Float64Array; p: number } {
  const out = Float64Array.from(state)
  let p = 0
  for (let i = 0; i < state.length / 2; i++) {
    if (((i >> qubit) & 1) !== outcome) {
      out[2 * i] = 0
      out[2 * i + 1] = 0
    } else p += state[2 * i]! ** 2 + state[2 * i + 1]! ** 2
  }
  const s = p > 0 ? 1 / Math.sqrt(p) : 0
  for (let k = 0; k < out.length; k++) out[k]! *= s
  return { state: out, p }
}

function step(paths: Path[], ops: readonly SimOp[]): Path[] {
  let current = paths
  for (const op of ops) {
    const next: Path[] = []
    for (const path of current) {
      switch (op.kind) {
        case 'measure':
        case 'reset':
          for (const outcome of [0, 1]) {
            const { state, p } = project(path.state, op.qubit, outcome)
            if (p * path.p < 1e-15) continue
            const clbits = [...path.clbits]
            let s = state
            if (op.kind === 'measure') clbits[op.clbit] = outcome
            else if (outcome === 1)
              s = applyReference(s, {
                kind: 'permutation',
                qubits: [op.qubit],
                permutation: Int32Array.of(1, 0),
              })
            next.push({ state: s, clbits, p: path.p * p })
          }
          break
        case 'conditional':
          next.push(...step([path], holds(op.condition, path.clbits) ? op.then : op.else))
          break
        case 'while': {
          let live = [path]
          for (let guard = 0; guard < 30 && live.length > 0; guard++) {
            const done = live.filter((x) => !holds(op.condition, x.clbits))
            next.push(...done)
            live = step(
              live.filter((x) => holds(op.condition, x.clbits)),
              op.body,
            )
          }
          break
        }
        case 'matrix':
        case 'diagonal':
        case 'permutation':
        case 'controlled':
        case 'global-phase':
          next.push({ ...path, state: applyReference(path.state, op) })
      }
    }
    current = next
  }
  return current
}

/** Exact probabilities of the hex outcomes (`'0x…'`, clbit 0 least significant). */
export function exactDistribution(
  n: number,
  numClbits: number,
  ops: readonly SimOp[],
): Map<string, number> {
  const dist = new Map<string, number>()
  for (const path of step(
    [{ state: zeroState(n), clbits: new Array<number>(numClbits).fill(0), p: 1 }],
    ops,
  )) {
    let v = 0n
    path.clbits.forEach((b, i) => {
      if (b === 1) v |= 1n << BigInt(i)
    })
    const key = `0x${v.toString(16)}`
    dist.set(key, (dist.get(key) ?? 0) + path.p)
  }
  return dist
}

/**
 * Pearson's chi-square statistic of `counts` against `expected` probabilities, with the
 * degrees of freedom (outcomes with probability > 0, minus one).
 */
export function chiSquare(
  counts: Record<string, number>,
  expected: Map<string, number>,
): { chi2: number; dof: number } {
  const shots = Object.values(counts).reduce((a, b) => a + b, 0)
  let chi2 = 0
  let dof = -1
  for (const [key, p] of expected) {
    if (p <= 0) continue
    dof++
    const e = p * shots
    const o = counts[key] ?? 0
    chi2 += (o - e) ** 2 / e
  }
  for (const key of Object.keys(counts)) {
    if (!expected.has(key)) chi2 = Infinity
  }
  return { chi2, dof }
}

/** A generous upper bound for chi-square with `dof` degrees of freedom (≈ p < 1e-6). */
export function chiSquareBound(dof: number): number {
  return dof + 7 * Math.sqrt(2 * Math.max(dof, 1)) + 20
}
