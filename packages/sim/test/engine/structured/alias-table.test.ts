import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createAliasTable, drawAlias } from '../../../src/engine/structured/alias-table.js'

/** The probability the table gives each outcome (over a uniform column and coin). */
function tableProbabilities(weights: Float64Array): Float64Array {
  const table = createAliasTable(weights)
  const p = new Float64Array(table.size)
  for (let j = 0; j < table.size; j++) {
    p[j]! += table.keep[j]! / table.size
    p[table.alias[j]!]! += (1 - table.keep[j]!) / table.size
  }
  return p
}

describe('createAliasTable', () => {
  it('gives every outcome exactly its normalized weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-9, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (raw) => {
          const weights = Float64Array.from(raw)
          const total = raw.reduce((a, b) => a + b, 0)
          const p = tableProbabilities(weights)
          for (let j = 0; j < raw.length; j++) expect(p[j]).toBeCloseTo(raw[j]! / total, 12)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('rejects empty and non-positive weights', () => {
    expect(() => createAliasTable(new Float64Array(0))).toThrow(RangeError)
    expect(() => createAliasTable(Float64Array.of(1, 0))).toThrow(RangeError)
    expect(() => createAliasTable(Float64Array.of(1, Number.NaN))).toThrow(RangeError)
  })
})

describe('drawAlias', () => {
  it('maps the ends of [0, 1) to the first and last columns', () => {
    const table = createAliasTable(Float64Array.of(1, 1, 1, 1))
    expect(drawAlias(table, 0)).toBe(0)
    expect(drawAlias(table, 1 - 2 ** -53)).toBe(3)
    expect(drawAlias(table, 0.5)).toBe(2)
  })

  it('never draws across to a column of another outcome when it keeps its own', () => {
    // One heavy outcome: every column either keeps its own outcome or falls back to it.
    const table = createAliasTable(Float64Array.of(0.01, 0.01, 0.97, 0.01))
    for (let u = 0; u < 1; u += 1 / 997) {
      const j = drawAlias(table, u)
      expect(j === 2 || j === Math.floor(u * 4)).toBe(true)
    }
  })
})
