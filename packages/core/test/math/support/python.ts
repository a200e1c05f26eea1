import { execFileSync } from 'node:child_process'
import { ComplexMatrix } from '../../../src/math/complex-matrix.js'

/**
 * Runs a Python 3 snippet (numpy and scipy available) and parses what it prints as JSON: the
 * independent reference for numeric tests.
 */
export function pythonJson<T>(code: string): T {
  const out = execFileSync('python3', ['-c', code], { encoding: 'utf8', timeout: 60_000 })
  return JSON.parse(out) as T
}

/** Python source of a helper `cm(m)` that turns a complex numpy matrix into `[[[re, im], …], …]`. */
export const PY_MATRIX_HELPERS = `
import numpy as np, json
def cm(m):
    m = np.asarray(m, dtype=complex)
    return [[[float(z.real), float(z.imag)] for z in row] for row in m]
`

/** A matrix from the `[[[re, im], …], …]` shape `cm` prints. */
export function matrixFromJson(rows: readonly (readonly (readonly number[])[])[]): ComplexMatrix {
  return ComplexMatrix.fromRows(rows.map((row) => row.map(([re = 0, im = 0]) => [re, im] as const)))
}

/** A matrix as the nested list numpy accepts (`np.array(json.loads(...))` after the complex fold). */
export function matrixToPython(m: ComplexMatrix): string {
  return JSON.stringify(m.toArray())
}
