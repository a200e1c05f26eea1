import { describe, it } from 'vitest'
import { JobListPageSchema, JobListQuerySchema } from '../../src/schemas/job-list.js'
import { JOB_SUMMARY_FIELDS } from '../../src/schemas/job-record.js'
import { specJobRecord } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid } from '../__fixtures__/schema-assertions.js'

const record = specJobRecord()
const summary = Object.fromEntries(JOB_SUMMARY_FIELDS.map((k) => [k, record[k]]))

describe('JobListPageSchema', () => {
  it('accepts a page with a cursor, the last page, and a page with total', () => {
    expectValid(JobListPageSchema, { items: [summary], next_cursor: 'eyJ2IjoxfQ', has_more: true })
    expectValid(JobListPageSchema, { items: [], next_cursor: null, has_more: false, total: 0 })
  })

  it('rejects pages without has_more or with a bad item', () => {
    expectInvalid(JobListPageSchema, { items: [], next_cursor: null }, '/has_more', 'required')
    expectInvalid(
      JobListPageSchema,
      { items: [{ ...summary, status: 'ERROR' }], next_cursor: null, has_more: false },
      '/items/0/status',
    )
    expectInvalid(
      JobListPageSchema,
      { items: [], next_cursor: null, has_more: false, total: -1 },
      '/total',
    )
  })
})

describe('JobListQuerySchema (coerced by a framework)', () => {
  it('accepts every §8.6 parameter', () => {
    expectValid(JobListQuerySchema, {
      instance: 'acme/research',
      owner: 'any',
      status: ['QUEUED', 'RUNNING'],
      pending: true,
      backend: ['fake_lima'],
      program: ['circuit-runner'],
      ids: ['job_01J9Z3K7Q8V2M4N6P0R2S4T6V8'],
      tag: ['exp-42'],
      tags_match: 'any',
      name_prefix: 'bell',
      created_after: '2026-09-01T00:00:00Z',
      created_before: '2026-09-02T00:00:00Z',
      ended_after: '2026-09-01T00:00:00Z',
      ended_before: '2026-09-02T00:00:00Z',
      sort: 'ended_at',
      order: 'asc',
      limit: 100,
      cursor: 'abc',
      include_total: true,
    })
  })

  it('rejects out-of-range and unknown parameters', () => {
    expectInvalid(JobListQuerySchema, { limit: 101 }, '/limit', 'max_exceeded')
    expectInvalid(JobListQuerySchema, { limit: 0 }, '/limit', 'below_min')
    expectInvalid(JobListQuerySchema, { status: ['DONE'] }, '/status/0')
    expectInvalid(JobListQuerySchema, { skip: 20 }, '/skip', 'unknown_property')
    expectInvalid(JobListQuerySchema, { owner: 'someone else' }, '/owner', 'pattern_mismatch')
  })
})
