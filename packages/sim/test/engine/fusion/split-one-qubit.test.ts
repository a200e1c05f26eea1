import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitOneQubitUnitary } from '../../../src/engine/fusion/split-one-qubit.js'
import { maxDistance, runReference } from '../../helpers/dense-reference.js'
import { mulberry32, randomUnitary } from '../../helpers/random-ops.js'

describe('splitOneQubitUnitary', () => {
  it('reproduces random unitaries as diagonal · real rotation · diagonal (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const u = randomUnitary(2, mulberry32(seed))
        const parts = splitOneQubitUnitary(0, u)
        expect(parts).toBeDefined()
        const [d1, r, d2, phase] = parts!
        expect(r.matrix.filter((_, k) => k % 2 === 1).every((v) => v === 0)).toBe(true)
        expect(d1.diagonal[0]).toBe(1)
        expect(d2.diagonal[0]).toBe(1)
        // Columns of U: apply the parts to |0⟩ and |1⟩.
        for (const col of [0, 1]) {
          const start = Float64Array.of(col === 0 ? 1 : 0, 0, col === 1 ? 1 : 0, 0)
          const got = runReference(1, [d1, r, d2, phase], start)
          const want = Float64Array.of(
            u[2 * col]!,
            u[2 * col + 1]!,
            u[4 + 2 * col]!,
            u[4 + 2 * col + 1]!,
          )
          expect(maxDistance(got, want)).toBeLessThan(1e-13)
        }
      }),
      { seed: 99, numRuns: 300 },
    )
  })

  it('declines a non-unitary matrix', () => {
    expect(splitOneQubitUnitary(0, Float64Array.of(1, 0, 1, 0, 0, 0, 1, 0))).toBeUndefined()
  })
})
