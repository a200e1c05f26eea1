import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Counts } from '../../src/providers/counts.js'
import {
  marginalCounts,
  marginalDistribution,
  marginalMemory,
} from '../../src/providers/marginal-counts.js'
import { ResultError } from '../../src/providers/provider-errors.js'
import { Result } from '../../src/providers/result.js'
import type { ExperimentResultJson } from '../../src/providers/result-json.js'

/** Reference: output bit j is input bit order[j]; keys are width-`order.length` bitstrings. */
function referenceMarginal(
  outcomes: Map<bigint, number>,
  order: readonly number[],
): Map<string, number> {
  const out = new Map<string, number>()
  for (const [value, count] of outcomes) {
    let m = 0n
    order.forEach((idx, j) => {
      if (((value >> BigInt(idx)) & 1n) === 1n) m |= 1n << BigInt(j)
    })
    const key = m.toString(2).padStart(order.length, '0')
    out.set(key, (out.get(key) ?? 0) + count)
  }
  return out
}

const outcomesArb = fc.integer({ min: 1, max: 60 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    values: fc.array(fc.bigInt({ min: 0n, max: (1n << BigInt(width)) - 1n }), {
      minLength: 1,
      maxLength: 25,
    }),
    indices: fc.shuffledSubarray([...Array(width).keys()], { minLength: 1 }),
  }),
)

function toCountsRecord(
  width: number,
  values: readonly bigint[],
): { record: Record<string, number>; outcomes: Map<bigint, number> } {
  const outcomes = new Map<bigint, number>()
  values.forEach((v, i) => outcomes.set(v, (outcomes.get(v) ?? 0) + i + 1))
  const record = Object.fromEntries(
    [...outcomes].map(([v, c]) => [v.toString(2).padStart(width, '0'), c]),
  )
  return { record, outcomes }
}

const header4 = { creg_sizes: [['c0', 4]] as [string, number][], memory_slots: 4 }
function exp(
  counts: Record<string, number>,
  header: ExperimentResultJson['header'],
  extra: Partial<ExperimentResultJson> = {},
): ExperimentResultJson {
  return {
    shots: 54,
    success: true,
    data: { counts },
    ...(header === undefined ? {} : { header }),
    ...extra,
  }
}
const resultArgs = { backend_name: 'b', backend_version: '1', job_id: 'j', success: true } as const

describe('marginalCounts (qiskit-semantics §A.8)', () => {
  it('A.8 marginal_counts sorts the indices: [1, 0] gives the same keys as [0, 1] (Qiskit/qiskit#6230)', () => {
    const dict = { '0000': 4, '0001': 7, '0010': 10, '0110': 5, '1001': 11, '1101': 9, '1110': 8 }
    const expected = { '00': 4, '01': 27, '10': 23 }
    expect(marginalCounts(dict, [0, 1])).toEqual(expected)
    expect(marginalCounts(dict, [1, 0])).toEqual(expected)
    expect(marginalCounts({ '10': 5, '11': 8 }, [0])).toEqual({ '0': 5, '1': 8 })
  })

  it('C.5 preserveOrder keeps the given order instead of sorting', () => {
    expect(marginalCounts({ '001': 1, '100': 2 }, [2, 0], { preserveOrder: true })).toEqual({
      '10': 1,
      '01': 2,
    })
    expect(marginalCounts({ '001': 1, '100': 2 }, [2, 0])).toEqual({ '01': 1, '10': 2 })
  })

  it('A.8 no indices (or all of them) only strips spaces and underscores', () => {
    expect(marginalCounts({ '1 01': 3, '0_00': 1 })).toEqual({ '101': 3, '000': 1 })
    expect(marginalCounts({ '1 01': 3 }, [2, 1, 0])).toEqual({ '101': 3 })
  })

  it('A.8 invalid or empty indices raise "indices must be in range [0, n-1]"', () => {
    expect(() => marginalCounts({ '101': 1 }, [3])).toThrow(/indices must be in range \[0, 2\]/)
    expect(() => marginalCounts({ '101': 1 }, [])).toThrow(ResultError)
    expect(() => marginalCounts({ '101': 1 }, [0, 0])).toThrow(ResultError)
    expect(() => marginalCounts({ '101': 1 }, [-1])).toThrow(ResultError)
  })

  it('A.8 format_marginal puts _ at removed positions and keeps register spaces', () => {
    expect(marginalCounts({ '10 01': 3, '00 11': 1 }, [0, 3], { formatMarginal: true })).toEqual({
      '1_ _1': 3,
      '0_ _1': 1,
    })
  })

  it('Counts in, Counts out', () => {
    const counts = new Counts({ '0x5': 3, '0x1': 1 }, { memorySlots: 3 })
    const out = marginalCounts(counts, [2])
    expect(out).toBeInstanceOf(Counts)
    expect(out.toObject()).toEqual({ '1': 3, '0': 1 })
  })

  it('A.8 a Result is marginalised into a new Result with hex counts and a shrunk header (Qiskit test_marginal_counts_result)', () => {
    const raw1 = { '0x0': 4, '0x1': 7, '0x2': 10, '0x6': 5, '0x9': 11, '0xD': 9, '0xE': 8 }
    const result = new Result({
      ...resultArgs,
      results: [
        exp(raw1, header4),
        exp({ '0x2': 5, '0x3': 8 }, { creg_sizes: [['c0', 2]], memory_slots: 2 }),
      ],
    })
    expect(marginalCounts(result, [0, 1]).getCounts(0).toObject()).toEqual({
      '00': 4,
      '01': 27,
      '10': 23,
    })
    expect(marginalCounts(result, [0]).getCounts(1).toObject()).toEqual({ '0': 5, '1': 8 })
    const m = marginalCounts(result, [0])
    expect(m.getCounts(0).toObject()).toEqual({ '0': 27, '1': 27 })
    expect(m.results[0]!.data.counts).toEqual({ '0x0': 27, '0x1': 27 })
    expect(m.results[0]!.header).toMatchObject({ memory_slots: 1, creg_sizes: [['c0', 1]] })
    // inplace=False: the input is untouched
    expect(result.getCounts(0).toObject()).not.toEqual({ '0': 27, '1': 27 })
  })

  it('A.8 creg_sizes drop registers that keep no bit', () => {
    const header = {
      creg_sizes: [
        ['a', 2],
        ['b', 1],
        ['c', 3],
      ] as [string, number][],
      memory_slots: 6,
    }
    const result = new Result({ ...resultArgs, results: [exp({ '0x3f': 1, '0x0': 1 }, header)] })
    const m = marginalCounts(result, [4, 0, 3])
    expect(m.results[0]!.header?.creg_sizes).toEqual([
      ['a', 1],
      ['c', 2],
    ])
    expect(m.getCounts(0).toObject()).toEqual({ '11 1': 1, '00 0': 1 })
  })

  it('A.8 memory is marginalised (default), removed (false) or left as is (null)', () => {
    const memory = ['0x5', '0x2', '0x7']
    const result = new Result({
      ...resultArgs,
      results: [
        {
          shots: 3,
          success: true,
          data: { counts: { '0x5': 1, '0x2': 1, '0x7': 1 }, memory },
          header: { memory_slots: 3 },
        },
      ],
    })
    expect(marginalCounts(result, [0, 2]).results[0]!.data.memory).toEqual(['0x3', '0x0', '0x3'])
    expect(marginalCounts(result, [0, 2]).getMemory(0)).toEqual(['11', '00', '11'])
    expect(
      marginalCounts(result, [0, 2], { marginalizeMemory: false }).results[0]!.data,
    ).not.toHaveProperty('memory')
    expect(
      marginalCounts(result, [0, 2], { marginalizeMemory: null }).results[0]!.data.memory,
    ).toEqual(memory)
  })

  it('property: marginalCounts equals a bit-extraction reference over sorted indices', () => {
    fc.assert(
      fc.property(outcomesArb, ({ width, values, indices }) => {
        const { record, outcomes } = toCountsRecord(width, values)
        const sorted = [...indices].sort((a, b) => a - b)
        const expected = referenceMarginal(outcomes, sorted)
        const actual = marginalCounts(record, indices)
        if (sorted.length === width) {
          expect(actual).toEqual(record)
        } else {
          expect(new Map(Object.entries(actual))).toEqual(expected)
        }
      }),
      { seed: 1234, numRuns: 300 },
    )
  })
})

describe('marginalDistribution (qiskit-semantics §A.8)', () => {
  it('A.8 marginal_distribution respects the order: indices[0] becomes the rightmost bit', () => {
    expect(marginalDistribution({ '001': 1, '100': 2 }, [2, 0])).toEqual({ '10': 1, '01': 2 })
    expect(marginalDistribution({ '001': 1, '100': 2 }, [0, 2])).toEqual({ '01': 1, '10': 2 })
  })

  it('A.8 works on float distributions', () => {
    expect(marginalDistribution({ '00': 0.25, '01': 0.25, '11': 0.5 }, [1])).toEqual({
      '0': 0.5,
      '1': 0.5,
    })
  })

  it('property: marginalDistribution equals a bit-extraction reference in the given order', () => {
    fc.assert(
      fc.property(outcomesArb, ({ width, values, indices }) => {
        const { record, outcomes } = toCountsRecord(width, values)
        const actual = marginalDistribution(new Counts(record), indices).toObject()
        expect(new Map(Object.entries(actual))).toEqual(referenceMarginal(outcomes, indices))
      }),
      { seed: 4321, numRuns: 300 },
    )
  })
})

describe('marginalMemory (qiskit-semantics §A.8)', () => {
  it('A.8 marginal_memory keeps index order and supports hex output', () => {
    expect(marginalMemory(['0x5', '0x6'], [0, 1])).toEqual(['01', '10'])
    expect(marginalMemory(['0x5', '0x6'], [1, 0])).toEqual(['10', '01'])
    expect(marginalMemory(['0x5'], [0, 2], { returnHex: true })).toEqual(['0x3'])
    expect(marginalMemory(['101'])).toEqual(['101'])
  })

  it('reads bits by value, so hex strings of different lengths work', () => {
    expect(marginalMemory(['0x1', '0x10'], [4])).toEqual(['0', '1'])
  })
})
