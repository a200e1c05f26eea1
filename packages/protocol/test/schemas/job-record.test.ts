import type { Static } from '@sinclair/typebox'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { SERVICE_JOB_STATUSES } from '../../src/jobs/service-job-status.js'
import {
  JOB_SUMMARY_FIELDS,
  JobQueueInfoSchema,
  JobRecordSchema,
  JobStatusReasonSchema,
  JobSummarySchema,
  type JobRecord,
} from '../../src/schemas/job-record.js'
import { specJobRecord } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid, withChange } from '../__fixtures__/schema-assertions.js'

describe('JobRecordSchema (§8.3)', () => {
  const record = specJobRecord()

  it('accepts the §8.3 example, which has every field of the record', () => {
    expectValid(JobRecordSchema, record)
    const required = [...JobRecordSchema.required].sort()
    expect(Object.keys(record).sort()).toEqual(required)
  })

  it('accepts final records with a reason, result metadata and unknown extra fields', () => {
    expectValid(
      JobRecordSchema,
      withChange(record, (r) => {
        r['status'] = 'FAILED'
        r['phase'] = null
        r['status_reason'] = {
          code: 'max_execution_time',
          message: 'ran 601 s of 600 s',
          solution: 'raise max_execution_seconds',
          retryable: false,
          details: { limit: 600 },
        }
        r['ended_at'] = '2026-09-01T10:10:01.000Z'
        r['timestamps'] = {
          QUEUED: '2026-09-01T10:00:00.000Z',
          RUNNING: '2026-09-01T10:00:01Z',
          FAILED: '2026-09-01T10:10:01Z',
        }
        r['poll_after_seconds'] = null
        r['future_field'] = { anything: true }
        r['phase_detail'] = 'ignored'
      }),
    )
  })

  it('accepts phases it does not know (open vocabulary)', () => {
    expectValid(
      JobRecordSchema,
      withChange(record, (r) => (r['phase'] = 'calibrating_device')),
    )
  })

  it('rejects typical bad records', () => {
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => (r['status'] = 'DONE')),
      '/status',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => delete r['queue']),
      '/queue',
      'required',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => (r['attempt'] = 0)),
      '/attempt',
      'below_min',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => (r['created_at'] = '2026-09-01 10:00')),
      '/created_at',
      'invalid_format',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => (r['instance'] = 'acme/research')),
      '/instance',
      'pattern_mismatch',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => (r['tags'] = ['a', 'a'])),
      '/tags',
      'duplicate_items',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => (r['visibility'] = 'global')),
      '/visibility',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(
        record,
        (r) => ((r['request'] as Record<string, unknown>)['input_sha256'] = 'xyz'),
      ),
      '/request/input_sha256',
      'pattern_mismatch',
    )
    expectInvalid(
      JobRecordSchema,
      withChange(record, (r) => (r['timestamps'] = { QUEUED: 'yesterday' })),
      '/timestamps/QUEUED',
    )
  })

  it('keeps queue numbers nullable with a message (Braket style)', () => {
    expectValid(JobQueueInfoSchema, {
      position: null,
      position_in_instance: null,
      ahead: { normal: null, priority: null },
      estimated_start_at: null,
      estimated_end_at: null,
      estimate_basis: null,
      as_of: null,
      message: 'job is running',
    })
    expectInvalid(JobQueueInfoSchema, { position: 1 }, '/message', 'required')
  })

  it('requires every member of a status reason', () => {
    expectInvalid(
      JobStatusReasonSchema,
      { code: 'expired', message: 'x' },
      '/retryable',
      'required',
    )
  })

  it('has a status timestamp slot per status', () => {
    const slots = Object.keys(JobRecordSchema.properties.timestamps.properties).sort()
    expect(slots).toEqual([...SERVICE_JOB_STATUSES].sort())
  })
})

describe('JobSummarySchema', () => {
  it('is the record restricted to the summary fields', () => {
    const record = specJobRecord()
    const summary = Object.fromEntries(JOB_SUMMARY_FIELDS.map((k) => [k, record[k]]))
    expectValid(JobSummarySchema, summary)
    expectValid(JobSummarySchema, record)
    expectInvalid(
      JobSummarySchema,
      withChange(summary, (s) => delete s['status']),
      '/status',
      'required',
    )
    expect(Object.keys(JobSummarySchema.properties).sort()).toEqual([...JOB_SUMMARY_FIELDS].sort())
  })

  it('types a record so that it is a summary', () => {
    expectTypeOf<JobRecord>().toExtend<Static<typeof JobSummarySchema>>()
  })
})
