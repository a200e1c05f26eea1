import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../src/errors/protocol-error.js'
import {
  assertCursorMatches,
  createJobListCursor,
  decodeJobListCursor,
  encodeJobListCursor,
  type JobListCursor,
} from '../../src/listing/job-list-cursor.js'
import { parseJobListQuery } from '../../src/listing/parse-job-list-query.js'

const timestamp = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString())

const cursorArb: fc.Arbitrary<JobListCursor> = fc.record({
  sort: fc.constantFrom('created_at', 'ended_at'),
  order: fc.constantFrom('asc', 'desc'),
  value: fc.option(timestamp, { nil: null }),
  id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/),
  filterHash: fc.stringMatching(/^[0-9a-f]{16}$/),
})

function thrownBy(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

describe('job list cursors', () => {
  it('round-trip every position through an opaque base64url token', () => {
    fc.assert(
      fc.property(cursorArb, (cursor) => {
        const token = encodeJobListCursor(cursor)
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
        expect(decodeJobListCursor(token)).toEqual(cursor)
      }),
      { seed: 8601, numRuns: 500 },
    )
  })

  it('reject any other string with ProtocolError protocol.invalid-cursor, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.base64String(), fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/)),
        (text) => {
          const error = thrownBy(() => decodeJobListCursor(text))
          if (error !== undefined) {
            expect(error).toBeInstanceOf(ProtocolError)
            expect((error as ProtocolError).code).toBe('protocol.invalid-cursor')
          }
        },
      ),
      { seed: 8602, numRuns: 500 },
    )
  })

  it('reject tampered tokens: truncated, re-encoded JSON with bad fields, wrong version', () => {
    const good = encodeJobListCursor({
      sort: 'created_at',
      order: 'desc',
      value: '2026-09-01T10:00:00.000Z',
      id: 'job_1',
      filterHash: '0123456789abcdef',
    })
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const bad = [
      good.slice(0, -3),
      `${good}=`,
      b64({ v: 2, s: 'created_at', o: 'desc', k: null, i: 'job_1', h: '0123456789abcdef' }),
      b64({ v: 1, s: 'name', o: 'desc', k: null, i: 'job_1', h: '0123456789abcdef' }),
      b64({ v: 1, s: 'created_at', o: 'desc', k: 'yesterday', i: 'job_1', h: '0123456789abcdef' }),
      b64({ v: 1, s: 'created_at', o: 'desc', k: null, i: 'job_1', h: '0123456789abcdef', x: 1 }),
      b64({ v: 1, s: 'created_at', o: 'desc', k: null, i: '../x', h: '0123456789abcdef' }),
      b64([1, 2]),
      'x'.repeat(3000),
      '',
    ]
    for (const token of bad) {
      expect(() => decodeJobListCursor(token), token.slice(0, 40)).toThrow(ProtocolError)
    }
  })

  it('bind a page’s cursor to its filters: same filters pass, other filters are a cursor_mismatch', () => {
    const { filter } = parseJobListQuery({ status: 'QUEUED', limit: '2' })
    const token = createJobListCursor(filter, {
      id: 'job_9',
      created_at: '2026-09-01T10:00:00.000Z',
      ended_at: null,
    })
    expect(decodeJobListCursor(token).value).toBe('2026-09-01T10:00:00.000Z')
    // The page size may change between pages.
    expect(parseJobListQuery({ status: 'QUEUED', limit: '50', cursor: token }).cursor?.id).toBe(
      'job_9',
    )
    for (const other of [
      { status: 'RUNNING' },
      { status: 'QUEUED', order: 'asc' },
      { status: 'QUEUED', tag: 'x' },
    ]) {
      const error = thrownBy(() => parseJobListQuery({ ...other, cursor: token }))
      expect(error).toBeInstanceOf(ProtocolError)
      expect((error as ProtocolError).serviceCode).toBe('cursor_mismatch')
    }
    const cursor = decodeJobListCursor(token)
    expect(() => {
      assertCursorMatches({ ...cursor, sort: 'ended_at' }, filter)
    }).toThrow(/other filters/)
  })

  it('use ended_at as the sort value when sorting by end time', () => {
    const { filter } = parseJobListQuery({ sort: 'ended_at', pending: 'false' })
    const token = createJobListCursor(filter, {
      id: 'job_9',
      created_at: '2026-09-01T10:00:00.000Z',
      ended_at: '2026-09-01T11:00:00.000Z',
    })
    expect(decodeJobListCursor(token)).toMatchObject({
      sort: 'ended_at',
      value: '2026-09-01T11:00:00.000Z',
    })
  })
})
