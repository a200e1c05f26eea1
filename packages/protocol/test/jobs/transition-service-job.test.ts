import { canTransitionJob, JobError } from '@qfabric/core/providers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  JOB_PHASES_BY_STATUS,
  SERVICE_JOB_STATUSES,
  toJobStatus,
  type ServiceJobStatus,
} from '../../src/jobs/service-job-status.js'
import {
  canTransitionServiceJob,
  findServiceJobTransition,
  SERVICE_JOB_TRANSITION_RULES,
  SERVICE_JOB_TRANSITIONS,
  transitionServiceJob,
  transitionServiceJobState,
} from '../../src/jobs/transition-service-job.js'
import { serviceSpec } from '../__fixtures__/examples.js'

/** The `| From | To | Trigger |` table of §8.2, as (from, to, trigger) rows. */
function specTransitions(): {
  from: ServiceJobStatus | null
  to: ServiceJobStatus
  trigger: string
}[] {
  const spec = serviceSpec()
  const table = spec.slice(
    spec.indexOf('| From | To | Trigger |'),
    spec.indexOf('Phase vocabulary'),
  )
  const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| From'))
  return rows
    .filter((l) => !/^\|[\s:|-]+$/.test(l))
    .flatMap((line) => {
      const [from, to, trigger] = line
        .split('|')
        .slice(1, 4)
        .map((c) => c.trim()) as [string, string, string]
      return to.split('/').map((t) => ({
        from: from === '(new)' ? null : (from as ServiceJobStatus),
        to: t as ServiceJobStatus,
        trigger,
      }))
    })
}

/** Checks one rule against the implementation, the spec row and core's coarse machine. */
function expectRule(
  name: string,
  from: ServiceJobStatus | null,
  to: ServiceJobStatus,
  triggerWords: readonly string[],
): void {
  const rule = findServiceJobTransition(from, to)
  expect(rule?.name).toBe(name)
  expect(canTransitionServiceJob(from, to)).toBe(true)
  expect(transitionServiceJob(from, to)).toBe(to)
  const row = specTransitions().find((r) => r.from === from && r.to === to)
  expect(row, `§8.2 has a row ${String(from)} → ${to}`).toBeDefined()
  for (const word of triggerWords) expect(row?.trigger).toContain(word)
  expect(
    canTransitionJob(from === null ? 'INITIALIZING' : toJobStatus(from), toJobStatus(to)),
  ).toBe(true)
}

describe('SERVICE_JOB_TRANSITION_RULES: one test per rule of §8.2', () => {
  it('submit: (new) → QUEUED when POST /v1/jobs is accepted and committed', () => {
    expectRule('submit', null, 'QUEUED', [
      'POST /v1/jobs',
      'waiting_for_slot',
      'waiting_for_window',
    ])
    expect(transitionServiceJobState(null, { status: 'QUEUED' })).toEqual({
      status: 'QUEUED',
      phase: 'queued',
    })
    expect(
      transitionServiceJobState(null, { status: 'QUEUED', phase: 'waiting_for_slot' }).phase,
    ).toBe('waiting_for_slot')
  })

  it('claim: QUEUED → RUNNING when a worker claims the job with a lease', () => {
    expectRule('claim', 'QUEUED', 'RUNNING', ['worker claims', 'lease'])
    expect(
      transitionServiceJobState({ status: 'QUEUED', phase: 'queued' }, { status: 'RUNNING' }).phase,
    ).toBe('preparing')
  })

  it('cancel-queued: QUEUED → CANCELLED on user cancel, session cancel, queue TTL or retirement', () => {
    expectRule('cancel-queued', 'QUEUED', 'CANCELLED', [
      'user cancel',
      'queue_ttl',
      'backend retired',
    ])
    expect(
      transitionServiceJobState({ status: 'QUEUED', phase: 'queued' }, { status: 'CANCELLED' })
        .phase,
    ).toBeNull()
  })

  it('request-cancel: RUNNING → CANCELLING on user cancel while running (coarse status stays RUNNING)', () => {
    expectRule('request-cancel', 'RUNNING', 'CANCELLING', ['user cancel while running'])
    expect(toJobStatus('CANCELLING')).toBe('RUNNING')
    expect(
      transitionServiceJobState({ status: 'RUNNING', phase: 'executing' }, { status: 'CANCELLING' })
        .phase,
    ).toBe('cancel_requested')
  })

  it('acknowledge-cancel: CANCELLING → CANCELLED when the worker acknowledges', () => {
    expectRule('acknowledge-cancel', 'CANCELLING', 'CANCELLED', ['acknowledged', 'partial: true'])
  })

  it('complete-before-cancel: CANCELLING → COMPLETED when the cancel lost the race', () => {
    expectRule('complete-before-cancel', 'CANCELLING', 'COMPLETED', ['lost the race'])
  })

  it('fail-before-cancel: CANCELLING → FAILED when the cancel lost the race', () => {
    expectRule('fail-before-cancel', 'CANCELLING', 'FAILED', ['lost the race'])
  })

  it('complete: RUNNING → COMPLETED once the result is stored durably', () => {
    expectRule('complete', 'RUNNING', 'COMPLETED', ['result stored durably'])
  })

  it('fail: RUNNING → FAILED on execution error, time limit, or lost worker', () => {
    expectRule('fail', 'RUNNING', 'FAILED', [
      'execution error',
      'max_execution_time',
      'worker lost',
    ])
  })

  it('requeue: RUNNING → QUEUED when the lease expired and the job is retryable', () => {
    expectRule('requeue', 'RUNNING', 'QUEUED', ['lease expired', 'attempt'])
    expect(
      transitionServiceJobState({ status: 'RUNNING', phase: 'executing' }, { status: 'QUEUED' })
        .phase,
    ).toBe('queued')
  })
})

describe('the transition table as a whole', () => {
  it('has exactly the rows of the §8.2 table, each once', () => {
    const spec = specTransitions()
      .map((r) => `${String(r.from)}→${r.to}`)
      .sort()
    const ours = SERVICE_JOB_TRANSITION_RULES.map((r) => `${String(r.from)}→${r.to}`).sort()
    expect(ours).toEqual(spec)
    expect(new Set(ours).size).toBe(ours.length)
    expect(new Set(SERVICE_JOB_TRANSITION_RULES.map((r) => r.name)).size).toBe(ours.length)
  })

  it('makes final statuses absorbing', () => {
    for (const final of ['COMPLETED', 'FAILED', 'CANCELLED'] as const) {
      expect(SERVICE_JOB_TRANSITIONS[final]).toEqual([])
      for (const to of SERVICE_JOB_STATUSES.filter((s) => s !== final)) {
        expect(() => transitionServiceJob(final, to)).toThrow(/is final/)
      }
    }
  })

  it('lets a queued job end only by cancellation (no QUEUED → FAILED or COMPLETED)', () => {
    expect(canTransitionServiceJob('QUEUED', 'FAILED')).toBe(false)
    expect(canTransitionServiceJob('QUEUED', 'COMPLETED')).toBe(false)
    expect(canTransitionServiceJob('QUEUED', 'CANCELLING')).toBe(false)
    expect(canTransitionServiceJob('CANCELLING', 'RUNNING')).toBe(false)
    expect(canTransitionServiceJob('CANCELLING', 'QUEUED')).toBe(false)
  })

  it('creates jobs only as QUEUED', () => {
    for (const to of SERVICE_JOB_STATUSES.filter((s) => s !== 'QUEUED')) {
      expect(canTransitionServiceJob(null, to)).toBe(false)
    }
  })

  it('throws core’s JobError job.invalid-transition for every forbidden move', () => {
    const status = fc.constantFrom(...SERVICE_JOB_STATUSES)
    fc.assert(
      fc.property(fc.option(status, { nil: null }), status, (from, to) => {
        const allowed =
          from === to || SERVICE_JOB_TRANSITION_RULES.some((r) => r.from === from && r.to === to)
        if (allowed) {
          expect(transitionServiceJob(from, to)).toBe(to)
        } else {
          let thrown: unknown
          try {
            transitionServiceJob(from, to)
          } catch (error) {
            thrown = error
          }
          expect(thrown).toBeInstanceOf(JobError)
          expect((thrown as JobError).code).toBe('job.invalid-transition')
        }
      }),
      { seed: 8202, numRuns: 200 },
    )
  })

  it('agrees with core’s transitionJob: every allowed move is allowed (or a no-op) there', () => {
    for (const rule of SERVICE_JOB_TRANSITION_RULES) {
      const from = rule.from === null ? 'INITIALIZING' : toJobStatus(rule.from)
      expect(canTransitionJob(from, toJobStatus(rule.to)), rule.name).toBe(true)
    }
  })

  it('allows phase changes within a status but checks that the phase belongs to it', () => {
    const running = { status: 'RUNNING', phase: 'compiling' } as const
    expect(transitionServiceJobState(running, { status: 'RUNNING', phase: 'executing' })).toEqual({
      status: 'RUNNING',
      phase: 'executing',
    })
    expect(() =>
      transitionServiceJobState(running, { status: 'RUNNING', phase: 'waiting_for_slot' }),
    ).toThrow(RangeError)
    expect(() =>
      transitionServiceJobState(running, { status: 'COMPLETED', phase: 'storing_result' }),
    ).toThrow(RangeError)
    for (const status of SERVICE_JOB_STATUSES) {
      for (const phase of JOB_PHASES_BY_STATUS[status]) {
        expect(transitionServiceJobState({ status, phase }, { status, phase }).phase).toBe(phase)
      }
    }
  })
})
