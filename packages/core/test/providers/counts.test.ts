import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Counts } from '../../src/providers/counts.js'
import { ResultError } from '../../src/providers/provider-errors.js'

describe('Counts (qiskit-semantics §A.8)', () => {
  const format = {
    memorySlots: 3,
    cregSizes: [
      ['c0', 2],
      ['c1', 1],
    ] as const,
  }

  it('A.8 hex keys are formatted from creg_sizes and memory_slots', () => {
    const counts = new Counts({ '0x0': 480, '0x5': 520 }, format)
    expect(counts.toObject()).toEqual({ '0 00': 480, '1 01': 520 })
    expect(counts.get('1 01')).toBe(520)
    expect(counts.get('101')).toBeUndefined()
    expect(counts.cregSizes).toEqual([
      ['c0', 2],
      ['c1', 1],
    ])
    expect(counts.memorySlots).toBe(3)
  })

  it('A.8 integer and 0b keys are accepted and formatted', () => {
    expect(new Counts(new Map([[5, 3]]), format).toObject()).toEqual({ '1 01': 3 })
    expect(new Counts(new Map([[5n, 3]]), { memorySlots: 4 }).toObject()).toEqual({ '0101': 3 })
    expect(new Counts({ '0b101': 3 }, { memorySlots: 4 }).toObject()).toEqual({ '0101': 3 })
  })

  it('A.8 plain bitstrings are kept verbatim without formatting info', () => {
    const counts = new Counts({ '00 1': 2, '1_01': 3 })
    expect([...counts.keys()]).toEqual(['00 1', '1_01'])
    expect(counts.intOutcomes()).toEqual(
      new Map([
        [1, 2],
        [5, 3],
      ]),
    )
  })

  it('A.8 plain bitstrings with formatting info are re-formatted', () => {
    expect(new Counts({ '101': 3 }, format).toObject()).toEqual({ '1 01': 3 })
  })

  it('A.8 dit strings are kept, but cannot be formatted or converted', () => {
    const counts = new Counts({ '02': 1, '21': 2 })
    expect(counts.get('21')).toBe(2)
    expect(() => counts.intOutcomes()).toThrow(ResultError)
    expect(() => counts.hexOutcomes()).toThrow(ResultError)
    expect(() => new Counts({ '02': 1 }, format)).toThrow(ResultError)
  })

  it('A.8 (2.x) all keys must be of one kind', () => {
    expect(() => new Counts({ '0x1': 1, '0b1': 1 })).toThrow(TypeError)
  })

  it('A.8 most_frequent returns the unique maximum; a tie or empty counts raise', () => {
    expect(new Counts({ '0x0': 1, '0x3': 7 }, { memorySlots: 2 }).mostFrequent()).toBe('11')
    expect(() => new Counts({ '0x0': 7, '0x3': 7 }).mostFrequent()).toThrow(/same maximum/)
    expect(() => new Counts({}).mostFrequent()).toThrow(ResultError)
  })

  it('A.8 shots is the sum of the counts', () => {
    expect(new Counts({ '0x0': 480, '0x5': 520 }).shots()).toBe(1000)
    expect(new Counts({}).shots()).toBe(0)
  })

  it('A.8 hex_outcomes has lower-case hex keys', () => {
    expect(new Counts({ '0xD': 9, '0x1': 7 }, { memorySlots: 4 }).hexOutcomes()).toEqual({
      '0xd': 9,
      '0x1': 7,
    })
    expect(new Counts({ '1101': 9 }).hexOutcomes()).toEqual({ '0xd': 9 })
  })

  it('A.8 int_outcomes: numbers up to 2^53 - 1, bigint beyond (C.5)', () => {
    const wide = (1n << 60n) + 1n
    const counts = new Counts(
      new Map<bigint, number>([
        [3n, 1],
        [wide, 2],
      ]),
      { memorySlots: 61 },
    )
    const ints = counts.intOutcomes()
    expect(ints.get(3)).toBe(1)
    expect(ints.get(wide)).toBe(2)
    expect(counts.intOutcomes({ bigint: true }).get(3n)).toBe(1)
    expect(counts.mostFrequent()).toBe(`1${'0'.repeat(59)}1`)
    expect(counts.hexOutcomes()[`0x${wide.toString(16)}`]).toBe(2)
  })

  it('duplicate outcomes (0x05 and 0x5) are summed', () => {
    expect(new Counts({ '0x5': 1, '0x05': 2 }, { memorySlots: 3 }).toObject()).toEqual({ '101': 3 })
  })

  it('C.5 counts are immutable', () => {
    const counts = new Counts({ '0x1': 1 })
    expect(Object.isFrozen(counts)).toBe(true)
    expect(() => {
      ;(counts as unknown as { memorySlots: number }).memorySlots = 2
    }).toThrow(TypeError)
  })

  it('rejects non-finite values and negative or unsafe integer keys', () => {
    expect(() => new Counts({ '0x1': Number.NaN })).toThrow(TypeError)
    expect(() => new Counts(new Map([[-1, 1]]))).toThrow(TypeError)
    expect(() => new Counts(new Map([[2 ** 60, 1]]))).toThrow(TypeError)
  })

  it('property: formatted keys round-trip to the raw integer outcomes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.uniqueArray(fc.bigInt({ min: 0n, max: (1n << 70n) - 1n }), {
          minLength: 1,
          maxLength: 20,
        }),
        (slots, raw) => {
          const mask = (1n << BigInt(slots)) - 1n
          const outcomes = new Map<bigint, number>()
          raw.forEach((v, i) => outcomes.set(v & mask, (outcomes.get(v & mask) ?? 0) + i + 1))
          const counts = new Counts(
            Object.fromEntries([...outcomes].map(([k, v]) => [`0x${k.toString(16)}`, v])),
            { memorySlots: slots },
          )
          for (const key of counts.keys()) expect(key).toHaveLength(slots)
          expect(counts.intOutcomes({ bigint: true })).toEqual(outcomes)
          expect(counts.shots()).toBe([...outcomes.values()].reduce((a, b) => a + b, 0))
        },
      ),
      { seed: 7, numRuns: 200 },
    )
  })
})

describe('Counts display', () => {
  it('prints like a Qiskit counts dict and inspects as a plain object', async () => {
    const { inspect } = await import('node:util')
    const counts = new Counts({ '0x0': 3, '0x3': 5 }, { memorySlots: 2 })
    expect(counts.toString()).toBe("{'00': 3, '11': 5}")
    // Objects list integer-like keys ('11') first; the entries are what matter.
    expect(inspect(counts)).toMatch(/^\{ '(00|11)': \d, '(00|11)': \d \}$/)
    expect(inspect(counts)).toContain("'00': 3")
    expect(inspect(counts)).toContain("'11': 5")
  })
})
