/**
 * Test support for the noise tests: numpy as an independent reference, and small matrix helpers.
 */
import { execFileSync } from 'node:child_process'
import { ComplexMatrix } from '@qfabric/core/math'
import { expect } from 'vitest'

/** Runs a Python 3 snippet (numpy available) and parses what it prints as JSON. */
export function pythonJson<T>(code: string): T {
  const out = execFileSync('python3', ['-c', code], { encoding: 'utf8', timeout: 60_000 })
  return JSON.parse(out) as T
}

/** Python source defining `cm(m)` (complex matrix → `[[[re, im], …], …]`) and `mc(rows)` (back). */
export const PY_HELPERS = `
import numpy as np, json
def cm(m):
    m = np.asarray(m, dtype=complex)
    return [[[float(z.real), float(z.imag)] for z in row] for row in m]
def mc(rows):
    return np.array([[complex(a, b) for a, b in row] for row in rows])
`

/** A matrix from rows of `[re, im]` pairs. */
export function matrixFromPairs(rows: readonly (readonly (readonly number[])[])[]): ComplexMatrix {
  return ComplexMatrix.fromRows(rows.map((row) => row.map(([re = 0, im = 0]) => [re, im] as const)))
}

/** A matrix as JSON for Python's `mc(json.loads(...))`. */
export function pairsJson(m: ComplexMatrix): string {
  return JSON.stringify(m.toArray())
}

/** A real matrix from rows of numbers. */
export function real(rows: readonly (readonly number[])[]): ComplexMatrix {
  return ComplexMatrix.fromRows(rows)
}

/** The largest entry-wise distance between two matrices of one shape. */
export function maxDiff(a: ComplexMatrix, b: ComplexMatrix): number {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols])
  let d = 0
  for (let k = 0; k < a.data.length; k++) d = Math.max(d, Math.abs(a.data[k]! - b.data[k]!))
  return d
}

/** Asserts entry-wise closeness. */
export function expectClose(actual: ComplexMatrix, expected: ComplexMatrix, atol = 1e-12): void {
  expect(maxDiff(actual, expected)).toBeLessThanOrEqual(atol)
}

/** `|ψ⟩⟨ψ|` for a state given as `[re, im]` amplitudes. */
export function pureState(amplitudes: readonly (readonly [number, number])[]): ComplexMatrix {
  const v = ComplexMatrix.fromRows(amplitudes.map((a) => [a]))
  return v.mul(v.adjoint())
}

/** The computational basis state `|index⟩⟨index|` on `n` qubits. */
export function basisState(index: number, n: number): ComplexMatrix {
  const m = new ComplexMatrix(2 ** n, 2 ** n)
  m.set(index, index, 1)
  return m
}

/** A random density matrix `AA†/Tr(AA†)` from a seeded generator. */
export function randomDensity(n: number, next: () => number): ComplexMatrix {
  const d = 2 ** n
  const a = new ComplexMatrix(d, d)
  for (let k = 0; k < a.data.length; k++) a.data[k] = next() * 2 - 1
  const p = a.mul(a.adjoint())
  return p.scale(1 / p.trace().re)
}

/** A small seeded uniform generator (mulberry32). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seeded source with the engine's `nextDouble()` shape. */
export function uniformSource(seed: number): { nextDouble(): number } {
  const next = seeded(seed)
  return { nextDouble: next }
}
