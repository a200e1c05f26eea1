import { describe, expect, it } from 'vitest'
import { DensityOutcomes, hexKey } from '../../src/density/density-outcomes.js'
import { createRng } from '../../src/engine/random/seeded-rng.js'
import { ReadoutError } from '../../src/noise/readout-error.js'

describe('hexKey', () => {
  it('writes clbit 0 as the least significant bit, without leading zeros', () => {
    expect(hexKey(new Uint8Array(0))).toBe('0x0')
    expect(hexKey(Uint8Array.of(0, 0, 0))).toBe('0x0')
    expect(hexKey(Uint8Array.of(1, 0, 1))).toBe('0x5')
    expect(hexKey(Uint8Array.of(0, 1, 0, 0, 0, 1))).toBe('0x22')
    const wide = new Uint8Array(70)
    wide[69] = 1
    wide[0] = 1
    expect(hexKey(wide)).toBe(`0x${((1n << 69n) | 1n).toString(16)}`)
  })
})

describe('DensityOutcomes', () => {
  // ρ = diag(0.25, 0.75) on one qubit.
  const state = Float64Array.of(0.25, 0, 0, 0, 0, 0, 0.75, 0)

  it('samples the diagonal and merges mid-circuit bits', () => {
    const outcomes = new DensityOutcomes({
      numQubits: 1,
      numClbits: 3,
      finals: [{ kind: 'measure', qubit: 0, clbit: 2 }],
      memory: true,
      rng: createRng(1),
    })
    outcomes.record({ state, clbits: Uint8Array.of(1, 0, 0), weight: 40_000 })
    const { counts, memory } = outcomes.finish()
    expect(Object.keys(counts).sort()).toEqual(['0x1', '0x5'])
    expect(counts['0x5']! / 40_000).toBeCloseTo(0.75, 2)
    expect(memory).toHaveLength(40_000)
  })

  it('applies each final measurement its own readout error', () => {
    const outcomes = new DensityOutcomes({
      numQubits: 1,
      numClbits: 2,
      // The same qubit read twice: both reads see the same state, with independent errors.
      finals: [
        { kind: 'measure', qubit: 0, clbit: 0 },
        { kind: 'measure', qubit: 0, clbit: 1 },
      ],
      memory: false,
      rng: createRng(2),
      readoutErrorFor: () =>
        new ReadoutError([
          [0.8, 0.2],
          [0.1, 0.9],
        ]),
    })
    outcomes.record({ state, clbits: new Uint8Array(2), weight: 100_000 })
    const { counts, memory } = outcomes.finish()
    expect(memory).toBeUndefined()
    const p = (k: string): number => (counts[k] ?? 0) / 100_000
    // P(read 11) = 0.25·0.2² + 0.75·0.9²
    expect(p('0x3')).toBeCloseTo(0.25 * 0.04 + 0.75 * 0.81, 2)
    expect(p('0x0')).toBeCloseTo(0.25 * 0.64 + 0.75 * 0.01, 2)
  })
})
