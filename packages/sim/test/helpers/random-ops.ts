/**
 * Seeded random unitary ops for property tests (fast-check arbitraries and plain generators).
 */
import fc from 'fast-check'
import type { UnitaryOp } from '../../src/engine/sim-program.js'

/** A random `d×d` unitary: Gram–Schmidt on complex Gaussian-ish columns from `rnd`. */
export function randomUnitary(d: number, rnd: () => number): Float64Array {
  const cols: [number, number][][] = []
  for (let c = 0; c < d; c++) {
    let v: [number, number][] = Array.from({ length: d }, () => [rnd() * 2 - 1, rnd() * 2 - 1])
    for (const u of cols) {
      // v -= <u, v> u
      let pr = 0
      let pi = 0
      for (let r = 0; r < d; r++) {
        pr += u[r]![0] * v[r]![0] + u[r]![1] * v[r]![1]
        pi += u[r]![0] * v[r]![1] - u[r]![1] * v[r]![0]
      }
      v = v.map(([xr, xi], r) => [
        xr - (pr * u[r]![0] - pi * u[r]![1]),
        xi - (pr * u[r]![1] + pi * u[r]![0]),
      ])
    }
    const norm = Math.sqrt(v.reduce((s, [xr, xi]) => s + xr * xr + xi * xi, 0))
    cols.push(v.map(([xr, xi]) => [xr / norm, xi / norm]))
  }
  const m = new Float64Array(2 * d * d)
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      m[2 * (r * d + c)] = cols[c]![r]![0]
      m[2 * (r * d + c) + 1] = cols[c]![r]![1]
    }
  }
  return m
}

/** A small deterministic PRNG (mulberry32) for generators. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function distinct(n: number, k: number, rnd: () => number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i)
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, k)
}

const KINDS = [
  'u1',
  'u2',
  'u3',
  'diag1',
  'diag2',
  'diag3',
  'perm',
  'ctrl',
  'phase',
  'cz',
  'rz',
  'x',
  'h',
] as const

/** One random op on `n` qubits. */
export function randomOp(n: number, rnd: () => number): UnitaryOp {
  const kind = KINDS[Math.floor(rnd() * KINDS.length)]!
  const k = Math.min(
    n,
    kind === 'u2' || kind === 'diag2' || kind === 'cz'
      ? 2
      : kind === 'u3' || kind === 'diag3'
        ? 3
        : 1,
  )
  const qubits = distinct(n, kind === 'perm' ? Math.min(n, 1 + Math.floor(rnd() * 3)) : k, rnd)
  const angle = (): number => rnd() * 2 * Math.PI
  switch (kind) {
    case 'u1':
    case 'u2':
    case 'u3':
      return { kind: 'matrix', qubits, matrix: randomUnitary(2 ** qubits.length, rnd) }
    case 'diag1':
    case 'diag2':
    case 'diag3':
    case 'rz': {
      const d = 2 ** qubits.length
      const diagonal = new Float64Array(2 * d)
      for (let j = 0; j < d; j++) {
        const a = angle()
        diagonal[2 * j] = Math.cos(a)
        diagonal[2 * j + 1] = Math.sin(a)
      }
      return { kind: 'diagonal', qubits, diagonal }
    }
    case 'cz':
      return {
        kind: 'diagonal',
        qubits,
        diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0).subarray(0, 2 * 2 ** qubits.length),
      }
    case 'x':
      return { kind: 'permutation', qubits, permutation: Int32Array.of(1, 0) }
    case 'h': {
      const s = Math.SQRT1_2
      return { kind: 'matrix', qubits, matrix: Float64Array.of(s, 0, s, 0, s, 0, -s, 0) }
    }
    case 'perm': {
      const d = 2 ** qubits.length
      const permutation = Int32Array.from(distinct(d, d, rnd))
      const phases = new Float64Array(2 * d)
      for (let j = 0; j < d; j++) {
        const a = rnd() < 0.5 ? 0 : angle()
        phases[2 * j] = Math.cos(a)
        phases[2 * j + 1] = Math.sin(a)
      }
      return { kind: 'permutation', qubits, permutation, phases: rnd() < 0.5 ? undefined : phases }
    }
    case 'ctrl': {
      if (n < 2) return { kind: 'global-phase', phase: angle() }
      const all = distinct(n, Math.min(n, 2 + Math.floor(rnd() * 2)), rnd)
      const controls = all.slice(0, all.length - 1)
      const target = all[all.length - 1]!
      return {
        kind: 'controlled',
        controls,
        controlState: Math.floor(rnd() * 2 ** controls.length),
        target: { kind: 'matrix', qubits: [target], matrix: randomUnitary(2, rnd) },
      }
    }
    case 'phase':
      return { kind: 'global-phase', phase: angle() }
  }
}

/** A random circuit of `length` ops on `n` qubits. */
export function randomOps(n: number, length: number, seed: number): UnitaryOp[] {
  const rnd = mulberry32(seed)
  return Array.from({ length }, () => randomOp(n, rnd))
}

/** fast-check arbitrary: `{ n, ops }` with 1–7 qubits and up to 40 ops. */
export const arbitraryCircuit = fc
  .record({
    n: fc.integer({ min: 1, max: 7 }),
    length: fc.integer({ min: 0, max: 40 }),
    seed: fc.integer(),
  })
  .map(({ n, length, seed }) => ({ n, ops: randomOps(n, length, seed) }))
