import { describe, expect, it } from 'vitest'
import {
  EventStreamQuerySchema,
  JobEventHistorySchema,
  SERVICE_EVENT_TYPES,
  ServiceJobEventSchema,
  StoredJobEventSchema,
} from '../../src/schemas/job-events.js'
import { EVENTS } from '../__fixtures__/events.js'
import { expectInvalid, expectValid } from '../__fixtures__/schema-assertions.js'

describe('job event schemas (§8.5)', () => {
  it('accept one event of every type, each discriminated by type with a seq', () => {
    expect(EVENTS.map((e) => e.type)).toEqual([...SERVICE_EVENT_TYPES])
    for (const event of EVENTS) expectValid(ServiceJobEventSchema, event)
    expectValid(JobEventHistorySchema, { items: EVENTS.slice(1), has_more: false })
  })

  it('keep snapshots out of the stored log', () => {
    expectInvalid(StoredJobEventSchema, EVENTS[0], '')
    for (const event of EVENTS.slice(1)) expectValid(StoredJobEventSchema, event)
  })

  it('reject events without seq, with seq 0, or with fields of another type', () => {
    const noSeq: Record<string, unknown> = { ...EVENTS[3]! }
    delete noSeq['seq']
    expectInvalid(ServiceJobEventSchema, noSeq, '')
    expectInvalid(ServiceJobEventSchema, { ...EVENTS[3]!, seq: 0 }, '')
    expectInvalid(ServiceJobEventSchema, { ...EVENTS[3]!, type: 'job.log' }, '')
    expectValid(ServiceJobEventSchema, { ...EVENTS[0]!, seq: 0 })
  })

  it('validate the multiplexed stream query', () => {
    expectValid(EventStreamQuerySchema, {
      instance: 'acme',
      job_ids: [EVENTS[0]!.job_id],
      types: ['job.status'],
    })
    expectInvalid(EventStreamQuerySchema, { types: ['job.deleted'] }, '/types/0')
  })
})
