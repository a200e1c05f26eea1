import { JobFailedError, QfabricError } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { isJobLimitError, retryAfterMsOf } from '../../src/job-manager/is-job-limit-error.js'

describe('isJobLimitError', () => {
  it('recognises limit codes and HTTP 429', () => {
    expect(isJobLimitError(new QfabricError('pending_job_limit_exceeded', 'full'))).toBe(true)
    expect(isJobLimitError(new QfabricError('rate_limited', 'slow down'))).toBe(true)
    expect(isJobLimitError(Object.assign(new Error('Too Many Requests'), { status: 429 }))).toBe(
      true,
    )
  })

  it('leaves other failures alone', () => {
    expect(isJobLimitError(new QfabricError('validation_failed', 'bad circuit'))).toBe(false)
    expect(isJobLimitError(new JobFailedError('j1', 'boom'))).toBe(false)
    expect(isJobLimitError(Object.assign(new Error('gone'), { status: 503 }))).toBe(false)
    expect(isJobLimitError(new RangeError('limit of 3 circuits'))).toBe(false)
    expect(isJobLimitError('limit')).toBe(false)
  })
})

describe('retryAfterMsOf', () => {
  it('reads the delay a refusal asks for, in milliseconds or seconds', () => {
    expect(retryAfterMsOf({ retryAfterMs: 250 })).toBe(250)
    expect(retryAfterMsOf({ retryAfterSeconds: 2 })).toBe(2000)
    expect(retryAfterMsOf(new Error('no hint'))).toBe(0)
  })
})
