import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../src/errors/protocol-error.js'
import {
  formatJobListQuery,
  type JobListQueryInput,
} from '../../src/listing/format-job-list-query.js'
import { jobListFilterHash } from '../../src/listing/job-list-filter.js'
import { parseJobListQuery, type RawQuery } from '../../src/listing/parse-job-list-query.js'
import { SERVICE_JOB_STATUSES } from '../../src/jobs/service-job-status.js'

/** What a server framework makes of a query string: repeated keys become arrays. */
function queryOf(text: string): RawQuery {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const prev = out[key]
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value]
  }
  return out
}

function errorsOf(query: RawQuery): { pointer?: string; code: string }[] {
  try {
    parseJobListQuery(query)
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError)
    expect((error as ProtocolError).serviceCode).toBe('validation_failed')
    return [...(error as ProtocolError).errors]
  }
  return []
}

describe('parseJobListQuery', () => {
  it('applies the §8.6 defaults', () => {
    expect(parseJobListQuery({})).toEqual({
      filter: {
        instance: null,
        owner: 'me',
        status: [],
        pending: null,
        backend: [],
        program: [],
        ids: [],
        tag: [],
        tags_match: 'all',
        name_prefix: null,
        created_after: null,
        created_before: null,
        ended_after: null,
        ended_before: null,
        sort: 'created_at',
        order: 'desc',
        limit: 20,
        include_total: false,
      },
      cursor: null,
    })
  })

  it('reads repeated parameters, booleans, numbers and normalises timestamps', () => {
    const { filter } = parseJobListQuery(
      queryOf(
        'status=RUNNING&status=QUEUED&status=RUNNING&pending=true&limit=100&tag=b&tag=a&tags_match=any&created_after=2026-09-01T12:00:00%2B02:00&include_total=true&owner=any',
      ),
    )
    expect(filter).toMatchObject({
      status: ['QUEUED', 'RUNNING'],
      pending: true,
      limit: 100,
      tag: ['a', 'b'],
      tags_match: 'any',
      created_after: '2026-09-01T10:00:00.000Z',
      include_total: true,
      owner: 'any',
    })
  })

  it('accepts values a framework already coerced', () => {
    expect(
      parseJobListQuery({ limit: 5, pending: false, status: ['FAILED'] }).filter,
    ).toMatchObject({ limit: 5, pending: false, status: ['FAILED'] })
  })

  it('rejects unknown, repeated single-valued and invalid parameters with pointers', () => {
    expect(errorsOf({ skip: '10' })).toMatchObject([
      { pointer: '/skip', code: 'unknown_parameter' },
    ])
    expect(errorsOf({ limit: ['10', '20'] })).toMatchObject([
      { pointer: '/limit', code: 'repeated_parameter' },
    ])
    expect(errorsOf({ limit: '0' })).toMatchObject([{ pointer: '/limit', code: 'below_min' }])
    expect(errorsOf({ limit: '101' })).toMatchObject([{ pointer: '/limit', code: 'max_exceeded' }])
    expect(errorsOf({ limit: 'ten' })).toMatchObject([{ pointer: '/limit', code: 'wrong_type' }])
    expect(errorsOf({ pending: 'yes' })).toMatchObject([
      { pointer: '/pending', code: 'wrong_type' },
    ])
    expect(errorsOf({ status: 'DONE' })).toMatchObject([{ pointer: '/status/0' }])
    expect(errorsOf({ created_after: 'yesterday' })).toMatchObject([
      { pointer: '/created_after', code: 'invalid_format' },
    ])
    expect(errorsOf({ instance: 'acme/x/y/z' })).toMatchObject([
      { pointer: '/instance', code: 'pattern_mismatch' },
    ])
    expect(errorsOf({ ids: Array.from({ length: 101 }, (_, i) => `job_${i}`) })).toMatchObject([
      { pointer: '/ids', code: 'too_many_items' },
    ])
  })

  it('rejects time ranges whose bounds are reversed', () => {
    expect(
      errorsOf({ created_after: '2026-09-02T00:00:00Z', created_before: '2026-09-01T00:00:00Z' }),
    ).toMatchObject([{ pointer: '/created_after', code: 'conflict' }])
    expect(
      errorsOf({ ended_after: '2026-09-01T00:00:00Z', ended_before: '2026-09-01T00:00:00Z' }),
    ).toEqual([])
  })

  it('rejects a corrupt cursor as invalid_cursor (400), not a validation error', () => {
    try {
      parseJobListQuery({ cursor: 'bm9wZQ' })
      expect.unreachable()
    } catch (error) {
      expect((error as ProtocolError).serviceCode).toBe('invalid_cursor')
    }
  })

  it('round-trips formatJobListQuery → query string → parse, and equal filters hash equally', () => {
    const ts = fc
      .date({ min: new Date('2000-01-01Z'), max: new Date('2100-01-01Z'), noInvalidDate: true })
      .map((d) => d.toISOString())
    const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/)
    const input: fc.Arbitrary<JobListQueryInput> = fc.record(
      {
        instance: fc.constantFrom('acme', 'acme/research', 'acme/research/vqe'),
        owner: fc.constantFrom('me', 'any', 'user_1'),
        status: fc.subarray([...SERVICE_JOB_STATUSES]),
        pending: fc.boolean(),
        backend: fc.array(name, { maxLength: 3 }),
        tag: fc.array(
          fc
            .string({ minLength: 1, maxLength: 10 })
            .filter((s) => [...s].every((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)),
          { maxLength: 3 },
        ),
        tags_match: fc.constantFrom('all', 'any'),
        name_prefix: fc.string({ minLength: 1, maxLength: 10 }),
        created_after: ts,
        sort: fc.constantFrom('created_at', 'ended_at'),
        order: fc.constantFrom('asc', 'desc'),
        limit: fc.integer({ min: 1, max: 100 }),
        include_total: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(input, (query) => {
        const { filter } = parseJobListQuery(queryOf(formatJobListQuery(query)))
        for (const [key, value] of Object.entries(query)) {
          const got = filter[key as keyof typeof filter]
          if (Array.isArray(value)) expect(got).toEqual([...new Set(value as string[])].sort())
          else expect(got).toEqual(value)
        }
        const again = parseJobListQuery(queryOf(formatJobListQuery({ ...query, limit: 7 }))).filter
        expect(jobListFilterHash(again)).toBe(jobListFilterHash(filter))
      }),
      { seed: 8606, numRuns: 300 },
    )
  })
})
