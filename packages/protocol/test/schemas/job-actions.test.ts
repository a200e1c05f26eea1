import { describe, it } from 'vitest'
import {
  BatchGetJobsRequestSchema,
  BatchGetJobsResponseSchema,
  CancelJobResponseSchema,
  GetJobHeadersSchema,
  JobParamsSchema,
  UpdateJobRequestSchema,
} from '../../src/schemas/job-actions.js'
import { specJobRecord } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid } from '../__fixtures__/schema-assertions.js'

const record = specJobRecord()
const id = record['id'] as string

describe('job action schemas', () => {
  it('accept cancel answers: accepted, and already final (cancel lost the race)', () => {
    expectValid(CancelJobResponseSchema, {
      status: 'CANCELLED',
      already_final: false,
      job: { ...record, status: 'CANCELLED', phase: null },
    })
    expectValid(CancelJobResponseSchema, {
      status: 'COMPLETED',
      already_final: true,
      job: { ...record, status: 'COMPLETED', phase: null },
    })
    expectInvalid(
      CancelJobResponseSchema,
      { status: 'CANCELLED', job: record },
      '/already_final',
      'required',
    )
  })

  it('validate PATCH name/tags', () => {
    expectValid(UpdateJobRequestSchema, { name: 'renamed' })
    expectValid(UpdateJobRequestSchema, { name: null, tags: [] })
    expectInvalid(UpdateJobRequestSchema, {}, '', 'too_few_properties')
    expectInvalid(UpdateJobRequestSchema, { status: 'CANCELLED' }, '/status', 'unknown_property')
  })

  it('validate batchGet: 1–100 distinct ids', () => {
    expectValid(BatchGetJobsRequestSchema, { ids: [id] })
    expectInvalid(BatchGetJobsRequestSchema, { ids: [] }, '/ids', 'too_few_items')
    expectInvalid(BatchGetJobsRequestSchema, { ids: [id, id] }, '/ids', 'duplicate_items')
    expectInvalid(
      BatchGetJobsRequestSchema,
      { ids: Array.from({ length: 101 }, (_, i) => `job_${i}`) },
      '/ids',
      'too_many_items',
    )
    expectValid(BatchGetJobsResponseSchema, { items: [record], not_found: ['job_missing'] })
  })

  it('validate job path parameters and conditional headers', () => {
    expectValid(JobParamsSchema, { id })
    expectInvalid(JobParamsSchema, { id: 'job/../x' }, '/id', 'pattern_mismatch')
    expectValid(GetJobHeadersSchema, {
      'if-none-match': '"3"',
      prefer: 'wait=30',
      accept: 'application/json',
    })
  })
})
