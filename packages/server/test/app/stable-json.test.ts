import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stableJson } from '../../src/app/stable-json.js'

function shuffleKeys(value: unknown, rng: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rng))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value).sort(() => rng() - 0.5)
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rng)]))
}

describe('stableJson', () => {
  it('writes equal text for bodies that differ only in key order, and parses back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        let state = seed >>> 0
        const rng = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32
        const text = stableJson(value)
        expect(stableJson(shuffleKeys(value, rng))).toBe(text)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)))
      }),
      { seed: 42, numRuns: 200 },
    )
    expect(stableJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":1,"z":0}]},"b":1}',
    )
  })
})
