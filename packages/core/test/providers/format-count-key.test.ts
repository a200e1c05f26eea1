import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  bitstringToBigInt,
  formatCountKey,
  separateBitstring,
  toHexKey,
} from '../../src/providers/format-count-key.js'
import { ResultError } from '../../src/providers/provider-errors.js'

/**
 * A straightforward reference: register r covers clbits [offset, offset + size); its string
 * lists those bits from the highest down; registers are joined last-first.
 */
function referenceKey(value: bigint, sizes: readonly number[]): string {
  const bit = (i: number): string => ((value >> BigInt(i)) & 1n).toString()
  const registers: string[] = []
  let offset = 0
  for (const size of sizes) {
    let s = ''
    for (let i = size - 1; i >= 0; i--) s += bit(offset + i)
    registers.push(s)
    offset += size
  }
  return registers.reverse().join(' ')
}

describe('formatCountKey (qiskit-semantics §A.8 count key formatting)', () => {
  it('A.8 hex keys become binary, zero-padded to memory_slots', () => {
    expect(formatCountKey('0x1', { memorySlots: 4 })).toBe('0001')
    expect(formatCountKey('0xD', { memorySlots: 4 })).toBe('1101')
  })

  it('A.8 without memory_slots the binary form is not padded (Qiskit test_counts_no_header)', () => {
    expect(formatCountKey('0x0')).toBe('0')
    expect(formatCountKey('0x2')).toBe('10')
  })

  it('A.8 registers are separated by spaces, last register leftmost', () => {
    const cregSizes = [
      ['c0', 2],
      ['c1', 1],
    ] as const
    expect(formatCountKey('0x5', { memorySlots: 3, cregSizes })).toBe('1 01')
    // Qiskit test_counts_header: creg_sizes [c0:2, c0:1, c1:1], memory_slots 4
    const header = {
      memorySlots: 4,
      cregSizes: [
        ['c0', 2],
        ['c0', 1],
        ['c1', 1],
      ] as const,
    }
    expect(formatCountKey('0x0', header)).toBe('0 0 00')
    expect(formatCountKey('0x2', header)).toBe('0 0 10')
  })

  it('A.8 registers are split only when memory_slots is known too', () => {
    expect(
      formatCountKey('0x5', {
        cregSizes: [
          ['c0', 2],
          ['c1', 1],
        ],
      }),
    ).toBe('101')
  })

  it('A.8 keys wider than memory_slots are not truncated (as Python format)', () => {
    expect(formatCountKey('0x1f', { memorySlots: 3 })).toBe('11111')
  })

  it('A.8 creg sizes that do not add up slice as Python does', () => {
    expect(
      separateBitstring('1011', [
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('10 1')
    expect(
      separateBitstring('10', [
        ['a', 2],
        ['b', 2],
      ]),
    ).toBe('10 ')
  })

  it('A.8 property: formatting matches a per-register reference for random registers (bigint-wide)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: 0n, max: (1n << 72n) - 1n }),
        (sizes, raw) => {
          const slots = sizes.reduce((a, b) => a + b, 0)
          const value = raw & ((1n << BigInt(slots)) - 1n)
          const cregSizes = sizes.map((s, i) => [`c${i}`, s] as const)
          const key = formatCountKey(`0x${value.toString(16)}`, { memorySlots: slots, cregSizes })
          expect(key).toBe(referenceKey(value, sizes))
          expect(bitstringToBigInt(key)).toBe(value)
        },
      ),
      { seed: 20240601, numRuns: 300 },
    )
  })

  it('toHexKey is lower-case and unpadded; bitstrings ignore spaces and underscores', () => {
    expect(toHexKey(255n)).toBe('0xff')
    expect(toHexKey('1 0_1')).toBe('0x5')
    expect(() => toHexKey('102')).toThrow(ResultError)
  })

  it('malformed hex keys are refused', () => {
    expect(() => formatCountKey('0xZZ')).toThrow(ResultError)
  })
})
