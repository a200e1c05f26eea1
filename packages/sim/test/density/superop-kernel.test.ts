import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sparseMatrixKernel } from '../../src/density/superop-kernel.js'
import { createOpKernel } from '../../src/engine/kernels/create-op-kernel.js'
import { mulberry32 } from '../helpers/random-ops.js'
import { maxDiff } from './support/matrices.js'

/** A random sparse matrix whose entries are 0, ±1, real, imaginary or general. */
function randomSparse(d: number, rnd: () => number): Float64Array {
  const m = new Float64Array(2 * d * d)
  for (let k = 0; k < d * d; k++) {
    const r = rnd()
    if (r < 0.5) continue
    if (r < 0.6) m[2 * k] = rnd() < 0.5 ? 1 : -1
    else if (r < 0.7) m[2 * k] = rnd() * 2 - 1
    else if (r < 0.8) m[2 * k + 1] = rnd() * 2 - 1
    else {
      m[2 * k] = rnd() * 2 - 1
      m[2 * k + 1] = rnd() * 2 - 1
    }
  }
  // Some identity rows, which the kernel leaves untouched.
  for (let r = 0; r < d; r++) {
    if (rnd() < 0.2) {
      m.fill(0, 2 * r * d, 2 * (r + 1) * d)
      m[2 * (r * d + r)] = 1
    }
  }
  return m
}

describe('sparseMatrixKernel', () => {
  it('applies any matrix like the dense kernel, on any qubits and any group range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer(),
        (m, n, seed) => {
          const rnd = mulberry32(seed)
          const qubits = Array.from({ length: n }, (_, i) => i)
            .sort(() => rnd() - 0.5)
            .slice(0, m)
          const matrix = randomSparse(2 ** m, rnd)
          const state = Float64Array.from({ length: 2 ** (n + 1) }, () => rnd() * 2 - 1)
          const expected = Float64Array.from(state)
          const dense = createOpKernel({ kind: 'matrix', qubits, matrix }, n)
          dense.run(expected, 0, dense.groups)
          const sparse = sparseMatrixKernel(qubits, matrix, n)
          expect(sparse.groups).toBe(dense.groups)
          const split = Math.floor(sparse.groups / 3)
          sparse.run(state, 0, split)
          sparse.run(state, split, sparse.groups)
          expect(maxDiff(state, expected)).toBeLessThan(1e-14)
        },
      ),
      { seed: 17, numRuns: 100 },
    )
  })

  it('rejects repeated or out-of-range qubits', () => {
    expect(() => sparseMatrixKernel([0, 0], new Float64Array(32), 3)).toThrow(RangeError)
    expect(() => sparseMatrixKernel([3], new Float64Array(8), 3)).toThrow(RangeError)
  })
})
