import { describe, expect, it } from 'vitest'
import { isJobReasonCode, JOB_REASON_CODES } from '../../src/jobs/job-reason-codes.js'
import { serviceSpec } from '../__fixtures__/examples.js'

describe('JOB_REASON_CODES', () => {
  it('contains every reason.code the contract names, each with its final status', () => {
    const named = [...serviceSpec().matchAll(/reason\.code=([a-z_]+)/g)].map((m) => m[1]!)
    expect(named.length).toBeGreaterThan(0)
    for (const code of named) expect(isJobReasonCode(code), code).toBe(true)
    expect(JOB_REASON_CODES.expired.status).toBe('CANCELLED')
    expect(JOB_REASON_CODES.max_execution_time.status).toBe('FAILED')
    expect(JOB_REASON_CODES.interrupted.status).toBe('FAILED')
  })

  it('uses snake_case codes, non-empty messages', () => {
    for (const [code, info] of Object.entries(JOB_REASON_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/)
      expect(info.message.length).toBeGreaterThan(0)
    }
    expect(isJobReasonCode('nope')).toBe(false)
  })
})
