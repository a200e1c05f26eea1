import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonSyntaxErrorOffset } from '../../src/accounts/json-syntax-error-offset.js'

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe('jsonSyntaxErrorOffset', () => {
  it.each([
    ['', 0],
    ['nope', 0],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ['{"a": [1, 2', 11],
    ['{"a": "x\\qy"}', 8],
    ['{"a": 01}', 7],
    ['{"a": 1} x', 9],
    ['"\u0001"', 1],
    ['{"a": "\\u12G4"}', 7],
  ])('finds where %j goes wrong', (text, offset) => {
    expect(jsonSyntaxErrorOffset(text)).toBe(offset)
  })

  it('finds nothing wrong in valid JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined)
        expect(jsonSyntaxErrorOffset(` ${text}\n`)).toBeUndefined()
      }),
      { seed: 7 },
    )
  })

  it('agrees with JSON.parse on damaged JSON', () => {
    const damaged = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', '0'))
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value)
        const cut = at % (text.length + 1)
        return text.slice(0, cut) + insert + text.slice(cut + (insert === '' ? 1 : 0))
      })
    fc.assert(
      fc.property(damaged, (text) => {
        const offset = jsonSyntaxErrorOffset(text)
        expect(offset === undefined).toBe(parses(text))
        if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length)
      }),
      { seed: 11, numRuns: 500 },
    )
  })
})
