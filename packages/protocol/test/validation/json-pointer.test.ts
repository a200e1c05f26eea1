import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatJsonPointer,
  parseJsonPointer,
  pointerToField,
} from '../../src/validation/json-pointer.js'

describe('JSON pointers (RFC 6901)', () => {
  it('round-trip any segments', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (segments) => {
        expect(parseJsonPointer(formatJsonPointer(segments))).toEqual(segments)
      }),
      { seed: 6901, numRuns: 300 },
    )
  })

  it('follow the RFC’s escaping examples', () => {
    expect(formatJsonPointer(['a/b'])).toBe('/a~1b')
    expect(formatJsonPointer(['m~n'])).toBe('/m~0n')
    expect(parseJsonPointer('/~01')).toEqual(['~1'])
    expect(parseJsonPointer('')).toEqual([])
    expect(() => parseJsonPointer('a')).toThrow(TypeError)
  })

  it('render dotted fields with indices', () => {
    expect(pointerToField('/input/circuits/0/qasm')).toBe('input.circuits[0].qasm')
    expect(pointerToField('/0/a')).toBe('[0].a')
    expect(pointerToField('/tags/01')).toBe('tags.01')
    expect(pointerToField('')).toBe('')
  })
})
