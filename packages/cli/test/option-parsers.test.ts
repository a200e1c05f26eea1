import { InvalidArgumentError } from 'commander'
import { describe, expect, it } from 'vitest'
import {
  integerIn,
  parseCouplingMap,
  parseIsoDate,
  parseList,
  parseQasmVersion,
} from '../src/option-parsers.js'

describe('option parsers', () => {
  it('integerIn accepts integers in range and rejects the rest', () => {
    const level = integerIn(0, 3)
    expect(level('2')).toBe(2)
    for (const bad of ['4', '-1', '1.5', 'x', '']) {
      expect(() => level(bad)).toThrow(InvalidArgumentError)
    }
    expect(() => integerIn(1)('0')).toThrow('expected an integer ≥ 1')
  })

  it('parseQasmVersion reads 2, 3, 2.0 and 3.0', () => {
    expect([parseQasmVersion('2'), parseQasmVersion('3.0')]).toEqual([2, 3])
    expect(() => parseQasmVersion('4')).toThrow('expected 2 or 3')
  })

  it('parseList splits on commas and drops blanks', () => {
    expect(parseList(' rz, sx ,,cx ')).toEqual(['rz', 'sx', 'cx'])
  })

  it('parseCouplingMap reads two-way links (0-1) and one-way links (0>1)', () => {
    expect(parseCouplingMap('0-1, 1>2')).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
    ])
    expect(() => parseCouplingMap('0-x')).toThrow("bad link '0-x'")
    expect(() => parseCouplingMap('1-1')).toThrow('joins a qubit to itself')
    expect(() => parseCouplingMap(',')).toThrow('at least one link')
  })

  it('parseIsoDate reads ISO dates and rejects other text', () => {
    expect(parseIsoDate('2025-01-31T12:00:00Z').toISOString()).toBe('2025-01-31T12:00:00.000Z')
    expect(() => parseIsoDate('yesterday')).toThrow(InvalidArgumentError)
  })
})
