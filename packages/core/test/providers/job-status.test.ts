import { describe, expect, it } from 'vitest'
import {
  FINAL_JOB_STATUSES,
  isFinalJobStatus,
  isJobStatus,
  JOB_STATUS_DESCRIPTIONS,
  JOB_STATUSES,
} from '../../src/providers/job-status.js'

describe('JobStatus (qiskit-semantics §A.7)', () => {
  it("A.7 JobStatus has Qiskit's seven names", () => {
    expect(JOB_STATUSES).toEqual([
      'INITIALIZING',
      'QUEUED',
      'VALIDATING',
      'RUNNING',
      'CANCELLED',
      'DONE',
      'ERROR',
    ])
    expect(JOB_STATUS_DESCRIPTIONS.INITIALIZING).toBe('job is being initialized')
  })

  it('A.7 JOB_FINAL_STATES = (DONE, CANCELLED, ERROR)', () => {
    expect([...FINAL_JOB_STATUSES].sort()).toEqual(['CANCELLED', 'DONE', 'ERROR'])
    expect(JOB_STATUSES.filter(isFinalJobStatus).sort()).toEqual(['CANCELLED', 'DONE', 'ERROR'])
  })

  it('C.4 statuses are plain strings; a guard checks unknown input', () => {
    expect(isJobStatus('RUNNING')).toBe(true)
    expect(isJobStatus('running')).toBe(false)
    expect(isJobStatus(3)).toBe(false)
  })
})
