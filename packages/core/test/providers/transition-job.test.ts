import { describe, expect, it } from 'vitest'
import { JOB_STATUSES, isFinalJobStatus } from '../../src/providers/job-status.js'
import { JobError } from '../../src/providers/provider-errors.js'
import {
  canTransitionJob,
  JOB_TRANSITIONS,
  transitionJob,
} from '../../src/providers/transition-job.js'

describe('transitionJob (the one job state machine)', () => {
  it('final statuses are absorbing', () => {
    for (const from of JOB_STATUSES.filter(isFinalJobStatus)) {
      for (const to of JOB_STATUSES) {
        if (to === from) continue
        expect(() => transitionJob(from, to)).toThrow(JobError)
      }
    }
  })

  it('every non-final status may reach every final status (a polled job can skip steps)', () => {
    for (const from of JOB_STATUSES.filter((s) => !isFinalJobStatus(s))) {
      for (const to of ['DONE', 'CANCELLED', 'ERROR'] as const)
        expect(transitionJob(from, to)).toBe(to)
    }
  })

  it('nothing goes back to INITIALIZING; RUNNING may be re-queued (expired lease)', () => {
    for (const from of JOB_STATUSES.filter((s) => s !== 'INITIALIZING')) {
      expect(canTransitionJob(from, 'INITIALIZING')).toBe(false)
    }
    expect(transitionJob('RUNNING', 'QUEUED')).toBe('QUEUED')
    expect(canTransitionJob('RUNNING', 'VALIDATING')).toBe(false)
  })

  it('staying put is allowed and is not a transition', () => {
    for (const s of JOB_STATUSES) expect(transitionJob(s, s)).toBe(s)
    for (const [from, tos] of Object.entries(JOB_TRANSITIONS)) expect(tos).not.toContain(from)
  })

  it('an invalid move throws job.invalid-transition naming both statuses', () => {
    try {
      transitionJob('DONE', 'RUNNING')
      expect.unreachable()
    } catch (error) {
      expect((error as JobError).code).toBe('job.invalid-transition')
      expect((error as Error).message).toMatch(/DONE to RUNNING.*final/)
    }
  })
})
